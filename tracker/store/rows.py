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

from tracker.models import CATEGORIES, EXERCISE_SCORE_FIELDS, PAIN_SCORE_FIELDS, SYMPTOMS

_SYMPTOMS = frozenset(SYMPTOMS)
_CATEGORIES = frozenset(CATEGORIES)
_TEXT = {"pain": ("locations", "note"), "exercise": ("note",)}
_SCORES = {"pain": PAIN_SCORE_FIELDS, "exercise": EXERCISE_SCORE_FIELDS}


def _bad_day(value: object) -> bool:
    if not isinstance(value, str) or len(value) != 10:
        return True
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return True
    return False


def _bad_stamp(value: object) -> bool:
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


def damage(kind: str, row: dict, strict: bool = False) -> str | None:
    """What is wrong with a stored row of `kind`, in words, or None when it is sound.

    Read paths only need what the analysis relies on (`logged_at` only orders entries, so
    any text will do there); `strict`, for `tracker check`, holds every value to the model.
    """
    if _bad_day(row.get("date")):
        return f"date {row.get('date')!r} is not a day (YYYY-MM-DD)"
    stamp = row.get("logged_at", "")
    if _bad_stamp(stamp) if strict else not isinstance(stamp, str):
        return f"logged_at {stamp!r} is not a date and time"
    for name in _SCORES[kind]:
        if name in row and _bad_score(row[name], required=name == "average"):
            return f"{name} {row[name]!r} is not a score from 0 to 10"
    for name in _TEXT[kind]:
        if name in row and row[name] is not None and not isinstance(row[name], str):
            return f"{name} {row[name]!r} is not text"
    if kind == "pain":
        return _pain_damage(row)
    return _exercise_damage(row)


def _pain_damage(row: dict) -> str | None:
    symptoms = row.get("symptoms", "")
    if symptoms is None or not isinstance(symptoms, str | list):
        return f"symptoms {symptoms!r} is not a list of symptoms"
    words = symptoms.split(",") if isinstance(symptoms, str) else symptoms
    unknown = [w for w in words if w and w not in _SYMPTOMS]
    if unknown:
        return f"symptoms holds an unknown word {unknown[0]!r}"
    return None


def _exercise_damage(row: dict) -> str | None:
    if "activity" in row and (not isinstance(row["activity"], str) or not row["activity"]):
        return f"activity {row['activity']!r} is not a name"
    if "category" in row and row["category"] not in _CATEGORIES:
        return f"category {row['category']!r} is not one of {', '.join(CATEGORIES)}"
    if "minutes" in row and _bad_score(row["minutes"], 1, 600, required=True):
        return f"minutes {row['minutes']!r} is not a whole number from 1 to 600"
    return None


def how_to_fix(kind: str, row_id: object) -> str:
    """The commands that repair one damaged row."""
    return (
        f"fix it with `tracker edit {kind} {row_id} ...` "
        f"or remove it with `tracker delete {kind} {row_id}`"
    )
