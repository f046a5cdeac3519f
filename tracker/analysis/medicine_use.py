"""Medicines taken: adherence of scheduled medicines, as-needed use, and the whole summary.

Pure and headless, over row dicts in the medicine schema's shape (`medicine`, `med_change`,
`dose`, `side_effect`; the regimen is `analysis.regimen`'s, side effects are counted by
`analysis.side_effects`, the before/after comparisons are `analysis.medicines`'):

- **Adherence** (scheduled medicines). A day is due when the medicine is scheduled and its
  regimen that day is current (started, not stopped) with `doses_per_day` set: that many
  doses are due. Days before its first start, after a stop, after `today` or outside the
  period are not due, so a week the regimen or the period cuts short counts only its due
  days (`days_due` says how many). A week's adherence = doses logged 'taken' on its due days
  / doses due, capped at 100% (more taken than due is `extra`, never above 100%), as a whole
  percent with its n (doses due). Doses not logged at all count as not taken: tracker cannot
  tell a forgotten dose from a forgotten entry, and the words say so (`not_logged`).
- **As-needed use**: doses logged 'taken' per ISO week, over the days the medicine was
  current. Its *trend* uses the project's week-on-week windows (`interference.week_on_week`):
  the last 7 days to today against the 7 before, each needing `change.MIN_DAYS` (3) days on
  which the medicine was current; the difference is per 7 days, with a 95% Welch interval
  over the daily counts (`change.mean_difference_interval`) and "within the usual variation"
  when it covers no change.
- **Everything for one period** (`medicine_summary`): the regimens on its last day, its
  changes compared, adherence, as-needed use and side effects.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from typing import Literal, TypedDict

from tracker.analysis.calendar import DayLike, calendar, iso, monday_of, shift
from tracker.analysis.change import MIN_DAYS, mean_difference_interval, whole_percent
from tracker.analysis.days import mean
from tracker.analysis.exercise import iso_week
from tracker.analysis.medicines import ChangeComparison, DailyMeasures, compare_changes
from tracker.analysis.regimen import MedicineRegimen, current_days, current_regimens
from tracker.analysis.side_effects import EffectSummary, side_effects_over_time
from tracker.models import Row

#: The week-on-week windows of the as-needed trend (as `interference.week_on_week`).
TREND_DAYS = 7
#: How many distinct reasons (skipped doses, as-needed doses) are listed, most frequent first.
TOP_REASONS = 3


class ReasonCount(TypedDict):
    """A reason as first written (verbatim) and how many doses gave it (case-insensitive)."""

    reason: str
    doses: int


class AdherenceWeek(TypedDict):
    week: str
    start: str
    days_due: int
    doses_due: int
    #: Doses logged taken on due days (all of them, even beyond the doses due).
    taken: int
    skipped: int
    #: Doses due with no entry: max(0, due - taken - skipped).
    not_logged: int
    #: Taken beyond the doses due (not counted above 100%).
    extra: int
    #: Whole percent, capped at 100; None when nothing was due.
    pct: float | None


class Adherence(TypedDict):
    medicine_id: int
    name: str
    weeks: list[AdherenceWeek]
    days_due: int
    doses_due: int
    #: Taken doses counted towards adherence (each week's capped at its doses due).
    taken_counted: int
    taken: int
    skipped: int
    not_logged: int
    pct: float | None
    skip_reasons: list[ReasonCount]


class AsNeededWeek(TypedDict):
    week: str
    start: str
    days_current: int
    doses: int
    days_with_dose: int


class AsNeededUse(TypedDict):
    medicine_id: int
    name: str
    weeks: list[AsNeededWeek]
    days_current: int
    doses: int
    #: The trend's two windows: doses and the days the medicine was current in each.
    last_doses: int
    last_days: int
    prior_doses: int
    prior_days: int
    #: Per 7 days, last window minus the one before (1 decimal) and its 95% interval; None
    #: unless each window has MIN_DAYS current days.
    trend_per_week: float | None
    trend_low: float | None
    trend_high: float | None
    within_variation: bool | None
    reasons: list[ReasonCount]


class MedicineSummary(TypedDict):
    """Everything the medicines section of `stats`, the app and the report shows."""

    today: str
    start: str | None
    end: str
    regimens: list[MedicineRegimen]
    changes: list[ChangeComparison]
    adherence: list[Adherence]
    as_needed: list[AsNeededUse]
    side_effects: list[EffectSummary]


# ---- shared --------------------------------------------------------------------------------------


def _doses_by_day(doses: Iterable[Row], medicine_id: int, status: str) -> dict[str, list[Row]]:
    days: dict[str, list[Row]] = {}
    for row in doses:
        if row["medicine_id"] == medicine_id and row["status"] == status:
            days.setdefault(row["date"], []).append(row)
    return days


def top_reasons(rows: Iterable[Row], limit: int = TOP_REASONS) -> list[ReasonCount]:
    """The most frequent reasons, grouped case-insensitively, each as first written."""
    counts: dict[str, int] = {}
    shown: dict[str, str] = {}
    for row in rows:
        reason = (row.get("reason") or "").strip()
        if reason:
            key = reason.casefold()
            shown.setdefault(key, reason)
            counts[key] = counts.get(key, 0) + 1
    order = sorted(counts, key=lambda key: (-counts[key], key))[:limit]
    return [{"reason": shown[key], "doses": counts[key]} for key in order]


def _last_day(end: DayLike | None, today: DayLike) -> str:
    last = iso(today)
    return last if end is None else min(iso(end), last)


# ---- adherence -----------------------------------------------------------------------------------


def adherence(
    medicine: Row,
    changes: Sequence[Row],
    doses: Iterable[Row],
    *,
    today: DayLike,
    start: DayLike | None = None,
    end: DayLike | None = None,
) -> Adherence:
    """A scheduled medicine's adherence per ISO week over start..end (module docstring)."""
    medicine_id = int(medicine["id"])
    due_days = {
        day: per_day
        for day, per_day in current_days(
            changes, medicine_id, iso(start), _last_day(end, today)
        ).items()
        if per_day and medicine["schedule"] == "scheduled"
    }
    dose_rows = list(doses)
    taken = _doses_by_day(dose_rows, medicine_id, "taken")
    skipped = _doses_by_day(dose_rows, medicine_id, "skipped")
    weeks: dict[str, AdherenceWeek] = {}
    for day, per_day in due_days.items():
        key = iso_week(day)
        week = weeks.get(key) or weeks.setdefault(key, _empty_week(day))
        week["days_due"] += 1
        week["doses_due"] += per_day
        week["taken"] += len(taken.get(day, []))
        week["skipped"] += len(skipped.get(day, []))
    for week in weeks.values():
        counted = min(week["taken"], week["doses_due"])
        week["extra"] = week["taken"] - counted
        week["not_logged"] = max(0, week["doses_due"] - week["taken"] - week["skipped"])
        week["pct"] = whole_percent(counted, week["doses_due"])
    ordered = [weeks[key] for key in sorted(weeks)]
    due = sum(week["doses_due"] for week in ordered)
    counted = sum(min(week["taken"], week["doses_due"]) for week in ordered)
    skipped_rows = [row for day in due_days for row in skipped.get(day, [])]
    return {
        "medicine_id": medicine_id,
        "name": medicine["name"],
        "weeks": ordered,
        "days_due": len(due_days),
        "doses_due": due,
        "taken_counted": counted,
        "taken": sum(week["taken"] for week in ordered),
        "skipped": sum(week["skipped"] for week in ordered),
        "not_logged": sum(week["not_logged"] for week in ordered),
        "pct": whole_percent(counted, due) if due else None,
        "skip_reasons": top_reasons(skipped_rows),
    }


