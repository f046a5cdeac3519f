"""Entries, vocabularies and validation: the one place that says what is valid.

Both front doors (the click CLI and the Textual forms) and the CSV importer validate through
these functions, so a value refused in one place is refused everywhere, with the same words.
This module imports only the standard library: it sits on the one-line-log hot path.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any, Literal, Protocol, overload

SCORE_MIN, SCORE_MAX = 0, 10
MINUTES_MIN, MINUTES_MAX = 1, 600

#: Symptom qualities drawn from the neuropathic pain questionnaires (DN4, NPSI, painDETECT).
SYMPTOMS: tuple[str, ...] = (
    "burning",
    "tingling",
    "numbness",
    "electric",
    "stabbing",
    "pressing",
    "cold",
    "touch_sensitivity",
    "itching",
)

CATEGORIES: tuple[str, ...] = (
    "aerobic",
    "strength",
    "balance",
    "flexibility",
    "mind_body",
    "other",
)

#: Known activities and the category each is inferred to be; anything else is "other".
KNOWN_ACTIVITIES: dict[str, str] = {
    "walking": "aerobic",
    "running": "aerobic",
    "jogging": "aerobic",
    "hiking": "aerobic",
    "cycling": "aerobic",
    "swimming": "aerobic",
    "rowing": "aerobic",
    "elliptical": "aerobic",
    "treadmill": "aerobic",
    "dancing": "aerobic",
    "weights": "strength",
    "resistance bands": "strength",
    "bodyweight": "strength",
    "strength": "strength",
    "balance": "balance",
    "balance drills": "balance",
    "single-leg stance": "balance",
    "stretching": "flexibility",
    "yoga": "mind_body",
    "tai chi": "mind_body",
    "qigong": "mind_body",
    "pilates": "mind_body",
}

PAIN_SCORE_FIELDS: tuple[str, ...] = (
    "average",
    "worst",
    "least",
    "sleep_interference",
    "activity_interference",
    "enjoyment_interference",
)
EXERCISE_SCORE_FIELDS: tuple[str, ...] = ("rpe", "pain_before", "pain_after")
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


class Entry(Protocol):
    """What every kind's validated entry has (see `tracker.kinds` for the kinds)."""

    date: str
    logged_at: str
    id: int | None

    def as_row(self) -> dict[str, Any]: ...


@dataclass
class PainEntry:
    """One pain rating: the numeric rating scale (0-10) for the 24 hours up to `date`.

    `activity_interference` and `enjoyment_interference`, with `average`, give the PEG score.
    """

    average: int
    date: str = ""
    worst: int | None = None
    least: int | None = None
    sleep_interference: int | None = None
    activity_interference: int | None = None
    enjoyment_interference: int | None = None
    symptoms: list[str] = field(default_factory=list)
    locations: str | None = None
    note: str | None = None
    logged_at: str = ""
    id: int | None = None

    def as_row(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class ExerciseSession:
    """One exercise session; `rpe` is effort on the Borg CR10 scale (0-10)."""

    activity: str
    minutes: int
    date: str = ""
    category: str = ""
    rpe: int | None = None
    pain_before: int | None = None
    pain_after: int | None = None
    note: str | None = None
    logged_at: str = ""
    id: int | None = None

    def __post_init__(self) -> None:
        if not self.category:  # built in code without one: the category its activity implies
            self.category = infer_category(self.activity)

    def as_row(self) -> dict[str, Any]:
        return asdict(self)


def today() -> dt.date:
    """Today's local date: the one clock every module asks.

    The environment variable TRACKER_TODAY (YYYY-MM-DD) fixes it, so tests, snapshots and
    demos that depend on "today" give the same result on any day. Call it as
    `models.today()` at run time rather than caching the date.
    """
    fixed = os.environ.get("TRACKER_TODAY")
    return dt.date.fromisoformat(fixed) if fixed else dt.date.today()


def now_stamp() -> str:
    """The local time of a write, to the second, ISO 8601."""
    return dt.datetime.now().replace(microsecond=0).isoformat()


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
            name, f"must be a whole number from {low} to {high}, not {_shown_text(text)}"
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


def _shown_text(text: str) -> str:
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


def parse_date(value: object, name: str = "date") -> str:
    """A day as YYYY-MM-DD; accepts `today`, `yesterday` or an ISO date; refuses the future."""
    if value is None or (isinstance(value, str) and value.strip() == ""):
        return today().isoformat()
    if isinstance(value, dt.date):
        day = value
    else:
        text = str(value).strip().lower()
        if text == "today":
            day = today()
        elif text == "yesterday":
            day = today() - dt.timedelta(days=1)
        else:
            parsed: dt.date | None
            try:
                parsed = dt.date.fromisoformat(text)
            except ValueError:
                parsed = None
            if parsed is None or len(text) != 10:
                raise ValidationError(
                    name, f"must be YYYY-MM-DD, 'today' or 'yesterday', not {str(value)!r}"
                )
            day = parsed
    if day > today():
        raise ValidationError(name, f"{day.isoformat()} is in the future; log only past days")
    if day.year < 1900:
        raise ValidationError(name, f"{day.isoformat()} is before 1900")
    return day.isoformat()


#: A write time as ISO 8601: a space may stand for the T (spreadsheets write one), seconds may
#: be left out (then :00) or carry a fraction (dropped), and an offset (Z, +02:00) converts the
#: time to this computer's local time. Stored always as YYYY-MM-DDTHH:MM:SS, local, no offset.
_STAMP = (
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})[T ]([0-9]{2}):([0-9]{2})"
    r"(?::([0-9]{2})(?:[.,][0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})?"
)
#: How far ahead of this computer's clock a write time may be: another device's clock skew.
STAMP_SKEW = dt.timedelta(days=1)
_STAMP_EXAMPLE = "2024-05-01T20:15:00"


