"""The one palette: Okabe-Ito colours, no two series of a chart alike in colour (at any depth)
or glyph, the same colours in the terminal, the app and the PDF, and NO_COLOR honoured."""

from __future__ import annotations

import re

import pytest
from plotext._dict import type1_to_type2_codes as XTERM_RGB

from tracker import palette, plots
from tracker.exchange import report_chart
from tracker.models import CATEGORIES

#: Okabe and Ito (2008), https://jfly.uni-koeln.de/color/ : the published RGB values.
OKABE_ITO = {
    "orange": (230, 159, 0),
    "sky blue": (86, 180, 233),
    "bluish green": (0, 158, 115),
    "yellow": (240, 228, 66),
    "blue": (0, 114, 178),
    "vermillion": (213, 94, 0),
    "reddish purple": (204, 121, 167),
}


def test_the_colours_are_okabe_ito_and_a_grey():
    for colour in palette.COLOURS:
        assert OKABE_ITO.get(colour.name, (153, 153, 153)) == colour.rgb, colour.name
    assert len({colour.rgb for colour in palette.COLOURS}) == len(palette.COLOURS)


def test_each_stand_in_is_the_nearest_xterm_colour():
    for colour in palette.COLOURS:
        nearest = min(
            range(16, 256),
            key=lambda i: sum((a - b) ** 2 for a, b in zip(XTERM_RGB[i], colour.rgb, strict=True)),
        )
        assert colour.xterm256 == nearest, colour.name
        assert 0 <= colour.ansi16 < 16


@pytest.mark.parametrize("chart", sorted(palette.CHARTS))
def test_no_two_series_of_a_chart_share_a_colour_or_a_glyph(chart):
    series = palette.CHARTS[chart]
    for depth in ("truecolor", "256", "16"):
        colours = [palette.terminal_colour(s.colour, depth) for s in series]
        assert len(set(colours)) == len(series), (chart, depth, colours)
    assert len({s.glyph for s in series}) == len(series), chart
    assert len({s.key for s in series}) == len(series), chart


def test_every_category_is_a_series_of_the_exercise_chart():
    assert list(palette.CATEGORY_SERIES) == list(CATEGORIES)
    assert set(palette.CATEGORY_SERIES.values()) <= set(palette.CHARTS["exercise"])


def test_the_pdf_draws_with_the_same_colours():
    assert {c: rgb for c, rgb in report_chart.CATEGORY_COLOURS.items()} == {
        c: s.colour.rgb for c, s in palette.CATEGORY_SERIES.items()
    }
    assert palette.PAIN.colour.rgb == report_chart.DOT
    assert palette.TREND.colour.rgb == report_chart.LINE
    assert report_chart.DOT != report_chart.LINE


@pytest.mark.parametrize(
    ("environ", "depth"),
    [
        ({"NO_COLOR": "1", "COLORTERM": "truecolor"}, "none"),
        ({"NO_COLOR": ""}, "none"),  # set to anything, even nothing
        ({"COLORTERM": "truecolor", "TERM": "xterm"}, "truecolor"),
        ({"COLORTERM": "24bit"}, "truecolor"),
        ({"TERM": "xterm-256color"}, "256"),
        ({"TERM": "xterm"}, "16"),
        ({"TERM": "linux"}, "16"),
        ({"TERM": "dumb"}, "none"),
        ({}, "16"),
    ],
)
def test_depth_from_the_environment(environ, depth):
    assert palette.depth_from_env(environ) == depth


def test_ansi_codes_at_each_depth():
    assert palette.ansi("ab", palette.BLUE, "truecolor") == "\x1b[38;2;0;114;178mab\x1b[0m"
    assert palette.ansi("ab", palette.BLUE, "256") == "\x1b[38;5;25mab\x1b[0m"
    assert palette.ansi("ab", palette.BLUE, "16") == "\x1b[94mab\x1b[0m"  # bright blue
    assert palette.ansi("ab", palette.ORANGE, "16") == "\x1b[33mab\x1b[0m"
    assert palette.ansi("ab", palette.BLUE, "none") == "ab"


def test_a_legend_without_colour_has_no_escape_codes():
    keys = [plots.Key(s, s.key, s.glyph) for s in palette.CHARTS["exercise"]]
    lines = plots.legend_lines(keys, 80, "none")
    assert lines and not any("\x1b" in line for line in lines)
    coloured = plots.legend_lines(keys, 80, "truecolor")
    assert [re.sub(r"\x1b\[[0-9;]*m", "", line) for line in coloured] == lines


def test_the_legend_wraps_between_entries_within_the_width():
    keys = [plots.Key(s, s.key, s.glyph) for s in palette.CHARTS["exercise"]]
    for width in (30, 50, 80, 200):
        lines = plots.legend_lines(keys, width, "none")
        assert all(len(line) <= width for line in lines)
        words = " ".join(lines).split()
        assert [w for w in words if w.isidentifier()] == [s.key for s in palette.CHARTS["exercise"]]
