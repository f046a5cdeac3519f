"""`analysis.summarize`'s dict as short sentences: what `tracker stats` prints.

The Trends screen groups the same sentences under its charts (`words.trends`), so the CLI and
the app say the same thing about the same numbers.
"""

from __future__ import annotations

from tracker.analysis.summary_type import Summary
from tracker.words.change import baseline_line, change_line
from tracker.words.exercise import (
    INTENSITY_RULE,
    association_lines,
    last_7_line,
    weeks_line,
)
from tracker.words.peg import interference_line, peg_lines
from tracker.words.units import days, plural


def describe(summary: Summary) -> list[str]:
    """The summary as short sentences, one per line."""
    now = summary["period_end"] == summary["today"]
    lines = [period_line(summary), change_line(summary), baseline_line(summary)]
    lines += [trend_line(summary) if now else ""]
    if summary["days_logged"]:
        lines += [*peg_lines(summary, now), interference_line(summary)]
    lines += exercise_lines(summary, now)
    lines += [*response_lines(summary), flare_line(summary, now), symptom_line(summary)]
    return [line for line in lines if line]


def period_line(s: Summary) -> str:
    return (
        f"From {s['period_start']} to {s['period_end']}: {days(s['days_logged'])} with a pain "
        f"rating, {plural(s['sessions'], 'exercise session')}."
    )


def trend_line(s: Summary) -> str:
    trend = s["pain_trend_points"]
    if trend is None:
        return ""
    direction = "up" if trend > 0 else "down" if trend < 0 else "unchanged"
    amount = f" {abs(trend):.1f} point{'s' if abs(trend) != 1 else ''}" if trend else ""
    return f"This week against last week: pain {direction}{amount}."


def exercise_lines(s: Summary, now: bool) -> list[str]:
    """Last 7 days (only when the period ends today: those numbers are about now) and period."""
    return [last_7_line(s) if now else "", weeks_line(s), INTENSITY_RULE]


def response_lines(s: Summary) -> list[str]:
    lines = association_lines(s)
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


def flare_line(s: Summary, now: bool) -> str:
    flares, recent = s["flare_sessions"], s["recent_flare_sessions"]
    if not flares:
        return "No flares after exercise in this period."
    line = f"Flares after exercise: {len(flares)} in this period"
    if now:
        line += f", {len(recent)} in the last 14 days"
    latest = flares[-1]
    line += f" (latest {latest['date']}, {latest['activity']}: {latest['reason']})"
    return line + "."


def symptom_line(s: Summary) -> str:
    top = [f"{name.replace('_', ' ')} ({n})" for name, n in s["symptom_counts"].items() if n]
    return f"Most frequent symptoms: {', '.join(top[:3])}." if top else ""
