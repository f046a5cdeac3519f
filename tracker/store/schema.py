"""The schema as named, ordered migrations (sqlite-utils `Migrations`).

Imported only when a file is new or older than this code: opening an up-to-date database
checks `PRAGMA user_version` with plain sqlite3 and never loads sqlite-utils (about 100 ms).
Each migration keeps every row; `SCHEMA_VERSION` is the number of migrations.
"""

from __future__ import annotations

import sqlite3

from sqlite_utils import Database, Migrations

migrations = Migrations("tracker")


@migrations(name="m001_create_pain_and_exercise")
def m001_create_pain_and_exercise(db: Database) -> None:
    db.execute(
        """
        CREATE TABLE pain (
            id INTEGER PRIMARY KEY,
            date TEXT NOT NULL,
            logged_at TEXT NOT NULL,
            average INTEGER NOT NULL CHECK (average BETWEEN 0 AND 10),
            worst INTEGER CHECK (worst BETWEEN 0 AND 10),
            least INTEGER CHECK (least BETWEEN 0 AND 10),
            sleep_interference INTEGER CHECK (sleep_interference BETWEEN 0 AND 10),
            activity_interference INTEGER CHECK (activity_interference BETWEEN 0 AND 10),
            enjoyment_interference INTEGER CHECK (enjoyment_interference BETWEEN 0 AND 10),
            symptoms TEXT NOT NULL DEFAULT '',
            locations TEXT,
            note TEXT
        )
        """
    )
    db.execute(
        """
        CREATE TABLE exercise (
            id INTEGER PRIMARY KEY,
            date TEXT NOT NULL,
            logged_at TEXT NOT NULL,
            activity TEXT NOT NULL CHECK (length(activity) > 0),
            category TEXT NOT NULL,
            minutes INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 600),
            rpe INTEGER CHECK (rpe BETWEEN 0 AND 10),
            pain_before INTEGER CHECK (pain_before BETWEEN 0 AND 10),
            pain_after INTEGER CHECK (pain_after BETWEEN 0 AND 10),
            note TEXT
        )
        """
    )


@migrations(name="m002_index_dates")
def m002_index_dates(db: Database) -> None:
    """Range queries by day (history, stats, export) without a full scan."""
    db.execute("CREATE INDEX IF NOT EXISTS pain_date ON pain (date, logged_at)")
    db.execute("CREATE INDEX IF NOT EXISTS exercise_date ON exercise (date, logged_at)")


@migrations(name="m003_ids_never_reused")
def m003_ids_never_reused(db: Database) -> None:
    """AUTOINCREMENT: a deleted entry's id is never given to a new one.

    An old export, a note to a doctor or a spreadsheet may name a row by its id; without
    AUTOINCREMENT SQLite hands the highest id back after that row is deleted, and the old
    name would silently point at a different entry. Each table is rebuilt with the same
    columns and rows (SQLite cannot add AUTOINCREMENT in place), inside the migration's
    transaction.
    """
    for table in ("pain", "exercise"):
        sql = db.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", [table]
        ).fetchone()[0]
        if "AUTOINCREMENT" in sql.upper():
            continue
        new_sql = sql.replace("id INTEGER PRIMARY KEY", "id INTEGER PRIMARY KEY AUTOINCREMENT", 1)
        new_sql = new_sql.replace(f"CREATE TABLE {table}", f"CREATE TABLE {table}_new", 1)
        db.execute(new_sql)
        db.execute(f"INSERT INTO {table}_new SELECT * FROM {table}")
        db.execute(f"DROP TABLE {table}")
        db.execute(f"ALTER TABLE {table}_new RENAME TO {table}")
    db.execute("CREATE INDEX IF NOT EXISTS pain_date ON pain (date, logged_at)")
    db.execute("CREATE INDEX IF NOT EXISTS exercise_date ON exercise (date, logged_at)")


@migrations(name="m004_for_doctor")
def m004_for_doctor(db: Database) -> None:
    """`for_doctor`: the patient marked the entry's note for the next clinic visit (0 or 1).

    ADD COLUMN with a constant default keeps every row (each reads as 0, not marked) and is
    instant: SQLite rewrites no row.
    """
    for table in ("pain", "exercise"):
        columns = [row[1] for row in db.execute(f"PRAGMA table_info({table})").fetchall()]
        if "for_doctor" in columns:
            continue
        db.execute(
            f"ALTER TABLE {table} ADD COLUMN for_doctor INTEGER NOT NULL DEFAULT 0 "
            "CHECK (for_doctor IN (0, 1))"
        )


