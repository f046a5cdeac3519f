"""Medicines: the regimen on a day, and what pain, the PEG and sleep did around each change.

Pure and headless: lists of row dicts in (the medicine schema's shape: `medicine` rows with
id, name, unit, form, schedule; `med_change` rows with id, date, medicine_id, change,
strength, doses_per_day, reason), plain typed dicts out. The regimen itself is
`analysis.regimen`'s (re-exported here); adherence and as-needed use are in
`analysis.medicine_use`, side effects in `analysis.side_effects`.

**The regimen on a day** is the latest change dated on or before it (ties: the highest id).
A medicine is current on a day when that change is not a 'stop'.

**Before and after a change** (`compare_change`), for each of average pain, the PEG and sleep
interference, from the same daily values `tracker stats` uses (`days.pain_by_day`,
`interference.peg_by_day`, `interference.item_by_day`):
- *Before*: the BEFORE_DAYS (14) calendar days up to the day before the change.
- *Settling in*: the change's day and the SETTLE_DAYS (7) days from it are left out. In the
  first days the body still carries the old dose, a new dose is still building up, and
  side effects often come first; comparing them would blur the change. A week is tracker's
  own choice (no confirmed source gives one figure for every medicine), said in the words.
- *After*: the AFTER_DAYS (14) calendar days after the settling-in week.
- Two weeks on each side, as the baseline uses 14 rated days: every weekday counts twice on
  both sides, so a weekly rhythm (a hard Monday) does not pass for an effect.
- *Minimum n*: a side needs MIN_RATED_DAYS (7, half its days, the rule `days.rolling_mean`
  uses for a weekly mean) days with a value; below it no figure is shown and the count is.
  The comparison shows as soon as the after side has its 7 days ("so far"), and is
  *complete* once the after window is over.
- *Difference*: after minus before, from the two means as shown (1 decimal), with a 95%
  Welch interval over the daily values (`change.mean_difference_interval`, as for the
  baseline). Days are not independent, so the interval is a floor on the uncertainty.
- *Verdict*: pain is judged by `change.verdict_band` (IMMPACT's 10/30/50% with Farrar's 2
  points; "variation" when the interval covers no change). The PEG and sleep get no verdict
  on their size (no confirmed threshold: as in `analysis.interference`).
- *Regression to the mean*: when pain was rising into the change (the second half of the
  before window FALLING_POINTS or more above its first half, beyond the variation: the
  baseline's bad-start rule seen from the other side), a dose raised because pain was high
  tends to be followed by lower pain by chance. A fall is then band "regression".
- *Confounding*: any other regimen change (of any medicine) from the first before day to the
  last after day is listed: the figures then mix two changes.
Every comparison is an association: other things change too. The words say so.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Literal, TypedDict

from tracker.analysis.calendar import DayLike, as_date, calendar, iso, shift
from tracker.analysis.change import (
    FALLING_POINTS,
    mean_difference_interval,
    verdict_band,
    whole_percent,
)
from tracker.analysis.days import mean, pain_by_day
from tracker.analysis.interference import item_by_day, peg_by_day
from tracker.analysis.regimen import (
    MedicineRegimen,
    Regimen,
    changes_of,
    current_regimens,
    order,
    regimen_on,
    regimen_row,
)
from tracker.models import Row

__all__ = [
    "AFTER_DAYS",
    "BEFORE_DAYS",
    "MEASURES",
    "MIN_RATED_DAYS",
    "SERIES_KEYS",
    "SETTLE_DAYS",
    "STATUSES",
    "ChangeComparison",
    "Confounder",
    "DailyMeasures",
    "Measure",
    "MeasureComparison",
    "MedicineRegimen",  # the regimen is `analysis.regimen`'s, offered here beside the comparisons
    "Regimen",
    "Status",
    "changes_of",
    "compare_change",
    "compare_changes",
    "compare_measure",
    "current_regimens",
    "daily_measures",
    "daily_measures_from_series",
    "regimen_on",
    "windows",
]

#: Calendar days before a change that make its "before" side.
BEFORE_DAYS = 14
#: Days from the change's own day left out while the change settles in.
SETTLE_DAYS = 7
#: Calendar days after the settling-in week that make its "after" side.
AFTER_DAYS = 14
#: Fewest days with a value on a side before its mean is shown (half of 14).
MIN_RATED_DAYS = (AFTER_DAYS + 1) // 2

Measure = Literal["pain", "peg", "sleep"]
MEASURES: tuple[Measure, ...] = ("pain", "peg", "sleep")
#: Each measure's key in a `days.daily_series` row.
SERIES_KEYS: dict[Measure, str] = {"pain": "average", "peg": "peg", "sleep": "sleep_interference"}
#: Where a comparison stands (see `compare_change`).
Status = Literal["no_before", "settling", "collecting", "partial", "complete", "too_few"]
STATUSES: tuple[Status, ...] = (
    "no_before",
    "settling",
    "collecting",
    "partial",
    "complete",
    "too_few",
)


class Confounder(TypedDict):
    """Another regimen change inside a comparison's days."""

    change_id: int
    medicine_id: int
    name: str
    date: str
    change: str


