"""The one pain chart of the app: `tracker.plots.pain_chart` inside a textual-plotext widget.

The dashboard (the last 30 days) and the Trends screen (the chosen period) both show this
widget; `tracker plot` calls the same builder, so all three draw the same chart. What differs
between the two screens is configured, not subclassed: the title (Trends gives one with each
period), the words when nothing is rated, and whether dated axes are drawn then.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from tracker import palette
from tracker.plots import DEFAULT_MAX_POINTS, PAIN_MAX, Key, colour, pain_chart
from tracker.tui.widgets.trend_charts import TrendChart

if TYPE_CHECKING:
    from tracker.analysis.markers import Marker

#: How a regimen change is drawn: a dotted vertical line at its day, in a colour no other
#: series of the pain chart uses.
REGIMEN_CHANGE = palette.Series("regimen_change", palette.VERMILLION, "┊")
#: Up to this many changes, the legend names each ("8 Apr Pregabalin dose up"); more are
#: counted by kind ("dose up ×3") so the legend stays a line or two.
NAMED_MARKERS = 2


def marker_keys(markers: Sequence[Marker]) -> list[Key]:
    """The legend's entries for the markers drawn (the names are plain text, never markup)."""
    if len(markers) <= NAMED_MARKERS:
        return [
            Key(REGIMEN_CHANGE, f"{_day(m.date)} {m.text}", REGIMEN_CHANGE.glyph) for m in markers
        ]
    counts = Counter(m.label for m in markers)
    return [
        Key(REGIMEN_CHANGE, f"{label} ×{n}", REGIMEN_CHANGE.glyph) for label, n in counts.items()
    ]


def _day(iso: str) -> str:
    day = dt.date.fromisoformat(iso)
    return f"{day.day} {day:%b}"


def draw_markers(plt, daily: Sequence[dict], markers: Sequence[Marker], depth) -> list[Key]:
    """A vertical line at each marker's day inside `daily` (x is the day's index, as
    `plots.pain_chart` draws); returns the legend's entries for those drawn."""
    index = {day["date"]: i for i, day in enumerate(daily)}
    shown = [m for m in markers if m.date in index]
    for x in sorted({index[m.date] for m in shown}):
        plt.plot(
            [x, x],
            [0, PAIN_MAX],
            marker=REGIMEN_CHANGE.glyph,
            color=colour(REGIMEN_CHANGE, depth),
        )
    return marker_keys(shown)


class PainChart(TrendChart):
    """Daily pain, its rolling mean, the baseline and the 30%/50% reduction levels.

    `title` heads the chart (`set_data` may change it); `unrated` ends the title when no day
    is rated; `axes_when_unrated` still draws the empty, dated axes then (the dashboard on a
    new diary) instead of the title alone (a period without ratings on Trends).
    """

    DEFAULT_CSS = """
    PainChart {
        min-height: 8;
    }
    """

    def __init__(
        self,
        *,
        title: str = "Pain (0-10)",
        unrated: str = "no ratings in this period",
        axes_when_unrated: bool = False,
        **kwargs,
    ) -> None:
        super().__init__(**kwargs)
        self.daily: list[dict] | None = None  # None until the first answer arrives
        self.baseline: float | None = None
        #: Regimen changes to mark (`analysis.markers.regimen_markers`); those outside the
        #: days shown are left out.
        self.markers: list[Marker] = []
        self.chart_title = title
        self.unrated = unrated
        self.axes_when_unrated = axes_when_unrated

    def set_data(self, daily: list[dict], baseline: float | None, title: str | None = None) -> None:
        """Replace the data (an `analysis.daily_series` list), and the title if given; draw."""
        self.daily, self.baseline = daily, baseline
        if title is not None:
            self.chart_title = title
        self.redraw()

    def set_markers(self, markers: Sequence[Marker]) -> None:
        """Replace the regimen-change markers and draw."""
        self.markers = list(markers)
        self.redraw()

    def draw(self) -> list[Key]:
        if self.daily is None:
            self.plt.title("Loading...")
            return []
        title = self.chart_title
        if not any(day.get("average") is not None for day in self.daily):
            title = f"{title}: {self.unrated}"
            if not (self.axes_when_unrated and self.daily):
                self.plt.title(title)
                return []
        # About two points per column, as `tracker plot` draws it.
        width = self.size.width
        max_points = 2 * width if width else DEFAULT_MAX_POINTS
        keys = pain_chart(
            self.plt,
            self.daily,
            self.baseline,
            max_points=max_points,
            title=title,
            depth=self.depth,
        )
        if self.markers:
            keys += draw_markers(self.plt, self.daily, self.markers, self.depth)
        return keys
