"""Regimen changes on the report's pain chart: a dashed vertical line at each change's day.

Drawn on `report_chart.pain_chart`'s box with the same geometry (a day's index in the series
gives its x), in the palette's colour for medicine changes, each line numbered at its top,
with a legend entry at the chart's top left; `marker_list` says the numbered changes under the
chart in `words.medicine_weeks`' words. Like `report_chart`, no fpdf import: it draws on the
document it is given.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from tracker import palette
from tracker.analysis.markers import Marker
from tracker.exchange.report_chart import BOTTOM, INK, LABEL_PT, LEFT, TOP
from tracker.exchange.report_text import latin1, paragraph
from tracker.models import Row
from tracker.words.medicine_weeks import MARKER_LEGEND, marker_line

COLOUR = palette.MED_CHANGE.colour.rgb
LEGEND = f"{MARKER_LEGEND} (numbered, listed under the chart)"


def chart_markers(
    pdf: Any,
    x: float,
    y: float,
    w: float,
    h: float,
    series: Sequence[Row],
    markers: Sequence[Marker],
) -> None:
    """The markers inside `pain_chart`'s box (x, y, w, h) over the days of `series`."""
    index = {day["date"]: position for position, day in enumerate(series)}
    shown = [(n, index[m.date]) for n, m in enumerate(markers, 1) if m.date in index]
    if not shown:
        return
    px, py, pw, ph = x + LEFT, y + TOP, w - LEFT, h - TOP - BOTTOM
    step = pw / len(series)
    pdf.set_draw_color(*COLOUR)
    pdf.set_line_width(0.35)
    pdf.set_dash_pattern(dash=1.2, gap=0.8)
    for _, position in shown:
        cx = px + (position + 0.5) * step
        pdf.line(cx, py, cx, py + ph)
    pdf.set_dash_pattern()
    pdf.set_line_width(0.2)
    pdf.set_font(size=LABEL_PT)
    pdf.set_text_color(*COLOUR)
    for number, position in shown:
        pdf.text(px + (position + 0.5) * step + 0.5, py + 2.6, str(number))
    # The legend entry, at the top left (the pain legend is at the top right).
    pdf.set_draw_color(*COLOUR)
    pdf.set_line_width(0.35)
    pdf.set_dash_pattern(dash=1.2, gap=0.8)
    pdf.line(px + 1, y + 0.4, px + 1, y + 2.4)
    pdf.set_dash_pattern()
    pdf.set_line_width(0.2)
    pdf.set_text_color(*INK)
    pdf.text(px + 2.5, y + 2, latin1(LEGEND))


def marker_list(pdf: Any, markers: Sequence[Marker]) -> None:
    """The numbered changes under the chart, in one small paragraph."""
    if markers:
        listed = "; ".join(marker_line(n, m) for n, m in enumerate(markers, 1))
        paragraph(pdf, f"Medicine changes marked on the chart: {listed}.", 7.5)