def parse_logged_at(value: object) -> str:
    """When an entry was written, as YYYY-MM-DDTHH:MM:SS local time; now when empty.

    Years before 1900 are refused (no diary is that old: 0001-01-01 is a spreadsheet's
    empty date), and so is anything more than `STAMP_SKEW` after now (9999-12-31 is a
    spreadsheet's "never"). "Now" is the later of the real clock and a fixed TRACKER_TODAY.
    """
    if is_blank(value):
        return now_stamp()
    text = value.isoformat() if isinstance(value, dt.datetime) else str(value).strip()
    moment = _stamp_moment(text)
    if moment.year < 1900:
        raise ValidationError("logged_at", f"{moment.isoformat()} is before 1900")
    if moment > dt.datetime.now() + STAMP_SKEW and moment > _fixed_horizon():
        raise ValidationError(
            "logged_at",
            f"{moment.isoformat()} is in the future (more than a day ahead of this computer)",
        )
    return moment.isoformat(timespec="seconds")


def _fixed_horizon() -> dt.datetime:
    """The end of `today()` plus the skew: later than the real clock's when the day is fixed.

    Asked only for a stamp past the real clock's horizon (today() costs about 2 µs a row).
    Without a fixed day the real clock alone decides (the end of the real today would let a
    stamp run up to two days ahead just after midnight).
    """
    if not os.environ.get("TRACKER_TODAY"):
        return dt.datetime.min
    return dt.datetime.combine(today(), dt.time.max) + STAMP_SKEW


def _stamp_moment(text: str) -> dt.datetime:
    """The naive local datetime `text` names, or a ValidationError showing the expected form."""
    match = re.fullmatch(_STAMP, text)
    try:
        if match is None:
            raise ValueError(text)
        *parts, zone = match.groups()
        year, month, day, hour, minute, second = (int(part or 0) for part in parts)
        moment = dt.datetime(year, month, day, hour, minute, second)
        return _to_local(moment, zone) if zone else moment
    except (ValueError, OverflowError, OSError):
        raise ValidationError(
            "logged_at", f"must be a date and time like {_STAMP_EXAMPLE}, not {_shown_text(text)}"
        ) from None


def _to_local(moment: dt.datetime, zone: str) -> dt.datetime:
    """`moment` at UTC offset `zone` (Z, +02:00, -0500) as this computer's naive local time."""
    if zone == "Z":
        offset = dt.timedelta(0)
    else:
        sign = -1 if zone[0] == "-" else 1
        digits = zone[1:].replace(":", "")
        offset = sign * dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
    aware = moment.replace(tzinfo=dt.timezone(offset))
    return aware.astimezone().replace(tzinfo=None)


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


def parse_symptoms(values: str | Iterable[object] | None) -> list[str]:
    """Symptom words from the fixed vocabulary; accepts a list or a '; ' or ',' separated string."""
    if values is None:
        return []
    if isinstance(values, str):
        check_printable("symptoms", values)
        items = values.replace(";", ",").split(",")
    else:
        items = [str(raw) for raw in values]
        for raw in items:
            check_printable("symptoms", raw)
    result: list[str] = []
    for raw in items:
        word = raw.strip().lower().replace("-", "_").replace(" ", "_")
        if not word:
            continue
        if word not in SYMPTOMS:
            raise ValidationError(
                "symptom", f"unknown symptom {raw.strip()!r}; allowed: {', '.join(SYMPTOMS)}"
            )
        if word not in result:
            result.append(word)
    return result


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


