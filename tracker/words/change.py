"""The change from baseline in words: one sentence for the screen and for paper.

`change_line` is the only wording of the change: `tracker stats`, `tracker plot`, the Trends
screen and the PDF report all print it. The verdict itself (`change_band`) is judged once in
`tracker.analysis.change`, on the same rounded numbers this sentence prints; here it is only
said. `baseline_line` says which days the two means are and whether the baseline is old.
"""

from __future__ import annotations

from tracker.analysis.calendar import shift
from tracker.analysis.change import (
    BASELINE_DAYS,
    BASELINE_SPAN_DAYS,
    MEANINGFUL_PCT,
    MEANINGFUL_POINTS,
    MIN_BASELINE_DAYS,
    MIN_DAYS,
    MINIMAL_PCT,
    RECENT_DAYS,
    SUBSTANTIAL_PCT,
)
from tracker.words.units import days

#: The references for the thresholds (both confirmed in the project's fact sheet).
IMMPACT = "IMMPACT, Dworkin et al. 2008"
FARRAR = "Farrar et al. 2001"
#: How to choose another baseline, on every front door that can.
SET_BASELINE = "`--baseline-from DATE` on stats, plot and report sets another start"


def change_line(s: dict) -> str:
    """The change as one sentence with both means, its interval and its verdict, or why there
    is none yet."""
    base, recent, pct = s["baseline_avg"], s["recent_avg"], s["change_pct"]
    if base is None:
        return _no_baseline(s)
    if recent is None:
        return (
            f"Baseline {base:.1f}. Too few ratings in the last {RECENT_DAYS} days to compare "
            f"({s['recent_days']}; {MIN_DAYS} needed)."
        )
    if pct is None:
        if base == 0:
            return f"Baseline {base:.1f}: no pain at baseline, so no change to measure."
        return (
            f"Baseline {base:.1f} (from {s['baseline_start']} to {s['baseline_end']}); the "
            f"comparison starts when the last {RECENT_DAYS} days are all after it."
        )
    points, low, high = s["change_points"], s["change_low"], s["change_high"]
    spread = f"95% interval {low:+.1f} to {high:+.1f}" if low != high else "no day-to-day variation"
    numbers = f"({base:.1f} -> {recent:.1f}, {points:+.1f} points; {spread})"
    band = s["change_band"]
    if band == "none":
        return f"Pain is the same as your baseline {numbers}."
    direction = "above" if pct > 0 else "below"
    return f"Pain is {abs(pct):.0f}% {direction} your baseline {numbers}: {_verdict(s)}"


def _verdict(s: dict) -> str:
    band, pct = s["change_band"], abs(s["change_pct"])
    both = f"{MEANINGFUL_POINTS:.0f} points"
    if band == "variation":
        return "within your usual day-to-day variation, so not a clear change."
    if band == "worse":
        return "a rise beyond your usual day-to-day variation."
    if band == "regression":
        return (
            "not counted as an improvement, because pain was already falling during the "
            f"baseline ({s['baseline_first_half']:.1f} in its first half, "
            f"{s['baseline_second_half']:.1f} in its second). A diary that starts in a bad "
            "spell tends to settle back by chance (regression to the mean); a later baseline "
            "would be fairer."
        )
    if band == "substantial":
        return (
            f"a substantially important reduction ({SUBSTANTIAL_PCT:.0f}% or more, {IMMPACT}; "
            f"and at least {both}, {FARRAR})."
        )
    if band == "moderate":
        return (
            f"a moderately important reduction ({MEANINGFUL_PCT:.0f}% or more, {IMMPACT}; "
            f"and at least {both}, {FARRAR})."
        )
    if band == "minimal" and pct >= MEANINGFUL_PCT:
        return (
            f"a minimally important reduction ({MINIMAL_PCT:.0f}% or more, {IMMPACT}); "
            f"under the {both} that count as clinically important ({FARRAR})."
        )
    if band == "minimal":
        return (
            f"a minimally important reduction ({MINIMAL_PCT:.0f}% or more, {IMMPACT}); less than "
            f"the {MEANINGFUL_PCT:.0f}% and {both} of a moderately important one."
        )
    return f"a small reduction, under the {MINIMAL_PCT:.0f}% {IMMPACT} calls minimally important."


def _no_baseline(s: dict) -> str:
    rated = s["baseline_days"]
    if rated and rated < MIN_BASELINE_DAYS and s["baseline_start"] is not None:
        window_over = s["recent_end"] > _last_window_day(s["baseline_start"])
        if window_over:
            return (
                f"Baseline: not set: only {days(rated)} rated in the {BASELINE_SPAN_DAYS} days "
                f"from {s['baseline_start']} ({MIN_BASELINE_DAYS} needed); {SET_BASELINE}."
            )
    return (
        f"Baseline: not set yet; it is the mean of your first {BASELINE_DAYS} days with a pain "
        f"rating, within {BASELINE_SPAN_DAYS} days of the first (so far {rated})."
    )


def _last_window_day(first: str) -> str:
    return shift(first, BASELINE_SPAN_DAYS - 1)


def baseline_line(s: dict) -> str:
    """Which days the baseline and the recent mean are, when there is a change to show, and
    whether the baseline is old or began in a bad spell."""
    if s["change_pct"] is None:
        return ""
    line = (
        f"  Baseline: {s['baseline_days']} rated days from {s['baseline_start']} to "
        f"{s['baseline_end']}; now: the {RECENT_DAYS} days to {s['recent_end']} "
        f"({s['recent_days']} rated)."
    )
    if s["baseline_falling"] and s["change_band"] != "regression":
        line += (
            f" Pain fell during the baseline itself ({s['baseline_first_half']:.1f} to "
            f"{s['baseline_second_half']:.1f}): it may have begun in a bad spell."
        )
    if s["baseline_stale"]:
        line += (
            f" The baseline is {s['baseline_age_days']} days old: much else may have changed "
            f"since; {SET_BASELINE}."
        )
    return line
