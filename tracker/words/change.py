"""The change from baseline in words: one judgement, IMMPACT's thresholds.

`change_size` is the one verdict (which of IMMPACT's bands the change falls in); `change_line`
says it on screen (`tracker stats`, the Trends screen) and `change_verdict` on paper (the PDF
report). The two phrasings differ only because tests hold each of them word for word
(tests/test_cli_trends.py and tests/test_report.py); the bands and thresholds are shared.
"""

from __future__ import annotations

from tracker.analysis.change import (
    BASELINE_DAYS,
    MEANINGFUL_PCT,
    MIN_DAYS,
    RECENT_DAYS,
    SUBSTANTIAL_PCT,
)
from tracker.words.units import days

#: The reference the printed report gives for the thresholds.
IMMPACT = "IMMPACT, Dworkin et al., J Pain 2008"


def change_size(s: dict) -> str | None:
    """The band of `s["change_pct"]`: substantial, meaningful, small (a smaller reduction),
    none, worse; None when there is no change to judge."""
    pct = s["change_pct"]
    if pct is None:
        return None
    if pct > 0:
        return "worse"
    if pct == 0:
        return "none"
    if s["substantial"]:
        return "substantial"
    return "meaningful" if s["meaningful"] else "small"


def change_line(s: dict) -> str:
    """The change as one sentence with both means, or why there is none yet."""
    base, recent, pct = s["baseline_avg"], s["recent_avg"], s["change_pct"]
    if base is None:
        return (
            f"Baseline: not set yet; it is the mean of your first {BASELINE_DAYS} days with a "
            f"pain rating (so far {s['baseline_days']})."
        )
    if recent is None:
        return (
            f"Baseline {base:.1f}. Too few ratings in the last {RECENT_DAYS} days to compare "
            f"({s['recent_days']}; {MIN_DAYS} needed)."
        )
    if pct is None:
        return (
            f"Baseline {base:.1f} (from {s['baseline_start']} to {s['baseline_end']}); the "
            f"comparison starts when the last {RECENT_DAYS} days are all after it."
        )
    numbers = f"({base:.1f} -> {recent:.1f})"
    size = change_size(s)
    if size == "worse":
        return f"Pain is {abs(pct):.0f}% above your baseline {numbers}."
    if size == "none":
        return f"Pain is the same as your baseline {numbers}."
    verdicts: dict[str | None, str] = {
        "substantial": f"a substantial change (IMMPACT: {SUBSTANTIAL_PCT:.0f}% or more)",
        "meaningful": f"a meaningful change (IMMPACT: {MEANINGFUL_PCT:.0f}% or more)",
        "small": f"less than the {MEANINGFUL_PCT:.0f}% that counts as meaningful (IMMPACT)",
    }
    verdict = verdicts[size]
    return f"Pain is {abs(pct):.0f}% below your baseline {numbers}: {verdict}."


def baseline_line(s: dict) -> str:
    """Which days the baseline and the recent mean are, when there is a change to show."""
    if s["change_pct"] is None:
        return ""
    return (
        f"  Baseline: {days(s['baseline_days'])} from {s['baseline_start']} to "
        f"{s['baseline_end']}; now: the {RECENT_DAYS} days to {s['recent_end']} "
        f"({s['recent_days']} rated)."
    )


def change_verdict(s: dict) -> str:
    """The report's sentence: the size of the change with IMMPACT's names and citation."""
    size = change_size(s)
    if size is None:
        return (
            f"Not enough ratings to compare: a baseline needs {BASELINE_DAYS} rated days at the "
            f"start of the period and the recent mean {MIN_DAYS} rated days in its last week."
        )
    return {
        "substantial": f"A substantial reduction ({SUBSTANTIAL_PCT:.0f}% or more; {IMMPACT}).",
        "meaningful": (
            f"A moderately important reduction ({MEANINGFUL_PCT:.0f}% or more; {IMMPACT})."
        ),
        "small": (
            f"Less than the {MEANINGFUL_PCT:.0f}% reduction that counts as moderately "
            f"important ({IMMPACT})."
        ),
        "none": "No change.",
        "worse": "Pain is higher than at baseline.",
    }[size]
