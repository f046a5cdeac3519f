"""Medicines: the validators, the table's constraints, the store's reads and the migration."""

from __future__ import annotations

import sqlite3

import pytest

from tracker.kinds import kind_named
from tracker.models import (
    ValidationError,
    describe_dose,
    describe_med_change,
    describe_medicine,
    describe_side_effect,
    validate_dose,
    validate_med_change,
    validate_medicine,
    validate_side_effect,
)
from tracker.problems import UsageProblem
from tracker.store import SCHEMA_VERSION, Store, schema
from tracker.store import medicines as meds
from tracker.store.check import check

HOSTILE = ("[b]bold[/b]", "[@click=app.quit]x[/]", '=HYPERLINK("x")', "[left foot]")


def refused(validate, data, field: str, words: str = "") -> None:
    with pytest.raises(ValidationError) as caught:
        validate(data)
    assert caught.value.field == field, str(caught.value)
    assert words in caught.value.message


# ---- validators ---------------------------------------------------------------------------


def test_a_medicine_takes_its_vocabularies_in_any_case():
    medicine = validate_medicine(
        {"name": " Pregabalin ", "unit": "MG", "form": "Capsule", "schedule": "as needed"}
    )
    assert (medicine.name, medicine.unit, medicine.form) == ("Pregabalin", "mg", "capsule")
    assert medicine.schedule == "as_needed"
    assert validate_medicine({"name": "x", "unit": "µg"}).unit == "mcg"
    assert validate_medicine({"name": "x"}).schedule == "scheduled"


@pytest.mark.parametrize(
    ("data", "field", "words"),
    [
        ({"name": ""}, "name", "must not be empty"),
        ({"name": "x" * 81}, "name", "at most 80"),
        ({"name": "a\x1b[31m"}, "name", "control character"),
        ({"name": "x", "unit": "kg"}, "unit", "allowed: mg, mcg"),
        ({"name": "x", "form": "pill"}, "form", "allowed: tablet"),
        ({"name": "x", "schedule": "daily"}, "schedule", "scheduled, as_needed"),
        ({"name": "x", "date": "2999-01-01"}, "date", "future"),
    ],
)
def test_a_medicine_refuses_in_one_line(data, field, words):
    refused(validate_medicine, data, field, words)


@pytest.mark.parametrize(
    ("data", "field", "words"),
    [
        ({"change": "start"}, "medicine_id", "required"),
        ({"medicine_id": "0", "change": "start"}, "medicine_id", "from 1"),
        ({"medicine_id": "1", "change": "pause"}, "change", "start, dose, stop"),
        ({"medicine_id": "1", "change": "start", "strength": "0"}, "strength", "above 0"),
        ({"medicine_id": "1", "change": "start", "strength": "-5"}, "strength", "number above 0"),
        ({"medicine_id": "1", "change": "start", "strength": "1e3"}, "strength", "75 or 0.5"),
        ({"medicine_id": "1", "change": "start", "strength": "nan"}, "strength", "75 or 0.5"),
        ({"medicine_id": "1", "change": "start", "strength": "1,5"}, "strength", "75 or 0.5"),
        ({"medicine_id": "1", "change": "start", "strength": "200001"}, "strength", "at most"),
        (
            {"medicine_id": "1", "change": "start", "doses_per_day": "13"},
            "doses_per_day",
            "1 to 12",
        ),
        ({"medicine_id": "1", "change": "stop", "strength": "5"}, "strength", "a stop has no"),
        ({"medicine_id": "1", "change": "stop", "doses_per_day": "2"}, "doses_per_day", "stop"),
        ({"medicine_id": "1", "change": "dose"}, "strength", "needs a new strength"),
    ],
)
def test_a_change_refuses_in_one_line(data, field, words):
    refused(validate_med_change, data, field, words)


def test_a_change_keeps_decimals():
    change = validate_med_change(
        {"medicine_id": "2", "change": "dose", "strength": "37.5", "doses_per_day": "+2"}
    )
    assert (change.medicine_id, change.strength, change.doses_per_day) == (2, 37.5, 2)
    assert validate_med_change({"medicine_id": 1, "change": "Stop"}).change == "stop"


