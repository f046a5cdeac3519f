"""The registry of entry kinds: everything tracker knows about a kind, declared in one place.

A kind is something a person logs (a pain entry, an exercise session, and the ones to come).
Each declares here its model and validator (from `tracker.models`, the one validation path),
its describer, its store table and columns, its CSV columns, the form the app opens for it
and the nouns every front door says. The store, CSV export and import, the data dictionary,
`list`/`edit`/`delete`, History and the app's forms all work from this registry, so adding a
kind touches this module and the kind's own code (its model, its migration, its form, its
`tracker KIND` and `tracker edit KIND` commands), not every layer. CONTRIBUTING.md walks
through it.

Headless: this module imports only the standard library and `tracker.models`. The app's form
is named as "module:Class" (a string), so the registry never imports Textual; the app
imports it when the form is opened.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from tracker.models import (
    CATEGORIES,
    CHANGES,
    DOSE_STATUSES,
    DOSES_PER_DAY_MAX,
    DOSES_PER_DAY_MIN,
    EXERCISE_SCORE_FIELDS,
    FORMS,
    MED_SCORE_FIELDS,
    MINUTES_MAX,
    MINUTES_MIN,
    NAME_MAX,
    PAIN_SCORE_FIELDS,
    SCHEDULES,
    SIDE_EFFECTS,
    SOURCES,
    SYMPTOMS,
    UNITS,
    Entry,
    ExerciseSession,
    PainEntry,
    describe_exercise,
    describe_pain,
    validate_exercise,
    validate_pain,
)


@dataclass(frozen=True)
class Kind:
    """One kind of entry, as every layer of tracker needs to know it."""

    #: The word for it in commands, CSV files and JSON ("pain": `tracker edit pain 3`).
    name: str
    #: The SQLite table that holds it (only `tracker.store` writes SQL with it).
    table: str
    #: The validated entry type (a dataclass in `tracker.models`), or "module:Class" for a
    #: model imported when first needed (`entry_type`), off the one-line-log path.
    model: type[Entry] | str
    #: Raw values (strings or numbers) -> a validated entry, or ValidationError.
    validate: Callable[[Mapping[str, Any]], Entry]
    #: A stored row (or an entry's fields) in a few words: "pain 5/10, worst 7; burning".
    describe: Callable[[Mapping[str, Any]], str]
    #: The stored columns, in order: the store's reads, the CSV export and import header.
    columns: tuple[str, ...]
    #: The columns an imported CSV must have.
    required: tuple[str, ...]
    #: 0-10 scores (the store's damage checks; `required_score` must be present).
    scores: tuple[str, ...]
    #: Free text: neutralised for spreadsheets on export, restored on import, named (not
    #: shown) when an import finds it changed.
    text: tuple[str, ...]
    #: Columns stored as comma-joined words from a vocabulary ("symptoms").
    word_lists: tuple[str, ...]
    #: Singular and plural noun ("pain entry", "pain entries").
    noun: str
    plural: str
    #: What the kind's export holds, in a few words (export dialog, data dictionary).
    export_purpose: str
    #: The app's form for it, "module:Class" (imported by the app only); "" while the kind
    #: has no form yet (History then leaves it out, and `tracker edit` still covers it).
    form: str
    #: Kind-specific checks of a stored row beyond dates, scores and text (store.rows).
    stored_damage: Callable[[Mapping[str, Any]], str | None]
    #: The score that must be present ("average"), if any.
    required_score: str | None = None
    #: Yes/no columns, stored as 0 or 1 and read as bool ("for_doctor").
    flags: tuple[str, ...] = ()
    #: Columns that hold the id of another kind's row: (column, kind), e.g. a dose's
    #: ("medicine_id", "medicine"). The table has a foreign key; import checks each one, and
    #: a row others refer to is not deleted while they do.
    references: tuple[tuple[str, str], ...] = ()
    #: Columns holding decimal numbers (REAL): written as plain numbers on export.
    decimals: tuple[str, ...] = ()
    #: An entry of a day's log (pain, a session, a dose): it counts for `tracker remind` and
    #: the diary's first and last day. False for the regimen's records (a medicine, its
    #: changes), whose dates may lie long before the diary began.
    daily_log: bool = True
    #: Export restricts it to a date range (--from/--to). False for a kind other tables refer
    #: to (medicine): all of it is always exported, so a range's references stay whole.
    ranged: bool = True

    def entry_type(self) -> type[Entry]:
        """The model class (imported on first use when declared as "module:Class")."""
        if not isinstance(self.model, str):
            return self.model
        found = _MODELS.get(self.model)
        if found is None:
            import importlib

            module, _, name = self.model.partition(":")
            found = _MODELS[self.model] = getattr(importlib.import_module(module), name)
        return found

    @property
    def title(self) -> str:
        """The noun at the start of a sentence: "Pain entry"."""
        return self.noun[:1].upper() + self.noun[1:]

    def count(self, n: int) -> str:
        """'1 pain entry', '3 pain entries'."""
        return f"{n} {self.noun if n == 1 else self.plural}"

    def stored_values(self, entry: Entry) -> dict[str, Any]:
        """The entry's values as the store writes them (no id; word lists comma-joined)."""
        values = {name: getattr(entry, name) for name in self.columns if name != "id"}
        for name in self.word_lists:
            values[name] = ",".join(values[name] or [])
        for name in self.flags:
            values[name] = int(bool(values[name]))
        return values


