"""The chart builders: drawn onto the plotext module and onto textual-plotext's figure alike,
checked on the built text canvas (colours off) and on the pure aggregation helpers."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import plotext
import pytest

from tracker import palette, plots
from tracker.analysis import daily_series, summarize, weekly_exercise
from tracker.models import CATEGORIES, ExerciseSession, PainEntry

D0 = dt.date(2026, 3, 2)  # a Monday


def day(offset: int) -> str:
    return (D0 + dt.timedelta(days=offset)).isoformat()


def pain(offset: int, average: int) -> dict:
    return PainEntry(average=average, date=day(offset), logged_at="x").as_row()


def session(offset: int, category: str, minutes: int, before=None, after=None) -> dict:
    return ExerciseSession(
        activity=category, minutes=minutes, date=day(offset), category=category,
        pain_before=before, pain_after=after, logged_at="x",
    ).as_row()  # fmt: skip


def textual_figure():
    from textual_plotext.plot import Plot  # the object PlotextPlot.plt returns

    return Plot()


@pytest.fixture(params=["plotext-module", "textual-plotext"])
def plt(request):
    """A cleared plotext-like object: the module the CLI uses, or the TUI widget's figure."""
    figure = plotext if request.param == "plotext-module" else textual_figure()
    figure.clear_figure()
    yield figure
    figure.clear_figure()


def canvas(plt, width: int = 100, height: int = 24, keys=(), depth="none") -> str:
    """The drawn figure as `tracker plot` shows it: the plot, then its legend's lines."""
    plt.theme("clear")
    if plt is plotext:
        plt.limitsize(False, False)  # the module clips to the (absent) terminal otherwise
    return plots.terminal_canvas(plt, list(keys), width, height, depth)


# ---- aggregation --------------------------------------------------------------------------------
def constant_days(count: int, value: int = 5) -> list[dict]:
    return daily_series([pain(i, value) for i in range(count)])


@pytest.mark.parametrize(
    ("days", "max_points", "level"),
    [(90, 200, "day"), (400, 100, "week"), (3650, 200, "month"), (3650, 50, "quarter"),
     (3650, 12, "year")],
)  # fmt: skip
def test_long_series_are_aggregated_to_fit(days, max_points, level):
    agg = plots.aggregate_daily(constant_days(days), max_points)
    assert agg["level"] == level
    assert 0 < len(agg["x"]) <= max_points
    assert set(agg["pain"]) == {5.0}
    assert len(agg["x"]) == len(agg["pain"]) == len(agg["trend"])


def test_weekly_means_of_the_daily_series():
    # two Monday-to-Sunday weeks: 1..7 and 8..14, one day missing in the second
    rows = [pain(i, i + 1 if i < 10 else i - 4) for i in range(14) if i != 12]
    agg = plots.aggregate_daily(daily_series(rows), max_points=5)
    assert agg["level"] == "week" and agg["trend_label"] == "28-day mean"
    # week 1: (1+...+7)/7 = 4.0; week 2 holds 8, 9, 10 (days 7-9), 6, 7, 9 (days 10, 11, 13):
    # 49 / 6 = 8.1666 -> 8.17; x is each week's mean day index: 3 and 10
    assert agg["pain"] == [4.0, 8.17]
    assert agg["x"] == [3.0, 10.0]
    assert agg["trend"] == [None, None]  # 14 days never fill half of a 28-day window


def test_gaps_stay_gaps_at_day_level():
    rows = [pain(0, 3), pain(1, 4), pain(5, 6)]
    agg = plots.aggregate_daily(daily_series(rows), max_points=100)
    assert agg["level"] == "day" and agg["trend_label"] == "7-day mean"
    assert agg["x"] == [0, 1, 2, 3, 4, 5]
    assert agg["pain"] == [3.0, 4.0, None, None, None, 6.0]


def test_lines_break_at_gaps():
    assert plots.runs([0, 1, 2, 3, 4], [1.0, 2.0, None, 4.0, None]) == [
        ([0, 1], [1.0, 2.0]),
        ([3], [4.0]),
    ]
    assert plots.runs([], []) == []


