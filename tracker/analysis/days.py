"""Pain per calendar day: the series every other analysis and chart reads, and rolling means.

A day with no pain entry stays a gap (None), never zero: a missing rating is not a pain-free day.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from tracker.analysis.calendar import DayLike, calendar, iso
from tracker.models import Row, peg_score

#: Trailing windows (calendar days) of the rolling means in the daily series.
ROLLING_WINDOWS: tuple[int, ...] = (7, 28)


def in_period(rows: Iterable[Row], start: str | None, end: str | None) -> list[Row]:
    """The rows with start <= date <= end (ISO strings compare as dates; None = open)."""
    return [
        row
        for row in rows
        if (start is None or row["date"] >= start) and (end is None or row["date"] <= end)
    ]


def mean(values: Sequence[float]) -> float | None:
    """The arithmetic mean, or None for no values."""
    return sum(values) / len(values) if values else None


def pain_by_day(pain_rows: Iterable[Row]) -> dict[str, float]:
    """ISO day -> mean of that day's `average` ratings, for days with at least one entry."""
    sums: dict[str, float] = {}
    counts: dict[str, int] = {}
    for row in pain_rows:
        day = row["date"]
        sums[day] = sums.get(day, 0.0) + row["average"]
        counts[day] = counts.get(day, 0) + 1
    return {day: sums[day] / counts[day] for day in sorted(sums)}


def rolling_mean(
    values: Sequence[float | None], window: int, min_days: int | None = None
) -> list[float | None]:
    """Trailing mean over `window` consecutive slots (one slot per calendar day).

    The mean is over the slots inside the window that hold a value; a window with fewer than
    `min_days` values gives None. The default `min_days` is half the window rounded up
    (4 of 7, 14 of 28): a week with three ratings is not called a weekly mean.
    One pass with a running sum: linear in the number of days.
    """
    need = (window + 1) // 2 if min_days is None else min_days
    result: list[float | None] = []
    total, count = 0.0, 0
    for i, value in enumerate(values):
        if value is not None:
            total += value
            count += 1
        leaving = values[i - window] if i >= window else None
        if leaving is not None:
            total -= leaving
            count -= 1
        result.append(total / count if count >= need else None)
    return result


def _day_values(entries: list[Row]) -> Row:
    """The daily values of one day's entries (see `daily_series`)."""
    if len(entries) == 1:  # the usual day: no means to take (halves the series' cost)
        row = entries[0]
        sleep = row.get("sleep_interference")
        return {
            "entries": 1,
            "average": float(row["average"]),
            "worst": row.get("worst"),
            "least": row.get("least"),
            "sleep_interference": None if sleep is None else float(sleep),
            "peg": peg_score(
                row["average"], row.get("activity_interference"), row.get("enjoyment_interference")
            ),
        }
    averages = [row["average"] for row in entries]
    worst = [row["worst"] for row in entries if row.get("worst") is not None]
    least = [row["least"] for row in entries if row.get("least") is not None]
    sleep = [
        row["sleep_interference"] for row in entries if row.get("sleep_interference") is not None
    ]
    pegs = [
        peg
        for row in entries
        if (
            peg := peg_score(
                row["average"], row.get("activity_interference"), row.get("enjoyment_interference")
            )
        )
        is not None
    ]
    return {
        "entries": len(entries),
        "average": _round(mean(averages)),
        "worst": max(worst) if worst else None,
        "least": min(least) if least else None,
        "sleep_interference": _round(mean(sleep)),
        "peg": _round(mean(pegs)),
    }


_EMPTY_DAY = {
    "entries": 0,
    "average": None,
    "worst": None,
    "least": None,
    "sleep_interference": None,
    "peg": None,
}


def _round(value: float | None, digits: int = 2) -> float | None:
    return None if value is None else round(value, digits)


def daily_series(
    pain_rows: Iterable[Row], start: DayLike | None = None, end: DayLike | None = None
) -> list[Row]:
    """One dict per calendar day from start to end (default: first and last day with an entry).

    Each day: `date`, `entries` (count), `average` (mean of the day's averages), `worst`
    (highest), `least` (lowest), `sleep_interference` (mean), `peg` (mean of the PEG scores of
    the entries that have all three parts), `mean_7` and `mean_28` (trailing rolling means of
    the daily `average`, see `rolling_mean`). Gaps are None; values are rounded to 2 decimals.
    Rows outside start..end are ignored.
    """
    days: dict[str, list[Row]] = {}
    for row in pain_rows:
        days.setdefault(row["date"], []).append(row)
    if not days and (start is None or end is None):
        return []
    first = iso(start) or min(days)
    last = iso(end) or max(days)
    series = [
        {"date": day, **(_day_values(days[day]) if day in days else _EMPTY_DAY)}
        for day in calendar(first, last)
    ]
    averages = [
        sum(r["average"] for r in days[d["date"]]) / len(days[d["date"]]) if d["entries"] else None
        for d in series
    ]
    for window in ROLLING_WINDOWS:
        name = f"mean_{window}"
        for day, value in zip(series, rolling_mean(averages, window), strict=True):
            day[name] = None if value is None else round(value, 2)
    return series