_MODELS: dict[str, type[Entry]] = {}


def _from_medicines(name: str) -> Callable[[Mapping[str, Any]], Any]:
    """`tracker.models.medicines.NAME`, imported when first called (see `Kind.model`)."""

    def call(data: Mapping[str, Any]) -> Any:
        from tracker.models import medicines

        return getattr(medicines, name)(data)

    call.__name__ = call.__qualname__ = name
    return call


# ---- pain -----------------------------------------------------------------------------------
_SYMPTOM_SET = frozenset(SYMPTOMS)


def _word_list_damage(
    row: Mapping[str, Any], column: str, vocabulary: frozenset[str], what: str
) -> str | None:
    """A word-list column (stored comma-joined, read as a list) holding a word outside its
    vocabulary, or not a list at all."""
    value = row.get(column, "")
    if value is None or not isinstance(value, str | list):
        return f"{column} {value!r} is not a list of {what}"
    words = value.split(",") if isinstance(value, str) else value
    unknown = [w for w in words if w and w not in vocabulary]
    if unknown:
        return f"{column} holds an unknown word {unknown[0]!r}"
    return None


def _pain_damage(row: Mapping[str, Any]) -> str | None:
    return _word_list_damage(row, "symptoms", _SYMPTOM_SET, "symptoms")


PAIN = Kind(
    name="pain",
    table="pain",
    model=PainEntry,
    validate=validate_pain,
    describe=describe_pain,
    columns=(
        "id",
        "date",
        "logged_at",
        "average",
        "worst",
        "least",
        "sleep_interference",
        "activity_interference",
        "enjoyment_interference",
        "symptoms",
        "locations",
        "note",
        "for_doctor",
    ),
    required=("date", "average"),
    scores=PAIN_SCORE_FIELDS,
    required_score="average",
    text=("symptoms", "locations", "note"),
    word_lists=("symptoms",),
    noun="pain entry",
    plural="pain entries",
    export_purpose="every pain entry as logged",
    form="tracker.tui.screens.pain_form:PainForm",
    stored_damage=_pain_damage,
    flags=("for_doctor",),
)


# ---- exercise -------------------------------------------------------------------------------
_CATEGORY_SET = frozenset(CATEGORIES)
_SOURCE_SET = frozenset(SOURCES)