def parse_activity(value: object) -> str:
    """The activity's name: required, free text."""
    text = parse_text("activity", value)
    if text is None:
        raise ValidationError("activity", "must not be empty (for example: walking)")
    return text


def infer_category(activity: str) -> str:
    """The category of an activity's words (see tracker.activities); 'other' if none is known."""
    from tracker import activities

    return activities.infer(activity)


def parse_category(value: object, activity: str) -> str:
    """An explicit category from the vocabulary, or the one inferred from the activity."""
    if value is None or not str(value).strip(ASCII_SPACE):
        return infer_category(activity)
    check_printable("category", str(value))
    word = str(value).strip().lower().replace("-", "_").replace(" ", "_")
    if word not in CATEGORIES:
        raise ValidationError(
            "category", f"unknown category {str(value)!r}; allowed: {', '.join(CATEGORIES)}"
        )
    return word


def check_pain_order(worst: int | None, least: int | None, average: int) -> None:
    """least <= average <= worst wherever the values are given."""
    if least is not None and worst is not None and least > worst:
        raise ValidationError("least", f"least ({least}) must not be above worst ({worst})")
    if least is not None and least > average:
        raise ValidationError("least", f"least ({least}) must not be above average ({average})")
    if worst is not None and worst < average:
        raise ValidationError("worst", f"worst ({worst}) must not be below average ({average})")


def validate_pain(data: Mapping[str, Any]) -> PainEntry:
    """A PainEntry from raw user values (strings or numbers); raises ValidationError."""
    average = parse_score("average", data.get("average"), required=True)
    scores = {name: parse_score(name, data.get(name)) for name in PAIN_SCORE_FIELDS[1:]}
    check_pain_order(scores["worst"], scores["least"], average)
    return PainEntry(
        average=average,
        date=parse_date(data.get("date")),
        symptoms=parse_symptoms(data.get("symptoms")),
        locations=parse_text("locations", data.get("locations")),
        note=parse_note(data.get("note")),
        logged_at=parse_logged_at(data.get("logged_at")),
        id=parse_id(data.get("id")),
        **scores,
    )


def validate_exercise(data: Mapping[str, Any]) -> ExerciseSession:
    """An ExerciseSession from raw user values; raises ValidationError."""
    activity = parse_activity(data.get("activity"))
    return ExerciseSession(
        activity=activity,
        minutes=parse_minutes(data.get("minutes")),
        date=parse_date(data.get("date")),
        category=parse_category(data.get("category"), activity),
        rpe=parse_score("rpe", data.get("rpe")),
        pain_before=parse_score("pain_before", data.get("pain_before")),
        pain_after=parse_score("pain_after", data.get("pain_after")),
        note=parse_note(data.get("note")),
        logged_at=parse_logged_at(data.get("logged_at")),
        id=parse_id(data.get("id")),
    )


def peg_score(
    average: float | None, activity: float | None, enjoyment: float | None
) -> float | None:
    """The PEG score: mean of pain, interference with enjoyment and with general activity."""
    if average is None or activity is None or enjoyment is None:
        return None
    return round((average + activity + enjoyment) / 3, 2)


def describe_pain(row: Mapping[str, Any]) -> str:
    """'pain 5/10, worst 7, least 3; burning, tingling' from a pain row or entry fields."""
    parts = [f"pain {row['average']}/10"]
    parts += [f"{name} {row[name]}" for name in ("worst", "least") if row.get(name) is not None]
    text = ", ".join(parts)
    symptoms = row.get("symptoms") or []
    return f"{text}; {', '.join(s.replace('_', ' ') for s in symptoms)}" if symptoms else text


def describe_exercise(row: Mapping[str, Any]) -> str:
    """'walking 30 min (aerobic), effort 4, pain 5→4' from an exercise row or session fields."""
    text = f"{row['activity']} {row['minutes']} min ({row['category'].replace('_', ' ')})"
    if row.get("rpe") is not None:
        text += f", effort {row['rpe']}"
    before, after = row.get("pain_before"), row.get("pain_after")
    if before is not None or after is not None:
        text += f", pain {_or_unknown(before)}→{_or_unknown(after)}"
    return text


def _or_unknown(score: int | None) -> str:
    return "?" if score is None else str(score)
