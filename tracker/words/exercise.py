"""Exercise and pain in words: one wording for `tracker stats`, `tracker plot`, the Trends
screen and the PDF report.

- **Associations, named as such.** Pain on exercise days against rest days (and on the day
  after each) compares days; people exercise on their better days, so these gaps appear even
  when exercise changes nothing. Every front door prints them with `ASSOCIATION_CAVEAT`.
- **The fairer comparison.** Next-day pain adjusted for the day's own pain
  (`analysis.next_day`), with its interval and counts, or what is still missing. Even adjusted
  it is an association (`ADJUSTED_CAVEAT`).
- **Dose.** Moderate-equivalent aerobic minutes against the weekly target, over full weeks
  only (`analysis.exercise`). Sources: the 150-300 minutes of moderate activity a week is
  WHO 2020 (confirmed in the project's fact sheet); counting a minute at RPE 7 or more as two
  is tracker's own rule, said as such (the fact sheet confirms neither the vigorous
  equivalence nor the RPE cut-off, so neither is cited).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tracker.analysis.exercise import VIGOROUS_FACTOR, VIGOROUS_RPE
from tracker.analysis.summary_type import Summary
from tracker.words.units import days, plural

#: Said wherever exercise days are compared with rest days.
ASSOCIATION_CAVEAT = (
    "These compare days, not causes: people tend to exercise on their better days, so "
    "exercise days can look less painful even if exercise changes nothing."
)
#: Said with the adjusted comparison.
ADJUSTED_CAVEAT = (
    "Even adjusted, this is an association, not proof of an effect: other things that vary "
    "from day to day (sleep, weather, medication) can move both exercise and pain."
)
#: How minutes meet the target, and whose rule each part is.
INTENSITY_RULE = (
    f"Aerobic minutes are counted as moderate-equivalent: a session rated effort "
    f"{VIGOROUS_RPE} or more (Borg CR10) counts {VIGOROUS_FACTOR} minutes for each minute "
    f"(tracker's own rule for vigorous effort; WHO 2020 advises 150-300 minutes a week of "
    f"moderate activity)."
)
#: The title over the day comparison in the plot and the app: "assoc." for association (a
#: longer title is dropped by plotext at 90 columns; the words under the chart say it in full).
RESPONSE_TITLE = "Pain on days, assoc."


def _mean(s: Mapping[str, Any], key: str) -> str:
    """`KEY_avg (KEY_days days)`: s is a Summary, read by a key made from `key`."""
    value, count = s[f"{key}_avg"], s[f"{key}_days"]
    if value is None:
        return f"too few days ({count})"
    return f"{value:.1f} ({days(count)})"


def _pair(s: Mapping[str, Any], first: str, second: str) -> str:
    return f"{_mean(s, first)} against {_mean(s, second)}"


def same_day_line(s: Summary) -> str:
    """Mean pain on exercise days against rest days, named an association."""
    pair = _pair(s, "exercise_day_pain", "rest_day_pain")
    return f"Association: mean pain on exercise days against rest days: {pair}."


def next_day_line(s: Summary) -> str:
    """Mean pain the day after exercise against the day after rest, named an association."""
    pair = _pair(s, "next_day_after_exercise", "next_day_after_rest")
    return f"Association: mean pain the day after exercise against the day after rest: {pair}."


def _shown(value: float) -> float:
    """Rounded to 1 decimal as printed (never "-0.0"); verdicts are judged on this."""
    return round(value, 1) + 0.0


def adjusted_line(s: Summary) -> str:
    """The adjusted next-day comparison with its interval and counts, or what it still needs."""
    status = s["next_day_adjusted_status"]
    need = s["next_day_adjusted_min_days"]
    exercised, rested = s["next_day_adjusted_exercise_days"], s["next_day_adjusted_rest_days"]
    if status == "too_few":
        missing = [
            plural(need - count, f"more {kind} day")
            for kind, count in (("exercise", exercised), ("rest", rested))
            if count < need
        ]
        return (
            f"Adjusted next-day comparison: not shown yet. It needs {need} exercise days and "
            f"{need} rest days each followed by a rated day; so far {exercised} and {rested} "
            f"({' and '.join(missing)} to go)."
        )
    if status == "no_variation":
        return (
            "Adjusted next-day comparison: not shown. Your pain did not vary enough from day "
            "to day, apart from exercise, to adjust for it."
        )
    raw = (s["next_day_adjusted_diff"], s["next_day_adjusted_low"], s["next_day_adjusted_high"])
    if None in raw:  # any status but "ok" was answered above
        return "Adjusted next-day comparison: not available."
    diff, low, high = (_shown(value) for value in raw if value is not None)
    if high < 0:
        verdict = "lower after exercise days, beyond chance"
    elif low > 0:
        verdict = "higher after exercise days, beyond chance"
    else:
        verdict = "within what chance alone gives: no clear difference"
    return (
        f"Adjusted for the day's own pain, pain the day after exercise against the day after "
        f"rest: {diff:+.1f} points (95% interval {low:+.1f} to {high:+.1f}; {exercised} "
        f"exercise and {rested} rest days followed by a rating): {verdict}."
    )


def association_lines(s: Summary) -> list[str]:
    """Every sentence comparing exercise days with rest days, caveats included, in order."""
    return [same_day_line(s), next_day_line(s), *plot_lines(s)]


def last_7_line(s: Summary) -> str:
    """Moderate-equivalent aerobic minutes of the last 7 days against the weekly target."""
    target = s["weekly_aerobic_target"]
    equivalent = s["aerobic_equivalent_minutes_last_7_days"]
    met = "reached" if equivalent >= target else f"{target - equivalent} minutes short"
    return (
        f"Exercise in the last 7 days: {s['exercise_minutes_last_7_days']} minutes, "
        f"{s['aerobic_minutes_last_7_days']} aerobic ({equivalent} moderate-equivalent; "
        f"target {target} a week: {met})."
    )


def weeks_line(s: Summary) -> str:
    """How many full weeks reached the target; partial weeks are never counted as missed."""
    full = s["weeks_complete"]
    total = f"({s['exercise_minutes_total']} minutes of exercise over the period)"
    if not full:
        return (
            f"No full week yet to hold against the aerobic target {total}: the current week "
            f"and weeks the diary or the period only partly covers are not counted."
        )
    return (
        f"Aerobic target ({s['weekly_aerobic_target']} moderate-equivalent minutes) reached in "
        f"{s['weeks_target_met']} of {plural(full, 'full week')} {total}; the current week and "
        f"weeks the diary or the period only partly covers are not counted."
    )


def plot_lines(s: Summary) -> list[str]:
    """Under the charts of `tracker plot`: what the day comparison is, and the fairer one."""
    lines = [ASSOCIATION_CAVEAT, adjusted_line(s)]
    if s["next_day_adjusted_status"] == "shown":
        lines.append(ADJUSTED_CAVEAT)
    return lines