def _exercise_damage(row: Mapping[str, Any]) -> str | None:
    if "activity" in row and (not isinstance(row["activity"], str) or not row["activity"]):
        return f"activity {row['activity']!r} is not a name"
    if "category" in row and row["category"] not in _CATEGORY_SET:
        return f"category {row['category']!r} is not one of {', '.join(CATEGORIES)}"
    minutes = row.get("minutes", MINUTES_MIN)
    if type(minutes) is not int or not MINUTES_MIN <= minutes <= MINUTES_MAX:
        return f"minutes {minutes!r} is not a whole number from {MINUTES_MIN} to {MINUTES_MAX}"
    if row.get("source") is not None and row["source"] not in _SOURCE_SET:
        return f"source {row['source']!r} is not one of {', '.join(SOURCES)}"
    return _started_damage(row.get("started_at"))


def _started_damage(started: object) -> str | None:
    """An imported session's start: None, or an ISO 8601 date and time."""
    if started is None:
        return None
    try:
        if isinstance(started, str):
            dt.datetime.fromisoformat(started)
            return None
    except ValueError:
        pass
    return f"started_at {started!r} is not a date and time"


EXERCISE = Kind(
    name="exercise",
    table="exercise",
    model=ExerciseSession,
    validate=validate_exercise,
    describe=describe_exercise,
    columns=(
        "id",
        "date",
        "logged_at",
        "activity",
        "category",
        "minutes",
        "rpe",
        "pain_before",
        "pain_after",
        "note",
        "for_doctor",
        # imported sessions only (`tracker import`): the app, its id, the start as given
        "source",
        "source_id",
        "started_at",
    ),
    required=("date", "activity", "minutes"),
    scores=EXERCISE_SCORE_FIELDS,
    text=("activity", "category", "note", "source_id"),
    word_lists=(),
    noun="exercise session",
    plural="exercise sessions",
    export_purpose="every exercise session as logged",
    form="tracker.tui.screens.exercise_form:ExerciseForm",
    stored_damage=_exercise_damage,
    flags=("for_doctor",),
)


# ---- medicines -----------------------------------------------------------------------------
def _is_id(value: object) -> bool:
    return type(value) is int and value >= 1


def _is_amount(value: object) -> bool:
    return type(value) in (int, float) and 0 < value <= 100000  # type: ignore[operator]


def _one_of(name: str, row: Mapping[str, Any], allowed: tuple[str, ...], empty: bool) -> str | None:
    """A vocabulary column holding something else (None allowed when `empty`)."""
    if name not in row or (empty and row[name] is None) or row[name] in allowed:
        return None
    return f"{name} {row[name]!r} is not one of {', '.join(allowed)}"


def _medicine_damage(row: Mapping[str, Any]) -> str | None:
    if "name" in row:
        name = row["name"]
        if not isinstance(name, str) or not 0 < len(name) <= NAME_MAX:
            return f"name {name!r} is not a name of 1-{NAME_MAX} characters"
    return (
        _one_of("unit", row, UNITS, empty=True)
        or _one_of("form", row, FORMS, empty=True)
        or _one_of("schedule", row, SCHEDULES, empty=False)
    )


def _reference_damage(row: Mapping[str, Any], required: bool = True) -> str | None:
    if "medicine_id" not in row or (not required and row["medicine_id"] is None):
        return None
    if not _is_id(row["medicine_id"]):
        return f"medicine_id {row['medicine_id']!r} is not the id of a medicine"
    return None


def _change_damage(row: Mapping[str, Any]) -> str | None:
    problem = _reference_damage(row) or _one_of("change", row, CHANGES, empty=False)
    if problem:
        return problem
    strength = row.get("strength")
    if strength is not None and not _is_amount(strength):
        return f"strength {strength!r} is not an amount above 0"
    doses = row.get("doses_per_day")
    if doses is not None and (
        type(doses) is not int or not DOSES_PER_DAY_MIN <= doses <= DOSES_PER_DAY_MAX
    ):
        return (
            f"doses_per_day {doses!r} is not a whole number from {DOSES_PER_DAY_MIN} "
            f"to {DOSES_PER_DAY_MAX}"
        )
    return None


