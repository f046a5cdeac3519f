"""The printable report for a clinic visit: one to two A4 pages made with fpdf2.

Page 1: the period, the change from baseline in the very sentences `tracker stats` prints
(tracker.words.change), the pain chart, the PEG and interference (tracker.words.peg, as
`tracker stats` says them), and what exercise does to pain. Page 2: weekly exercise minutes
by category, the most frequent symptoms, sessions followed by a flare, and
the last weeks.

Text uses the PDF core font Helvetica, so it is real, extractable text on every machine
without shipping a font; core fonts are Latin-1, so `latin1` rewrites what they cannot show
(">=" for the sign, "-" for dashes, accents dropped from letters outside Latin-1).
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import unicodedata
from collections.abc import Sequence

from fpdf import FPDF, FontFace

from tracker.analysis.summary_type import Summary
from tracker.exchange.cells import number
from tracker.exchange.report_chart import pain_chart, weekly_bars
from tracker.exchange.report_data import CHART_WEEKS, MIN_DAYS, ReportData, gather
from tracker.store import Store
from tracker.words.change import baseline_line, change_line
from tracker.words.exercise import INTENSITY_RULE, association_lines, weeks_line
from tracker.words.peg import interference_line, peg_lines

FONT = "Helvetica"
MARGIN = 15.0
DISCLAIMER = (
    "This is the patient's own diary, self-reported with tracker: not a diagnosis or a "
    "clinical assessment."
)
MAX_FLARES = 8
_REPLACEMENTS = str.maketrans(
    {
        "\u2265": ">=",
        "\u2264": "<=",
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2026": "...",
        "\u00a0": " ",
        "\u0141": "L",
        "\u0142": "l",
        "\u0152": "OE",
        "\u0153": "oe",
        "\u20ac": "EUR",
    }
)


def latin1(text: str) -> str:
    """`text` as the core fonts can print it: common signs spelled out, accents dropped
    outside Latin-1, anything else as '?'."""
    text = text.translate(_REPLACEMENTS)
    try:
        text.encode("latin-1")
        return text
    except UnicodeEncodeError:
        pass
    return "".join(_latin1_char(char) for char in text)


def _latin1_char(char: str) -> str:
    if ord(char) < 256:
        return char
    base = unicodedata.normalize("NFKD", char).encode("latin-1", "ignore").decode("latin-1")
    return base or "?"


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
) -> int:
    """Write the report for start..end (default: first logged day to today); returns pages.
    `baseline_from` sets the baseline's start (default: the diary's first rated day).

    Through `safe_files`: a temporary file renamed into place, 0600, never over the diary or
    any SQLite file, an existing file only with `force`. `-` writes the PDF to standard output.
    """
    from tracker.safe_files import check_target, is_stdout, write_bytes

    if not is_stdout(path):
        check_target(path, force=force, protect=[store.path])  # refuse before the work
    data = gather(store, start, end, today, baseline_from)
    pdf = build(data)
    content = bytes(pdf.output())
    if is_stdout(path):
        sys.stdout.buffer.write(content)
        sys.stdout.buffer.flush()
    else:
        write_bytes(path, content, force=force, protect=[store.path])
    return pdf.page_no()


def build(data: ReportData) -> FPDF:
    """The report as an fpdf2 document (not yet written)."""
    pdf = _Pdf(format="A4")
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    pdf.set_auto_page_break(True, margin=16)
    pdf.set_title("Pain and exercise diary: summary")
    pdf.set_creator("tracker")
    pdf.add_page()
    _heading(pdf, data)
    if data.summary["period_start"] is None:
        _paragraph(pdf, "The diary is empty: there is nothing to summarise yet.")
        return pdf
    _pain_section(pdf, data)
    _peg_section(pdf, data.summary)
    _exercise_response(pdf, data.summary)
    pdf.add_page()
    _weekly_exercise(pdf, data.summary)
    _symptoms(pdf, data)
    _flares(pdf, data.summary)
    _last_weeks(pdf, data)
    return pdf


# ---- text helpers -------------------------------------------------------------------------


def _title(pdf: FPDF, text: str, size: float = 11) -> None:
    pdf.ln(2)
    pdf.set_font(FONT, "B", size)
    pdf.set_text_color(0, 0, 0)
    pdf.multi_cell(0, size * 0.5, latin1(text), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)


def _paragraph(pdf: FPDF, text: str, size: float = 9, style: str = "") -> None:
    pdf.set_font(FONT, style, size)
    pdf.set_text_color(30, 30, 30)
    pdf.multi_cell(0, size * 0.48, latin1(text), new_x="LMARGIN", new_y="NEXT")


def _value(value, unit: str = "") -> str:
    return "n/a" if value is None else f"{number(value)}{unit}"


def _signed(value) -> str:
    text = number(value)
    return text if text.startswith("-") or text == "0" else f"+{text}"


def _count(value: int, one: str, many: str) -> str:
    return f"{value:,} {one if value == 1 else many}"


# ---- page 1 -------------------------------------------------------------------------------


def _heading(pdf: FPDF, data: ReportData) -> None:
    _title(pdf, "Pain and exercise diary: summary for the clinic visit", 15)
    _paragraph(pdf, f"{DISCLAIMER} Made on {data.today}.", 8.5, "I")
    summary = data.summary
    if summary["period_start"] is None:
        return
    days = len(data.series)
    _paragraph(
        pdf,
        f"Period: {summary['period_start']} to {summary['period_end']} "
        f"({_count(days, 'day', 'days')}). Pain rated on "
        f"{_count(summary['days_logged'], 'day', 'days')} "
        f"({_count(summary['pain_entries'], 'entry', 'entries')}); "
        f"{_count(summary['sessions'], 'exercise session', 'exercise sessions')} "
        f"({_count(summary['exercise_minutes_total'], 'minute', 'minutes')}).",
    )


def _pain_section(pdf: FPDF, data: ReportData) -> None:
    s = data.summary
    _title(pdf, "Pain: 0-10 numeric rating scale, average pain of each day")
    # The same sentences as `tracker stats` and the app: one wording of the change.
    _paragraph(pdf, change_line(s), 9, "B" if s["change_pct"] is not None else "")
    if s["change_pct"] is not None:
        _paragraph(pdf, baseline_line(s).strip())
    _paragraph(pdf, f"Mean daily pain over the whole period: {_value(s['period_pain_avg'])}/10.")
    pdf.ln(3)
    top = pdf.get_y()
    pain_chart(pdf, MARGIN, top, pdf.epw, 72, data.series)
    pdf.set_y(top + 74)


def _peg_section(pdf: FPDF, s: Summary) -> None:
    """The PEG and the interference items in `tracker stats`'s sentences (no verdict on size)."""
    if not s["days_logged"]:
        return
    _title(pdf, "Interference and the PEG: 0-10, from the same entries")
    now = s["period_end"] == s["today"]
    for line in (*peg_lines(s, now), interference_line(s)):
        if line:
            _paragraph(pdf, line)
    pdf.ln(1)


