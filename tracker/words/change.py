"""The change from baseline in words: one sentence for the screen and for paper.

`change_line` is the only wording of the change: `tracker stats`, `tracker plot`, the Trends
screen and the PDF report all print it. The verdict itself (`change_band`) is judged once in
`tracker.analysis.change`, on the same rounded numbers this sentence prints; here it is only
said. `baseline_line` says which days the two means are and whether the baseline is old.
Both take a `Measure`: `PAIN` (the default) or `PEG` (`words.peg`), the same rules in the same
sentences, with the PEG named and no verdict on its size.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple

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


class Measure(NamedTuple):
    """How the sentences name a daily 0-10 measure (`PAIN`, or `words.peg.PEG`)."""

    #: The subject of a sentence ("Pain is 30% below your baseline").
    name: str
    #: The same in mid-sentence ("pain was already falling").
    noun: str
    #: Whose baseline ("your baseline", "its baseline").
    its: str
    #: How the baseline is named at the start of a sentence.
    baseline: str
    #: What a day needs to count ("ratings" in "too few ratings in the last 7 days").
    ratings: str
    #: After a count of days: "5 days rated", "5 days with a PEG".
    rated: str
    #: "N rated days" / "N days with a PEG".
    rated_days: str
    #: The baseline's days ("your first 14 days with a pain rating").
    first_days: str
    #: Why a zero baseline has no percent change.
    zero: str
    #: Whether the pain thresholds (IMMPACT, Farrar) judge the change.
    thresholds: bool = True


PAIN = Measure(
    name="Pain",
    noun="pain",
    its="your",
    baseline="Baseline",
    ratings="ratings",
    rated=" rated",
    rated_days="{n} rated days",
    first_days="days with a pain rating",
    zero="no pain at baseline",
)


def change_line(s: Mapping[str, Any], m: Measure = PAIN) -> str:
    """The change as one sentence with both means, its interval and its verdict, or why there
    is none yet."""
    base, recent, pct = s["baseline_avg"], s["recent_avg"], s["change_pct"]
    if base is None:
        return _no_baseline(s, m)
    if recent is None:
        return (
            f"{m.baseline} {base:.1f}. Too few {m.ratings} in the last {RECENT_DAYS} days to "
            f"compare ({s['recent_days']}; {MIN_DAYS} needed)."
        )
    if pct is None:
        if base == 0:
            return f"{m.baseline} {base:.1f}: {m.zero}, so no change to measure."
        return (
            f"{m.baseline} {base:.1f} (from {s['baseline_start']} to {s['baseline_end']}); the "
            f"comparison starts when the last {RECENT_DAYS} days are all after it."
        )
    points, low, high = s["change_points"], s["change_low"], s["change_high"]
    spread = f"95% interval {low:+.1f} to {high:+.1f}" if low != high else "no day-to-day variation"
    numbers = f"({base:.1f} -> {recent:.1f}, {points:+.1f} points; {spread})"
    band = s["change_band"]
    if band == "none":
        return f"{m.name} is the same as {m.its} baseline {numbers}."
    direction = "above" if pct > 0 else "below"
    return f"{m.name} is {abs(pct):.0f}% {direction} {m.its} baseline {numbers}: {_verdict(s, m)}"


def verdict(s: Mapping[str, Any], m: Measure = PAIN) -> str:
    """The verdict clause of `change_line` alone, from `change_band` and `change_pct` (and
    the baseline halves for "regression"): for other comparisons judged by the same band
    (`words.medicines`)."""
    return _verdict(s, m)


def _verdict(s: Mapping[str, Any], m: Measure) -> str:
    band, pct = s["change_band"], abs(s["change_pct"])
    both = f"{MEANINGFUL_POINTS:.0f} points"
    if band == "variation":
        return "within your usual day-to-day variation, so not a clear change."
    if band == "worse":
        return "a rise beyond your usual day-to-day variation."
    if band == "regression":
        return (
            f"not counted as an improvement, because {m.noun} was already falling during the "
            f"baseline ({s['baseline_first_half']:.1f} in its first half, "
            f"{s['baseline_second_half']:.1f} in its second). A diary that starts in a bad "
            "spell tends to settle back by chance (regression to the mean); a later baseline "
            "would be fairer."
        )
    if band == "lower":
        return (
            "lower beyond your usual day-to-day variation. No checked threshold says how big a "
            f"change in {m.noun} matters, so this is not called important or unimportant."
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


def _no_baseline(s: Mapping[str, Any], m: Measure) -> str:
    rated = s["baseline_days"]
    if rated and rated < MIN_BASELINE_DAYS and s["baseline_start"] is not None:
        window_over = s["recent_end"] > _last_window_day(s["baseline_start"])
        if window_over:
            return (
                f"{m.baseline}: not set: only {days(rated)}{m.rated} in the "
                f"{BASELINE_SPAN_DAYS} days from {s['baseline_start']} "
                f"({MIN_BASELINE_DAYS} needed); {SET_BASELINE}."
            )
    return (
        f"{m.baseline}: not set yet; it is the mean of your first {BASELINE_DAYS} "
        f"{m.first_days}, within {BASELINE_SPAN_DAYS} days of the first (so far {rated})."
    )


def _last_window_day(first: str) -> str:
    return shift(first, BASELINE_SPAN_DAYS - 1)


def baseline_line(s: Mapping[str, Any], m: Measure = PAIN) -> str:
    """Which days the baseline and the recent mean are, when there is a change to show, and
    whether the baseline is old or began in a bad spell."""
    if s["change_pct"] is None:
        return ""
    line = (
        f"  {m.baseline}: {m.rated_days.format(n=s['baseline_days'])} from "
        f"{s['baseline_start']} to {s['baseline_end']}; now: the {RECENT_DAYS} days to "
        f"{s['recent_end']} ({s['recent_days']}{m.rated})."
    )
    if s["baseline_falling"] and s["change_band"] != "regression":
        line += (
            f" {m.name} fell during the baseline itself ({s['baseline_first_half']:.1f} to "
            f"{s['baseline_second_half']:.1f}): it may have begun in a bad spell."
        )
    if s["baseline_stale"]:
        line += (
            f" The baseline is {s['baseline_age_days']} days old: much else may have changed "
            f"since; {SET_BASELINE}."
        )
    return line