def _dose_damage(row: Mapping[str, Any]) -> str | None:
    problem = _reference_damage(row) or _one_of("status", row, DOSE_STATUSES, empty=False)
    if problem:
        return problem
    amount = row.get("amount")
    if amount is not None and not _is_amount(amount):
        return f"amount {amount!r} is not an amount above 0"
    time = row.get("time")
    if time is not None and not (
        isinstance(time, str)
        and len(time) == 5
        and time[2] == ":"
        and time.replace(":", "").isdigit()
    ):
        return f"time {time!r} is not a clock time (HH:MM)"
    return None


_SIDE_EFFECT_SET = frozenset(SIDE_EFFECTS)


def _side_effect_damage(row: Mapping[str, Any]) -> str | None:
    problem = _reference_damage(row, required=False)
    if problem:
        return problem
    return _word_list_damage(row, "effects", _SIDE_EFFECT_SET, "side effects")


MEDICINE = Kind(
    name="medicine",
    table="medicine",
    model="tracker.models.medicines:Medicine",
    validate=_from_medicines("validate_medicine"),
    describe=_from_medicines("describe_medicine"),
    columns=("id", "date", "logged_at", "name", "unit", "form", "schedule", "reason", "note"),
    required=("date", "name"),
    scores=(),
    text=("name", "unit", "form", "schedule", "reason", "note"),
    word_lists=(),
    noun="medicine",
    plural="medicines",
    export_purpose="every medicine, whatever the dates (the other medicine tables refer to it)",
    form="tracker.tui.screens.medicine_forms:MedicineForm",
    stored_damage=_medicine_damage,
    daily_log=False,
    ranged=False,
)

MED_CHANGE = Kind(
    name="med_change",
    table="med_change",
    model="tracker.models.medicines:MedChange",
    validate=_from_medicines("validate_med_change"),
    describe=_from_medicines("describe_med_change"),
    columns=(
        "id",
        "date",
        "logged_at",
        "medicine_id",
        "change",
        "strength",
        "doses_per_day",
        "reason",
        "note",
    ),
    required=("date", "medicine_id", "change"),
    scores=(),
    text=("change", "reason", "note"),
    word_lists=(),
    noun="medicine change",
    plural="medicine changes",
    export_purpose="every medicine change (start, dose, stop) as logged",
    form="tracker.tui.screens.medicine_forms:MedChangeForm",
    stored_damage=_change_damage,
    references=(("medicine_id", "medicine"),),
    decimals=("strength",),
    daily_log=False,
)

DOSE = Kind(
    name="dose",
    table="dose",
    model="tracker.models.medicines:Dose",
    validate=_from_medicines("validate_dose"),
    describe=_from_medicines("describe_dose"),
    columns=(
        "id",
        "date",
        "logged_at",
        "medicine_id",
        "time",
        "status",
        "amount",
        "reason",
        "note",
    ),
    required=("date", "medicine_id", "status"),
    scores=(),
    text=("time", "status", "reason", "note"),
    word_lists=(),
    noun="dose",
    plural="doses",
    export_purpose="every dose taken or skipped, as logged",
    form="tracker.tui.screens.medicine_forms:DoseForm",
    stored_damage=_dose_damage,
    references=(("medicine_id", "medicine"),),
    decimals=("amount",),
)

SIDE_EFFECT = Kind(
    name="side_effect",
    table="side_effect",
    model="tracker.models.medicines:SideEffect",
    validate=_from_medicines("validate_side_effect"),
    describe=_from_medicines("describe_side_effect"),
    columns=("id", "date", "logged_at", "medicine_id", "effects", "other", "bother", "note"),
    required=("date", "bother"),
    scores=MED_SCORE_FIELDS,
    required_score="bother",
    text=("effects", "other", "note"),
    word_lists=("effects",),
    noun="side effect entry",
    plural="side effect entries",
    export_purpose="every side effect entry as logged",
    form="tracker.tui.screens.medicine_forms:SideEffectForm",
    stored_damage=_side_effect_damage,
    references=(("medicine_id", "medicine"),),
)


