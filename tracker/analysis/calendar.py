"""Calendar arithmetic on ISO days, written once for analysis, plots and the app.

Days travel through tracker as ISO 'YYYY-MM-DD' strings (they compare and sort as dates);
these helpers take a string or a `datetime.date` and give back strings. Weeks start on Monday,
as ISO weeks do.
"""

from __future__ import annotations

import datetime as dt
from typing import overload

from tracker.models import DAYS_AHEAD, Row

DayLike = str | dt.date


def as_date(value: DayLike) -> dt.date:
    """A date from a date or an ISO 'YYYY-MM-DD' string."""
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value)


@overload
def iso(value: DayLike) -> str: ...
@overload
def iso(value: DayLike | None) -> str | None: ...
def iso(value: DayLike | None) -> str | None:
    """The ISO string of a day, or None."""
    return None if value is None else as_date(value).isoformat()


def shift(day: DayLike, days: int) -> str:
    """The ISO day `days` calendar days after `day` (before, when negative)."""
    return (as_date(day) + dt.timedelta(days=days)).isoformat()


def monday_of(day: DayLike) -> str:
    """The ISO day of the Monday that starts `day`'s week (the day itself on a Monday)."""
    date = as_date(day)
    return (date - dt.timedelta(days=date.weekday())).isoformat()


def calendar(start: DayLike, end: DayLike) -> list[str]:
    """Every calendar day from start to end inclusive, as ISO strings ([] when end < start)."""
    fromordinal = dt.date.fromordinal
    days = range(as_date(start).toordinal(), as_date(end).toordinal() + 1)
    return [fromordinal(ordinal).isoformat() for ordinal in days]


def diary_today(today: DayLike, *row_lists: list[Row]) -> dt.date:
    """The diary's today: this computer's `today`, or the day after it when an entry is dated
    so (it was logged "today" in a time zone ahead: `models.DAYS_AHEAD`).

    So an entry from a zone ahead is counted on the day it carries, in its week, and "days
    since the last entry" never goes below 0; a later date (damage) is still left out.
    """
    day = as_date(today)
    ahead = (day + dt.timedelta(days=DAYS_AHEAD)).isoformat()
    latest = max(
        (row["date"] for rows in row_lists for row in rows if row["date"] <= ahead), default=""
    )
    return as_date(latest) if latest > day.isoformat() else day
