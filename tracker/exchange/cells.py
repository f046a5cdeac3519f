"""How one CSV cell is written and read back: the rules export and import share.

Formula injection: a spreadsheet runs a cell that begins with `=`, `+`, `-`, `@`, a tab or a
carriage return as a formula (`=HYPERLINK(...)` in a note would become a live link). Export
puts a `'` in front of such text, which spreadsheets show as text; import takes it off again.
So that the round trip is exact, text that already begins with quotes followed by one of those
characters (`'=x`) gets one more quote too (`''=x`), and import removes exactly one. Only text
columns are touched; numbers are never prefixed.
"""

from __future__ import annotations

from collections.abc import Iterable

#: First characters that make a spreadsheet read a cell as a formula (OWASP CSV injection).
FORMULA_STARTS = frozenset("=+-@\t\r")
QUOTE = "'"
#: Separator of the items of a list inside one cell (symptoms, activities).
LIST_SEPARATOR = "; "
#: Numbers are written rounded to this many decimals, without trailing zeros.
DECIMALS = 2

#: First characters worth a closer look (a cheap test for the hot loop of the exporter).
SUSPECT_FIRST = FORMULA_STARTS | {QUOTE}


def neutralise(text: str) -> str:
    """`text` made safe for a spreadsheet cell: a `'` in front when it could run as a formula."""
    if text[:1] in SUSPECT_FIRST and text.lstrip(QUOTE)[:1] in FORMULA_STARTS:
        return QUOTE + text
    return text


def restore(text: str) -> str:
    """The exact inverse of `neutralise`: one leading `'` off a neutralised cell."""
    if text[:1] == QUOTE and text.lstrip(QUOTE)[:1] in FORMULA_STARTS:
        return text[1:]
    return text


def number(value: float | int | None) -> str:
    """A number as a plain cell: "" for none, 4 not 4.0, at most 2 decimals (4.33, 4.5)."""
    if value is None:
        return ""
    if isinstance(value, int):
        return str(value)
    text = f"{value:.{DECIMALS}f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def join_list(items: Iterable[str]) -> str:
    """List items in one cell, separated by "; "."""
    return LIST_SEPARATOR.join(items)
