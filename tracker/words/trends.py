"""The Trends screen's words: `words.summary`'s sentences grouped under its three charts (the
PEG and interference, `words.peg`, under the pain chart).

Kept out of the screen so they are written once, without Textual, and a test can hold them
to what `tracker stats` says (tests/test_layers.py).
"""

from __future__ import annotations

from tracker.analysis.summary_type import Summary
from tracker.words.change import baseline_line, change_line
from tracker.words.peg import interference_line, peg_lines
from tracker.words.summary import (
    exercise_lines,
    flare_line,
    period_line,
    response_lines,
    trend_line,
)

NOT_ENOUGH = "Not enough data yet."


def pain_words(s: Summary) -> list[str]:
    """The pain chart's numbers: the period, the change against the baseline, the trend."""
    if not s["days_logged"]:
        return [f"{NOT_ENOUGH} No pain ratings in this period: press p to log one."]
    lines = [period_line(s)]
    if s["period_pain_avg"] is not None:
        lines.append(f"Mean pain over the period: {s['period_pain_avg']:.1f}.")
    change = change_line(s)
    lines.append(change if s["change_pct"] is not None else f"{NOT_ENOUGH} {change}")
    lines += [baseline_line(s).strip(), trend_line(s)]
    return [line for line in lines if line]


def peg_words(s: Summary) -> list[str]:
    """The PEG and the interference items, under the pain chart (no chart of their own)."""
    if not s["days_logged"]:
        return []
    return [line for line in (*peg_lines(s), interference_line(s)) if line]


def exercise_words(s: Summary) -> list[str]:
    """The exercise chart's numbers: the last 7 days against the target, the weeks that met it."""
    lines = exercise_lines(s, now=True)
    if not s["sessions"]:
        lines.append("No exercise sessions in this period: press e to log one.")
    return [line for line in lines if line]


def response_words(s: Summary) -> list[str]:
    """The response chart's numbers: exercise against rest days, sessions, flares."""
    lines = []
    if s["exercise_day_pain_avg"] is None or s["rest_day_pain_avg"] is None:
        lines.append(f"{NOT_ENOUGH} Comparing needs 3 rated days with exercise and 3 without.")
    lines += response_lines(s)
    if s["session_pain_change_avg"] is None:
        lines.append(
            f"{NOT_ENOUGH} Rate pain before and after a session to see how sessions affect it."
        )
    lines.append(flare_line(s, now=True))
    return lines


def trends_words(s: Summary) -> list[str]:
    """Every line of the screen's words, top to bottom (what `TrendsScreen.words()` shows)."""
    return [*pain_words(s), *peg_words(s), *exercise_words(s), *response_words(s)]
