"""Interference and the PEG: the same baseline, recent week and change as pain, without a verdict.

The pain entries' three interference items (0-10 each: sleep, general activity, enjoyment of
life) and the PEG score (`models.peg_score`: the mean of average pain, enjoyment interference
and general activity interference, for an entry that has all three) are series of a daily
0-10 measure, so they go through `analysis.change.baseline_and_change` like pain does: the
baseline is the first 14 days *with that measure* within 28 days of its start (the diary's
first such day, or the first on or after `--baseline-from`), the recent mean is the period's
last 7 days (at least 3 with the measure), and the change comes with its 95% interval from the
day-to-day variation. `thresholds=False`: the pain thresholds (IMMPACT's percentages, Farrar's
2 points) are about pain intensity, and the project's checked fact sheet has none for the PEG
or for a single interference item, so a fall beyond the variation is called "lower" and never
judged important or not.

Every figure needs its minimum number of days: `MIN_DAYS` (3) for a mean over the period or
the recent week, 7 for a baseline (`change.MIN_BASELINE_DAYS`). Below it the figure is None
and the count says how many days there were.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from tracker.analysis.calendar import DayLike, iso, shift
from tracker.analysis.change import MIN_DAYS, baseline_and_change
from tracker.analysis.days import mean
from tracker.models import Row, peg_score

#: The interference items: their names in the summary, and the pain row's field.
ITEMS: dict[str, str] = {
    "sleep": "sleep_interference",
    "activity": "activity_interference",
    "enjoyment": "enjoyment_interference",
}


def _row_peg(row: Row) -> float | None:
    return peg_score(
        row["average"], row.get("activity_interference"), row.get("enjoyment_interference")
    )


def peg_by_day(pain_rows: Iterable[Row]) -> dict[str, float]:
    """ISO day -> mean PEG score of that day's entries that have all three items."""
    return _by_day(pain_rows, _row_peg)


def item_by_day(pain_rows: Iterable[Row], field: str) -> dict[str, float]:
    """ISO day -> mean of that day's ratings of one interference field (days with one)."""
    return _by_day(pain_rows, lambda row: row.get(field))


def _by_day(pain_rows: Iterable[Row], value_of: Callable[[Row], float | None]) -> dict[str, float]:
    sums: dict[str, float] = {}
    counts: dict[str, int] = {}
    for row in pain_rows:
        value = value_of(row)
        if value is None:
            continue
        day = row["date"]
        sums[day] = sums.get(day, 0.0) + value
        counts[day] = counts.get(day, 0) + 1
    return {day: sums[day] / counts[day] for day in sorted(sums)}


def measure_summary(
    daily: dict[str, float],
    *,
    start: str | None,
    end: str,
    today: DayLike,
    baseline_from: DayLike | None = None,
) -> Row:
    """One measure's figures over start..end: `baseline_and_change` without thresholds, plus
    period_avg/period_days (the mean of the period's days, None under MIN_DAYS) and
    trend_points (the last 7 days to `today` minus the 7 before, None unless each has
    MIN_DAYS days)."""
    period = [v for day, v in daily.items() if (start is None or day >= start) and day <= end]
    period_avg = mean(period) if len(period) >= MIN_DAYS else None
    return {
        "period_avg": None if period_avg is None else round(period_avg, 1),
        "period_days": len(period),
        **baseline_and_change(
            daily, start=start, end=end, baseline_from=baseline_from, thresholds=False
        ),
        "trend_points": week_on_week(daily, today),
    }


def week_on_week(daily: dict[str, float], today: DayLike) -> float | None:
    """Mean of today-6..today minus mean of today-13..today-7 (2 decimals; positive = rising),
    None unless each week has MIN_DAYS days with a value."""
    today_iso = iso(today) or ""
    week_start, last_start, last_end = shift(today, -6), shift(today, -13), shift(today, -7)
    this_week = [v for d, v in daily.items() if week_start <= d <= today_iso]
    last_week = [v for d, v in daily.items() if last_start <= d <= last_end]
    this_avg, last_avg = mean(this_week), mean(last_week)
    if len(this_week) < MIN_DAYS or len(last_week) < MIN_DAYS:
        return None
    if this_avg is None or last_avg is None:  # not with MIN_DAYS values each
        return None
    return round(this_avg - last_avg, 2)


def interference_summary(
    pain_rows: list[Row],
    *,
    start: str | None,
    end: str,
    today: DayLike,
    baseline_from: DayLike | None = None,
) -> Row:
    """The `peg` and `interference` keys of `summarize` (see its docstring)."""
    daily, entries = _daily_measures(pain_rows, start, end)
    figures = {
        name: measure_summary(
            values, start=start, end=end, today=today, baseline_from=baseline_from
        )
        for name, values in daily.items()
    }
    peg = {**figures.pop("peg"), "entries": entries}
    return {"peg": peg, "interference": figures}


def _daily_measures(
    pain_rows: Iterable[Row], start: str | None, end: str
) -> tuple[dict[str, dict[str, float]], int]:
    """One pass over the rows: each measure's day -> mean (`peg_by_day`, `item_by_day`), and
    the entries of start..end with a PEG."""
    names = ("peg", *ITEMS)
    sums: dict[str, dict[str, float]] = {name: {} for name in names}
    counts: dict[str, dict[str, int]] = {name: {} for name in names}
    entries = 0
    for row in pain_rows:
        day = row["date"]
        sleep, activity, enjoyment = (row.get(field) for field in ITEMS.values())
        peg = None if activity is None or enjoyment is None else _row_peg(row)
        if peg is not None and (start is None or day >= start) and day <= end:
            entries += 1
        for name, value in zip(names, (peg, sleep, activity, enjoyment), strict=True):
            if value is not None:
                sums[name][day] = sums[name].get(day, 0.0) + value
                counts[name][day] = counts[name].get(day, 0) + 1
    daily = {
        name: {day: total / counts[name][day] for day, total in sorted(sums[name].items())}
        for name in names
    }
    return daily, entries
