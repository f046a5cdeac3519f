"""The charts' base, and the Trends screen's exercise and response charts; its pain chart is
`pain_chart.PainChart`, the one the dashboard shows too. Each is a `tracker.plots` builder
inside a textual-plotext widget.

`tracker plot` calls the same builders, so the terminal and the app draw the same charts. Each
widget holds its data and redraws in one method: clear the figure, build, refresh the widget
(textual-plotext sizes and themes the figure when it renders). The data is made in a worker;
a redraw on the UI thread only aggregates and plots (see tests/bench_tui_trends.py).

Colours come from `tracker.palette`: 24-bit (Textual brings them down to what the terminal
shows), the palette's own 16 where the terminal has only those, and none with NO_COLOR (the
series then differ by glyph). The legend is a line of text under the plot, never plotext's
own, which sits inside the plot over the data.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual import events
from textual.app import RenderResult
from textual.color import Color
from textual_plotext import PlotextPlot

from tracker.analysis.summary_type import Summary
from tracker.palette import Depth
from tracker.plots import DEFAULT_MAX_BARS, Key, exercise_chart, legend_lines, response_chart

#: Columns of axis labels and frame around a plotext chart's plotting area.
AXIS_COLUMNS = 10


#: The fewest rows left to the plot itself: below that the legend is left out.
MIN_PLOT_ROWS = 6


class TrendChart(PlotextPlot):
    """A chart that redraws itself from the data it holds; subclasses say how in `draw`,
    returning the legend's keys."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.legend: list[Key] = []

    @property
    def depth(self) -> Depth:
        """The colours to draw with: none with NO_COLOR, the palette's 16 where the terminal
        has only those (Textual's nearest match could merge two series), else 24-bit."""
        if self.app.no_color:
            return "none"
        if self.app.console.color_system in ("standard", "windows"):
            return "16"
        return "truecolor"

        super().on_mount()
        self.redraw()

    def on_resize(self, _event: events.Resize) -> None:
        # The resolution (days, weeks, months; bar blocks) follows the width.
        self.redraw()

    def redraw(self) -> None:
        """The one drawing method: clear the figure, build it, refresh this widget."""
        self.plt.clear_figure()
        self.legend = self.draw()
        self.refresh()

    def draw(self) -> list[Key]:
        """Draw the data on `self.plt`; return the legend."""
        raise NotImplementedError

    def render(self) -> RenderResult:
        """The plot, with the legend's lines under it (taken from the plot's height).

        As `PlotextPlot.render`, which sizes and themes the figure at render time, but the
        plot is built shorter by the legend's lines.
        """
        width, height = self.size.width, self.size.height
        legend = legend_lines(self.legend, width, self.depth) if self.legend else []
        if height - len(legend) < MIN_PLOT_ROWS:
            legend = []
        rows = height - len(legend)
        self._plot.plotsize(width, rows)
        self._plot._set_size(width, rows)  # as PlotextPlot.render: resizing needs both
        self._plot.theme(self._get_plotext_theme_name(self.app.theme))
        chart = Text.from_ansi(self._plot.build().rstrip("\n"))
        if not legend:
            return chart
        # The legend on the plot's own background (the theme's surface), across the width.
        surface = Color.parse(self.app.theme_variables.get("surface", "black")).rich_color
        for line in legend:
            text = Text.from_ansi(line, style=Style(bgcolor=surface))
            text.pad_right(width - text.cell_len)
            chart.append("\n")
            chart.append_text(text)
        return chart


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

    def draw(self) -> list[Key]:
        width = self.size.width
        # One bar takes about three columns; merge weeks into blocks past that.
        max_bars = max(4, (width - AXIS_COLUMNS) // 3) if width else DEFAULT_MAX_BARS
        return exercise_chart(
            self.plt, self.weekly, self.target, max_bars=max_bars, depth=self.depth
        )


class ResponseTrendChart(TrendChart):
    """Pain on exercise and rest days (and the day after); pain change during sessions."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.summary: Summary | None = None

    def set_data(self, summary: Summary) -> None:
        """Replace the data (an `analysis.summarize` result) and draw it."""
        self.summary = summary
        self.redraw()

    def draw(self) -> list[Key]:
        if self.summary:
            return response_chart(self.plt, self.summary, depth=self.depth)
        self.plt.title("Loading...")
        return []
