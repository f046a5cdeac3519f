"""The chart builders: drawn onto the plotext module and onto textual-plotext's figure alike,
checked on the built text canvas (colours off) and on the pure aggregation helpers."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import plotext
import pytest

from tracker import plots
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


def canvas(plt, width: int = 100, height: int = 24) -> str:
    plt.theme("clear")
    if plt is plotext:
        plt.limitsize(False, False)  # the module clips to the (absent) terminal otherwise
    plt.plotsize(width, height)
    return plotext.uncolorize(plt.build())


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
    level = plots.pain_chart(plt, daily, baseline=6.0)
    text = canvas(plt)
    assert level == "day"
    assert "Pain (0-10)" in text and "7-day mean" in text
    # baseline 6.0; 30% less: 4.2; 50% less: 3.0
    assert "baseline 6" in text and "-30% 4.2" in text and "-50% 3" in text
    assert "02 Mar" in text and "31 Mar" in text


def test_pain_chart_ten_years_is_drawn_as_monthly_means(plt):
    daily = constant_days(3650)
    assert plots.pain_chart(plt, daily, max_points=200) == "month"
    text = canvas(plt, 120, 20)
    assert "monthly means" in text and "28-day mean" in text and "baseline" not in text


def test_exercise_chart_stacks_categories_under_a_target(plt):
    weekly = weekly_exercise(
        [session(0, "aerobic", 120), session(1, "strength", 30), session(8, "mind_body", 45)]
    )
    plots.exercise_chart(plt, weekly, target=150)
    text = canvas(plt)
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
    assert set(plots.CATEGORY_COLORS) == set(CATEGORIES)


def test_core_imports_neither_textual_nor_plotext():
    code = (
        "import sys, tracker.analysis, tracker.plots, tracker.cli.trends;"
        "bad = [m for m in ('textual', 'plotext') if m in sys.modules];"
        "assert not bad, bad"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
