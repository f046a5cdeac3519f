"""Notes marked for the doctor: the `for_doctor` column from the model to the CSV and back."""

from __future__ import annotations

import sqlite3

import pytest
from test_migrations import make_old_database

from tracker.exchange.csv_export import export_file
from tracker.exchange.csv_import import import_file
from tracker.kinds import every_kind
from tracker.models import ValidationError, parse_flag, validate_exercise, validate_pain
from tracker.store import SCHEMA_VERSION, Store, schema


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1", True),
        ("0", False),
        ("true", True),
        ("False", False),
        (" YES ", True),
        ("no", False),
        ("", False),
        (None, False),
        (True, True),
        (0, False),
        (1, True),
    ],
)
def test_parse_flag_takes_the_usual_spellings(raw, expected):
    assert parse_flag("for_doctor", raw) is expected


@pytest.mark.parametrize("raw", ["2", "maybe", "ja", "1.0", "-1", 2, "\x00"])
def test_parse_flag_refuses_anything_else(raw):
    with pytest.raises(ValidationError, match="for_doctor: must be 1 or 0"):
        parse_flag("for_doctor", raw)


def test_every_kind_has_the_column_last():
    """Pain and exercise notes are marked for the visit (only columns added by later
    migrations follow the mark); the medicine kinds (the agreed medicines schema) have none."""
    later = {"exercise": ("source", "source_id", "started_at")}
    for of in every_kind():
        if of.name in ("pain", "exercise"):
            after = of.columns[of.columns.index("for_doctor") + 1 :]
            assert after == later.get(of.name, ()) and of.flags == ("for_doctor",)
        else:
            assert "for_doctor" not in of.columns and of.flags == ()


def test_a_schema_3_diary_migrates_with_rows_intact_and_a_copy_first(tmp_path):
    path = tmp_path / "old.db"
    make_old_database(path, stop_before="m004_for_doctor")
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == 3
    with Store.open(path) as store:
        pain, exercise = store.pain_rows(), store.exercise_rows()
    assert [row["average"] for row in pain] == [6, 5] and exercise[0]["minutes"] == 30
    assert all(row["for_doctor"] is False for row in [*pain, *exercise])
    (copy,) = tmp_path.glob(f"old.db.before-schema-{SCHEMA_VERSION}.*.bak")
    old = sqlite3.connect(copy)
    assert old.execute("PRAGMA user_version").fetchone()[0] == 3
    assert "for_doctor" not in [r[1] for r in old.execute("PRAGMA table_info(pain)")]
    conn = sqlite3.connect(path)
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("UPDATE pain SET for_doctor = 2")


def test_cli_marks_and_unmarks(invoke, db_path):
    out = invoke("pain", "5", "--note", "ask about sleep", "--for-doctor")
    assert out.exit_code == 0 and "(note for the doctor)" in out.output
    assert invoke("exercise", "walking", "30", "--for-doctor").exit_code == 0
    with Store.open(db_path) as store:
        assert store.get("pain", 1)["for_doctor"] is True
        assert store.get("exercise", 1)["for_doctor"] is True
    assert invoke("edit", "pain", "1", "--worst", "7").exit_code == 0  # kept when not named
    assert invoke("edit", "exercise", "1", "--not-for-doctor").exit_code == 0
    with Store.open(db_path) as store:
        assert store.get("pain", 1)["for_doctor"] is True
        assert store.get("exercise", 1)["for_doctor"] is False
    assert invoke("edit", "pain", "1", "--not-for-doctor").exit_code == 0
    with Store.open(db_path) as store:
        assert store.get("pain", 1)["for_doctor"] is False


def test_csv_round_trip_and_files_without_the_column(db_path, tmp_path):
    with Store.open(db_path) as store:
        store.add_many(
            [validate_pain({"date": "2024-06-01", "average": 4, "note": "x", "for_doctor": "1"})],
            [validate_exercise({"date": "2024-06-01", "activity": "yoga", "minutes": 20})],
        )
        export_file(store, "pain", tmp_path / "pain.csv")
    lines = (tmp_path / "pain.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0].endswith(",note,for_doctor") and lines[1].endswith(",x,1")
    fresh = tmp_path / "fresh.db"
    with Store.open(fresh) as store:
        assert import_file(store, tmp_path / "pain.csv").added == 1
        assert store.pain_rows()[0]["for_doctor"] is True
        assert import_file(store, tmp_path / "pain.csv").skipped == 1  # the same entry
    old = tmp_path / "old.csv"
    old.write_text("date,activity,minutes,note\r\n2024-06-02,walking,30,\r\n", encoding="utf-8")
    with Store.open(fresh) as store:
        assert import_file(store, old).added == 1
        assert store.exercise_rows()[0]["for_doctor"] is False
    bad = tmp_path / "bad.csv"
    bad.write_text("date,average,for_doctor\r\n2024-06-02,3,maybe\r\n", encoding="utf-8")
    with Store.open(fresh) as store, pytest.raises(Exception, match="line 2, for_doctor"):
        import_file(store, bad)


def test_a_damaged_flag_is_named():
    from tracker.store.rows import damage

    row = {"date": "2024-01-01", "logged_at": "x", "average": 3, "for_doctor": 7}
    assert damage("pain", row) == "for_doctor 7 is not 1 or 0"
    assert damage("pain", {**row, "for_doctor": True}) is None
    assert schema.SCHEMA_VERSION == SCHEMA_VERSION
