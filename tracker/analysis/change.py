"""Baseline and change: how far recent pain is from where the diary started.

The thresholds are IMMPACT's (Dworkin et al., J Pain 2008): a 30% reduction in pain intensity
is a moderately important ("meaningful") change, 50% a substantial one.
"""

from __future__ import annotations

from collections.abc import Iterable

from tracker.analysis.calendar import DayLike, iso, shift
from tracker.analysis.days import mean, pain_by_day

MEANINGFUL_PCT = 30.0
SUBSTANTIAL_PCT = 50.0
#: The default baseline is the mean daily pain of the first 14 logged days.
BASELINE_DAYS = 14
#: "Recent" is the last 7 calendar days of the period.
RECENT_DAYS = 7
#: Fewest days with a rating behind a recent mean or a caller-set baseline.
MIN_DAYS = 3


def baseline_and_change(
    daily_pain: dict[str, float],
    *,
    end: DayLike,
    start: DayLike | None = None,
    baseline_start: DayLike | None = None,
    baseline_end: DayLike | None = None,
) -> dict:
    """Baseline, recent mean and the change between them.

    `daily_pain` maps ISO day -> mean pain that day (see `days.pain_by_day`). The period is
    start..end (start open when None).

    - Baseline: with neither `baseline_start` nor `baseline_end`, the mean of the first 14 days
      with a rating inside the period; None until 14 such days exist. When the caller sets
      either bound, the mean of the rated days in that span (it may lie before the period;
      an open bound reaches the first or last rated day), None under 3 rated days.
    - Recent: the mean over the last 7 calendar days of the period (end-6..end), None under
      3 rated days.
    - change_points = recent - baseline; change_pct = 100 * change_points / baseline.
      Sign: negative means pain went DOWN (-34.0 = 34% less pain than the baseline).
      Both are None when either mean is None, when the baseline is 0, or when the recent week
      overlaps the baseline span (a mean is not compared with itself).
    - meaningful: change_pct <= -30; substantial: change_pct <= -50 (None with no change_pct).
    Keys: baseline_avg, baseline_days, baseline_start, baseline_end, recent_avg, recent_days,
    recent_start, recent_end, change_pct, change_points, meaningful, substantial.
    """
    end_iso = iso(end)
    start_iso = iso(start)
    baseline = _baseline(daily_pain, start_iso, end_iso, iso(baseline_start), iso(baseline_end))
    recent_start = shift(end_iso, -(RECENT_DAYS - 1))
    if start_iso is not None and start_iso > recent_start:
        recent_start = start_iso
    recent = [v for day, v in daily_pain.items() if recent_start <= day <= end_iso]
    recent_avg = mean(recent) if len(recent) >= MIN_DAYS else None
    change = _change(baseline, recent_avg, recent_start)
    result = {
        **baseline,
        "baseline_avg": _round(baseline["baseline_avg"]),
        "recent_avg": _round(recent_avg),
        "recent_days": len(recent),
        "recent_start": recent_start,
        "recent_end": end_iso,
    }
    result.update(change)
    return result


def diary_baseline(pain_rows: Iterable[dict], *, end: DayLike) -> dict:
    """`baseline_and_change` against the diary's own baseline: its first 14 rated days,
    whatever period is on show.

    The one place the dashboard, the Trends screen and `tracker plot` get "your baseline"
    from, so a 30% reduction is measured from where the diary started on all three. `stats`
    and the report measure from the start of their period instead (`summarize(start=...)`).
    """
    return baseline_and_change(pain_by_day(pain_rows), end=end)


def _baseline(
    daily_pain: dict[str, float],
    start: str | None,
    end: str,
    baseline_start: str | None,
    baseline_end: str | None,
) -> dict:
    if baseline_start is None and baseline_end is None:
        days = [d for d in sorted(daily_pain) if (start is None or d >= start) and d <= end]
        days = days[:BASELINE_DAYS]
        enough = len(days) == BASELINE_DAYS
    else:
        days = [
            d
            for d in sorted(daily_pain)
            if (baseline_start is None or d >= baseline_start)
            and (baseline_end is None or d <= baseline_end)
        ]
        enough = len(days) >= MIN_DAYS
    value = mean([daily_pain[d] for d in days]) if enough else None
    return {
        "baseline_avg": value,
        "baseline_days": len(days),
        "baseline_start": baseline_start or (days[0] if days else None),
        "baseline_end": baseline_end or (days[-1] if days else None),
    }


def _change(baseline: dict, recent_avg: float | None, recent_start: str) -> dict:
    base = baseline["baseline_avg"]
    overlaps = baseline["baseline_end"] is not None and recent_start <= baseline["baseline_end"]
    if base is None or recent_avg is None or base == 0 or overlaps:
        return {
            "change_pct": None,
            "change_points": None,
            "meaningful": None,
            "substantial": None,
        }
    # Flags are judged on the rounded percentage, so the words always match the number shown.
    pct = round(100 * (recent_avg - base) / base, 1)
    return {
        "change_pct": pct,
        "change_points": round(recent_avg - base, 2),
        "meaningful": pct <= -MEANINGFUL_PCT,
        "substantial": pct <= -SUBSTANTIAL_PCT,
    }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 2)