def _empty_week(day: str) -> AdherenceWeek:
    return {
        "week": iso_week(day),
        "start": monday_of(day),
        "days_due": 0,
        "doses_due": 0,
        "taken": 0,
        "skipped": 0,
        "not_logged": 0,
        "extra": 0,
        "pct": None,
    }


# ---- as-needed use -------------------------------------------------------------------------------


def as_needed_use(
    medicine: Row,
    changes: Sequence[Row],
    doses: Iterable[Row],
    *,
    today: DayLike,
    start: DayLike | None = None,
    end: DayLike | None = None,
) -> AsNeededUse:
    """Doses logged taken per ISO week over the days the medicine was current in
    start..end, and the week-on-week trend to `today` (module docstring)."""
    medicine_id = int(medicine["id"])
    taken = _doses_by_day(doses, medicine_id, "taken")
    current = current_days(changes, medicine_id, None, iso(today))
    first, last = iso(start), _last_day(end, today)
    weeks: dict[str, AsNeededWeek] = {}
    for day in current:
        if (first is not None and day < first) or day > last:
            continue
        key = iso_week(day)
        week = weeks.get(key) or weeks.setdefault(
            key,
            {
                "week": key,
                "start": monday_of(day),
                "days_current": 0,
                "doses": 0,
                "days_with_dose": 0,
            },
        )
        count = len(taken.get(day, []))
        week["days_current"] += 1
        week["doses"] += count
        week["days_with_dose"] += 1 if count else 0
    ordered = [weeks[key] for key in sorted(weeks)]
    in_period = [
        row
        for day, rows in taken.items()
        if day in current and (first is None or day >= first) and day <= last
        for row in rows
    ]
    trend = _trend(current, taken, today)
    return {
        "medicine_id": medicine_id,
        "name": medicine["name"],
        "weeks": ordered,
        "days_current": sum(week["days_current"] for week in ordered),
        "doses": sum(week["doses"] for week in ordered),
        "last_doses": trend["last_doses"],
        "last_days": trend["last_days"],
        "prior_doses": trend["prior_doses"],
        "prior_days": trend["prior_days"],
        "trend_per_week": trend["trend_per_week"],
        "trend_low": trend["trend_low"],
        "trend_high": trend["trend_high"],
        "within_variation": trend["within_variation"],
        "reasons": top_reasons(in_period),
    }


