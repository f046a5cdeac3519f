"""How a raw value (typed, passed on a command line, read from a CSV) becomes a valid one.

One rule for each sort of field, whichever door the value came in by: numbers (scores,
minutes, ids) and free text. What is refused is said in one line naming the field
(`ValidationError`). Standard library only: it sits on the one-line-log hot path.
"""

from __future__ import annotations

import re
from typing import Literal, overload

SCORE_MIN, SCORE_MAX = 0, 10
MINUTES_MIN, MINUTES_MAX = 1, 600
NOTE_MAX = 2000
TEXT_MAX = 200
#: The largest id SQLite can store (a signed 64-bit integer).
ID_MAX = 2**63 - 1


class ValidationError(ValueError):
    """A value the user gave is not allowed; `field` names it, the message says what is allowed."""

    def __init__(self, field: str, message: str):
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


# ---- numbers ------------------------------------------------------------------------------
#
# One rule for every numeric field (scores, minutes, ids), whichever door the value came in by:
# - ASCII digits, with optional surrounding ASCII whitespace;
# - an optional sign: "+5" is 5 (some keypads and spreadsheets write it), "-3" is read as a
#   number so the message can say "must be from 0 to 10, not -3";
# - a fraction of zeros only ("30.0", "5.00"), as spreadsheets write whole numbers;
# - nothing else: not "1_0" or "٥" or "５" (Python's int() takes all three), not "1e1",
#   "nan" or "inf" (float() takes them), not a bool. A number too long for the range is
#   refused before int() sees it (int() stops at 4,300 digits with a ValueError).

#: Whitespace a number may carry: ASCII only. str.strip() would also take away U+001C-U+001F
#: and U+0085, control characters that must be refused, never quietly dropped.
ASCII_SPACE = " \t\r\n\f\v"
#: Patterns are kept as text and compiled on first use (re caches them): compiling all of them
#: at import would cost the one-line log about a millisecond.
_WHOLE = r"([+-]?)([0-9]+)(?:\.0+)?"
#: Digits shown of a refused number that is absurdly long.
_SHOWN_DIGITS = 20


def is_blank(value: object) -> bool:
    """True for None and for text that is empty or ASCII whitespace only."""
    return value is None or (isinstance(value, str) and not value.strip(ASCII_SPACE))


def parse_whole(name: str, value: object, low: int, high: int) -> int:
    """A whole number from `low` to `high` under the one number rule above."""
    if isinstance(value, bool):
        raise ValidationError(name, f"must be a whole number from {low} to {high}, not {value}")
    if isinstance(value, int):
        return _in_range(name, value, low, high)
    text = str(value).strip(ASCII_SPACE)
    if len(text) < 4 and text.isdigit() and text.isascii():  # the usual "5" or "30", fast
        return _in_range(name, int(text), low, high)
    match = re.fullmatch(_WHOLE, text)
    if match is None:
        raise ValidationError(
            name, f"must be a whole number from {low} to {high}, not {shown_text(text)}"
        )
    sign, digits = match[1], match[2].lstrip("0") or "0"
    if len(digits) > len(str(high)):
        shown = digits if len(digits) <= _SHOWN_DIGITS else f"{digits[:_SHOWN_DIGITS]}…"
        raise ValidationError(name, f"must be from {low} to {high}, not {sign}{shown}")
    return _in_range(name, int(sign + digits), low, high)


def _in_range(name: str, number: int, low: int, high: int) -> int:
    if not low <= number <= high:
        raise ValidationError(name, f"must be from {low} to {high}, not {number}")
    return number


def shown_text(text: str) -> str:
    """A refused value quoted for a message: repr (controls escaped), at most 30 characters."""
    return repr(text if len(text) <= 30 else f"{text[:29]}…")


@overload
def parse_score(name: str, value: object, required: Literal[True]) -> int: ...
@overload
def parse_score(name: str, value: object, required: bool = False) -> int | None: ...
def parse_score(name: str, value: object, required: bool = False) -> int | None:
    """A 0-10 integer score, or None when optional and empty."""
    if is_blank(value):
        if required:
            raise ValidationError(name, "is required (a whole number from 0 to 10)")
        return None
    return parse_whole(name, value, SCORE_MIN, SCORE_MAX)


def parse_minutes(value: object) -> int:
    """Session length in whole minutes, 1-600."""
    if is_blank(value):
        raise ValidationError("minutes", "is required (a whole number from 1 to 600)")
    return parse_whole("minutes", value, MINUTES_MIN, MINUTES_MAX)


def parse_id(value: object) -> int | None:
    """An entry's id: None when empty, else a positive whole number SQLite can store."""
    return None if is_blank(value) else parse_whole("id", value, 1, ID_MAX)


# ---- free text ----------------------------------------------------------------------------
#
# Free text is refused at the door when it holds a character that is not text: a control
# character (C0, DEL, C1: an ESC starts a terminal escape sequence, a NUL cuts C strings short)
# or an unpaired surrogate (bytes that were not UTF-8, smuggled through by the shell). A note
# may hold line breaks ("\n", or Windows' "\r\n", kept as written) and tabs; a lone "\r" is
# refused there too (on a terminal it returns to the start of the line and overwrites it).
# Every other field is one line.

_NOT_TEXT = "[\x00-\x1f\x7f-\x9f\ud800-\udfff]"
_NOT_NOTE_TEXT = "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]|\r(?!\n)"
_CHARACTER_NAMES = {"\n": "a line break", "\r": "a carriage return", "\t": "a tab"}


def check_printable(name: str, text: str, multiline: bool = False) -> None:
    """Refuse `text` if it holds a control character or an unpaired surrogate, naming it."""
    found = re.search(_NOT_NOTE_TEXT if multiline else _NOT_TEXT, text)
    if found is None:
        return
    char = found.group()
    what = _CHARACTER_NAMES.get(char, "a control character")
    if "\ud800" <= char <= "\udfff":
        what = "an unpaired surrogate"
    allowed = "printable text" if multiline else "printable text on one line"
    raise ValidationError(
        name,
        f"contains {what} (U+{ord(char):04X}) at position {found.start() + 1}; "
        f"only {allowed} is allowed",
    )


def parse_text(
    name: str, value: object, limit: int = TEXT_MAX, multiline: bool = False
) -> str | None:
    """Optional free text, checked printable, stripped; None when empty."""
    if value is None:
        return None
    text = str(value)
    check_printable(name, text, multiline)
    text = text.strip()
    if not text:
        return None
    if len(text) > limit:
        raise ValidationError(name, f"is {len(text)} characters long; at most {limit} are allowed")
    return text


def parse_note(value: object) -> str | None:
    """An optional note: free text that may span lines and hold tabs."""
    return parse_text("note", value, NOTE_MAX, multiline=True)


# ---- yes/no -------------------------------------------------------------------------------
_TRUE = ("1", "true", "yes")
_FALSE = ("0", "false", "no", "")


def parse_flag(name: str, value: object) -> bool:
    """A yes/no field: True, False, 1/0, or the words true/false, yes/no (any case); None and
    an empty cell are no. Anything else (2, "maybe", "ja") is refused, never guessed."""
    if value is None or isinstance(value, bool):
        return bool(value)
    if isinstance(value, int) and value in (0, 1):
        return value == 1
    text = str(value).strip(ASCII_SPACE).lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    shown = shown_text(str(value))
    raise ValidationError(name, f"must be 1 or 0 (or yes/no, true/false), not {shown}")
