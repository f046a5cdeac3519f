"""Exercise dose: minutes per ISO week, in total and by category, against a weekly target.

The default target is 150 minutes of moderate aerobic activity a week (WHO 2020 guidelines).
The target is compared with *moderate-equivalent* aerobic minutes: a session rated effort
(RPE, Borg CR10) 7 or more is vigorous and each of its minutes counts as two moderate ones.
That doubling and the RPE cut-off are tracker's own rule (the fact sheet confirms only the WHO
150-300 minutes of moderate activity); the words say so (`tracker.words.exercise`).

Only *full* weeks are judged against the target: a week the diary, the period or today cuts
short (the diary's first week, the current week, a week before the diary began) is `complete`
False and left out of the "target met" counts, so a new diary never shows a missed week.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import NamedTuple

from tracker.analysis.calendar import DayLike, as_date, iso, monday_of
from tracker.models import CATEGORIES, Row

DEFAULT_WEEKLY_TARGET = 150
#: A session rated this effort or more (Borg CR10, 0-10) is vigorous: its minutes count double.
VIGOROUS_RPE = 7
#: One vigorous minute counts as this many moderate minutes.
VIGOROUS_FACTOR = 2


def iso_week(day: DayLike) -> str:
    """The ISO week of a day, e.g. '2026-W47' (weeks start on Monday)."""
    year, week, _ = as_date(day).isocalendar()
    return f"{year}-W{week:02d}"


def category_of(row: Row) -> str:
    """The session's category, 'other' when it is missing or not in the vocabulary."""
    category = row.get("category")
    return category if category in CATEGORIES else "other"


def zero_categories() -> dict[str, int]:
    """Every category with 0 minutes, in vocabulary order."""
    return dict.fromkeys(CATEGORIES, 0)


def is_vigorous(row: Row) -> bool:
    """The session was rated effort 7 or more (Borg CR10)."""
    rpe = row.get("rpe")
    return rpe is not None and rpe >= VIGOROUS_RPE


def moderate_equivalent(row: Row) -> int:
    """The session's minutes in moderate-equivalent minutes (vigorous minutes count double)."""
    minutes: int = row["minutes"]
    return minutes * VIGOROUS_FACTOR if is_vigorous(row) else minutes


def aerobic_equivalent_minutes(
    exercise_rows: Iterable[Row], start: DayLike | None = None, end: DayLike | None = None
) -> int:
    """Moderate-equivalent minutes of the aerobic sessions over start..end inclusive."""
    first, last = iso(start), iso(end)
    return sum(
        moderate_equivalent(row)
        for row in exercise_rows
        if category_of(row) == "aerobic"
        and (first is None or row["date"] >= first)
        and (last is None or row["date"] <= last)
    )


def minutes_by_category(
    exercise_rows: Iterable[Row], start: DayLike | None = None, end: DayLike | None = None
) -> dict[str, int]:
    """Minutes per category over start..end inclusive (open when None); all categories present."""
    first, last = iso(start), iso(end)
    totals = zero_categories()
    for row in exercise_rows:
        if (first is None or row["date"] >= first) and (last is None or row["date"] <= last):
            totals[category_of(row)] += row["minutes"]
    return totals


def weekly_exercise(
    exercise_rows: Iterable[Row],
    start: DayLike | None = None,
    end: DayLike | None = None,
    target: int = DEFAULT_WEEKLY_TARGET,
    *,
    diary_start: DayLike | None = None,
    today: DayLike | None = None,
) -> list[Row]:
    """One dict per ISO week from the week of `start` to the week of `end`, empty weeks included.

    start/end default to the first and last session; sessions outside them are ignored, so the
    first and last week may be partial. Each week: `week` ('2026-W47'), `week_start` (its
    Monday, ISO), `minutes` (total), `by_category` (every category, 0 where none),
    `aerobic_minutes`, `aerobic_equivalent_minutes` (moderate-equivalent: vigorous minutes
    count double), `target_met` (aerobic_equivalent_minutes >= `target`) and `complete`: the
    whole week lies on or after `diary_start` (the diary's first logged day) and inside
    start..end, and ended before `today` (a bound left None does not cut).
    """
    first, last = iso(start), iso(end)
    bounds = _Bounds(first, last, iso(diary_start), iso(today))
    weeks: dict[str, dict[str, int]] = {}
    equivalent: dict[str, int] = {}
    mondays: dict[str, str] = {}  # day -> its Monday, worked out once per day
    for row in exercise_rows:
        day = row["date"]
        if (first is None or day >= first) and (last is None or day <= last):
            monday = mondays.get(day) or mondays.setdefault(day, monday_of(day))
            by_category = weeks.get(monday) or weeks.setdefault(monday, zero_categories())
            category = category_of(row)
            by_category[category] += row["minutes"]
            if category == "aerobic":
                equivalent[monday] = equivalent.get(monday, 0) + moderate_equivalent(row)
    if first is None or last is None:
        if not weeks:
            return []
        first = first or min(weeks)
        last = last or max(weeks)
    return [
        _week(monday, weeks.get(monday), equivalent.get(monday, 0), target, bounds)
        for monday in _mondays(first, last)
    ]


class _Bounds(NamedTuple):
    """What can cut a week short: the period, the diary's first day, today."""

    first: str | None
    last: str | None
    diary_start: str | None
    today: str | None

    def whole(self, monday: str) -> bool:
        sunday = (as_date(monday) + dt.timedelta(days=6)).isoformat()
        return (
            (self.first is None or monday >= self.first)
            and (self.last is None or sunday <= self.last)
            and (self.diary_start is None or monday >= self.diary_start)
            and (self.today is None or sunday < self.today)
        )


def _mondays(first: str, last: str) -> list[str]:
    monday = as_date(monday_of(first))
    end = as_date(last)
    result = []
    while monday <= end:
        result.append(monday.isoformat())
        monday += dt.timedelta(days=7)
    return result


def _week(
    monday: str, by_category: dict[str, int] | None, equivalent: int, target: int, bounds: _Bounds
) -> Row:
    by_category = by_category or zero_categories()
    return {
        "week": iso_week(monday),
        "week_start": monday,
        "minutes": sum(by_category.values()),
        "by_category": by_category,
        "aerobic_minutes": by_category["aerobic"],
        "aerobic_equivalent_minutes": equivalent,
        "target_met": equivalent >= target,
        "complete": bounds.whole(monday),
    }
