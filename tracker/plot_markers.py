"""Regimen changes on a plotext pain chart: a dashed vertical line at each change's day.

Drawn on the same figure as `plots.pain_chart` (whose x axis is the day's index in the daily
series, at any resolution), BEFORE it, so the pain points and the mean are drawn over the
lines. Each line carries its number at the top; `words.medicine_weeks.marker_lines` lists the
numbers under the chart with the changes' words, and the legend has one entry for them all.
Like `plots`, it takes a plotext-like `plt` and imports neither plotext nor Textual.
"""

from __future__ import annotations

from collections.abc import Sequence

from tracker import palette
from tracker.analysis.markers import Marker
from tracker.plots import PAIN_MAX, Key, colour
from tracker.words.medicine_weeks import MARKER_LEGEND


def marker_positions(markers: Sequence[Marker], dates: Sequence[str]) -> list[tuple[int, int]]:
    """(number from 1, the day's index in `dates`) for each marker whose day is drawn."""
    index = {day: position for position, day in enumerate(dates)}
    return [(number, index[m.date]) for number, m in enumerate(markers, 1) if m.date in index]


def draw_markers(
    plt, markers: Sequence[Marker], dates: Sequence[str], depth: palette.Depth
) -> list[Key]:
    """The markers' lines and numbers on `plt` (call it before `plots.pain_chart`); returns
    the legend entry (none without a marker in `dates`)."""
    series = palette.MED_CHANGE
    shown = marker_positions(markers, dates)
    for number, x in shown:
        plt.plot([x, x], [0, PAIN_MAX], marker=series.glyph, color=colour(series, depth))
        plt.text(str(number), x, PAIN_MAX, color=colour(series, depth), background="default")
    return [Key(series, f"{MARKER_LEGEND} (numbered below)", series.glyph)] if shown else []


def pain_chart_with_markers(
    plt,
    daily: list[dict],
    baseline: float | None,
    markers: Sequence[Marker],
    *,
    max_points: int,
    depth: palette.Depth,
) -> list[Key]:
    """`plots.pain_chart` with the regimen changes marked under its data; its legend, then
    the markers' entry."""
    from tracker.plots import pain_chart

    marked = draw_markers(plt, markers, [day["date"] for day in daily], depth)
    return [*pain_chart(plt, daily, baseline, max_points=max_points, depth=depth), *marked]
