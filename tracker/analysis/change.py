"""Baseline and change: how far a recent daily 0-10 measure is from its baseline, judged once.

Written for daily pain and used unchanged for any daily series of a 0-10 measure (the PEG and
each interference item, `analysis.interference`): the same baseline, recent week, change and
interval, with `thresholds=False` where no confirmed threshold of clinical importance exists.
One definition, used by `tracker stats`, `plot`, `tips`, the app and the PDF report:

- **Baseline.** It starts at the first rated day on or after the baseline start: the diary's
  first rated day, or a day the user sets (`--baseline-from`, e.g. the start of an exercise
  programme). It is the mean daily pain of the first 14 rated days within 28 calendar days of
  that day. It is set once it has 14 rated days, or once its 28 days are over with at least
  7; until then it is still forming. It never depends on the period on show, so the app and
  the report give the same baseline. It is *old* when it ended more than 180 days before the
  period's last day (the words say so).
- **Recent.** The mean of the last 7 calendar days of the period, at least 3 rated.
- **Change.** Computed from the two means as shown (rounded to 1 decimal): points = recent -
  baseline (1 decimal), percent = 100 * points / baseline, rounded to a whole number. Every
  judgement is made on these shown values, so the words never contradict the numbers.
- **Interval.** A rough 95% interval for the difference of the two means from the person's own
  day-to-day variation (Welch's t interval over the daily values). Daily pain is
  autocorrelated, so the true uncertainty is larger: the interval is a floor, not a promise.
- **Bands** (`change_band`), for a reduction:
  - "variation": the interval covers no change: within the usual day-to-day variation;
  - "regression": pain was already falling inside the baseline itself (its first half 1.5
    points or more above its second, beyond the variation): a diary that starts in a bad
    spell falls back by chance (regression to the mean), so the drop is not counted as an
    improvement;
  - "substantial": 50% or more AND 2 points or more;
  - "moderate": 30% or more AND 2 points or more (Farrar et al. 2001: about 2 points or about
    30% on a 0-10 scale; IMMPACT, Dworkin et al. 2008: 30% moderately important, 50%
    substantially important);
  - "minimal": 10% or more (IMMPACT: 10-20% minimally important) but not both thresholds above;
  - "small": under 10%.
  A rise beyond the variation is "worse"; the same value is "none".
  `meaningful` is True for "moderate" and "substantial", `substantial` for "substantial".
- **Without thresholds** (`thresholds=False`: the pain thresholds above are about pain
  intensity, not the PEG): every rule is the same except that a fall beyond the variation
  (and not "regression") is just "lower", and `minimal`, `meaningful` and `substantial` are
  None: a change, with its interval, and no verdict on its importance.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence

from tracker.analysis.calendar import DayLike, iso, shift
from tracker.analysis.days import mean, pain_by_day
from tracker.models import Row

MINIMAL_PCT = 10.0
MEANINGFUL_PCT = 30.0
SUBSTANTIAL_PCT = 50.0
#: Farrar et al. 2001: a clinically important change is also about 2 points on 0-10.
MEANINGFUL_POINTS = 2.0
#: The baseline is the mean of the first 14 rated days...
BASELINE_DAYS = 14
#: ...that fall within 28 calendar days of its first day...
BASELINE_SPAN_DAYS = 28
#: ...and needs at least 7 of them once those 28 days are over.
MIN_BASELINE_DAYS = 7
#: Pain counts as falling inside the baseline when its first half is this much higher than its
#: second (and beyond the day-to-day variation).
FALLING_POINTS = 1.5
#: A baseline that ended more than this many days before the period's end is called old.
BASELINE_STALE_DAYS = 180
#: "Recent" is the last 7 calendar days of the period.
RECENT_DAYS = 7
#: Fewest days with a rating behind a recent mean.
MIN_DAYS = 3

BANDS = ("substantial", "moderate", "minimal", "small", "none", "variation", "regression", "worse")
#: The bands without thresholds of clinical importance (`thresholds=False`).
PLAIN_BANDS = ("lower", "none", "variation", "regression", "worse")

# Two-sided 95% quantiles of Student's t for 1..30 degrees of freedom (then 1.96 beyond 120).
_T95 = (
    12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
    2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
    2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
)  # fmt: skip


def baseline_and_change(
    daily_pain: dict[str, float],
    *,
    end: DayLike,
    start: DayLike | None = None,
    baseline_from: DayLike | None = None,
    thresholds: bool = True,
) -> Row:
    """Baseline, recent mean, the change between them and its verdict (module docstring).

    `daily_pain` maps ISO day -> mean pain that day (see `days.pain_by_day`), or the day's
    value of another 0-10 measure (then usually `thresholds=False`: no pain verdict). The period is
    start..end (start open when None); only the recent week depends on it. Days after `end`
    are not used. Keys: baseline_avg, baseline_days, baseline_start, baseline_end, baseline_set,
    baseline_from, baseline_age_days, baseline_stale, baseline_first_half,
    baseline_second_half, baseline_falling, recent_avg, recent_days, recent_start, recent_end,
    change_points, change_pct, change_low, change_high, within_variation, change_band,
    minimal, meaningful, substantial.
    """
    end_iso = iso(end) or ""
    start_iso = iso(start)
    known = {day: value for day, value in daily_pain.items() if day <= end_iso}
    baseline = _baseline(known, iso(baseline_from), end_iso)
    base_values = baseline.pop("_baseline_values")  # for the interval, not for the summary
    recent_start = shift(end_iso, -(RECENT_DAYS - 1))
    if start_iso is not None and start_iso > recent_start:
        recent_start = start_iso
    recent = [v for day, v in known.items() if recent_start <= day <= end_iso]
    recent_avg = _round1(mean(recent)) if len(recent) >= MIN_DAYS else None
    result = {
        **baseline,
        "recent_avg": recent_avg,
        "recent_days": len(recent),
        "recent_start": recent_start,
        "recent_end": end_iso,
    }
    recent_values = recent if recent_avg is not None else []
    result.update(_change(baseline, base_values, recent_values, recent_start, thresholds))
    return result


def diary_baseline(
    pain_rows: Iterable[Row], *, end: DayLike, baseline_from: DayLike | None = None
) -> Row:
    """`baseline_and_change` over the whole diary to `end` (the baseline from `baseline_from`,
    else the diary's first rated days): what the dashboard shows, as `summarize` gives it."""
    return baseline_and_change(pain_by_day(pain_rows), end=end, baseline_from=baseline_from)


def mean_difference_interval(
    first: Sequence[float], second: Sequence[float]
) -> tuple[float, float] | None:
    """A 95% Welch t interval for mean(second) - mean(first), or None under 2 values each."""
    if len(first) < 2 or len(second) < 2:
        return None
    var1, var2 = _variance(first) / len(first), _variance(second) / len(second)
    diff = sum(second) / len(second) - sum(first) / len(first)
    se2 = var1 + var2
    if se2 == 0:
        return diff, diff
    df = se2**2 / (var1**2 / (len(first) - 1) + var2**2 / (len(second) - 1))
    t = _T95[min(int(df), 30) - 1] if df < 31 else (2.0 if df < 120 else 1.96)
    half = t * math.sqrt(se2)
    return diff - half, diff + half


def _variance(values: Sequence[float]) -> float:
    centre = sum(values) / len(values)
    return sum((v - centre) ** 2 for v in values) / (len(values) - 1)


def _baseline(known: dict[str, float], baseline_from: str | None, end: str) -> Row:
    rated = sorted(day for day in known if baseline_from is None or day >= baseline_from)
    days: list[str] = []
    if rated:
        last_day = shift(rated[0], BASELINE_SPAN_DAYS - 1)
        days = [day for day in rated if day <= last_day][:BASELINE_DAYS]
        window_over = end > last_day
        enough = len(days) == BASELINE_DAYS or (window_over and len(days) >= MIN_BASELINE_DAYS)
    else:
        enough = False
    values = [known[d] for d in days]
    half = len(values) // 2
    first_half, second_half = values[:half], values[len(values) - half :]
    falling = False
    if enough:
        interval = mean_difference_interval(first_half, second_half)
        first_avg, second_avg = _round1(mean(first_half)), _round1(mean(second_half))
        falling = (
            interval is not None
            and interval[1] < 0
            and first_avg is not None
            and second_avg is not None
            and first_avg - second_avg >= FALLING_POINTS
        )
    baseline_end = days[-1] if days else None
    age = _days_between(baseline_end, end) if enough and baseline_end else None
    return {
        "baseline_avg": _round1(mean(values)) if enough else None,
        "baseline_days": len(days),
        "baseline_start": days[0] if days else None,
        "baseline_end": baseline_end,
        "baseline_set": enough,
        "baseline_from": baseline_from,
        "baseline_age_days": age,
        "baseline_stale": age is not None and age > BASELINE_STALE_DAYS,
        "baseline_first_half": _round1(mean(first_half)) if enough else None,
        "baseline_second_half": _round1(mean(second_half)) if enough else None,
        "baseline_falling": falling,
        "_baseline_values": values if enough else [],
    }


def _change(
    baseline: Row,
    base_values: list[float],
    recent: list[float],
    recent_start: str,
    thresholds: bool,
) -> Row:
    base = baseline["baseline_avg"]
    overlaps = baseline["baseline_end"] is not None and recent_start <= baseline["baseline_end"]
    none: Row = {
        "change_points": None,
        "change_pct": None,
        "change_low": None,
        "change_high": None,
        "within_variation": None,
        "change_band": None,
        "minimal": None,
        "meaningful": None,
        "substantial": None,
    }
    if base is None or not recent or base == 0 or overlaps:
        return none
    recent_avg = _round1(mean(recent))
    assert recent_avg is not None  # recent is not empty
    points = round(recent_avg - base, 1) + 0.0
    pct = _round_half_away(100 * points / base)
    interval = mean_difference_interval(base_values, recent)
    low, high = (points, points) if interval is None else (interval[0], interval[1])
    low, high = round(low, 1) + 0.0, round(high, 1) + 0.0  # never -0.0
    within = low <= 0 <= high
    band = _band(points, pct, within, baseline["baseline_falling"])
    if not thresholds:
        band = "lower" if band in ("substantial", "moderate", "minimal", "small") else band
        return {
            **none,
            "change_points": points,
            "change_pct": pct,
            "change_low": low,
            "change_high": high,
            "within_variation": within,
            "change_band": band,
        }
    return {
        "change_points": points,
        "change_pct": pct,
        "change_low": low,
        "change_high": high,
        "within_variation": within,
        "change_band": band,
        "minimal": band in ("minimal", "moderate", "substantial"),
        "meaningful": band in ("moderate", "substantial"),
        "substantial": band == "substantial",
    }


def verdict_band(points: float, pct: float, within: bool, falling: bool) -> str:
    """The band of a reduction judged on the shown values (the module docstring's rules), for
    any before/after comparison of daily pain (`analysis.medicines` uses it too). `falling`
    is True when a fall is expected by chance (regression to the mean)."""
    return _band(points, pct, within, falling)


def whole_percent(points: float, base: float) -> float:
    """100 * points / base as the change's percent: a whole number, halves away from zero."""
    return _round_half_away(100 * points / base)


def _band(points: float, pct: float, within: bool, falling: bool) -> str:
    """The verdict on the shown (rounded) values: see the module docstring."""
    if points == 0:
        return "none"
    if within:
        return "variation"
    if points > 0:
        return "worse"
    if falling:
        return "regression"
    big_enough = -points >= MEANINGFUL_POINTS
    if -pct >= SUBSTANTIAL_PCT and big_enough:
        return "substantial"
    if -pct >= MEANINGFUL_PCT and big_enough:
        return "moderate"
    return "minimal" if -pct >= MINIMAL_PCT else "small"


def _days_between(first: str, last: str) -> int:
    return (dt.date.fromisoformat(last) - dt.date.fromisoformat(first)).days


def _round_half_away(value: float) -> float:
    """Whole number, halves away from zero (-29.5 -> -30), as a float."""
    return math.copysign(math.floor(abs(value) + 0.5), value) + 0.0


def _round1(value: float | None) -> float | None:
    return None if value is None else round(value, 1)
