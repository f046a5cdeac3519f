"""Medicines week by week, and the chart markers, in words: `tracker med stats` and `plot`.

The period's sentences are `words.medicines.medicine_lines`; this adds what a terminal can show
beside them: adherence and as-needed doses for each of the last weeks (the weekly figures of
`analysis.medicine_use`), and the list of regimen changes a chart marks (`analysis.markers`).
Names are the person's text, verbatim, returned as plain strings.
"""

from __future__ import annotations

from collections.abc import Sequence

from tracker.analysis.markers import Marker
from tracker.analysis.medicine_use import AsNeededWeek, MedicineSummary
from tracker.words.medicines import (
    ADHERENCE_NOTE,
    adherence_week_line,
    day_text,
    medicine_lines,
)
from tracker.words.units import days, plural

#: Weeks listed per medicine (the latest); the period's totals cover every week.
SHOWN_WEEKS = 8
#: What `tracker stats` says about medicines: where their figures are.
STATS_POINTER = (
    "Medicines: {count} in the diary. `tracker med stats` says what each change did to pain "
    "(before and after, an association), adherence, as-needed use and side effects."
)
#: The legend's words for the markers, the same on every chart.
MARKER_LEGEND = "medicine change"


def as_needed_week_line(w: AsNeededWeek) -> str:
    """'Week of 2026-03-02: 4 doses on 3 days (7 days current)' (current days if under 7)."""
    current = f" ({days(w['days_current'])} current)" if w["days_current"] < 7 else ""
    if not w["doses"]:
        return f"Week of {w['start']}: none{current}."
    taken = f"{plural(w['doses'], 'dose')} on {days(w['days_with_dose'])}"
    return f"Week of {w['start']}: {taken}{current}."


def _shown(count: int) -> str:
    return "" if count <= SHOWN_WEEKS else f" (the last {SHOWN_WEEKS} of {count} weeks)"


def adherence_weeks(s: MedicineSummary, limit: int = SHOWN_WEEKS) -> list[str]:
    """Each scheduled medicine's adherence in its last `limit` weeks."""
    lines: list[str] = []
    for a in s["adherence"]:
        if a["weeks"]:
            lines.append(f"  {a['name']}, week by week{_shown(len(a['weeks']))}:")
            lines += ["    " + adherence_week_line(w) for w in a["weeks"][-limit:]]
    return lines


def as_needed_weeks(s: MedicineSummary, limit: int = SHOWN_WEEKS) -> list[str]:
    """Each as-needed medicine's doses in its last `limit` weeks."""
    lines: list[str] = []
    for u in s["as_needed"]:
        if u["weeks"]:
            lines.append(f"  {u['name']}, week by week{_shown(len(u['weeks']))}:")
            lines += ["    " + as_needed_week_line(w) for w in u["weeks"][-limit:]]
    return lines


def stats_lines(s: MedicineSummary) -> list[str]:
    """`words.medicines.medicine_lines` with the weeks of each medicine under its section
    (adherence before its note, as-needed doses after their lines)."""
    lines = medicine_lines(s)
    if s["adherence"]:
        at = lines.index(ADHERENCE_NOTE)
        lines[at:at] = adherence_weeks(s)
    if s["as_needed"]:
        at = lines.index("Side effects:") if "Side effects:" in lines else len(lines) - 1
        lines[at:at] = as_needed_weeks(s)
    return lines


def marker_line(number: int, m: Marker) -> str:
    """'1 = 16 Jul 2026: Pregabalin started 75 mg' (numbered as on the chart)."""
    return f"{number} = {day_text(m.date)}: {m.label}"


def marker_lines(markers: Sequence[Marker]) -> list[str]:
    """The marked changes, numbered as on the chart, with the caveat of the markers."""
    if not markers:
        return []
    return [
        "Medicine changes marked on the pain chart (a marker shows when, not what it did):",
        *("  " + marker_line(number, m) for number, m in enumerate(markers, 1)),
    ]