@pytest.mark.parametrize(
    ("data", "field", "words"),
    [
        ({}, "medicine_id", "required"),
        ({"medicine_id": "1", "time": "25:00"}, "time", "HH:MM"),
        ({"medicine_id": "1", "time": "8"}, "time", "HH:MM"),
        ({"medicine_id": "1", "status": "late"}, "status", "taken, skipped"),
        ({"medicine_id": "1", "status": "skipped", "amount": "5"}, "amount", "skipped"),
        ({"medicine_id": "1", "reason": "a\u0085b"}, "reason", "control character"),
    ],
)
def test_a_dose_refuses_in_one_line(data, field, words):
    refused(validate_dose, data, field, words)


def test_a_dose_reads_a_clock_time():
    dose = validate_dose({"medicine_id": "1", "time": "8:05", "amount": "0.5"})
    assert (dose.time, dose.status, dose.amount) == ("08:05", "taken", 0.5)


@pytest.mark.parametrize(
    ("data", "field", "words"),
    [
        ({"effects": "nausea"}, "bother", "required"),
        ({"effects": "nausea", "bother": "11"}, "bother", "0 to 10"),
        ({"effects": "itchy", "bother": "2"}, "effects", "unknown side effect"),
        ({"bother": "2"}, "effects", "at least one"),
        ({"effects": "", "other": "  ", "bother": "2"}, "effects", "at least one"),
    ],
)
def test_a_side_effect_refuses_in_one_line(data, field, words):
    refused(validate_side_effect, data, field, words)


def test_side_effect_words_in_any_spelling():
    entry = validate_side_effect({"effects": "Dry mouth; dizziness, dry_mouth", "bother": "4"})
    assert entry.effects == ["dry-mouth", "dizziness"] and entry.medicine_id is None


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_is_kept_verbatim_and_described_verbatim(text):
    medicine = validate_medicine({"name": text, "reason": text, "note": text})
    assert medicine.name == text and text in describe_medicine(medicine.as_row())
    change = validate_med_change({"medicine_id": 1, "change": "start", "reason": text})
    assert text in describe_med_change({**change.as_row(), "medicine_name": text})
    dose = validate_dose({"medicine_id": 1, "reason": text})
    assert text in describe_dose(dose.as_row())
    effect = validate_side_effect({"other": text, "bother": 3})
    assert text in describe_side_effect(effect.as_row())


def test_describers_say_it_in_a_few_words():
    assert (
        describe_medicine(
            {"name": "Pregabalin", "form": "capsule", "unit": "mg", "schedule": "scheduled"}
        )
        == "Pregabalin (capsule, mg), scheduled"
    )
    change = {"medicine_name": "Pregabalin", "unit": "mg", "change": "dose", "strength": 150.0}
    assert describe_med_change({**change, "doses_per_day": 2, "reason": "more pain"}) == (
        "Pregabalin: dose changed to 150 mg twice a day (more pain)"
    )
    assert describe_med_change({"medicine_id": 3, "change": "stop"}) == "medicine #3: stopped"
    assert describe_dose(
        {"medicine_name": "Paracetamol", "unit": "mg", "status": "taken", "time": "08:00",
         "amount": 500.0, "reason": "flare"}
    ) == "Paracetamol taken at 08:00, 500 mg (flare)"  # fmt: skip
    assert describe_side_effect({"effects": ["dry-mouth"], "bother": 4, "medicine_id": None}) == (
        "side effects: dry mouth; bother 4/10"
    )


# ---- the store ----------------------------------------------------------------------------


def stored(store: Store, name: str = "Pregabalin", schedule: str = "scheduled") -> int:
    medicine = validate_medicine(
        {"name": name, "unit": "mg", "form": "capsule", "schedule": schedule, "date": "2026-01-01"}
    )
    start = validate_med_change(
        {"medicine_id": 1, "change": "start", "strength": 75, "date": "2026-01-01",
         "doses_per_day": 2 if schedule == "scheduled" else None}
    )  # fmt: skip
    (medicine_id,) = meds.add_medicines(store, [medicine], [start])
    return medicine_id


