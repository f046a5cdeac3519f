"""`analysis.summarize`'s dict as short sentences: what `tracker stats` prints.

The Trends screen groups the same sentences under its charts (`words.trends`), so the CLI and
the app say the same thing about the same numbers.
"""

from __future__ import annotations

from tracker.words.change import baseline_line, change_line
from tracker.words.peg import interference_line, peg_lines
from tracker.words.units import days, plural


def describe(summary: dict) -> list[str]:
    """The summary as short sentences, one per line."""
    now = summary["period_end"] == summary["today"]
    lines = [period_line(summary), change_line(summary), baseline_line(summary)]
    lines += [trend_line(summary) if now else ""]
    if summary["days_logged"]:
        lines += [*peg_lines(summary, now), interference_line(summary)]
    lines += exercise_lines(summary, now)
    lines += [*response_lines(summary), flare_line(summary, now), symptom_line(summary)]
    return [line for line in lines if line]


def period_line(s: dict) -> str:
    return (
        f"From {s['period_start']} to {s['period_end']}: {days(s['days_logged'])} with a pain "
        f"rating, {plural(s['sessions'], 'exercise session')}."
    )


def trend_line(s: dict) -> str:
    trend = s["pain_trend_points"]
    if trend is None:
        return ""
    direction = "up" if trend > 0 else "down" if trend < 0 else "unchanged"
    amount = f" {abs(trend):.1f} point{'s' if abs(trend) != 1 else ''}" if trend else ""
    return f"This week against last week: pain {direction}{amount}."


def exercise_lines(s: dict, now: bool) -> list[str]:
    """Last 7 days (only when the period ends today: those numbers are about now) and period."""
    target = s["weekly_aerobic_target"]
    aerobic = s["aerobic_minutes_last_7_days"]
    met = "reached" if aerobic >= target else f"{target - aerobic} minutes short"
    weeks = s["weekly_exercise_minutes"]
    last_7 = (
        f"Exercise in the last 7 days: {s['exercise_minutes_last_7_days']} minutes, "
        f"{aerobic} aerobic (target {target} a week: {met})."
    )
    return [
        last_7 if now else "",
        f"Aerobic target reached in {s['weeks_target_met']} of {len(weeks)} weeks "
        f"({s['exercise_minutes_total']} minutes of exercise over the period).",
    ]


def _pair(s: dict, first: str, second: str) -> str:
    return f"{_mean(s, first)} against {_mean(s, second)}"


def _mean(s: dict, key: str) -> str:
    value, count = s[f"{key}_avg"], s[f"{key}_days"]
    if value is None:
        return f"too few days ({count})"
    return f"{value:.1f} ({days(count)})"


def response_lines(s: dict) -> list[str]:
    lines = [
        "Mean pain on exercise days against rest days: "
        + _pair(s, "exercise_day_pain", "rest_day_pain")
        + ".",
        "Mean pain the day after exercise against the day after rest: "
        + _pair(s, "next_day_after_exercise", "next_day_after_rest")
        + ".",
    ]
    change = s["session_pain_change_avg"]
    if change is not None:
        parts = [
            f"{category} {value['avg']:+.1f}"
            for category, value in s["session_pain_change_by_category"].items()
            if value["avg"] is not None
        ]
        by_category = f": {', '.join(parts)}" if parts else ""
        lines.append(
            f"During sessions pain changed by {change:+.1f} on average "
            f"({s['session_pain_change_sessions']} sessions rated before and after){by_category}."
        )
    return lines


def flare_line(s: dict, now: bool) -> str:
    flares, recent = s["flare_sessions"], s["recent_flare_sessions"]
    if not flares:
        return "No flares after exercise in this period."
    line = f"Flares after exercise: {len(flares)} in this period"
    if now:
        line += f", {len(recent)} in the last 14 days"
    latest = flares[-1]
    line += f" (latest {latest['date']}, {latest['activity']}: {latest['reason']})"
    return line + "."


def symptom_line(s: dict) -> str:
    top = [f"{name.replace('_', ' ')} ({n})" for name, n in s["symptom_counts"].items() if n]
    return f"Most frequent symptoms: {', '.join(top[:3])}." if top else ""