class MeasureComparison(TypedDict):
    """One measure before and after a change. Averages are None under MIN_RATED_DAYS days."""

    measure: Measure
    before_avg: float | None
    before_days: int
    after_avg: float | None
    after_days: int
    #: after - before from the shown means, and its 95% interval (None without both means).
    points: float | None
    low: float | None
    high: float | None
    #: Whole percent of the before mean (None without points or with a 0 before).
    pct: float | None
    within_variation: bool | None
    #: Pain: change.BANDS; the PEG and sleep: change.PLAIN_BANDS. None without points.
    band: str | None
    #: Pain rose inside the before window (first half -> second half; see module docstring).
    before_first_half: float | None
    before_second_half: float | None
    before_rising: bool


class ChangeComparison(TypedDict):
    """A regimen change and the days around it (`compare_change`)."""

    change_id: int
    medicine_id: int
    name: str
    unit: str | None
    schedule: str
    date: str
    change: str
    reason: str | None
    strength: float | None
    doses_per_day: int | None
    #: The regimen just before (None for a first start, or after a stop).
    from_strength: float | None
    from_doses_per_day: int | None
    before_start: str
    before_end: str
    settle_end: str
    after_start: str
    after_end: str
    #: Calendar days from the change to today (0 on its day).
    days_since: int
    status: Status
    #: Rated days (pain) still needed on the after side for a comparison; 0 when it has them.
    rated_needed: int
    #: Whether the after window still has enough days left to reach MIN_RATED_DAYS.
    reachable: bool
    measures: dict[Measure, MeasureComparison]
    confounders: list[Confounder]


class DailyMeasures(TypedDict):
    """ISO day -> the day's value, for each measure compared."""

    pain: dict[str, float]
    peg: dict[str, float]
    sleep: dict[str, float]


def daily_measures(pain_rows: Iterable[Row]) -> DailyMeasures:
    """The three daily series from pain rows, by the functions `tracker stats` uses."""
    rows = list(pain_rows)
    return {
        "pain": pain_by_day(rows),
        "peg": peg_by_day(rows),
        "sleep": item_by_day(rows, "sleep_interference"),
    }


def daily_measures_from_series(series: Iterable[Row]) -> DailyMeasures:
    """The three daily series from `days.daily_series` rows (average, peg, sleep_interference)."""
    result: DailyMeasures = {"pain": {}, "peg": {}, "sleep": {}}
    for day in series:
        for name, key in SERIES_KEYS.items():
            value = day.get(key)
            if value is not None:
                result[name][day["date"]] = float(value)
    return result


# ---- before and after --------------------------------------------------------------------------


