"""The charts' base, and the Trends screen's exercise and response charts; its pain chart is
`pain_chart.PainChart`, the one the dashboard shows too. Each is a `tracker.plots` builder
inside a textual-plotext widget.

`tracker plot` calls the same builders, so the terminal and the app draw the same charts. Each
widget holds its data and redraws in one method: clear the figure, build, refresh the widget
(textual-plotext sizes and themes the figure when it renders). The data is made in a worker;
a redraw on the UI thread only aggregates and plots (see tests/bench_tui_trends.py).
"""

from __future__ import annotations

from textual import events
from textual_plotext import PlotextPlot

from tracker.analysis.summary_type import Summary
from tracker.plots import DEFAULT_MAX_BARS, exercise_chart, response_chart

#: Columns of axis labels and frame around a plotext chart's plotting area.
AXIS_COLUMNS = 10


class TrendChart(PlotextPlot):
    """A chart that redraws itself from the data it holds; subclasses say how in `draw`."""

    def on_mount(self) -> None:
        super().on_mount()
        self.redraw()

    def on_resize(self, _event: events.Resize) -> None:
        # The resolution (days, weeks, months; bar blocks) follows the width.
        self.redraw()

    def redraw(self) -> None:
        """The one drawing method: clear the figure, build it, refresh this widget."""
        self.plt.clear_figure()
        self.draw()
        self.refresh()

    def draw(self) -> None:
        raise NotImplementedError


class ExerciseTrendChart(TrendChart):
    """Weekly exercise minutes stacked by category, with the weekly aerobic target."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.weekly: list[dict] = []
        self.target = 150

    def set_data(self, weekly: list[dict], target: int) -> None:
        """Replace the data (`summary["weekly_exercise_minutes"]`) and draw it."""
        self.weekly, self.target = weekly, target
        self.redraw()

    def draw(self) -> None:
        width = self.size.width
        # One bar takes about three columns; merge weeks into blocks past that.
        max_bars = max(4, (width - AXIS_COLUMNS) // 3) if width else DEFAULT_MAX_BARS
        exercise_chart(self.plt, self.weekly, self.target, max_bars=max_bars)


class ResponseTrendChart(TrendChart):
    """Pain on exercise and rest days (and the day after); pain change during sessions."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.summary: Summary | None = None

    def set_data(self, summary: Summary) -> None:
        """Replace the data (an `analysis.summarize` result) and draw it."""
        self.summary = summary
        self.redraw()

    def draw(self) -> None:
        if self.summary:
            response_chart(self.plt, self.summary)
        else:
            self.plt.title("Loading...")