@migrations(name="m005_medicines")
def m005_medicines(db: Database) -> None:
    """Medicines, their regimen changes, doses and side effects (tracker.kinds: medicine,
    med_change, dose, side_effect). New tables only: no existing row is touched.

    The CHECK constraints say what the validators in `tracker.models.medicines` say; the
    references to medicine(id) are foreign keys (the Store turns their enforcement on), so a
    medicine cannot go while a change, dose or side effect refers to it. Names are unique
    whatever their (ASCII) case: commands address a medicine by name.
    """
    db.execute(
        """
        CREATE TABLE IF NOT EXISTS medicine (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            date TEXT NOT NULL,
            logged_at TEXT NOT NULL,
            name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
            unit TEXT CHECK (unit IN
                ('mg', 'mcg', 'g', 'ml', 'units', '%', 'drops', 'puffs', 'patch', 'tablet')),
            form TEXT CHECK (form IN ('tablet', 'capsule', 'liquid', 'patch', 'cream', 'gel',
                'spray', 'injection', 'other')),
            schedule TEXT NOT NULL DEFAULT 'scheduled'
                CHECK (schedule IN ('scheduled', 'as_needed')),
            reason TEXT,
            note TEXT
        )
        """
    )
    db.execute("CREATE UNIQUE INDEX IF NOT EXISTS medicine_name ON medicine (name COLLATE NOCASE)")
    db.execute(
        """
        CREATE TABLE IF NOT EXISTS med_change (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            date TEXT NOT NULL,
            logged_at TEXT NOT NULL,
            medicine_id INTEGER NOT NULL REFERENCES medicine (id),
            change TEXT NOT NULL CHECK (change IN ('start', 'dose', 'stop')),
            strength REAL CHECK (strength > 0 AND strength <= 100000),
            doses_per_day INTEGER CHECK (doses_per_day BETWEEN 1 AND 12),
            reason TEXT,
            note TEXT,
            CHECK (change != 'stop' OR (strength IS NULL AND doses_per_day IS NULL)),
            CHECK (change != 'dose' OR strength IS NOT NULL OR doses_per_day IS NOT NULL)
        )
        """
    )
    db.execute(
        """
        CREATE TABLE IF NOT EXISTS dose (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            date TEXT NOT NULL,
            logged_at TEXT NOT NULL,
            medicine_id INTEGER NOT NULL REFERENCES medicine (id),
            time TEXT CHECK (time GLOB '[0-2][0-9]:[0-5][0-9]' AND time < '24:00'),
            status TEXT NOT NULL DEFAULT 'taken' CHECK (status IN ('taken', 'skipped')),
            amount REAL CHECK (amount > 0 AND amount <= 100000),
            reason TEXT,
            note TEXT,
            CHECK (status != 'skipped' OR amount IS NULL)
        )
        """
    )
    db.execute(
        """
        CREATE TABLE IF NOT EXISTS side_effect (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            date TEXT NOT NULL,
            logged_at TEXT NOT NULL,
            medicine_id INTEGER REFERENCES medicine (id),
            effects TEXT NOT NULL DEFAULT '',
            other TEXT,
            bother INTEGER NOT NULL CHECK (bother BETWEEN 0 AND 10),
            note TEXT,
            CHECK (effects != '' OR other IS NOT NULL)
        )
        """
    )
    for table in ("medicine", "med_change", "dose", "side_effect"):
        db.execute(f"CREATE INDEX IF NOT EXISTS {table}_date ON {table} (date, logged_at)")
    for table in ("med_change", "dose", "side_effect"):
        db.execute(f"CREATE INDEX IF NOT EXISTS {table}_medicine ON {table} (medicine_id, date)")


@migrations(name="m006_exercise_source")
def m006_exercise_source(db: Database) -> None:
    """Where an imported exercise session came from (`tracker import`): `source` (the app or
    file format), `source_id` (its own id of the activity) and `started_at` (the start as the
    source gave it, ISO 8601). NULL for sessions typed in tracker.

    Self-contained (it reads the table, not its own position): ADD COLUMN keeps every row and
    rewrites none; the partial unique index makes a second import of the same activity
    impossible even for a writer that forgot to look first.
    """
    columns = [row[1] for row in db.execute("PRAGMA table_info(exercise)").fetchall()]
    for name in ("source", "source_id", "started_at"):
        if name not in columns:
            db.execute(f"ALTER TABLE exercise ADD COLUMN {name} TEXT")
    db.execute(
        "CREATE UNIQUE INDEX IF NOT EXISTS exercise_source ON exercise (source, source_id) "
        "WHERE source IS NOT NULL AND source_id IS NOT NULL"
    )


@migrations(name="m007_symptom_rating")
def m007_symptom_rating(db: Database) -> None:
    """Symptom ratings on another app's 0-4 scale (Bearable, Flaredown: `tracker import`),
    kept apart from the 0-10 pain ratings: the symptom's name as written, its severity 0-4,
    whose scale it is and where it came from. A new table; no existing row is touched."""
    db.execute(
        """
        CREATE TABLE IF NOT EXISTS symptom_rating (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            date TEXT NOT NULL,
            logged_at TEXT NOT NULL,
            name TEXT NOT NULL CHECK (name != ''),
            severity INTEGER NOT NULL CHECK (severity BETWEEN 0 AND 4),
            scale TEXT NOT NULL CHECK (scale != ''),
            source TEXT,
            note TEXT
        )
        """
    )
    db.execute("CREATE INDEX IF NOT EXISTS symptom_rating_date ON symptom_rating (date, logged_at)")


MIGRATION_NAMES: list[str] = [m.name for m in migrations._migrations]
SCHEMA_VERSION = len(MIGRATION_NAMES)


def migrate(conn: sqlite3.Connection, stop_before: str | None = None) -> int:
    """Apply pending migrations on an open sqlite3 connection; returns the new user_version."""
    db = Database(conn, execute_plugins=False)
    migrations.apply(db, stop_before=stop_before)
    applied = len(migrations.applied(db))
    conn.execute(f"PRAGMA user_version = {applied}")
    return applied