def test_weeks_merge_into_blocks_of_mean_minutes():
    weekly = weekly_exercise(
        [session(0, "aerobic", 100), session(7, "aerobic", 200), session(14, "strength", 300)]
    )
    blocks = plots.aggregate_weeks(weekly, max_bars=2)
    # 3 weeks into at most 2 bars: blocks of 2 weeks; (100 + 200) / 2 = 150 a week, then 300
    assert [b["weeks"] for b in blocks] == [2, 1]
    assert blocks[0]["by_category"]["aerobic"] == 150.0
    assert blocks[1]["by_category"]["strength"] == 300.0
    assert blocks[0]["label"] == "2026-W10"


def test_nice_ticks():
    assert plots.nice_ticks(364) == [0, 100, 200, 300, 400]  # 364 / 4 = 91 -> step 100
    assert plots.nice_ticks(150) == [0, 50, 100, 150]  # 37.5 -> 50
    assert plots.nice_ticks(0) == [0]


def test_date_ticks_labels():
    dates = [day(i) for i in range(31)]
    positions, labels = plots.date_ticks(dates, count=3)
    assert positions == [0, 15, 30]
    assert labels == ["02 Mar", "17 Mar", "01 Apr"]
    assert plots.date_ticks([]) == ([], [])


# ---- builders -----------------------------------------------------------------------------------
def test_pain_chart_draws_points_mean_and_reference_lines(plt):
    daily = daily_series([pain(i, 6 if i < 14 else 4) for i in range(30)])
    keys = plots.pain_chart(plt, daily, baseline=6.0)
    text = canvas(plt, keys=keys)
    assert "Pain (0-10)" in text and "7-day mean" in text
    # baseline 6.0; 30% less: 4.2; 50% less: 3.0
    assert "baseline 6" in text and "-30% 4.2" in text and "-50% 3" in text
    assert "02 Mar" in text and "31 Mar" in text


def test_pain_chart_ten_years_is_drawn_as_monthly_means(plt):
    daily = constant_days(3650)
    keys = plots.pain_chart(plt, daily, max_points=200)
    text = canvas(plt, 120, 20, keys)
    assert "monthly means" in text and "28-day mean" in text and "baseline" not in text


def test_exercise_chart_stacks_categories_under_a_target(plt):
    weekly = weekly_exercise(
        [session(0, "aerobic", 120), session(1, "strength", 30), session(8, "mind_body", 45)]
    )
    keys = plots.exercise_chart(plt, weekly, target=150)
    text = canvas(plt, keys=keys)
    assert "Exercise minutes a week" in text and "aerobic target 150" in text
    for name in ("aerobic", "strength", "mind_body"):
        assert name in text
    assert "balance" not in text  # a category with no minutes gets no legend entry
    assert "2026-W10" in text


def test_exercise_chart_with_no_weeks(plt):
    plots.exercise_chart(plt, [], target=150)
    assert "Exercise minutes a week" in canvas(plt)


def test_response_chart_from_a_summary(plt):
    pain_rows = [pain(i, 3 if i % 2 else 5) for i in range(20)]
    exercise_rows = [session(i, "aerobic", 30, 5, 4) for i in range(1, 20, 2)]
    summary = summarize(pain_rows, exercise_rows, today=dt.date.fromisoformat(day(19)))
    plots.response_chart(plt, summary)
    text = canvas(plt)
    # odd days exercise at pain 3 (10 days), even days rest at 5 (10 days)
    assert "exercise 3.0 (10d)" in text and "rest 5.0 (10d)" in text
    assert "after exercise 5.0" in text and "after rest 3.0" in text
    assert "aerobic -1.0 (10)" in text and "Session change" in text


def test_response_chart_with_too_little_data(plt):
    plots.response_chart(plt, summarize([], [], today=D0))
    text = canvas(plt)
    assert "Too few days yet" in text and "Too few ratings yet" in text


def test_builders_redraw_the_same_canvas_after_a_clear(plt):
    daily = daily_series([pain(i, i % 10) for i in range(60)])
    first = []
    for _ in range(2):
        plt.clear_figure()
        plots.response_chart(plt, summarize([], [], today=D0))  # leaves a 1x2 grid behind
        plt.clear_figure()
        plots.pain_chart(plt, daily, baseline=5.0)
        first.append(canvas(plt))
    assert first[0] == first[1]


def test_every_category_has_a_colour():
    assert set(plots.CATEGORY_SERIES) == set(CATEGORIES)


