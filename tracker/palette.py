"""The one palette of every chart: the terminal's (`tracker plot`), the app's and the PDF's.

Colours are the Okabe-Ito set, chosen to stay distinct for the common colour-vision
deficiencies (protanopia, deuteranopia, tritanopia): Masataka Okabe and Kei Ito, "Color
Universal Design (CUD): how to make figures and presentations that are friendly to colorblind
people" (2002, revised 2008), https://jfly.uni-koeln.de/color/ ; reprinted as the palette of
Bang Wong, "Points of view: Color blindness", Nature Methods 8, 441 (2011). Its black is left
out (the app's background is dark) and a neutral grey (153, 153, 153) added for "other".

Every series a chart can show has its own `Series`: a colour and a glyph. Within one chart
(`CHARTS`) no two series share a colour, whether drawn in 24-bit colour, in the 256 xterm
colours or in the 16 basic ones, nor a glyph: the glyph is how a series is told apart without
colour (NO_COLOR, a monochrome printout) and how the legend names it.

Headless: names and numbers only, no plotext, Textual or fpdf.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

RGB = tuple[int, int, int]
#: How many colours the output can show: 24-bit, the xterm 256, the 16 basic ones, or none.
Depth = Literal["truecolor", "256", "16", "none"]


@dataclass(frozen=True)
class Colour:
    """One palette colour: its Okabe-Ito name, its RGB, and its nearest stand-ins.

    `xterm256` is the nearest of the xterm 256 colours (16-255); `ansi16` a basic colour
    (0-15, bright ones 8-15) picked by hand so that the series of one chart stay distinct.
    """

    name: str
    rgb: RGB
    xterm256: int
    ansi16: int


ORANGE = Colour("orange", (230, 159, 0), 178, 3)
SKY_BLUE = Colour("sky blue", (86, 180, 233), 74, 14)
BLUISH_GREEN = Colour("bluish green", (0, 158, 115), 35, 2)
YELLOW = Colour("yellow", (240, 228, 66), 221, 11)
BLUE = Colour("blue", (0, 114, 178), 25, 12)
VERMILLION = Colour("vermillion", (213, 94, 0), 166, 9)
REDDISH_PURPLE = Colour("reddish purple", (204, 121, 167), 175, 13)
GREY = Colour("grey", (153, 153, 153), 246, 7)
COLOURS: tuple[Colour, ...] = (
    ORANGE,
    SKY_BLUE,
    BLUISH_GREEN,
    YELLOW,
    BLUE,
    VERMILLION,
    REDDISH_PURPLE,
    GREY,
)


@dataclass(frozen=True)
class Series:
    """How one series is drawn: its colour, and its glyph (a point, a line or a bar's fill).

    `glyph` marks the series in the legend and, for lines and points, on the chart itself;
    a bar is filled solid when colour tells the bars apart and with `glyph` when it cannot.
    """

    key: str
    colour: Colour
    glyph: str


# The pain chart.
PAIN = Series("pain", SKY_BLUE, "•")
TREND = Series("trend", BLUE, "▞")  # drawn with plotext's half-block line ("hd")
BASELINE = Series("baseline", REDDISH_PURPLE, "━")
REDUCTION_30 = Series("reduction_30", ORANGE, "─")
REDUCTION_50 = Series("reduction_50", BLUISH_GREEN, "┄")
#: A regimen change (`analysis.markers`): a dashed vertical line at its day.
MED_CHANGE = Series("med_change", VERMILLION, "┆")
# The exercise chart: one per category (stacked in this order, aerobic at the bottom).
CATEGORY_SERIES: dict[str, Series] = {
    "aerobic": Series("aerobic", BLUE, "█"),
    "strength": Series("strength", VERMILLION, "░"),
    "balance": Series("balance", BLUISH_GREEN, "▓"),
    "flexibility": Series("flexibility", ORANGE, "▚"),
    "mind_body": Series("mind_body", REDDISH_PURPLE, "▒"),
    "other": Series("other", GREY, "╳"),
}
TARGET = Series("target", YELLOW, "━")
# The response chart: pain by kind of day; session change down (less pain) or up. Its bars
# are labelled, not keyed, and solid: the session bars differ by their side of zero too.
DAYS = Series("days", SKY_BLUE, "█")
LOWER = Series("lower", BLUE, "▓")
HIGHER = Series("higher", VERMILLION, "░")
ZERO = Series("zero", GREY, "│")

#: The series that can appear together, chart by chart.
CHARTS: dict[str, tuple[Series, ...]] = {
    "pain": (PAIN, TREND, BASELINE, REDUCTION_30, REDUCTION_50, MED_CHANGE),
    "exercise": (*CATEGORY_SERIES.values(), TARGET),
    "response": (DAYS, LOWER, HIGHER, ZERO),
}


def depth_from_env(environ: Mapping[str, str]) -> Depth:
    """The colours a terminal shows, from its environment.

    NO_COLOR set to anything (https://no-color.org): none. Otherwise COLORTERM truecolor or
    24bit: truecolor; a TERM naming 256 colours: 256; TERM dumb: none; else the basic 16.
    """
    if "NO_COLOR" in environ:
        return "none"
    if environ.get("COLORTERM", "").lower() in ("truecolor", "24bit"):
        return "truecolor"
    term = environ.get("TERM", "").lower()
    if "256" in term:
        return "256"
    if term == "dumb":
        return "none"
    return "16"


def terminal_colour(colour: Colour, depth: Depth) -> RGB | int | None:
    """The colour as a terminal takes it at `depth`: RGB, a colour number, or None (no colour)."""
    if depth == "truecolor":
        return colour.rgb
    if depth == "256":
        return colour.xterm256
    if depth == "16":
        return colour.ansi16
    return None


def ansi(text: str, colour: Colour, depth: Depth) -> str:
    """`text` in `colour` as ANSI escape codes (plain `text` at depth "none")."""
    value = terminal_colour(colour, depth)
    if value is None:
        return text
    if isinstance(value, tuple):
        code = "38;2;{};{};{}".format(*value)
    elif depth == "16":  # the basic codes, which every colour terminal knows
        code = str(30 + value if value < 8 else 90 + value - 8)
    else:
        code = f"38;5;{value}"
    return f"\x1b[{code}m{text}\x1b[0m"


def solid_bars(depth: Depth) -> bool:
    """Whether colour alone tells bars apart (24-bit or 256 colours); else fill with glyphs."""
    return depth in ("truecolor", "256")
