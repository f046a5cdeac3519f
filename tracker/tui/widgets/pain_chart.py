"""The dashboard's pain chart: `tracker.plots.pain_chart` drawn inside a textual-plotext widget.

The CLI's `tracker plot` calls the same builder, so both draw the same chart. This widget only
holds the data and redraws: clear, build, refresh (textual-plotext sizes and themes the figure
when it renders, so a resize or a theme switch needs no extra work here).
"""

from __future__ import annotations

from textual_plotext import PlotextPlot

from tracker.plots import pain_chart


class PainChart(PlotextPlot):
    """Daily pain of the last weeks, its 7-day mean, and the baseline levels when known."""

    DEFAULT_CSS = """
    PainChart {
        min-height: 8;
    }
    """

    def __init__(self, *, title: str = "Pain, last 30 days", **kwargs) -> None:
        super().__init__(**kwargs)
        self._title = title
        self._daily: list[dict] = []
        self._baseline: float | None = None

    def on_mount(self) -> None:
        super().on_mount()
        self.redraw()

    def set_data(self, daily: list[dict], baseline: float | None) -> None:
        """Replace the data (an `analysis.daily_series` list) and draw it."""
        self._daily = daily
        self._baseline = baseline
        self.redraw()

    def redraw(self) -> None:
        """The one drawing method: clear the figure, build it, refresh this widget."""
        self.plt.clear_figure()
        rated = any(day.get("average") is not None for day in self._daily)
        title = self._title if rated else f"{self._title}: no ratings yet (p logs one)"
        if self._daily:
            pain_chart(self.plt, self._daily, self._baseline, title=title)
        self.refresh()
