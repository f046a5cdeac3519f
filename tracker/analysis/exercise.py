"""Exercise dose: minutes per ISO week, in total and by category, against a weekly target.

The default target is 150 minutes of moderate aerobic activity a week (WHO 2020 guidelines).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from tracker.analysis.calendar import DayLike, as_date, iso, monday_of
from tracker.models import CATEGORIES

DEFAULT_WEEKLY_TARGET = 150


def iso_week(day: DayLike) -> str:
    """The ISO week of a day, e.g. '2026-W47' (weeks start on Monday)."""
    year, week, _ = as_date(day).isocalendar()
    return f"{year}-W{week:02d}"


def category_of(row: dict) -> str:
    """The session's category, 'other' when it is missing or not in the vocabulary."""
    category = row.get("category")
    return category if category in CATEGORIES else "other"


def zero_categories() -> dict[str, int]:
    """Every category with 0 minutes, in vocabulary order."""
    return dict.fromkeys(CATEGORIES, 0)


def minutes_by_category(
    exercise_rows: Iterable[dict], start: DayLike | None = None, end: DayLike | None = None
) -> dict[str, int]:
    """Minutes per category over start..end inclusive (open when None); all categories present."""
    first, last = iso(start), iso(end)
    totals = zero_categories()
    for row in exercise_rows:
        if (first is None or row["date"] >= first) and (last is None or row["date"] <= last):
            totals[category_of(row)] += row["minutes"]
    return totals


def weekly_exercise(
    exercise_rows: Iterable[dict],
    start: DayLike | None = None,
    end: DayLike | None = None,
    target: int = DEFAULT_WEEKLY_TARGET,
) -> list[dict]:
    """One dict per ISO week from the week of `start` to the week of `end`, empty weeks included.

    start/end default to the first and last session; sessions outside them are ignored, so the
    first and last week may be partial. Each week: `week` ('2026-W47'), `week_start` (its
    Monday, ISO), `minutes` (total), `by_category` (every category, 0 where none),
    `aerobic_minutes` and `target_met` (aerobic minutes >= `target`).
    """
    first, last = iso(start), iso(end)
    weeks: dict[str, dict[str, int]] = {}
    mondays: dict[str, str] = {}  # day -> its Monday, worked out once per day
    for row in exercise_rows:
        day = row["date"]
        if (first is None or day >= first) and (last is None or day <= last):
            monday = mondays.get(day) or mondays.setdefault(day, monday_of(day))
            by_category = weeks.get(monday) or weeks.setdefault(monday, zero_categories())
            by_category[category_of(row)] += row["minutes"]
    if first is None or last is None:
        if not weeks:
            return []
        first = first or min(weeks)
        last = last or max(weeks)
    return [_week(monday, weeks.get(monday), target) for monday in _mondays(first, last)]


def _mondays(first: str, last: str) -> list[str]:
    monday = as_date(monday_of(first))
    end = as_date(last)
    result = []
    while monday <= end:
        result.append(monday.isoformat())
        monday += dt.timedelta(days=7)
    return result


def _week(monday: str, by_category: dict[str, int] | None, target: int) -> dict:
    by_category = by_category or zero_categories()
    aerobic = by_category["aerobic"]
    return {
        "week": iso_week(monday),
        "week_start": monday,
        "minutes": sum(by_category.values()),
        "by_category": by_category,
        "aerobic_minutes": aerobic,
        "target_met": aerobic >= target,
    }