def test_a_medicine_and_its_start_are_written_together(tmp_path):
    with Store.open(tmp_path / "d.db") as store:
        medicine_id = stored(store)
        (change,) = meds.changes(store, medicine_id)
        assert change["medicine_id"] == medicine_id and change["strength"] == 75.0
        with pytest.raises(UsageProblem, match="already in the diary"):
            stored(store, "PREGABALIN")
        assert store.count("medicine") == 1 and store.count("med_change") == 1


def test_the_regimen_on_a_day_is_the_latest_change(tmp_path):
    with Store.open(tmp_path / "d.db") as store:
        medicine_id = stored(store)
        for day, change, strength in [
            ("2026-01-15", "dose", 150),
            ("2026-01-15", "dose", 225),  # same day: the higher id wins
            ("2026-02-01", "stop", None),
        ]:
            store.add(
                validate_med_change(
                    {"medicine_id": medicine_id, "change": change, "strength": strength,
                     "date": day}
                )
            )  # fmt: skip
        assert meds.regimen_on(store, medicine_id, "2025-12-31") is None
        assert meds.regimen_on(store, medicine_id, "2026-01-14")["strength"] == 75
        assert meds.regimen_on(store, medicine_id, "2026-01-20")["strength"] == 225
        assert meds.regimen_on(store, medicine_id, "2026-02-01")["change"] == "stop"
        (regimen,) = meds.regimens(store, "2026-01-20")
        assert regimen["current"] and regimen["latest"]["strength"] == 225
        assert not meds.regimens(store, "2026-03-01")[0]["current"]
        assert [c["strength"] for c in meds.changes(store, start="2026-01-15")] == [
            150,
            225,
            None,
        ]


def test_doses_and_side_effects_by_range_and_medicine(tmp_path):
    with Store.open(tmp_path / "d.db") as store:
        first, second = stored(store), stored(store, "Paracetamol", "as_needed")
        for day, medicine_id, status in [
            ("2026-01-02", first, "taken"),
            ("2026-01-02", first, "skipped"),
            ("2026-01-03", second, "taken"),
        ]:
            store.add(validate_dose({"medicine_id": medicine_id, "status": status, "date": day}))
        store.add(validate_side_effect({"effects": "nausea", "bother": 3, "date": "2026-01-03"}))
        assert len(meds.doses(store, "2026-01-02", "2026-01-02")) == 2
        assert [d["status"] for d in meds.doses(store, medicine_id=second)] == ["taken"]
        (effect,) = meds.side_effects(store, "2026-01-03")
        assert effect["effects"] == ["nausea"] and effect["medicine_id"] is None
        named = meds.with_medicine_names(store, meds.doses(store))
        assert named[2]["medicine_name"] == "Paracetamol" and named[2]["unit"] == "mg"
        assert meds.find_medicine(store, " paracetamol ")["id"] == second
        assert meds.find_medicine(store, str(first))["name"] == "Pregabalin"
        assert meds.find_medicine(store, "aspirin") is None
        assert meds.referring(store, first) == {"med_change": 1, "dose": 2}


def test_a_medicine_in_use_is_not_deleted(tmp_path):
    with Store.open(tmp_path / "d.db") as store:
        medicine_id = stored(store)
        with pytest.raises(UsageProblem, match="still referred to by 1 medicine change;"):
            store.delete("medicine", medicine_id)
        assert store.count("medicine") == 1
        (change,) = meds.changes(store, medicine_id)
        assert store.delete("med_change", change["id"])
        assert store.delete("medicine", medicine_id)


def test_the_tables_refuse_what_the_validators_refuse(tmp_path):
    """The CHECK constraints and foreign keys hold even for a write that skips the models."""
    path = tmp_path / "d.db"
    with Store.open(path) as store:
        stored(store)
        bad = [
            "INSERT INTO medicine (date, logged_at, name, unit) "
            "VALUES ('2026-01-01', 'x', 'a', 'kg')",
            "INSERT INTO medicine (date, logged_at, name) VALUES ('2026-01-01', 'x', 'pregabalin')",
            "INSERT INTO med_change (date, logged_at, medicine_id, change, strength) "
            "VALUES ('2026-01-01', 'x', 1, 'stop', 5)",
            "INSERT INTO dose (date, logged_at, medicine_id) VALUES ('2026-01-01', 'x', 99)",
            "INSERT INTO dose (date, logged_at, medicine_id, status, amount) "
            "VALUES ('2026-01-01', 'x', 1, 'skipped', 5)",
            "INSERT INTO med_change (date, logged_at, medicine_id, change) "
            "VALUES ('2026-01-01', 'x', 1, 'dose')",
            "INSERT INTO dose (date, logged_at, medicine_id, time) "
            "VALUES ('2026-01-01', 'x', 1, '24:00')",
            "INSERT INTO side_effect (date, logged_at, bother) VALUES ('2026-01-01', 'x', 3)",
        ]  # fmt: skip
        for sql in bad:
            with pytest.raises(sqlite3.IntegrityError):
                store.conn.execute(sql)


