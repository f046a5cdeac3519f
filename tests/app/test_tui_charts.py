"""The app's charts: the palette's colours, legends under the plot (never over the data) at
80x24 and on "All time", and no colour at all with NO_COLOR."""

from __future__ import annotations

import pytest
from rich.text import Text
from tui_helpers import TODAY, db_fixtures, make_app, settle

from tracker import palette
from tracker.sample import write_sample
from tracker.tui.widgets.pain_chart import PainChart
from tracker.tui.widgets.trend_charts import ExerciseTrendChart

empty_db, sample_db = db_fixtures()
PAIN_LABELS = ("pain", "mean", "baseline", "-30%", "-50%")
PALETTE_RGB = {colour.rgb for colour in palette.COLOURS}
PALETTE_NUMBERS = {n for c in palette.COLOURS for n in (c.xterm256, c.ansi16)}


@pytest.fixture
def long_db(tmp_path, monkeypatch):
    """Three years of history: "All time" at 80 columns draws monthly means."""
    monkeypatch.setenv("TRACKER_TODAY", TODAY.isoformat())
    path = tmp_path / "long.db"
    write_sample(path, days=1100, seed=1, end=TODAY)
    return path


def split_at_frame(text: str) -> tuple[list[str], list[str]]:
    """The rows inside the plot's frame, and the rows under it."""
    lines = text.split("\n")
    top = next(i for i, line in enumerate(lines) if "┌" in line)
    bottom = next(i for i, line in enumerate(lines) if "└" in line)
    return lines[top + 1 : bottom], lines[bottom + 1 :]


def assert_legend_under_the_plot(chart, labels) -> None:
    rendered = chart.render()
    assert len(rendered.plain.split("\n")) == chart.size.height  # the legend fits in the widget
    inside, under = split_at_frame(rendered.plain)
    assert not any(label in line for label in labels for line in inside)
    assert all(any(label in line for line in under) for label in labels), under


def colours_of(text: Text) -> tuple[set, set]:
    """The RGB triplets and colour numbers of the text's foreground colours."""
    triplets, numbers = set(), set()
    for span in text.spans:
        colour = span.style.color if not isinstance(span.style, str) else None
        if colour is None:
            continue
        if colour.triplet is not None:
            triplets.add(tuple(colour.triplet))
        if colour.number is not None:
            numbers.add(colour.number)
    return triplets, numbers


async def test_legends_sit_under_the_charts_at_80x24(long_db):
    app = make_app(long_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert_legend_under_the_plot(app.screen.query_one("#pain-chart", PainChart), PAIN_LABELS)
        await pilot.press("t")
        await settle(pilot)
        await pilot.press("4")  # All time
        await settle(pilot)
        pain = app.screen.query_one("#pain-trend", PainChart)
        assert "Pain, all time, monthly means" in pain.render().plain
        assert_legend_under_the_plot(pain, PAIN_LABELS)
        exercise = app.screen.query_one(ExerciseTrendChart)
        assert_legend_under_the_plot(exercise, ("aerobic", "strength", "aerobic target"))


async def test_the_charts_draw_in_the_palette(sample_db):
    app = make_app(sample_db)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        chart = app.screen.query_one("#pain-chart", PainChart)
        assert chart.depth == "truecolor"
        triplets, _ = colours_of(chart.render())
        for series in (palette.PAIN, palette.TREND, palette.BASELINE, palette.REDUCTION_30):
            assert series.colour.rgb in triplets, series.key


async def test_no_color_draws_the_charts_without_colour(sample_db, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(sample_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.no_color
        chart = app.screen.query_one("#pain-chart", PainChart)
        assert chart.depth == "none"
        rendered = chart.render()
        triplets, numbers = colours_of(rendered)
        assert not triplets & PALETTE_RGB and not numbers & PALETTE_NUMBERS
        inside, _ = split_at_frame(rendered.plain)
        for series in (palette.PAIN, palette.BASELINE):  # told apart by glyph instead
            assert any(series.glyph in line for line in inside), series.key
