"""The report's two charts, drawn with fpdf2 lines, rectangles and text (no matplotlib).

Both take an `FPDF` and a box (x, y, width, height in mm) and draw inside it: the pain chart
(daily average as dots, the 7-day rolling mean as a line, 0-10 axis, date ticks; beyond
DAILY_UP_TO days a band and a mean per week, month, quarter or year, so the number of shapes
stays bounded) and the weekly exercise minutes stacked by category. Labels are plain ASCII
in the core font.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    from fpdf import FPDF

import datetime as dt
import math

from tracker import palette
from tracker.models import CATEGORIES, Row

#: The palette's colours (Okabe-Ito, as in the terminal and the app), one per series.
CATEGORY_COLOURS: dict[str, tuple[int, int, int]] = {
    category: series.colour.rgb for category, series in palette.CATEGORY_SERIES.items()
}
DOT = palette.PAIN.colour.rgb
LINE = palette.TREND.colour.rgb
#: The bands of a long series: the daily dots' colour, lightened (60% towards white).
BAND = (round(DOT[0] * 0.4 + 153), round(DOT[1] * 0.4 + 153), round(DOT[2] * 0.4 + 153))
GRID = (220, 220, 220)
INK = (60, 60, 60)
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
LABEL_PT = 7
MINUTE_STEPS = (15, 30, 60, 90, 120, 150, 180, 240, 300, 600, 1200)
#: Room for the axis labels inside the box: left of the plot, below it.
LEFT, BOTTOM, TOP = 9.0, 6.0, 5.0


#: Up to this many days the pain chart draws every day (a dot, and the 7-day mean's line);
#: beyond, each week, month, quarter or year is one band (its lowest to highest daily
#: average) and one point of a line through the means, so the drawing costs the same for a
#: year or for thirty.
DAILY_UP_TO = 180
#: The most bands across the chart: the first unit that gives no more is used.
MAX_BANDS = 160
#: (unit, about how many days it spans) from the finest.
UNITS = (("week", 7), ("month", 30.4), ("quarter", 91.3), ("year", 365.25))


def chart_unit(series: list[Row]) -> str:
    """ "day" for a short series, else the period each band covers ("week", "month", ...)."""
    if len(series) <= DAILY_UP_TO:
        return "day"
    return next((u for u, days in UNITS if len(series) / days <= MAX_BANDS), UNITS[-1][0])


def bands(series: list[Row], unit: str) -> list[Row]:
    """The series in `unit`s: first and last index, and the lowest, mean and highest daily
    average of the days rated (None for all three when none was)."""
    found: list[Row] = []
    key = None
    for index, day in enumerate(series):
        this = _unit_key(day["date"], unit)
        if this != key:
            found.append({"first": index, "last": index, "values": []})
            key = this
        found[-1]["last"] = index
        if day["average"] is not None:
            found[-1]["values"].append(day["average"])
    for band in found:
        values = band.pop("values")
        band["low"] = min(values) if values else None
        band["high"] = max(values) if values else None
        band["mean"] = sum(values) / len(values) if values else None
    return found


def _unit_key(iso: str, unit: str) -> str:
    if unit == "week":
        year, week, _ = dt.date.fromisoformat(iso).isocalendar()
        return f"{year}-{week}"
    if unit == "month":
        return iso[:7]
    if unit == "quarter":
        return f"{iso[:4]}-{(int(iso[5:7]) - 1) // 3}"
    return iso[:4]


def pain_chart(pdf: FPDF, x: float, y: float, w: float, h: float, series: list[Row]) -> None:
    """Daily pain (dots) and its 7-day rolling mean (line) over the series' days; a long
    series as bands and a line of means (`chart_unit`, `bands`)."""
    px, py, pw, ph = x + LEFT, y + TOP, w - LEFT, h - TOP - BOTTOM
    _value_axis(pdf, px, py, pw, ph, top=10, step=2)
    if not series:
        return
    step = pw / len(series)

    def at(index: float, value: float) -> tuple[float, float]:
        return px + (index + 0.5) * step, py + ph - value / 10 * ph

    _date_ticks(pdf, px, py, ph, step, [day["date"] for day in series])
    unit = chart_unit(series)
    if unit != "day":
        _banded(pdf, at, step, bands(series, unit))
        _band_legend(pdf, px + pw, y, unit)
        return
    size = max(0.5, min(1.2, step * 0.8))
    pdf.set_fill_color(*DOT)
    for index, day in enumerate(series):
        if day["average"] is not None:
            cx, cy = at(index, day["average"])
            pdf.rect(cx - size / 2, cy - size / 2, size, size, style="F")
    pdf.set_draw_color(*LINE)
    pdf.set_line_width(0.5)
    for run in _runs([(i, d["mean_7"]) for i, d in enumerate(series)]):
        points = [at(i, v) for i, v in run]
        if len(points) > 1:
            pdf.polyline(points)
    pdf.set_line_width(0.2)
    _pain_legend(pdf, px + pw, y)


def _banded(
    pdf: FPDF, at: Callable[[float, float], tuple[float, float]], step: float, found: list[Row]
) -> None:
    """One light band per unit from its lowest to its highest day, a line through the means
    (broken where a unit has no rated day)."""
    pdf.set_fill_color(*BAND)
    for band in found:
        if band["low"] is None:
            continue
        left, top = at(band["first"] - 0.5, band["high"])
        right, bottom = at(band["last"] + 0.5, band["low"])
        pdf.rect(left, top, max(right - left, 0.2), max(bottom - top, 0.3), style="F")
    pdf.set_draw_color(*LINE)
    pdf.set_line_width(0.5)
    middles = [((b["first"] + b["last"]) / 2, b["mean"]) for b in found]
    for run in _runs(middles):
        points = [at(i, v) for i, v in run]
        if len(points) > 1:
            pdf.polyline(points)
    pdf.set_line_width(0.2)


def weekly_bars(pdf: FPDF, x: float, y: float, w: float, h: float, weeks: list[Row]) -> None:
    """Exercise minutes per week, stacked by category (aerobic at the bottom), with a legend."""
    px, py, pw, ph = x + LEFT, y + TOP, w - LEFT, h - TOP - BOTTOM - 6
    step = _minute_step(max((week["minutes"] for week in weeks), default=0))
    top = step * max(1, math.ceil(max((w["minutes"] for w in weeks), default=0) / step))
    _value_axis(pdf, px, py, pw, ph, top=top, step=step)
    slot = pw / max(1, len(weeks))
    for index, week in enumerate(weeks):
        left, base = px + index * slot + slot * 0.2, py + ph
        for category in CATEGORIES:
            minutes = week["by_category"].get(category, 0)
            if minutes:
                height = minutes / top * ph
                base -= height
                pdf.set_fill_color(*CATEGORY_COLOURS[category])
                pdf.rect(left, base, slot * 0.6, height, style="F")
        _label(pdf, px + (index + 0.5) * slot, py + ph + 3.5, _short_day(week["week_start"]), "C")
    _label(pdf, x, y + 2, "minutes", "L")
    _category_legend(pdf, px, y + h - 2)


def _minute_step(highest: int) -> int:
    """A round grid step that gives at most 5 lines up to `highest` minutes."""
    return next((s for s in MINUTE_STEPS if highest <= 5 * s), MINUTE_STEPS[-1])


def _value_axis(pdf: FPDF, px: float, py: float, pw: float, ph: float, top: int, step: int) -> None:
    """Horizontal grid lines with their values on the left."""
    pdf.set_line_width(0.2)
    for value in range(0, top + 1, step):
        level = py + ph - value / top * ph
        pdf.set_draw_color(*(INK if value == 0 else GRID))
        pdf.line(px, level, px + pw, level)
        _label(pdf, px - 1.5, level + 1, str(value), "R")


def _date_ticks(pdf: FPDF, px: float, py: float, ph: float, step: float, days: list[str]) -> None:
    """A tick and a label under each week, month, quarter or year start, as the span allows."""
    first = dt.date.fromisoformat(days[0])
    span = len(days)
    pdf.set_draw_color(*GRID)
    for index, iso in enumerate(days):
        label = _tick_label(dt.date.fromisoformat(iso), index, span, first)
        if label:
            cx = px + (index + 0.5) * step
            pdf.line(cx, py, cx, py + ph + 1)
            _label(pdf, cx, py + ph + 4, label, "C")


def _tick_label(day: dt.date, index: int, span: int, first: dt.date) -> str | None:
    if span <= 35:
        return _short_day(day.isoformat()) if index % 7 == 0 else None
    if day.day != 1:
        return None
    month = MONTHS[day.month - 1]
    if span <= 400:
        return f"{month} {day.year}" if day.month == 1 or index < 31 else month
    if span <= 1100:
        return (f"{month} {day.year}" if day.month == 1 else month) if day.month % 3 == 1 else None
    every = max(1, math.ceil(span / 365.25 / 15))  # at most about 15 year labels
    return str(day.year) if day.month == 1 and day.year % every == 0 else None


def _short_day(iso: str) -> str:
    day = dt.date.fromisoformat(iso)
    return f"{day.day} {MONTHS[day.month - 1]}"


def _runs(points: list[tuple[float, float | None]]) -> list[list[tuple[float, float]]]:
    """Consecutive stretches without gaps (a gap breaks the line instead of bridging it)."""
    runs: list[list[tuple[float, float]]] = [[]]
    for index, value in points:
        if value is None:
            if runs[-1]:
                runs.append([])
        else:
            runs[-1].append((index, value))
    return [run for run in runs if run]


def _pain_legend(pdf: FPDF, right: float, y: float) -> None:
    pdf.set_fill_color(*DOT)
    pdf.rect(right - 78, y + 0.6, 1.2, 1.2, style="F")
    _label(pdf, right - 76, y + 2, "daily average", "L")
    pdf.set_draw_color(*LINE)
    pdf.set_line_width(0.5)
    pdf.line(right - 50, y + 1.2, right - 45, y + 1.2)
    pdf.set_line_width(0.2)
    _label(pdf, right - 44, y + 2, "7-day rolling mean (4+ rated days)", "L")


def _band_legend(pdf: FPDF, right: float, y: float, unit: str) -> None:
    pdf.set_fill_color(*BAND)
    pdf.rect(right - 92, y + 0.2, 3, 2, style="F")
    _label(pdf, right - 88, y + 2, f"lowest to highest day of each {unit}", "L")
    pdf.set_draw_color(*LINE)
    pdf.set_line_width(0.5)
    pdf.line(right - 40, y + 1.2, right - 35, y + 1.2)
    pdf.set_line_width(0.2)
    _label(pdf, right - 34, y + 2, f"mean of each {unit}", "L")


def _category_legend(pdf: FPDF, x: float, y: float) -> None:
    for category in CATEGORIES:
        pdf.set_fill_color(*CATEGORY_COLOURS[category])
        pdf.rect(x, y - 2, 2.5, 2.5, style="F")
        name = category.replace("_", "-")
        _label(pdf, x + 3.5, y, name, "L")
        pdf.set_font(size=LABEL_PT)
        x += 8 + pdf.get_string_width(name)


def _label(pdf: FPDF, x: float, baseline: float, text: str, align: str) -> None:
    """Small text whose baseline is at `baseline`, left/centre/right aligned on `x`."""
    pdf.set_font(size=LABEL_PT)
    pdf.set_text_color(*INK)
    width = pdf.get_string_width(text)
    offset = {"L": 0.0, "C": width / 2, "R": width}[align]
    pdf.text(x - offset, baseline, text)
