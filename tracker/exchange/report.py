"""The printable report for a clinic visit: A4 pages made with fpdf2.

Page 1 is the summary a clinician reads in a minute (`report_page_one`): the patient and the
period, pain (average, worst, least) with the change from baseline in the very sentence
`tracker stats` prints, the PEG and interference, the exercise dose, flares, and the notes the
patient marked for the visit. The detail follows from page 2: the pain chart, what exercise
does to pain, weekly exercise minutes by category, the most frequent symptoms, sessions
followed by a flare, and the last weeks.

Text is Latin-1 in the core font Helvetica (see `report_text`): real, extractable text on
every machine without shipping a font.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Sequence

from fpdf import FPDF, FontFace

from tracker.analysis import DEFAULT_WEEKLY_TARGET
from tracker.analysis.summary_type import Summary
from tracker.exchange.cells import number
from tracker.exchange.report_chart import chart_unit, pain_chart, weekly_bars
from tracker.exchange.report_data import CHART_WEEKS, MIN_DAYS, ReportData, gather
from tracker.exchange.report_markers import chart_markers, marker_list
from tracker.exchange.report_medicines_page import medicines_detail
from tracker.exchange.report_page_one import DISCLAIMER, page_one
from tracker.exchange.report_text import FONT, latin1, printable_name
from tracker.exchange.report_text import paragraph as _paragraph
from tracker.exchange.report_text import title as _title
from tracker.store import Store
from tracker.words.exercise import INTENSITY_RULE, association_lines
from tracker.words.units import plural

__all__ = ["build", "latin1", "printable_name", "write_report"]

MARGIN = 15.0
MAX_FLARES = 5


class _Pdf(FPDF):
    """A4 portrait in mm, with the disclaimer and the page number at the foot of every page."""

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(FONT, "", 7)
        self.set_text_color(110, 110, 110)
        self.cell(0, 4, f"{DISCLAIMER}  Page {self.page_no()} of {{nb}}", align="C")


def write_report(
    store: Store,
    path: str | os.PathLike[str],
    start: str | None = None,
    end: str | None = None,
    today: dt.date | None = None,
    *,
    force: bool = False,
    baseline_from: str | None = None,
    name: str | None = None,
    born: str | None = None,
    weekly_target: int = DEFAULT_WEEKLY_TARGET,
) -> int:
    """Write the report for start..end (default: first logged day to today); returns pages.
    `baseline_from` sets the baseline's start (default: the diary's first rated day); `name`
    and `born` (YYYY-MM-DD, checked by the caller) head page 1 when given.

    Through `safe_files`: a temporary file renamed into place, 0600, never over the diary or
    any SQLite file, an existing file only with `force`. `-` writes the PDF to standard output.
    """
    from tracker.safe_files import check_target, is_stdout, write_bytes

    if not is_stdout(path):
        check_target(path, force=force, protect=[store.path])  # refuse before the work
    data = gather(
        store,
        start,
        end,
        today,
        baseline_from,
        name=name,
        born=born,
        weekly_target=weekly_target,
    )
    pdf = build(data)
    content = bytes(pdf.output())
    if is_stdout(path):
        sys.stdout.buffer.write(content)
        sys.stdout.buffer.flush()
    else:
        write_bytes(path, content, force=force, protect=[store.path])
    return pdf.page_no()


def build(data: ReportData) -> FPDF:
    """The report as an fpdf2 document (not yet written): the summary on page 1, the detail
    from page 2."""
    pdf = _Pdf(format="A4")
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    pdf.set_auto_page_break(True, margin=16)
    pdf.set_title("Pain and exercise diary: summary")
    pdf.set_creator("tracker")
    pdf.add_page()
    page_one(pdf, data)
    if data.summary["period_start"] is None:
        return pdf
    pdf.add_page()
    _title(pdf, "Detail", 13)
    _pain_chart(pdf, data)
    _last_weeks(pdf, data)
    _exercise_response(pdf, data.summary)
    _weekly_exercise(pdf, data.summary)
    _symptoms(pdf, data)
    _flares(pdf, data.summary)
    medicines_detail(pdf, data.medicines)
    return pdf


# ---- helpers ------------------------------------------------------------------------------


def _cell(value: float | None) -> str:
    """A table cell's number, or '-' where nothing was rated (said under the table)."""
    return "-" if value is None else number(value)


def _signed(value: float) -> str:
    text = number(value)
    return text if text.startswith("-") or text == "0" else f"+{text}"


def _last(count: int, noun: str) -> str:
    """'the last 6 weeks', 'the last week' (never 'the last 1 weeks')."""
    return f"the last {noun}" if count == 1 else f"the last {count:,} {noun}s"


# ---- the detail ---------------------------------------------------------------------------


