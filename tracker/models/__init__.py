"""Entries, vocabularies and validation: the one place that says what is valid.

Both front doors (the click CLI and the Textual forms) and the CSV importer validate through
these functions, so a value refused in one place is refused everywhere, with the same words.
Standard library only: it sits on the one-line-log hot path.

- `fields`: how a raw value becomes a valid one (numbers, free text; ValidationError);
- `times`: the one clock (`today`), entry dates, write times;
- `entries`: the entries, their vocabularies, validators and describers;
- `medicines`: medicines, regimen changes, doses and side effects (the same, for those).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tracker.models.entries import (
    CATEGORIES,
    EXERCISE_SCORE_FIELDS,
    KNOWN_ACTIVITIES,
    PAIN_SCORE_FIELDS,
    SOURCES,
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
    parse_origin,
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
from tracker.models.med_vocab import (
    AMOUNT_MAX,
    CHANGES,
    DOSE_STATUSES,
    DOSES_PER_DAY_MAX,
    DOSES_PER_DAY_MIN,
    FORMS,
    MED_SCORE_FIELDS,
    NAME_MAX,
    SCHEDULES,
    SIDE_EFFECTS,
    UNITS,
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
    "AMOUNT_MAX",
    "ASCII_SPACE",
    "CATEGORIES",
    "CHANGES",
    "DAYS_AHEAD",
    "DOSES_PER_DAY_MAX",
    "DOSES_PER_DAY_MIN",
    "DOSE_STATUSES",
    "Dose",
    "EXERCISE_SCORE_FIELDS",
    "Entry",
    "ExerciseSession",
    "FORMS",
    "ID_MAX",
    "KNOWN_ACTIVITIES",
    "MED_SCORE_FIELDS",
    "MINUTES_MAX",
    "MINUTES_MIN",
    "MedChange",
    "Medicine",
    "NAME_MAX",
    "NOTE_MAX",
    "PAIN_SCORE_FIELDS",
    "PainEntry",
    "Row",
    "SCHEDULES",
    "SCORE_MAX",
    "SCORE_MIN",
    "SIDE_EFFECTS",
    "STAMP_SKEW",
    "SOURCES",
    "SYMPTOMS",
    "SideEffect",
    "TEXT_MAX",
    "UNITS",
    "ValidationError",
    "amount_text",
    "check_pain_order",
    "check_printable",
    "describe_dose",
    "describe_exercise",
    "describe_med_change",
    "describe_medicine",
    "describe_pain",
    "describe_side_effect",
    "infer_category",
    "is_blank",
    "latest_day",
    "now_stamp",
    "parse_activity",
    "parse_amount",
    "parse_category",
    "parse_origin",
    "parse_clock",
    "parse_date",
    "parse_flag",
    "parse_id",
    "parse_logged_at",
    "parse_minutes",
    "parse_note",
    "parse_past_date",
    "parse_score",
    "parse_side_effects",
    "parse_symptoms",
    "parse_text",
    "parse_whole",
    "peg_score",
    "time_of_day",
    "times_a_day",
    "today",
    "validate_dose",
    "validate_exercise",
    "validate_med_change",
    "validate_medicine",
    "validate_pain",
    "validate_side_effect",
]

if TYPE_CHECKING:  # for the type checker; at run time loaded on first use (below)
    from tracker.models.medicines import (
        Dose,
        MedChange,
        Medicine,
        SideEffect,
        amount_text,
        describe_dose,
        describe_med_change,
        describe_medicine,
        describe_side_effect,
        parse_amount,
        parse_clock,
        parse_side_effects,
        times_a_day,
        validate_dose,
        validate_med_change,
        validate_medicine,
        validate_side_effect,
    )

#: The medicine models, validators and describers: loaded on first use (PEP 562), so the
#: one-line pain or exercise log does not pay for creating their dataclasses (about 2 ms).
_FROM_MEDICINES = frozenset(
    (
        "Dose",
        "MedChange",
        "Medicine",
        "SideEffect",
        "amount_text",
        "describe_dose",
        "describe_med_change",
        "describe_medicine",
        "describe_side_effect",
        "parse_amount",
        "parse_clock",
        "parse_side_effects",
        "times_a_day",
        "validate_dose",
        "validate_med_change",
        "validate_medicine",
        "validate_side_effect",
    )
)


def __getattr__(name: str) -> object:
    if name in _FROM_MEDICINES:
        from tracker.models import medicines

        value = getattr(medicines, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