def windows(day: DayLike) -> tuple[str, str, str, str, str]:
    """(before_start, before_end, settle_end, after_start, after_end) around a change on `day`."""
    return (
        shift(day, -BEFORE_DAYS),
        shift(day, -1),
        shift(day, SETTLE_DAYS - 1),
        shift(day, SETTLE_DAYS),
        shift(day, SETTLE_DAYS + AFTER_DAYS - 1),
    )


def _values(daily: Mapping[str, float], start: str, end: str) -> list[float]:
    """The values of start..end in day order (a lookup per calendar day: no scan of the diary)."""
    return [daily[day] for day in calendar(start, end) if day in daily]


def _round1(value: float | None) -> float | None:
    return None if value is None else round(value, 1) + 0.0


def _rising(before: list[float]) -> tuple[float | None, float | None, bool]:
    """The before window's halves and whether the value rose into the change beyond the
    variation by FALLING_POINTS or more (the baseline's bad-start rule, mirrored)."""
    half = len(before) // 2
    if len(before) < MIN_RATED_DAYS:
        return None, None, False
    first, second = before[:half], before[len(before) - half :]
    first_avg, second_avg = _round1(mean(first)), _round1(mean(second))
    interval = mean_difference_interval(first, second)
    rising = (
        interval is not None
        and interval[0] > 0
        and first_avg is not None
        and second_avg is not None
        and second_avg - first_avg >= FALLING_POINTS
    )
    return first_avg, second_avg, rising


def compare_measure(
    daily: Mapping[str, float],
    change_day: DayLike,
    today: DayLike,
    measure: Measure = "pain",
) -> MeasureComparison:
    """One measure before and after a change on `change_day`, with days to `today` counted."""
    before_start, before_end, _, after_start, after_end = windows(change_day)
    last = min(after_end, iso(today))
    before = _values(daily, before_start, before_end)
    after = _values(daily, after_start, last) if last >= after_start else []
    before_avg = _round1(mean(before)) if len(before) >= MIN_RATED_DAYS else None
    after_avg = _round1(mean(after)) if len(after) >= MIN_RATED_DAYS else None
    first_half, second_half, rising = _rising(before)
    result: MeasureComparison = {
        "measure": measure,
        "before_avg": before_avg,
        "before_days": len(before),
        "after_avg": after_avg,
        "after_days": len(after),
        "points": None,
        "low": None,
        "high": None,
        "pct": None,
        "within_variation": None,
        "band": None,
        "before_first_half": first_half,
        "before_second_half": second_half,
        "before_rising": rising,
    }
    if before_avg is None or after_avg is None:
        return result
    points = round(after_avg - before_avg, 1) + 0.0
    interval = mean_difference_interval(before, after)
    low, high = (points, points) if interval is None else interval
    low, high = round(low, 1) + 0.0, round(high, 1) + 0.0
    within = low <= 0 <= high
    pct = whole_percent(points, before_avg) if before_avg else None
    if measure == "pain" and pct is not None:
        band = verdict_band(points, pct, within, rising)
    else:  # no threshold: only the direction, the variation and regression are judged
        band = verdict_band(points, -100.0, within, rising)
        band = "lower" if band in ("substantial", "moderate", "minimal", "small") else band
    result["points"], result["low"], result["high"], result["pct"] = points, low, high, pct
    result["within_variation"], result["band"] = within, band
    return result


def _status(pain: MeasureComparison, day: str, today: str) -> tuple[Status, int, bool]:
    _, _, settle_end, after_start, after_end = windows(day)
    needed = max(0, MIN_RATED_DAYS - pain["after_days"])
    left = 0 if today >= after_end else _days(max(today, settle_end), after_end)
    reachable = needed <= left
    if pain["before_avg"] is None:
        return "no_before", needed, reachable
    if today < after_start:
        return "settling", needed, reachable
    if today >= after_end:
        return ("complete" if needed == 0 else "too_few"), needed, reachable
    return ("partial" if needed == 0 else "collecting"), needed, reachable