def test_core_imports_neither_textual_nor_plotext():
    code = (
        "import sys, tracker.analysis, tracker.plots, tracker.cli.trends;"
        "bad = [m for m in ('textual', 'plotext') if m in sys.modules];"
        "assert not bad, bad"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


# ---- legends off the data -----------------------------------------------------------------------
DATA_GLYPHS = set("•█▀▄▌▐▖▗▘▝▚▞▛▜▙▟")


def frame(text: str) -> tuple[list[str], list[str]]:
    """The rows inside the plot's frame (between its ┌ and └ lines), and the rows under it."""
    lines = text.split("\n")
    top = next(i for i, line in enumerate(lines) if "┌" in line)
    bottom = next(i for i, line in enumerate(lines) if "└" in line)
    return lines[top + 1 : bottom], lines[bottom + 1 :]


def top_left(inside: list[str], rows: int = 3, columns: int = 20) -> str:
    """The corner where plotext draws its own legend: the first rows, the first columns."""
    start = inside[0].index("┤") + 1
    return "".join(line[start : start + columns] for line in inside[:rows])


@pytest.mark.parametrize("days", [30, 3650])  # a month, and "All time" over ten years
def test_the_pain_legend_never_covers_data_in_the_top_left_corner(plt, days):
    # Pain at 10 for the first tenth of the days: the top left, where plotext puts its legend.
    daily = daily_series([pain(i, 10 if i < max(3, days // 10) else 2) for i in range(days)])
    keys = plots.pain_chart(plt, daily, baseline=9.0, max_points=160)
    inside, under = frame(canvas(plt, 80, 20, keys))
    assert set(top_left(inside)) & DATA_GLYPHS  # the data is there to see
    labels = ["pain", "mean", "baseline 9", "-30% 6.3", "-50% 4.5"]
    assert not any(label in line for label in labels for line in inside)
    assert all(any(label in line for line in under) for label in labels)


def test_the_exercise_legend_never_covers_the_bars(plt):
    # Three heavy weeks first, in every category: the tallest bars at the top left.
    rows = [session(d, c, 100 if d < 21 else 10) for d in range(0, 84, 7) for c in CATEGORIES]
    keys = plots.exercise_chart(plt, weekly_exercise(rows), target=150)
    inside, under = frame(canvas(plt, 80, 24, keys))
    assert "█" in top_left(inside, rows=2, columns=10)
    assert not any(category in line for category in CATEGORIES for line in inside)
    assert all(any(category in line for line in under) for category in CATEGORIES)
    assert any("aerobic target 150" in line for line in under)


def test_the_canvas_keeps_its_height_with_the_legend(plt):
    keys = plots.pain_chart(plt, constant_days(60), baseline=5.0)
    text = canvas(plt, 80, 20, keys)
    assert len(text.rstrip("\n").split("\n")) <= 20
    assert len(frame(text)[1]) >= 2  # the date labels, then the legend


# ---- without colour ------------------------------------------------------------------------------
ESCAPE = "\x1b["


def test_without_colour_there_are_no_escape_codes_and_the_series_differ_by_glyph(plt):
    daily = daily_series([pain(i, i % 10) for i in range(40)])
    text = canvas(plt, 80, 20, plots.pain_chart(plt, daily, baseline=6.0, depth="none"))
    assert ESCAPE not in text
    inside, _ = frame(text)
    for series in (palette.PAIN, palette.BASELINE, palette.REDUCTION_30, palette.REDUCTION_50):
        assert any(series.glyph in line for line in inside), series.key


def test_bars_without_colour_are_filled_each_with_its_glyph(plt):
    rows = [session(d, c, 60) for d in range(0, 28, 7) for c in CATEGORIES]
    keys = plots.exercise_chart(plt, weekly_exercise(rows), target=150, depth="none")
    inside, _ = frame(canvas(plt, 80, 30, keys))
    for category in CATEGORIES:
        assert any(palette.CATEGORY_SERIES[category].glyph in line for line in inside), category


@pytest.mark.parametrize("depth", ["truecolor", "256", "16"])
def test_with_colour_the_series_are_coloured(depth):
    plotext.clear_figure()
    daily = daily_series([pain(i, i % 10) for i in range(40)])
    keys = plots.pain_chart(plotext, daily, baseline=6.0, depth=depth)
    plotext.limitsize(False, False)
    text = plots.terminal_canvas(plotext, keys, 80, 20, depth)
    plotext.clear_figure()
    for series in (palette.PAIN, palette.TREND, palette.BASELINE):
        value = palette.terminal_colour(series.colour, depth)
        code = "38;2;{};{};{}".format(*value) if isinstance(value, tuple) else f"38;5;{value}"
        assert code in text, (series.key, depth)
