"""The entries a person logs, their vocabularies, their validators and their describers.

`validate_pain` and `validate_exercise` are the one validation path: the CLI, the app's
forms and CSV import all call them (through `tracker.kinds`), so a value refused in one
place is refused everywhere, with the same words.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any, Protocol

from tracker.models.fields import (
    ASCII_SPACE,
    ValidationError,
    check_printable,
    parse_flag,
    parse_id,
    parse_minutes,
    parse_note,
    parse_score,
    parse_text,
)
from tracker.models.times import parse_date, parse_logged_at

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
#: The apps and files an exercise session can be imported from (`tracker import`).
SOURCES: tuple[str, ...] = ("strava", "garmin", "apple_health", "gpx", "tcx", "fit")


#: A row as the store returns it, or an entry's raw values: column name -> value.
Row = dict[str, Any]


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
    #: The patient marked this entry's note for the next clinic visit (the report's page 1).
    for_doctor: bool = False
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
    #: The patient marked this session's note for the next clinic visit.
    for_doctor: bool = False
    logged_at: str = ""
    id: int | None = None
    #: Where an imported session came from (one of `SOURCES`); None for one typed here.
    source: str | None = None
    #: The source's own id of the activity (Strava's Activity ID, a start time where the
    #: source has no id), so a second import of the same file adds nothing.
    source_id: str | None = None
    #: When the activity started, as the source gave it: ISO 8601 with a UTC offset, or
    #: without one where the source keeps local time only (Garmin's CSV).
    started_at: str | None = None

    def __post_init__(self) -> None:
        if not self.category:  # built in code without one: the category its activity implies
            self.category = infer_category(self.activity)

    def as_row(self) -> dict[str, Any]:
        return asdict(self)


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
        for_doctor=parse_flag("for_doctor", data.get("for_doctor")),
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
        for_doctor=parse_flag("for_doctor", data.get("for_doctor")),
        logged_at=parse_logged_at(data.get("logged_at")),
        id=parse_id(data.get("id")),
        **parse_origin(data),
    )


def parse_origin(data: Mapping[str, Any]) -> dict[str, str | None]:
    """`source`, `source_id` and `started_at` of an imported session (all None for a typed one).

    A source is one of `SOURCES`; a source id needs a source; `started_at` is an ISO 8601
    date and time, with or without a UTC offset.
    """
    source = parse_text("source", data.get("source"))
    if source is not None and source not in SOURCES:
        raise ValidationError("source", f"unknown source {source!r}; allowed: {', '.join(SOURCES)}")
    source_id = parse_text("source_id", data.get("source_id"))
    if source_id is not None and source is None:
        raise ValidationError("source_id", "needs a source (the app it is the id of)")
    started = parse_text("started_at", data.get("started_at"))
    if started is not None:
        try:
            dt.datetime.fromisoformat(started)
        except ValueError:
            raise ValidationError(
                "started_at", f"{started!r} is not a date and time (YYYY-MM-DDTHH:MM:SS+HH:MM)"
            ) from None
    return {"source": source, "source_id": source_id, "started_at": started}


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
    if symptoms:
        text += f"; {', '.join(s.replace('_', ' ') for s in symptoms)}"
    return text + _marked(row)


def describe_exercise(row: Mapping[str, Any]) -> str:
    """'walking 30 min (aerobic), effort 4, pain 5→4' from an exercise row or session fields."""
    text = f"{row['activity']} {row['minutes']} min ({row['category'].replace('_', ' ')})"
    if row.get("rpe") is not None:
        text += f", effort {row['rpe']}"
    before, after = row.get("pain_before"), row.get("pain_after")
    if before is not None or after is not None:
        text += f", pain {_or_unknown(before)}→{_or_unknown(after)}"
    return text + _marked(row)


def _marked(row: Mapping[str, Any]) -> str:
    """' (note for the doctor)' for an entry marked for the visit."""
    return " (note for the doctor)" if row.get("for_doctor") else ""


def _or_unknown(score: int | None) -> str:
    return "?" if score is None else str(score)
