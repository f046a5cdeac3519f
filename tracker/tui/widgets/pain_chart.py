"""The one pain chart of the app: `tracker.plots.pain_chart` inside a textual-plotext widget.

The dashboard (the last 30 days) and the Trends screen (the chosen period) both show this
widget; `tracker plot` calls the same builder, so all three draw the same chart. What differs
between the two screens is configured, not subclassed: the title (Trends gives one with each
period), the words when nothing is rated, and whether dated axes are drawn then.
"""

from __future__ import annotations

from tracker.plots import DEFAULT_MAX_POINTS, Key, pain_chart
from tracker.tui.widgets.trend_charts import TrendChart


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
        self.chart_title = title
        self.unrated = unrated
        self.axes_when_unrated = axes_when_unrated

    def set_data(self, daily: list[dict], baseline: float | None, title: str | None = None) -> None:
        """Replace the data (an `analysis.daily_series` list), and the title if given; draw."""
        self.daily, self.baseline = daily, baseline
        if title is not None:
            self.chart_title = title
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
        return pain_chart(
            self.plt,
            self.daily,
            self.baseline,
            max_points=max_points,
            title=title,
            depth=self.depth,
        )
