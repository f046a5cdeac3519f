"""The store on real files: privacy, WAL, transactions, foreign and corrupt files."""

from __future__ import annotations

import sqlite3
import stat

import pytest

from tracker.models import validate_exercise, validate_pain
from tracker.safe_files import OutputRefused
from tracker.store import APPLICATION_ID, SCHEMA_VERSION, Store, StoreError, schema


def mode(path):
    return stat.S_IMODE(path.stat().st_mode)


def test_new_database_is_private_wal_and_current(tmp_path):
    path = tmp_path / "new" / "tracker.db"
    with Store.open(path) as store:
        store.add(validate_pain({"average": 4}))
    assert mode(path) == 0o600
    assert mode(path.parent) == 0o700
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID


def test_schema_version_matches_the_migrations():
    assert SCHEMA_VERSION == schema.SCHEMA_VERSION


def test_rows_round_trip(db_path):
    with Store.open(db_path) as store:
        pain_id = store.add(
            validate_pain({"average": 5, "worst": 8, "symptoms": ["burning", "cold"], "note": "a"})
        )
        ex_id = store.add(validate_exercise({"activity": "yoga", "minutes": 45}))
        pain = store.get("pain", pain_id)
        assert pain["symptoms"] == ["burning", "cold"]
        assert pain["worst"] == 8
        assert store.get("exercise", ex_id)["category"] == "mind_body"
        assert store.has_entry_on(pain["date"])
        assert store.date_span() == (pain["date"], pain["date"])
        assert store.past_activities() == ["yoga"]


def test_update_keeps_logged_at_and_delete(db_path):
    with Store.open(db_path) as store:
        entry = validate_pain(
            {"average": 5, "logged_at": "2026-01-01T10:00:00", "date": "2026-01-01"}
        )
        entry_id = store.add(entry)
        changed = validate_pain({"average": 3, "date": "2026-01-01"})
        assert store.update(entry_id, changed)
        row = store.get("pain", entry_id)
        assert (row["average"], row["logged_at"]) == (3, "2026-01-01T10:00:00")
        assert store.delete("pain", entry_id)
        assert not store.delete("pain", entry_id)


def test_a_failed_transaction_writes_nothing(db_path):
    with Store.open(db_path) as store:
        good = validate_pain({"average": 5})
        bad = validate_pain({"average": 5})
        bad.average = 99  # bypasses validation; the CHECK constraint refuses it
        with pytest.raises(sqlite3.IntegrityError):
            store.add_many([good, bad])
        assert store.count("pain") == 0


def test_date_range_query(db_path):
    with Store.open(db_path) as store:
        for day in ["2026-01-01", "2026-01-02", "2026-01-03"]:
            store.add(validate_pain({"average": 2, "date": day}))
        assert [r["date"] for r in store.pain_rows("2026-01-02")] == ["2026-01-02", "2026-01-03"]
        assert [r["date"] for r in store.pain_rows(None, "2026-01-01")] == ["2026-01-01"]


def test_foreign_sqlite_file_is_refused_and_untouched(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (x)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="another program"):
        Store.open(path)
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    "content", [b"hello, not a database", b"SQLite format 3\x00" + b"\x00" * 20]
)
def test_non_database_files_are_refused_and_untouched(tmp_path, content):
    path = tmp_path / "bad.db"
    path.write_bytes(content)
    with pytest.raises(StoreError):
        Store.open(path)
    assert path.read_bytes() == content


def test_newer_schema_is_refused(db_path):
    Store.open(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(StoreError, match="newer tracker"):
        Store.open(db_path)


def test_locked_database_waits_then_fails_clearly(db_path):
    Store.open(db_path).close()
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with (
            Store.open(db_path, busy_timeout_ms=200) as store,
            pytest.raises(StoreError, match="locked"),
        ):
            store.add(validate_pain({"average": 3}))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    with Store.open(db_path) as store:
        assert store.count("pain") == 0


def test_backup_is_consistent_and_private(db_path, tmp_path):
    with Store.open(db_path) as store:
        store.add(validate_pain({"average": 6}))
        copy = store.backup(tmp_path / "copy.db")
        with pytest.raises(OutputRefused, match="never overwritten"):
            store.backup(copy)
    assert mode(copy) == 0o600
    with Store.open(copy) as restored:
        assert restored.count("pain") == 1
        assert restored.integrity_ok()


def test_an_empty_file_left_by_an_interrupted_first_run_becomes_the_diary(tmp_path):
    """An earlier tracker killed during its first run left an empty file: it holds nothing,
    so the next run finishes the creation instead of refusing the file forever."""
    path = tmp_path / "tracker.db"
    path.write_bytes(b"")
    with Store.open(path) as store:
        store.add(validate_pain({"average": 5}))
        assert store.count("pain") == 1
