"""The report's text: Latin-1 for the PDF core fonts, and the few ways a line is set.

Text uses the PDF core font Helvetica, so it is real, extractable text on every machine
without shipping a font; core fonts are Latin-1, so `latin1` rewrites what they cannot show
(">=" for the sign, "-" for dashes, accents dropped from letters outside Latin-1, "?" for the
rest). `printable_name` keeps a name verbatim where the font can, and says when it cannot.

No fpdf import here (only tracker.exchange.report imports it): the functions draw on the
document they are given.
"""

from __future__ import annotations

import unicodedata
from typing import Any

FONT = "Helvetica"
_REPLACEMENTS = str.maketrans(
    {
        "\u2265": ">=",
        "\u2264": "<=",
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2026": "...",
        "\u00a0": " ",
        "\u0141": "L",
        "\u0142": "l",
        "\u0152": "OE",
        "\u0153": "oe",
        "\u20ac": "EUR",
    }
)


def latin1(text: str) -> str:
    """`text` as the core fonts can print it: common signs spelled out, accents dropped
    outside Latin-1, anything else as '?'."""
    text = text.translate(_REPLACEMENTS)
    try:
        text.encode("latin-1")
        return text
    except UnicodeEncodeError:
        pass
    return "".join(_latin1_char(char) for char in text)


def _latin1_char(char: str) -> str:
    if ord(char) < 256:
        return char
    base = unicodedata.normalize("NFKD", char).encode("latin-1", "ignore").decode("latin-1")
    return base or "?"


def printable_name(name: str) -> tuple[str, bool]:
    """(the name as printed, whether it is exactly as given). A name in Latin-1 ("Ana Díaz")
    is printed verbatim; one with letters that only lose an accent ("Łucja Dąb") prints as
    "Lucja Dab"; one the font cannot spell at all (Greek, Cyrillic, CJK) prints as blank,
    so the report never shows a name of question marks."""
    shown = latin1(name)
    if shown == name:
        return name, True
    if "?" in shown and "?" not in name:
        return "", False
    return shown, False


def title(pdf: Any, text: str, size: float = 11) -> None:
    pdf.ln(1.5)
    pdf.set_font(FONT, "B", size)
    pdf.set_text_color(0, 0, 0)
    pdf.multi_cell(0, size * 0.5, latin1(text), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(0.8)


def paragraph(pdf: Any, text: str, size: float = 9, style: str = "") -> None:
    pdf.set_font(FONT, style, size)
    pdf.set_text_color(30, 30, 30)
    pdf.multi_cell(0, size * 0.48, latin1(text), new_x="LMARGIN", new_y="NEXT", align="L")


def labelled(pdf: Any, label: str, text: str, size: float = 9, width: float = 0) -> None:
    """'Label: text' with the label in bold, the text wrapping under itself."""
    pdf.set_font(FONT, "B", size)
    pdf.set_text_color(0, 0, 0)
    label = latin1(label)
    width = width or pdf.get_string_width(label) + 2
    pdf.cell(width, size * 0.48, label)
    pdf.set_font(FONT, "", size)
    pdf.set_text_color(30, 30, 30)
    pdf.multi_cell(0, size * 0.48, latin1(text), new_x="LMARGIN", new_y="NEXT", align="L")