class _Trend(TypedDict):
    last_doses: int
    last_days: int
    prior_doses: int
    prior_days: int
    trend_per_week: float | None
    trend_low: float | None
    trend_high: float | None
    within_variation: bool | None


def _trend(current: Collection[str], taken: dict[str, list[Row]], today: DayLike) -> _Trend:
    last_start, prior_start = shift(today, -(TREND_DAYS - 1)), shift(today, -(2 * TREND_DAYS - 1))
    last_days = [d for d in calendar(last_start, today) if d in current]
    prior_days = [d for d in calendar(prior_start, shift(today, -TREND_DAYS)) if d in current]
    last = [float(len(taken.get(d, []))) for d in last_days]
    prior = [float(len(taken.get(d, []))) for d in prior_days]
    result: _Trend = {
        "last_doses": int(sum(last)),
        "last_days": len(last),
        "prior_doses": int(sum(prior)),
        "prior_days": len(prior),
        "trend_per_week": None,
        "trend_low": None,
        "trend_high": None,
        "within_variation": None,
    }
    last_mean, prior_mean = mean(last), mean(prior)
    if len(last) < MIN_DAYS or len(prior) < MIN_DAYS or last_mean is None or prior_mean is None:
        return result
    trend = round(TREND_DAYS * (last_mean - prior_mean), 1) + 0.0
    interval = mean_difference_interval(prior, last)
    low, high = (trend, trend) if interval is None else interval
    if interval is not None:
        low, high = round(TREND_DAYS * low, 1) + 0.0, round(TREND_DAYS * high, 1) + 0.0
    result["trend_per_week"], result["trend_low"], result["trend_high"] = trend, low, high
    result["within_variation"] = low <= 0 <= high
    return result


# ---- everything at once --------------------------------------------------------------------------


def medicine_summary(
    medicines: Sequence[Row],
    changes: Sequence[Row],
    doses: Sequence[Row],
    side_effects: Iterable[Row],
    daily: DailyMeasures,
    *,
    today: DayLike,
    start: DayLike | None = None,
    end: DayLike | None = None,
    by: Literal["month", "week"] = "month",
) -> MedicineSummary:
    """The regimens on the period's last day, the changes in the period with their before/after
    figures, adherence of scheduled medicines and use of as-needed ones (those with a
    regimen in the period), and side effects over the period."""
    last = _last_day(end, today)
    active = [med for med in medicines if current_days(changes, int(med["id"]), iso(start), last)]
    own: dict[int, list[Row]] = {}  # each medicine's doses, grouped in one pass
    for row in doses:
        own.setdefault(int(row["medicine_id"]), []).append(row)
    return {
        "today": iso(today),
        "start": iso(start),
        "end": last,
        "regimens": current_regimens(medicines, changes, last),
        "changes": compare_changes(medicines, changes, daily, today=today, start=start, end=end),
        "adherence": [
            adherence(med, changes, own.get(int(med["id"]), []), today=today, start=start, end=end)
            for med in active
            if med["schedule"] == "scheduled"
        ],
        "as_needed": [
            as_needed_use(
                med, changes, own.get(int(med["id"]), []), today=today, start=start, end=end
            )
            for med in active
            if med["schedule"] == "as_needed"
        ],
        "side_effects": side_effects_over_time(side_effects, by=by, start=start, end=last),
    }