def _pain_chart(pdf: FPDF, data: ReportData) -> None:
    unit = chart_unit(data.series)
    if unit == "day":
        _title(pdf, "Pain each day: 0-10, the daily average")
    else:
        _title(pdf, f"Pain: 0-10, the daily averages of each {unit}")
    top = pdf.get_y() + 1
    markers = data.medicines.markers if data.medicines else []
    chart_markers(pdf, MARGIN, top, pdf.epw, 56, data.series, markers)  # under the data
    pain_chart(pdf, MARGIN, top, pdf.epw, 56, data.series)
    pdf.set_y(top + 57)
    marker_list(pdf, markers)


def _exercise_response(pdf: FPDF, s: Summary) -> None:
    _title(pdf, "Exercise and pain")
    # The same sentences as `tracker stats` and the app: associations, named as such.
    for line in association_lines(s):
        _paragraph(pdf, line)
    change = s["session_pain_change_avg"]
    sessions = plural(s["session_pain_change_sessions"], "session")
    if change is None:
        _paragraph(pdf, f"Pain during sessions: too few rated before and after ({sessions}).")
    else:
        _paragraph(
            pdf,
            f"Pain during sessions (after minus before): {_signed(change)} points on average "
            f"over {sessions} rated before and after.",
        )
    _paragraph(
        pdf,
        "Days with nothing logged count as neither; means under 3 days are not shown.",
        8,
        "I",
    )


def _weekly_exercise(pdf: FPDF, s: Summary) -> None:
    weeks = s["weekly_exercise_minutes"][-CHART_WEEKS:]
    _title(pdf, f"Weekly exercise minutes by category, {_last(len(weeks), 'week')}")
    if not weeks:
        _paragraph(pdf, "No exercise logged in this period.")
        return
    all_weeks = s["weekly_exercise_minutes"]
    mean_minutes = round(sum(week["minutes"] for week in all_weeks) / len(all_weeks))
    _paragraph(
        pdf,
        f"Mean over the period: {number(mean_minutes)} minutes a week. Weeks start on Monday. "
        f"{INTENSITY_RULE}",
    )
    top = pdf.get_y() + 1
    weekly_bars(pdf, MARGIN, top, pdf.epw, 48, weeks)
    pdf.set_y(top + 49)


def _symptoms(pdf: FPDF, data: ReportData) -> None:
    _title(pdf, "Most frequent symptoms")
    entries = data.summary["pain_entries"]
    if not data.symptoms or not entries:
        _paragraph(pdf, "No symptoms were named in this period.")
        return
    parts = [
        f"{name.replace('_', ' ')} {round(100 * count / entries)}% ({count:,})"
        for name, count in data.symptoms
    ]
    _paragraph(pdf, f"Share of {entries:,} pain entries naming each: " + "; ".join(parts) + ".")


def _flares(pdf: FPDF, s: Summary) -> None:
    flares = s["flare_sessions"]
    _title(pdf, f"Sessions followed by a flare ({len(flares)} in the period)")
    if not flares:
        _paragraph(pdf, "None: no session raised pain by 2 points or more.")
        return
    shown = flares[-MAX_FLARES:]
    rows = [("Date", "Activity", "Minutes", "Why it counts as a flare")]
    rows += [(f["date"], f["activity"], str(f["minutes"]), f["reason"]) for f in reversed(shown)]
    _table(pdf, rows, (18, 22, 12, 60))
    if len(flares) > len(shown):
        _paragraph(pdf, f"The {len(shown)} most recent are listed.", 8, "I")


def _last_weeks(pdf: FPDF, data: ReportData) -> None:
    last = _last(len(data.weeks), "week")
    _title(pdf, last[:1].upper() + last[1:])
    rows = [
        (
            "Week",
            "From",
            "Days rated",
            "Mean pain",
            "Worst",
            "PEG",
            "Exercise min",
            "Aerobic min",
            "Flares",
        )
    ]
    for week in data.weeks:
        rows.append(
            (
                week["week"],
                week["start"],
                f"{week['days_rated']} of {week['days']}",
                _cell(week["pain_avg"]),
                _cell(week["worst"]),
                _cell(week["peg_avg"]),
                str(week["minutes"]),
                str(week["aerobic_minutes"]),
                str(week["flares"]),
            )
        )
    _table(pdf, rows, (14, 16, 12, 12, 9, 9, 13, 13, 9))
    _paragraph(
        pdf,
        f"PEG: the week's mean, shown with at least {MIN_DAYS} days with a PEG. A dash: not "
        "rated (or too few days with a PEG).",
        8,
        "I",
    )


def _table(pdf: FPDF, rows: Sequence[tuple[str, ...]], widths: tuple[int, ...]) -> None:
    pdf.set_font(FONT, "", 8)
    pdf.set_text_color(30, 30, 30)
    pdf.set_draw_color(190, 190, 190)
    pdf.set_fill_color(255, 255, 255)
    with pdf.table(
        col_widths=widths,
        line_height=4.2,
        text_align="LEFT",
        padding=(0.6, 1.2),
        width=pdf.epw,
        headings_style=FontFace(emphasis="BOLD", fill_color=(235, 235, 235)),
    ) as table:
        for values in rows:
            row = table.row()
            for value in values:
                row.cell(latin1(value))
    pdf.ln(1)
