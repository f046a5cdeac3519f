"""The light door: `tracker remind` answered with one query, before click or the Store load.

`remind` runs in every new shell, so it should cost about a bare Python that opens the file
and asks one question (tracker.cli.main calls `logged_on` before importing click). This
module imports sqlite3 and os only: no tracker.kinds, no tracker.models. Anything unusual
(a file that is not tracker's current schema, a read-only medium, any SQLite error) answers
None, and the caller then takes the full path (Store.open and its one-line errors), so the
behaviour is the same whichever door answered.

The file's identity constants live here so that both doors check the same ones.
"""

from __future__ import annotations

import os
import sqlite3

#: "TRK1": marks a file as a tracker database, so a foreign SQLite file is never touched.
APPLICATION_ID = 0x54524B31
#: The number of migrations in tracker.store.schema (a test keeps the two equal).
SCHEMA_VERSION = 7
BUSY_TIMEOUT_MS = 5000
#: The table of every kind of a day's log (`Kind.daily_log`: what `Store.has_entry_on` asks;
#: tests/unit/test_remind_fast.py holds the two equal, so a new kind must be added here too).
ENTRY_TABLES = ("pain", "exercise", "dose", "side_effect")


def writable(path: str | os.PathLike[str]) -> bool:
    """Whether SQLite could write the file and its -wal/-shm beside it."""
    folder = os.path.dirname(os.path.abspath(path))
    if not os.access(path, os.W_OK) or not os.access(folder, os.W_OK | os.X_OK):
        return False
    try:
        return not os.statvfs(path).f_flag & os.ST_RDONLY
    except (OSError, AttributeError):
        return True


def logged_on(path: str, day: str) -> bool | None:
    """Whether any entry is dated `day` in the diary at `path`; None when the full path must
    answer (see the module docstring). The same connection settings as `Store.open`: a
    read-write connection that only reads, so closing it leaves the files as it found them."""
    try:
        if not os.path.isfile(path) or not writable(path):
            return None
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    except (OSError, sqlite3.Error):
        return None
    try:
        conn.execute("PRAGMA cell_size_check = ON")
        identity = conn.execute("SELECT * FROM pragma_application_id, pragma_user_version")
        if identity.fetchone() != (APPLICATION_ID, SCHEMA_VERSION):
            return None
        tests = " OR ".join(
            f"EXISTS(SELECT 1 FROM {table} WHERE date = ?)" for table in ENTRY_TABLES
        )
        row = conn.execute(f"SELECT {tests}", (day,) * len(ENTRY_TABLES)).fetchone()
        return bool(row[0])
    except sqlite3.Error:
        return None
    finally:
        conn.close()
