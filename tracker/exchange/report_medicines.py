"""The medicines section of the report's first page, as data and text: no drawing, no fpdf.

`medicines_section(summary)` turns `analysis.medicine_use.medicine_summary`'s result into
the tables and lines the report draws (`exchange.report` sets them in its own fonts; every
cell and line is plain text, names verbatim, to pass through `report_text.latin1` like the
rest of the page). Every sentence is `words.medicines`'s, the one `tracker med stats` and the
app print; the cells are the same figures, shorter.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tracker.analysis.medicine_use import MedicineSummary
from tracker.analysis.medicines import MIN_RATED_DAYS, ChangeComparison, MedicineRegimen
from tracker.words.medicines import (
    ADHERENCE_NOTE,
    BOTHER_NOTE,
    NO_ADVICE,
    WINDOWS,
    as_needed_line,
    comparison_lines,
    day_text,
    effect_name,
    number,
    regimen_text,
)
from tracker.words.units import plural

TITLE = "Medicines"
EMPTY = "No medicines are recorded for this period."


@dataclass(frozen=True)
class Table:
    """A table to draw: its header, its rows (one string per cell) and relative widths."""

    header: tuple[str, ...]
    rows: list[tuple[str, ...]] = field(default_factory=list)
    widths: tuple[float, ...] = ()


@dataclass(frozen=True)
class MedicinesSection:
    """What page 1 shows about medicines, top to bottom; an empty table is not drawn."""

    title: str
    #: One line instead of everything else when there is nothing to show; None otherwise.
    empty: str | None
    #: Current medicines (and those stopped within the period): medicine, now, since, for.
    regimen: Table
    #: The changes in the period with their before/after pain.
    changes: Table
    #: The change sentences (verdict with interval and n, PEG and sleep, other changes).
    change_lines: list[str]
    #: Scheduled medicines: doses due, taken, %, skipped, not logged.
    adherence: Table
    as_needed_lines: list[str]
    #: Side effects: effect, days, mean bother, first and last day.
    side_effects: Table
    #: Small print under the section: how it is computed, and no dosing advice.
    notes: list[str]


REGIMEN_HEADER = ("Medicine", "Now", "Since", "For")
CHANGES_HEADER = (
    "Date",
    "Medicine",
    "Change",
    "Pain before",
    "Pain after",
    "Difference (95% interval)",
    "Rated days",
)
ADHERENCE_HEADER = ("Medicine", "Doses due", "Taken", "Adherence", "Skipped", "Not logged")
EFFECTS_HEADER = ("Side effect", "Days", "Mean bother /10", "First", "Last")


def medicines_section(summary: MedicineSummary) -> MedicinesSection:
    """The medicines section of page 1 (see `MedicinesSection`)."""
    shown = [m for m in summary["regimens"] if _shown(m, summary["start"])]
    empty = not (shown or summary["changes"] or summary["side_effects"])
    notes = []
    if summary["changes"]:
        notes.append(WINDOWS)
    if summary["adherence"]:
        notes.append(ADHERENCE_NOTE)
    if summary["side_effects"]:
        notes.append(BOTHER_NOTE)
    return MedicinesSection(
        title=TITLE,
        empty=EMPTY if empty else None,
        regimen=Table(REGIMEN_HEADER, [_regimen_row(m) for m in shown], (30, 40, 20, 30)),
        changes=Table(
            CHANGES_HEADER,
            [_change_row(c) for c in summary["changes"]],
            (18, 24, 32, 14, 14, 30, 14),
        ),
        change_lines=[line for c in summary["changes"] for line in comparison_lines(c)],
        adherence=Table(
            ADHERENCE_HEADER,
            [
                (
                    a["name"],
                    str(a["doses_due"]),
                    str(a["taken_counted"]),
                    "-" if a["pct"] is None else f"{a['pct']:.0f}%",
                    str(a["skipped"]),
                    str(a["not_logged"]),
                )
                for a in summary["adherence"]
            ],
            (40, 18, 18, 18, 18, 18),
        ),
        as_needed_lines=[as_needed_line(u) for u in summary["as_needed"]],
        side_effects=Table(
            EFFECTS_HEADER,
            [
                (
                    effect_name(e),
                    str(e["days"]),
                    "-" if e["bother_avg"] is None else f"{e['bother_avg']:.1f}",
                    day_text(e["first"]),
                    day_text(e["last"]),
                )
                for e in summary["side_effects"]
            ],
            (50, 14, 24, 26, 26),
        ),
        notes=[*notes, NO_ADVICE] if not empty else [],
    )


def _shown(m: MedicineRegimen, start: str | None) -> bool:
    regimen = m["regimen"]
    if regimen is None:
        return False
    return regimen["current"] or (start is not None and regimen["since"] >= start)


def _regimen_row(m: MedicineRegimen) -> tuple[str, ...]:
    regimen = m["regimen"]
    assert regimen is not None  # `_shown` keeps only medicines with a regimen
    if regimen["current"]:
        now = regimen_text(regimen["strength"], regimen["doses_per_day"], m["unit"], m["schedule"])
    else:
        now = "stopped"
    return (m["name"], now, day_text(regimen["since"]), m["reason"] or "")


def change_cell(c: ChangeComparison) -> str:
    """The change in a few words: 'started 75 mg twice daily', '75 -> 150 mg', 'stopped'."""
    now = regimen_text(c["strength"], c["doses_per_day"], c["unit"], c["schedule"])
    if c["change"] == "stop":
        return "stopped"
    if c["change"] == "start":
        return f"started {now}".strip()
    if c["from_strength"] is not None and c["from_doses_per_day"] == c["doses_per_day"]:
        return f"{number(c['from_strength'])} -> {now}"
    before = regimen_text(c["from_strength"], c["from_doses_per_day"], c["unit"], c["schedule"])
    return f"{before} -> {now}" if c["from_doses_per_day"] is not None else now


def _change_row(c: ChangeComparison) -> tuple[str, ...]:
    pain = c["measures"]["pain"]
    before = "-" if pain["before_avg"] is None else f"{pain['before_avg']:.1f}"
    after = "-" if pain["after_avg"] is None else f"{pain['after_avg']:.1f}"
    if pain["points"] is not None:
        difference = f"{pain['points']:+.1f} ({pain['low']:+.1f} to {pain['high']:+.1f})"
        if c["status"] == "partial":
            difference += " so far"
    elif c["status"] in ("settling", "collecting"):
        difference = f"too soon ({plural(c['rated_needed'], 'more rated day')})"
    else:
        difference = f"too few days ({MIN_RATED_DAYS} needed each side)"
    if c["confounders"]:
        difference += "; other changes too"
    days = f"{pain['before_days']} / {pain['after_days']}"
    return (day_text(c["date"]), c["name"], change_cell(c), before, after, difference, days)


__all__ = ["MedicinesSection", "Table", "change_cell", "medicines_section"]
