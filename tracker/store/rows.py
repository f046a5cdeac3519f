"""Stored rows checked as they are read: a damaged value is named, never a traceback later.

SQLite's CHECK constraints keep bad values out of every write tracker makes, but a file can
still be damaged (a flipped bit, another program, a restore of an old copy). Every read path
of the store passes its rows through `damage()`, so `stats`, `plot`, the report and the app
stop with one line naming the row ("pain row 17: date '20x4-01-01' is not a day ...") instead
of failing deep inside the analysis. `tracker check` uses the same rules on every row.

Cheap on purpose: a few type and range tests per row (about 1 microsecond), no regex.
"""

from __future__ import annotations

import datetime as dt

from tracker.kinds import kind_named
from tracker.models import Row


def _bad_day(value: object) -> bool:
    if not isinstance(value, str) or len(value) != 10:
        return True
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return True
    return False


def _bad_stamp(value: object) -> bool:
    """Not a date and time; with a UTC offset (+01:00, written since offsets are kept) or
    without one (older entries: the writer's local time) are both sound."""
    if not isinstance(value, str) or len(value) < 10:
        return True
    try:
        dt.datetime.fromisoformat(value)
    except ValueError:
        return True
    return False


def _bad_score(value: object, low: int = 0, high: int = 10, required: bool = False) -> bool:
    if value is None:
        return required
    return type(value) is not int or not low <= value <= high


def damage(kind: str, row: Row, strict: bool = False) -> str | None:
    """What is wrong with a stored row of `kind`, in words, or None when it is sound.

    Read paths only need what the analysis relies on (`logged_at` only orders entries, so
    any text will do there); `strict`, for `tracker check`, holds every value to the model.
    """
    if _bad_day(row.get("date")):
        return f"date {row.get('date')!r} is not a day (YYYY-MM-DD)"
    stamp = row.get("logged_at", "")
    if _bad_stamp(stamp) if strict else not isinstance(stamp, str):
        return f"logged_at {stamp!r} is not a date and time"
    of = kind_named(kind)
    for name in of.scores:
        if name in row and _bad_score(row[name], required=name == of.required_score):
            return f"{name} {row[name]!r} is not a score from 0 to 10"
    for name in of.text:
        if name in of.word_lists:
            continue  # a word list is checked word by word, by the kind
        if name in row and row[name] is not None and not isinstance(row[name], str):
            return f"{name} {row[name]!r} is not text"
    for name in of.flags:
        if name in row and not (type(row[name]) in (int, bool) and row[name] in (0, 1)):
            return f"{name} {row[name]!r} is not 1 or 0"
    return of.stored_damage(row)


def how_to_fix(kind: str, row_id: object) -> str:
    """The commands that repair one damaged row."""
    return (
        f"fix it with `tracker edit {kind} {row_id} ...` "
        f"or remove it with `tracker delete {kind} {row_id}`"
    )
