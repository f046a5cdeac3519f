"""The registry of entry kinds (`tracker.kinds`): every layer agrees with what a kind declares."""

from __future__ import annotations

import importlib
import sqlite3
from dataclasses import dataclass

import pytest

from tracker.exchange.csv_export import TABLES as EXPORT_TABLES
from tracker.exchange.dictionary import TABLES as DICTIONARY_TABLES
from tracker.kinds import KIND_NAMES, KINDS, UnknownKind, kind_named, kind_of, with_forms
from tracker.models import ExerciseSession, PainEntry
from tracker.store import Store


@pytest.mark.parametrize("name", KIND_NAMES)
def test_the_store_has_the_table_and_columns_a_kind_declares(tmp_path, name):
    of = KINDS[name]
    Store.open(tmp_path / "d.db").close()
    conn = sqlite3.connect(tmp_path / "d.db")
    try:
        stored = [row[1] for row in conn.execute(f"PRAGMA table_info({of.table})")]
    finally:
        conn.close()
    assert set(of.columns) <= set(stored), f"{name}: columns the table lacks"
    assert set(of.required) <= set(of.columns)
    assert set(of.text) | set(of.word_lists) | set(of.scores) <= set(of.columns)


@pytest.mark.parametrize("name", KIND_NAMES)
def test_every_column_of_a_kind_is_exported_and_documented(name):
    of = KINDS[name]
    assert EXPORT_TABLES[name] == of.columns
    purpose, documented = DICTIONARY_TABLES[name]
    assert of.noun in purpose
    assert list(documented) == list(of.columns), f"{name}: the data dictionary differs"


@pytest.mark.parametrize("name", KIND_NAMES)
def test_a_kind_names_a_form_for_itself(name):
    from tracker.tui.screens.form import EntryForm

    if not KINDS[name].form:  # no form yet: History leaves it out, `tracker edit` covers it
        assert name not in {of.name for of in with_forms()}
        assert name in {"medicine", "med_change", "dose", "side_effect", "symptom_rating"}
        return
    module, _, attribute = KINDS[name].form.partition(":")
    form = getattr(importlib.import_module(module), attribute)
    assert issubclass(form, EntryForm) and name == form.KIND


def test_a_stored_entry_round_trips_through_its_kind(tmp_path):
    pain = kind_named("pain").validate({"average": "5", "symptoms": "burning; cold"})
    session = kind_named("exercise").validate({"activity": "walking", "minutes": "30"})
    with Store.open(tmp_path / "d.db") as store:
        ids = [store.add(pain), store.add(session)]
        for entry, entry_id in zip((pain, session), ids, strict=True):
            of = kind_of(entry)
            row = store.get(of.name, entry_id)
            assert row is not None
            assert of.describe(row) == of.describe(entry.as_row())
    assert kind_of(pain).count(1) == "1 pain entry"
    assert kind_of(session).count(2) == "2 exercise sessions"
    assert kind_of(session).title == "Exercise session"


def test_an_unregistered_kind_is_refused_never_taken_for_another():
    @dataclass
    class Vitamin:
        name: str
        date: str = ""
        logged_at: str = ""
        id: int | None = None

    with pytest.raises(UnknownKind):
        kind_of(Vitamin("x"))
    with pytest.raises(UnknownKind, match="expected pain, exercise, .* or symptom_rating"):
        kind_named("vitamin")
    assert isinstance(kind_of(PainEntry(average=1)), object)
    assert kind_of(ExerciseSession(activity="walking", minutes=5)).name == "exercise"


def test_a_session_built_in_code_gets_the_category_its_activity_implies():
    assert ExerciseSession(activity="Walking", minutes=5).category == "aerobic"
    assert ExerciseSession(activity="juggling", minutes=5).category == "other"
