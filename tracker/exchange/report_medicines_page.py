"""The report's medicines: a block on page 1 sized to fit it, and the detail from page 2.

Page 1 (`medicines_block`) draws `report_medicines.medicines_section`: one table of the
regimen with what was taken in the period (adherence of scheduled medicines, doses of
as-needed ones), the changes in the period with pain before and after, the side effects in a
line, and the small print (how changes are compared, what adherence counts, no dosing
advice). Page 1 must stay one page, so the block is tried on a dry run first (fpdf2's
`offset_rendering`, with whatever the page draws after it) and loses detail until it fits:
first the older changes (the latest are kept), then the side effects line, then the changes
table. What is left out is said, and the detail pages have all of it.

The detail (`medicines_detail`): every change in `words.medicines`' sentences (verdict with
its interval and n, the PEG and sleep, the other changes in its days), adherence and
as-needed use with their reasons, and each side effect over time.

Every string goes through `report_text.latin1` (names verbatim as far as Latin-1 allows, as
the rest of the report). No fpdf import here: it draws on the document it is given.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from tracker.analysis.medicine_use import MedicineSummary
from tracker.exchange.medicine_data import MedicineData
from tracker.exchange.report_medicines import MedicinesSection, medicines_section
from tracker.exchange.report_text import FONT, latin1, paragraph, title
from tracker.words.medicines import (
    ASSOCIATION,
    NO_ADVICE,
    adherence_line,
    as_needed_line,
    comparison_lines,
    side_effect_line,
)
from tracker.words.units import plural

TITLE = "Medicines (as logged by the patient)"
USE_HEADER = "Doses in this period"
#: The mark in the changes table for a change with another change inside its days.
MIXED = " *"
MIXED_NOTE = "* Another medicine change falls inside its days: the figures mix both changes."
#: Page 1's pointer to the method notes, which the detail prints in full.
METHOD_NOTE = (
    "How changes are compared, and what adherence counts: Medicines in detail, after the charts."
)

#: What page 1 tries, most first: (the latest changes shown, the side effects line shown).
LEVELS = ((8, True), (6, True), (4, True), (3, True), (2, True), (2, False), (1, False), (0, False))
TABLE_PT = 7.5
SMALL_PT = 7


@dataclass(frozen=True)
class _Level:
    """How much of the section page 1 draws."""

    changes: int
    side_effects: bool


def medicines_block(pdf: Any, data: MedicineData | None, then: Callable[[Any], None]) -> None:
    """The medicines on page 1, at the most detail that leaves room for `then` (what page 1
    draws after it) on the same page; nothing when the diary has no medicine at all."""
    if data is None or not data.any_medicine:
        return
    section = medicines_section(data.summary)
    levels = [_Level(*values) for values in LEVELS]

    def fits(level: _Level) -> bool:
        with pdf.offset_rendering() as dry:
            _draw(dry, section, data.summary, level)
            then(dry)
        return not dry.page_break_triggered

    _draw(pdf, section, data.summary, levels[_first_fitting(levels, fits)])


def _first_fitting(levels: Sequence[_Level], fits: Callable[[_Level], bool]) -> int:
    """The index of the first level that fits (the last when none does). Levels go from
    most to least detail, so what fits is a tail of the list: the full level is tried first
    (it fits for most diaries: one dry run), then the rest is bisected (at most 3 more)."""
    if fits(levels[0]):
        return 0
    low, high = 1, len(levels) - 1  # levels[high] is drawn even if it does not fit
    while low < high:
        middle = (low + high) // 2
        if fits(levels[middle]):
            high = middle
        else:
            low = middle + 1
    return low


def _draw(pdf: Any, section: MedicinesSection, s: MedicineSummary, level: _Level) -> None:
    title(pdf, TITLE)
    if section.empty is not None:
        paragraph(pdf, section.empty, 8.5, "I")
        return
    cut: list[str] = []
    if section.regimen.rows:
        header = (*section.regimen.header, USE_HEADER)
        regimen = [(*row, _use(s, row[0])) for row in section.regimen.rows]
        _table(pdf, header, regimen, (26, 30, 18, 26, 60))
    changes = section.changes.rows
    shown = changes[-level.changes :] if level.changes else []
    if shown:
        _label(
            pdf,
            f"Changes in this period ({len(changes)}): mean pain 0-10 before and after; "
            "rated days before / after",
        )
        marked = [(*row[:-2], _mixed(row[-2]), row[-1]) for row in shown]
        _table(pdf, section.changes.header, marked, section.changes.widths)
    if not shown and changes:
        cut.append(f"the period's {plural(len(changes), 'change')}")
    elif len(shown) < len(changes):
        cut.append(f"{plural(len(changes) - len(shown), 'earlier change')}")
    notes = [METHOD_NOTE, NO_ADVICE]
    if shown:
        mixed = any(row[-2].endswith(MIXED) for row in marked)
        notes = [ASSOCIATION, *([MIXED_NOTE] if mixed else []), *notes]
    effects = section.side_effects.rows
    if effects and level.side_effects:
        parts = [f"{e[0]}: {_days(e[1])}, {_span(e[3], e[4])}, bother {e[2]}" for e in effects]
        _line(pdf, "Side effects (days reported, mean bother 0-10): " + "; ".join(parts) + ".")
    elif effects:
        cut.append("the side effects")
    if cut:
        _line(
            pdf,
            f"Left out for space: {' and '.join(cut)} (see Medicines in detail, after the charts).",
            "I",
        )
    paragraph(pdf, " ".join(notes), SMALL_PT, "I")


def _use(s: MedicineSummary, name: str) -> str:
    """What was taken of the medicine `name` in the period, in a cell."""
    for a in s["adherence"]:
        if a["name"] == name:
            if not a["doses_due"]:
                return "no doses due"
            return (
                f"{a['taken_counted']} of {a['doses_due']} due taken ({a['pct']:.0f}%); "
                f"{a['skipped']} skipped, {a['not_logged']} not logged"
            )
    for u in s["as_needed"]:
        if u["name"] == name:
            with_dose = sum(week["days_with_dose"] for week in u["weeks"])
            return (
                f"as needed: {plural(u['doses'], 'dose')} on {with_dose} of "
                f"{u['days_current']} days; last 7 days {u['last_doses']} "
                f"(7 before: {u['prior_doses']})"
            )
    return ""


def _mixed(cell: str) -> str:
    suffix = "; other changes too"
    return cell[: -len(suffix)] + MIXED if cell.endswith(suffix) else cell


def _days(count: str) -> str:
    return "1 day" if count == "1" else f"{count} days"


def _span(first: str, last: str) -> str:
    return first if first == last else f"{first} to {last}"


def _label(pdf: Any, text: str) -> None:
    pdf.ln(0.6)
    pdf.set_font(FONT, "B", 8.5)
    pdf.set_text_color(0, 0, 0)
    pdf.multi_cell(0, 4, latin1(text), new_x="LMARGIN", new_y="NEXT")


def _line(pdf: Any, text: str, style: str = "") -> None:
    paragraph(pdf, text, 8, style)


def _table(
    pdf: Any,
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
) -> None:
    pdf.set_font(FONT, "", TABLE_PT)
    pdf.set_text_color(30, 30, 30)
    pdf.set_draw_color(190, 190, 190)
    with pdf.table(
        col_widths=tuple(widths),
        line_height=3.4,
        text_align="LEFT",
        padding=(0.4, 1.0),
        width=pdf.epw,
    ) as table:
        for values in (header, *rows):
            row = table.row()
            for value in values:
                row.cell(latin1(value))
    pdf.ln(0.8)


# ---- the detail ----------------------------------------------------------------------------


def medicines_detail(pdf: Any, data: MedicineData | None) -> None:
    """Every medicine sentence of the period (`words.medicines`), under its own heading."""
    if data is None or not data.any_medicine:
        return
    s = data.summary
    section = medicines_section(s)
    if section.empty is not None:
        return
    title(pdf, "Medicines in detail")
    if s["changes"]:
        _label(pdf, "Each change, before and after")
        for change in s["changes"]:
            first, *more = comparison_lines(change)
            paragraph(pdf, first, 8)
            for line in more:  # the PEG and sleep, other changes: indented under it
                pdf.set_x(pdf.l_margin + 4)
                paragraph(pdf, line, 7.5)
            pdf.ln(1.2)
    lines = [adherence_line(a) for a in s["adherence"]]
    lines += [as_needed_line(u) for u in s["as_needed"]]
    if lines:
        _label(pdf, "Doses")
        for line in lines:
            paragraph(pdf, line, 8)
    if s["side_effects"]:
        _label(pdf, "Side effects over time")
        for effect in s["side_effects"]:
            paragraph(pdf, side_effect_line(effect), 8)
    paragraph(pdf, " ".join(section.notes), SMALL_PT, "I")
