"""Entries, vocabularies and validation: the one place that says what is valid.

Both front doors (the click CLI and the Textual forms) and the CSV importer validate through
these functions, so a value refused in one place is refused everywhere, with the same words.
This module imports only the standard library: it sits on the one-line-log hot path.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import asdict, dataclass, field

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


class ValidationError(ValueError):
    """A value the user gave is not allowed; `field` names it, the message says what is allowed."""

    def __init__(self, field: str, message: str):
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


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

    def as_row(self) -> dict:
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

    def as_row(self) -> dict:
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


def parse_score(name: str, value, required: bool = False) -> int | None:
    """A 0-10 integer score, or None when optional and empty."""
    if value is None or (isinstance(value, str) and value.strip() == ""):
        if required:
            raise ValidationError(name, "is required (a whole number from 0 to 10)")
        return None
    if isinstance(value, bool):
        raise ValidationError(name, f"must be a whole number from 0 to 10, not {value!r}")
    if isinstance(value, int):
        number = value
    else:
        text = str(value).strip()
        try:
            number = int(text)
        except ValueError:
            try:
                as_float = float(text)
            except ValueError:
                raise ValidationError(
                    name, f"must be a whole number from 0 to 10, not {text!r}"
                ) from None
            if not as_float.is_integer():
                raise ValidationError(
                    name, f"must be a whole number from 0 to 10, not {text!r}"
                ) from None
            number = int(as_float)
    if not SCORE_MIN <= number <= SCORE_MAX:
        raise ValidationError(name, f"must be from 0 to 10, not {number}")
    return number


def parse_minutes(value) -> int:
    """Session length in whole minutes, 1-600."""
    name = "minutes"
    if value is None or (isinstance(value, str) and value.strip() == ""):
        raise ValidationError(name, "is required (a whole number from 1 to 600)")
    try:
        number = int(str(value).strip())
    except ValueError:
        raise ValidationError(
            name, f"must be a whole number from 1 to 600, not {str(value)!r}"
        ) from None
    if not MINUTES_MIN <= number <= MINUTES_MAX:
        raise ValidationError(name, f"must be from 1 to 600, not {number}")
    return number


def parse_date(value, name: str = "date") -> str:
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
            try:
                day = dt.date.fromisoformat(text)
            except ValueError:
                day = None
            if day is None or len(text) != 10:
                raise ValidationError(
                    name, f"must be YYYY-MM-DD, 'today' or 'yesterday', not {str(value)!r}"
                )
    if day > today():
        raise ValidationError(name, f"{day.isoformat()} is in the future; log only past days")
    if day.year < 1900:
        raise ValidationError(name, f"{day.isoformat()} is before 1900")
    return day.isoformat()


def parse_symptoms(values) -> list[str]:
    """Symptom words from the fixed vocabulary; accepts a list or a '; ' or ',' separated string."""
    if values is None:
        return []
    items = values.replace(";", ",").split(",") if isinstance(values, str) else list(values)
    result: list[str] = []
    for raw in items:
        word = str(raw).strip().lower().replace("-", "_").replace(" ", "_")
        if not word:
            continue
        if word not in SYMPTOMS:
            raise ValidationError(
                "symptom", f"unknown symptom {str(raw).strip()!r}; allowed: {', '.join(SYMPTOMS)}"
            )
        if word not in result:
            result.append(word)
    return result


def parse_text(name: str, value, limit: int = TEXT_MAX) -> str | None:
    """Optional free text, stripped; None when empty."""
    if value is None:
        return None
    text = str(value).strip()
    if not text:
        return None
    if len(text) > limit:
        raise ValidationError(name, f"is {len(text)} characters long; at most {limit} are allowed")
    return text


def parse_activity(value) -> str:
    """The activity's name: required, free text."""
    text = parse_text("activity", value)
    if text is None:
        raise ValidationError("activity", "must not be empty (for example: walking)")
    return text


def infer_category(activity: str) -> str:
    """The category of a known activity; 'other' for anything we do not recognise."""
    return KNOWN_ACTIVITIES.get(activity.strip().lower(), "other")


def parse_category(value, activity: str) -> str:
    """An explicit category from the vocabulary, or the one inferred from the activity."""
    if value is None or str(value).strip() == "":
        return infer_category(activity)
    word = str(value).strip().lower().replace("-", "_").replace(" ", "_")
    if word not in CATEGORIES:
        raise ValidationError(
            "category", f"unknown category {str(value)!r}; allowed: {', '.join(CATEGORIES)}"
        )
    return word


def check_pain_order(worst, least, average) -> None:
    """least <= average <= worst wherever the values are given."""
    if least is not None and worst is not None and least > worst:
        raise ValidationError("least", f"least ({least}) must not be above worst ({worst})")
    if least is not None and least > average:
        raise ValidationError("least", f"least ({least}) must not be above average ({average})")
    if worst is not None and worst < average:
        raise ValidationError("worst", f"worst ({worst}) must not be below average ({average})")


def validate_pain(data: dict) -> PainEntry:
    """A PainEntry from raw user values (strings or numbers); raises ValidationError."""
    average = parse_score("average", data.get("average"), required=True)
    scores = {name: parse_score(name, data.get(name)) for name in PAIN_SCORE_FIELDS[1:]}
    check_pain_order(scores["worst"], scores["least"], average)
    return PainEntry(
        average=average,
        date=parse_date(data.get("date")),
        symptoms=parse_symptoms(data.get("symptoms")),
        locations=parse_text("locations", data.get("locations")),
        note=parse_text("note", data.get("note"), NOTE_MAX),
        logged_at=data.get("logged_at") or now_stamp(),
        id=data.get("id"),
        **scores,
    )


def validate_exercise(data: dict) -> ExerciseSession:
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
        note=parse_text("note", data.get("note"), NOTE_MAX),
        logged_at=data.get("logged_at") or now_stamp(),
        id=data.get("id"),
    )


def peg_score(average, activity, enjoyment) -> float | None:
    """The PEG score: mean of pain, interference with enjoyment and with general activity."""
    if average is None or activity is None or enjoyment is None:
        return None
    return round((average + activity + enjoyment) / 3, 2)


def describe_pain(row: dict) -> str:
    """'pain 5/10, worst 7, least 3; burning, tingling' from a pain row or entry fields."""
    parts = [f"pain {row['average']}/10"]
    parts += [f"{name} {row[name]}" for name in ("worst", "least") if row.get(name) is not None]
    text = ", ".join(parts)
    symptoms = row.get("symptoms") or []
    return f"{text}; {', '.join(s.replace('_', ' ') for s in symptoms)}" if symptoms else text


def describe_exercise(row: dict) -> str:
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
