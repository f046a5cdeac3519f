"""Page 1 of the report: what a clinician reads in a minute.

Who and when (the patient's name and date of birth when given, the period), pain (average,
worst and least, with the change from baseline in `tracker stats`'s own sentence), the PEG
and interference, the exercise dose, flares, and the notes the patient marked for the visit,
verbatim. The detail (charts, the last weeks' table, symptoms) follows on the next pages.

No fpdf import here (only tracker.exchange.report imports it): it draws on the document
`report.build` gives it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from tracker.analysis.summary_type import Summary
from tracker.exchange.report_data import ReportData
from tracker.exchange.report_medicines_page import medicines_block
from tracker.exchange.report_text import FONT, labelled, latin1, paragraph, printable_name, title
from tracker.models import Row
from tracker.words.change import baseline_line, change_line
from tracker.words.exercise import last_7_line, weeks_line
from tracker.words.peg import RECALL, interference_line, peg_lines
from tracker.words.units import days, plural

NOT_RATED = "not rated"
#: The column widths of the pain figures (mm): measure, whole period, last 7 days.
FIGURE_WIDTHS = (44.0, 62.0, 62.0)


def page_one(pdf: Any, data: ReportData) -> None:
    """Everything on page 1, top to bottom (the caller starts the page)."""
    _who(pdf, data)
    s = data.summary
    if s["period_start"] is None:
        paragraph(pdf, "The diary is empty: there is nothing to summarise yet.")
        return
    _pain(pdf, data)
    _peg(pdf, s)
    _exercise(pdf, s)
    # Sized to leave room for the notes on this page (report_medicines_page).
    medicines_block(pdf, data.medicines, then=lambda on: _notes(on, data))
    _notes(pdf, data)


def _who(pdf: Any, data: ReportData) -> None:
    title(pdf, "Pain and exercise diary: summary for the clinic visit", 15)
    parts = []
    if data.name is not None:
        shown, exact = printable_name(data.name)
        if not shown:
            shown = "______________________ (the name's letters are outside this PDF's font)"
        elif not exact:
            shown += " (as this PDF's font can spell it)"
        parts.append(("Patient:", shown))
    if data.born is not None:
        parts.append(("Born:", f"{data.born} (age {age(data.born, data.today)})"))
    for label, text in parts:
        labelled(pdf, label, text, 10.5, 20)
    s = data.summary
    if s["period_start"] is not None:
        span = len(data.series)
        labelled(
            pdf,
            "Period:",
            f"{s['period_start']} to {s['period_end']} ({days(span)}); pain rated on "
            f"{days(s['days_logged'])} ({plural(s['pain_entries'], 'entry', 'entries')}), "
            f"{plural(s['sessions'], 'exercise session')}. Made on {data.today}.",
            10.5 if parts else 9.5,
            20,
        )
    pdf.ln(0.5)
    paragraph(pdf, DISCLAIMER, 8, "I")


DISCLAIMER = (
    "This is the patient's own diary, self-reported with tracker: not a diagnosis or a "
    "clinical assessment."
)


def age(born: str, today: str) -> int:
    """Whole years from `born` to `today` (both YYYY-MM-DD)."""
    b, t = dt.date.fromisoformat(born), dt.date.fromisoformat(today)
    return t.year - b.year - ((t.month, t.day) < (b.month, b.day))


def _pain(pdf: Any, data: ReportData) -> None:
    s = data.summary
    title(pdf, "Pain (0-10 numeric rating scale, daily ratings)")
    # The same sentence as `tracker stats` and the app: one wording of the change.
    paragraph(pdf, change_line(s), 9, "B" if s["change_pct"] is not None else "")
    if s["change_pct"] is not None:
        paragraph(pdf, baseline_line(s).strip(), 8.5)
    pdf.ln(1)
    rows = [("", "Whole period", f"Last 7 days ({s['recent_start']} to {s['recent_end']})")]
    for name, label in (
        ("average", "Average pain"),
        ("worst", "Worst pain"),
        ("least", "Least pain"),
    ):
        period, recent = data.figures["period"][name], data.figures["recent"][name]
        rows.append((label, figure(period, name), figure(recent, name)))
    _grid(pdf, rows, FIGURE_WIDTHS)
    paragraph(
        pdf,
        "Each: the mean of the daily ratings (days rated); worst and least also "
        "the highest and lowest day.",
        7.5,
        "I",
    )


def figure(values: Row, name: str) -> str:
    """'4.2 (21 days)', 'mean 6.0, highest 8 (21 days)' or 'not rated'."""
    if values["mean"] is None:
        return NOT_RATED
    text = f"{values['mean']:.1f}"
    if name != "average":
        word = "highest" if name == "worst" else "lowest"
        text += f", {word} {values['extreme']:g}"
    return f"{text} ({days(values['days'])})"


def _grid(pdf: Any, rows: list[tuple[str, str, str]], widths: tuple[float, ...]) -> None:
    """A small ruled table of short cells, the first row and column in bold."""
    pdf.set_draw_color(190, 190, 190)
    pdf.set_text_color(30, 30, 30)
    for index, row in enumerate(rows):
        for column, (text, width) in enumerate(zip(row, widths, strict=True)):
            pdf.set_font(FONT, "B" if index == 0 or column == 0 else "", 9)
            pdf.cell(width, 5.2, latin1(text), border="B" if index == 0 else 0)
        pdf.ln(5.2)


def _peg(pdf: Any, s: Summary) -> None:
    """The PEG and the interference items in `tracker stats`'s sentences (no verdict on size)."""
    if not s["days_logged"]:
        return
    title(pdf, "Interference and the PEG (0-10, from the same entries)")
    now = s["period_end"] == s["today"]
    lines = [line for line in peg_lines(s, now) if line != RECALL]
    for line in (*lines, interference_line(s)):
        if line:
            paragraph(pdf, line)
    if RECALL in peg_lines(s, now):
        paragraph(pdf, RECALL, 7.5, "I")


def _exercise(pdf: Any, s: Summary) -> None:
    title(pdf, "Exercise")
    if not s["sessions"]:
        paragraph(pdf, "No exercise logged in this period.")
    else:
        weeks = s["weekly_exercise_minutes"]
        mean = round(sum(week["minutes"] for week in weeks) / len(weeks)) if weeks else 0
        paragraph(
            pdf,
            f"{plural(s['sessions'], 'session')} on {days(s['exercise_days'])}, "
            f"{plural(s['exercise_minutes_total'], 'minute')} in all: "
            f"{plural(mean, 'minute')} a week on average over the period.",
        )
        if s["period_end"] == s["today"]:
            paragraph(pdf, last_7_line(s))
        paragraph(pdf, weeks_line(s))
    flares = s["flare_sessions"]
    if flares:
        last = flares[-1]
        paragraph(
            pdf,
            f"Flares: {plural(len(flares), 'session')} followed by a flare; the latest on "
            f"{last['date']} ({last['activity']}, {last['minutes']} min): {last['reason']}.",
        )
    elif s["sessions"]:
        paragraph(pdf, "Flares: none; no session raised pain by 2 points or more.")


def _notes(pdf: Any, data: ReportData) -> None:
    title(pdf, "Notes for this visit")
    if not data.notes:
        paragraph(
            pdf,
            'None marked. (Mark a note with --for-doctor, or tick "For the doctor" in the '
            "app, and it is listed here.)",
            8.5,
            "I",
        )
        return
    for note in data.notes:
        labelled(pdf, note.date, f"{note.about}: {note.text}", 9, 22)
        pdf.ln(0.8)
