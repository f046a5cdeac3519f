"""Old files migrate forward keeping every row, with a backup copy taken first."""

from __future__ import annotations

import os
import sqlite3

from tracker.store import APPLICATION_ID, SCHEMA_VERSION, Store, schema


def make_old_database(path, stop_before: str) -> None:
    """A file as an earlier tracker left it: migrations applied up to `stop_before`."""
    fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
    os.close(fd)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    schema.migrate(conn, stop_before=stop_before)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(
        "INSERT INTO pain (date, logged_at, average, symptoms) VALUES "
        "('2026-01-01', '2026-01-01T20:00:00', 6, 'burning'), "
        "('2026-01-02', '2026-01-02T20:00:00', 5, '')"
    )
    conn.execute(
        "INSERT INTO exercise (date, logged_at, activity, category, minutes) "
        "VALUES ('2026-01-02', '2026-01-02T10:00:00', 'walking', 'aerobic', 30)"
    )
    conn.close()


def test_every_earlier_schema_version_opens_and_keeps_rows(tmp_path):
    for index, name in enumerate(schema.MIGRATION_NAMES[1:], start=1):
        path = tmp_path / f"v{index}.db"
        make_old_database(path, stop_before=name)
        assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == index
        with Store.open(path) as store:
            assert store.count("pain") == 2 and store.count("exercise") == 1
            assert store.pain_rows()[0]["symptoms"] == ["burning"]
        conn = sqlite3.connect(path)
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
        assert {"pain_date", "exercise_date"} <= indexes
        (backup,) = path.parent.glob(f"{path.name}.before-schema-{SCHEMA_VERSION}.*.bak")
        old = sqlite3.connect(backup)
        assert old.execute("PRAGMA user_version").fetchone()[0] == index
        assert old.execute("SELECT count(*) FROM pain").fetchone()[0] == 2


def test_an_earlier_copy_never_blocks_a_later_migration(tmp_path):
    """A copy left by an earlier (or interrupted) migration has another name than the next."""
    path = tmp_path / "old.db"
    make_old_database(path, stop_before=schema.MIGRATION_NAMES[-1])
    blocker = path.with_name(f"{path.name}.before-schema-{SCHEMA_VERSION}.bak")
    blocker.write_bytes(b"left behind")
    with Store.open(path) as store:
        assert store.count("pain") == 2
    assert blocker.read_bytes() == b"left behind"


def test_ids_are_never_reused_after_a_delete(tmp_path):
    path = tmp_path / "old.db"
    make_old_database(path, stop_before=schema.MIGRATION_NAMES[-1])
    with Store.open(path) as store:
        last = max(row["id"] for row in store.pain_rows())
        assert store.delete("pain", last)
        from tracker.models import validate_pain

        new_id = store.add(validate_pain({"average": 3}))
        assert new_id == last + 1