def test_check_names_a_damaged_medicine_row(tmp_path):
    path = tmp_path / "d.db"
    with Store.open(path) as store:
        stored(store)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA ignore_check_constraints = ON")
    conn.execute("UPDATE med_change SET change = 'pause'")
    conn.commit()
    conn.close()
    with Store.open(path) as store:
        report = check(store)
        assert report.damaged_rows == 1
        assert (
            "med_change row 1: change 'pause' is not one of start, dose, stop"
            in (report.row_problems[0])
        )
        with pytest.raises(Exception, match="med_change row 1 is damaged"):
            meds.changes(store)


def test_a_schema_4_diary_gains_the_tables_and_keeps_its_rows(tmp_path):
    from tests.unit.test_migrations import make_old_database

    path = tmp_path / "v4.db"
    make_old_database(path, stop_before="m005_medicines")
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == 4
    with Store.open(path) as store:
        assert store.count("pain") == 2 and store.count("exercise") == 1
        assert store.count("medicine") == 0
        stored(store)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION  # the latest
    indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    assert {"dose_date", "dose_medicine", "med_change_medicine", "medicine_name"} <= indexes
    assert schema.MIGRATION_NAMES[4] == "m005_medicines"


def test_every_medicine_kind_round_trips_through_the_store(tmp_path):
    with Store.open(tmp_path / "d.db") as store:
        medicine_id = stored(store)
        for name, data in [
            ("dose", {"medicine_id": medicine_id, "time": "20:00", "amount": "150"}),
            ("side_effect", {"effects": ["dizziness"], "bother": 5, "medicine_id": medicine_id}),
        ]:
            of = kind_named(name)
            entry = of.validate(data)
            row = store.get(name, store.add(entry))
            assert row is not None
            assert of.describe(row) == of.describe(entry.as_row())


# ---- the sample ---------------------------------------------------------------------------


def test_the_sample_has_a_titration_a_stop_missed_doses_and_leaves_pain_alone(tmp_path):
    import datetime as dt

    from tracker.sample import write_sample

    end = dt.date(2026, 6, 30)
    plain, with_medicines = tmp_path / "plain.db", tmp_path / "meds.db"
    assert write_sample(plain, days=200, seed=4, end=end) == write_sample(
        with_medicines, days=200, seed=4, end=end, medicines=True
    )
    with Store.open(plain) as a, Store.open(with_medicines) as b:
        assert a.pain_rows() == b.pain_rows() and a.exercise_rows() == b.exercise_rows()
        assert a.count("dose") == 0
        regimens = {r["medicine"]["name"]: r for r in meds.regimens(b, end.isoformat())}
        assert set(regimens) == {"Paracetamol", "Amitriptyline", "Pregabalin"}
        pregabalin = regimens["Pregabalin"]["medicine"]["id"]
        strengths = [c["strength"] for c in meds.changes(b, pregabalin)]
        assert strengths == [75.0, 150.0, 300.0] and regimens["Pregabalin"]["current"]
        stop = regimens["Amitriptyline"]["latest"]
        assert stop["change"] == "stop" and stop["reason"] == "side effects"
        doses = meds.doses(b)
        assert any(d["status"] == "skipped" and d["reason"] for d in doses)
        as_needed = [
            d for d in doses if d["medicine_id"] == regimens["Paracetamol"]["medicine"]["id"]
        ]
        assert as_needed and all(d["reason"] for d in as_needed)
        assert len(meds.side_effects(b)) >= 3
        assert check(b).ok
