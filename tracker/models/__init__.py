"""Entries, vocabularies and validation: the one place that says what is valid.

Both front doors (the click CLI and the Textual forms) and the CSV importer validate through
these functions, so a value refused in one place is refused everywhere, with the same words.
Standard library only: it sits on the one-line-log hot path.

- `fields`: how a raw value becomes a valid one (numbers, free text; ValidationError);
- `times`: the one clock (`today`), entry dates, write times;
- `entries`: the entries, their vocabularies, validators and describers.
"""

from __future__ import annotations

from tracker.models.entries import (
    CATEGORIES,
    EXERCISE_SCORE_FIELDS,
    KNOWN_ACTIVITIES,
    PAIN_SCORE_FIELDS,
    SYMPTOMS,
    Entry,
    ExerciseSession,
    PainEntry,
    Row,
    check_pain_order,
    describe_exercise,
    describe_pain,
    infer_category,
    parse_activity,
    parse_category,
    parse_symptoms,
    peg_score,
    validate_exercise,
    validate_pain,
)
from tracker.models.fields import (
    ASCII_SPACE,
    ID_MAX,
    MINUTES_MAX,
    MINUTES_MIN,
    NOTE_MAX,
    SCORE_MAX,
    SCORE_MIN,
    TEXT_MAX,
    ValidationError,
    check_printable,
    is_blank,
    parse_flag,
    parse_id,
    parse_minutes,
    parse_note,
    parse_score,
    parse_text,
    parse_whole,
)
from tracker.models.times import (
    DAYS_AHEAD,
    STAMP_SKEW,
    latest_day,
    now_stamp,
    parse_date,
    parse_logged_at,
    parse_past_date,
    time_of_day,
    today,
)

__all__ = [
    "ASCII_SPACE",
    "CATEGORIES",
    "DAYS_AHEAD",
    "EXERCISE_SCORE_FIELDS",
    "Entry",
    "ExerciseSession",
    "ID_MAX",
    "KNOWN_ACTIVITIES",
    "MINUTES_MAX",
    "MINUTES_MIN",
    "NOTE_MAX",
    "PAIN_SCORE_FIELDS",
    "PainEntry",
    "Row",
    "SCORE_MAX",
    "SCORE_MIN",
    "STAMP_SKEW",
    "SYMPTOMS",
    "TEXT_MAX",
    "ValidationError",
    "check_pain_order",
    "check_printable",
    "describe_exercise",
    "describe_pain",
    "infer_category",
    "is_blank",
    "latest_day",
    "now_stamp",
    "parse_activity",
    "parse_category",
    "parse_date",
    "parse_flag",
    "parse_id",
    "parse_logged_at",
    "parse_minutes",
    "parse_note",
    "parse_past_date",
    "parse_score",
    "parse_symptoms",
    "parse_text",
    "parse_whole",
    "peg_score",
    "time_of_day",
    "today",
    "validate_exercise",
    "validate_pain",
]