def _exercise_response(pdf: FPDF, s: Summary) -> None:
    _title(pdf, "Exercise and pain")
    # The same sentences as `tracker stats` and the app: associations, named as such.
    for line in association_lines(s):
        _paragraph(pdf, line)
    change = s["session_pain_change_avg"]
    sessions = _count(s["session_pain_change_sessions"], "session", "sessions")
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


# ---- page 2 -------------------------------------------------------------------------------


def _weekly_exercise(pdf: FPDF, s: Summary) -> None:
    weeks = s["weekly_exercise_minutes"][-CHART_WEEKS:]
    _title(pdf, f"Weekly exercise minutes by category (last {len(weeks)} weeks)")
    if not weeks:
        _paragraph(pdf, "No exercise logged in this period.")
        return
    all_weeks = s["weekly_exercise_minutes"]
    mean_minutes = round(sum(week["minutes"] for week in all_weeks) / len(all_weeks))
    _paragraph(
        pdf,
        f"Mean over the period: {number(mean_minutes)} minutes a week. Weeks start on Monday. "
        f"{weeks_line(s)} {INTENSITY_RULE}",
    )
    top = pdf.get_y() + 2
    weekly_bars(pdf, MARGIN, top, pdf.epw, 58, weeks)
    pdf.set_y(top + 60)


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
    _title(pdf, f"The last {len(data.weeks)} weeks")
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
                _value(week["pain_avg"]),
                _value(week["worst"]),
                _value(week["peg_avg"]),
                str(week["minutes"]),
                str(week["aerobic_minutes"]),
                str(week["flares"]),
            )
        )
    _table(pdf, rows, (14, 16, 12, 12, 9, 9, 13, 13, 9))
    _paragraph(
        pdf, f"PEG: the week's mean, shown with at least {MIN_DAYS} days with a PEG.", 8, "I"
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