# ---- symptom ratings on another app's 0-4 scale (Bearable, Flaredown) ---------------------
def _from_symptom_ratings(name: str) -> Callable[[Mapping[str, Any]], Any]:
    """`tracker.models.symptom_ratings.NAME`, imported when first called."""

    def call(data: Mapping[str, Any]) -> Any:
        from tracker.models import symptom_ratings

        return getattr(symptom_ratings, name)(data)

    call.__name__ = call.__qualname__ = name
    return call


def _symptom_rating_damage(row: Mapping[str, Any]) -> str | None:
    severity = row.get("severity", 0)
    if type(severity) is not int or not 0 <= severity <= 4:
        return f"severity {severity!r} is not a whole number from 0 to 4"
    for name in ("name", "scale"):
        if name in row and (not isinstance(row[name], str) or not row[name]):
            return f"{name} {row[name]!r} is not a name"
    return None


#: Not a 0-10 score: `scores` is empty on purpose, so no 0-10 check, average or chart ever
#: reads it; `severity` is checked 0-4 by its own damage check and the table's CHECK.
SYMPTOM_RATING = Kind(
    name="symptom_rating",
    table="symptom_rating",
    model="tracker.models.symptom_ratings:SymptomRating",
    validate=_from_symptom_ratings("validate_symptom_rating"),
    describe=_from_symptom_ratings("describe_symptom_rating"),
    columns=("id", "date", "logged_at", "name", "severity", "scale", "source", "note"),
    required=("date", "name", "severity", "scale"),
    scores=(),
    text=("name", "scale", "source", "note"),
    word_lists=(),
    noun="symptom rating",
    plural="symptom ratings",
    export_purpose="every 0-4 symptom rating brought in from another app, on its own scale",
    form="",
    stored_damage=_symptom_rating_damage,
    # Brought in from another app, often years old: not a day logged in tracker (remind, the
    # diary's first and last day).
    daily_log=False,
)


# ---- the registry ---------------------------------------------------------------------------
#: Every kind, by name, in the order front doors list them.
KINDS: dict[str, Kind] = {
    kind.name: kind
    for kind in (PAIN, EXERCISE, MEDICINE, MED_CHANGE, DOSE, SIDE_EFFECT, SYMPTOM_RATING)
}
#: The names, for click choices and messages.
KIND_NAMES: tuple[str, ...] = tuple(KINDS)


class UnknownKind(ValueError):
    """A kind name that is not registered (a programming error or a damaged request)."""


def kind_named(name: str) -> Kind:
    """The registered kind called `name`; UnknownKind names the ones there are."""
    try:
        return KINDS[name]
    except KeyError:
        raise UnknownKind(
            f"unknown kind {name!r}; expected {', '.join(KIND_NAMES[:-1])} or {KIND_NAMES[-1]}"
        ) from None


def kind_of(entry: object) -> Kind:
    """The kind of a validated entry, from its type (never guessed from its fields)."""
    for candidate in KINDS.values():
        if type(entry) is candidate.entry_type():
            return candidate
    raise UnknownKind(f"{type(entry).__name__} is not a registered kind of entry")


def every_kind() -> Iterator[Kind]:
    return iter(KINDS.values())


def with_forms() -> tuple[Kind, ...]:
    """The kinds the app has a form for (History lists these)."""
    return tuple(of for of in KINDS.values() if of.form)


def referring_to(kind_name: str) -> tuple[tuple[Kind, str], ...]:
    """(kind, column) of every kind whose rows refer to rows of `kind_name`."""
    return tuple(
        (of, column)
        for of in KINDS.values()
        for column, target in of.references
        if target == kind_name
    )
