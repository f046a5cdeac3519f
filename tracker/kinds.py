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
    EXERCISE_SCORE_FIELDS,
    MINUTES_MAX,
    MINUTES_MIN,
    PAIN_SCORE_FIELDS,
    SOURCES,
    SYMPTOMS,
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
    #: The validated entry type (a dataclass in `tracker.models`).
    model: type[Entry]
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
    #: The app's form for it, "module:Class" (imported by the app only).
    form: str
    #: Kind-specific checks of a stored row beyond dates, scores and text (store.rows).
    stored_damage: Callable[[Mapping[str, Any]], str | None]
    #: The score that must be present ("average"), if any.
    required_score: str | None = None
    #: Yes/no columns, stored as 0 or 1 and read as bool ("for_doctor").
    flags: tuple[str, ...] = ()

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


# ---- pain -----------------------------------------------------------------------------------
_SYMPTOM_SET = frozenset(SYMPTOMS)


def _pain_damage(row: Mapping[str, Any]) -> str | None:
    symptoms = row.get("symptoms", "")
    if symptoms is None or not isinstance(symptoms, str | list):
        return f"symptoms {symptoms!r} is not a list of symptoms"
    words = symptoms.split(",") if isinstance(symptoms, str) else symptoms
    unknown = [w for w in words if w and w not in _SYMPTOM_SET]
    if unknown:
        return f"symptoms holds an unknown word {unknown[0]!r}"
    return None


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


# ---- the registry ---------------------------------------------------------------------------
#: Every kind, by name, in the order front doors list them.
KINDS: dict[str, Kind] = {kind.name: kind for kind in (PAIN, EXERCISE)}
#: The names, for click choices and messages.
KIND_NAMES: tuple[str, ...] = tuple(KINDS)


class UnknownKind(ValueError):
    """A kind name that is not registered (a programming error or a damaged request)."""


def kind_named(name: str) -> Kind:
    """The registered kind called `name`; UnknownKind names the ones there are."""
    try:
        return KINDS[name]
    except KeyError:
        raise UnknownKind(f"unknown kind {name!r}; expected {' or '.join(KIND_NAMES)}") from None


def kind_of(entry: object) -> Kind:
    """The kind of a validated entry, from its type (never guessed from its fields)."""
    for candidate in KINDS.values():
        if type(entry) is candidate.model:
            return candidate
    raise UnknownKind(f"{type(entry).__name__} is not a registered kind of entry")


def every_kind() -> Iterator[Kind]:
    return iter(KINDS.values())