def _days(first: str, last: str) -> int:
    return (as_date(last) - as_date(first)).days


def compare_change(
    change: Row,
    changes: Sequence[Row],
    medicines: Mapping[int, Row],
    daily: DailyMeasures,
    today: DayLike,
) -> ChangeComparison:
    """One change's before/after figures (module docstring), its status and confounders.

    `changes`: every change row (for the regimen before it and the confounders);
    `medicines`: id -> medicine row. Status: "no_before" (under MIN_RATED_DAYS rated days
    before: no waiting helps), "settling" (in the settling-in week), "collecting" (after side
    open, under MIN_RATED_DAYS so far), "partial" (enough so far, window still open),
    "complete", "too_few" (window over with too few rated days after).
    """
    day, today_iso = change["date"], iso(today)
    medicine = medicines[int(change["medicine_id"])]
    before_start, before_end, settle_end, after_start, after_end = windows(day)
    previous = regimen_on(changes, int(change["medicine_id"]), before_end)
    same_day = [
        row
        for row in changes
        if row["medicine_id"] == change["medicine_id"]
        and row["date"] == day
        and int(row["id"]) < int(change["id"])
    ]
    if same_day:  # an earlier change the same day is the regimen it changed from
        previous = regimen_row(max(same_day, key=order))
    if previous is not None and not previous["current"]:
        previous = None
    measures = {name: compare_measure(daily[name], day, today_iso, name) for name in MEASURES}
    status, needed, reachable = _status(measures["pain"], day, today_iso)
    return {
        "change_id": int(change["id"]),
        "medicine_id": int(change["medicine_id"]),
        "name": medicine["name"],
        "unit": medicine.get("unit"),
        "schedule": medicine["schedule"],
        "date": day,
        "change": change["change"],
        "reason": change.get("reason"),
        "strength": change.get("strength"),
        "doses_per_day": change.get("doses_per_day"),
        "from_strength": None if previous is None else previous["strength"],
        "from_doses_per_day": None if previous is None else previous["doses_per_day"],
        "before_start": before_start,
        "before_end": before_end,
        "settle_end": settle_end,
        "after_start": after_start,
        "after_end": after_end,
        "days_since": _days(day, today_iso),
        "status": status,
        "rated_needed": needed,
        "reachable": reachable,
        "measures": measures,
        "confounders": _confounders(change, changes, medicines, before_start, after_end),
    }


def _confounders(
    change: Row, changes: Sequence[Row], medicines: Mapping[int, Row], start: str, end: str
) -> list[Confounder]:
    return [
        {
            "change_id": int(row["id"]),
            "medicine_id": int(row["medicine_id"]),
            "name": medicines[int(row["medicine_id"])]["name"],
            "date": row["date"],
            "change": row["change"],
        }
        for row in sorted(changes, key=order)
        if row["id"] != change["id"]
        and start <= row["date"] <= end
        and not _superseded(row, change)
    ]


def _superseded(row: Row, change: Row) -> bool:
    """An earlier change of the same medicine on the same day: the regimen this one changed
    from, replaced the same day (a start corrected at once), not a second change to mix in."""
    return (
        row["medicine_id"] == change["medicine_id"]
        and row["date"] == change["date"]
        and int(row["id"]) < int(change["id"])
    )


def compare_changes(
    medicines: Iterable[Row],
    changes: Sequence[Row],
    daily: DailyMeasures,
    *,
    today: DayLike,
    start: DayLike | None = None,
    end: DayLike | None = None,
) -> list[ChangeComparison]:
    """`compare_change` for every change dated start..end (open when None) and not after
    today, oldest first."""
    by_id = {int(med["id"]): med for med in medicines}
    first, last = iso(start), min(iso(end) or iso(today), iso(today))
    return [
        compare_change(row, changes, by_id, daily, today)
        for row in sorted(changes, key=order)
        if (first is None or row["date"] >= first)
        and row["date"] <= last
        and int(row["medicine_id"]) in by_id
    ]
