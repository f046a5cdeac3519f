"""The SQL behind importing other apps' exercise sessions (`tracker.exchange.import_sessions`).

A batch at a time inside the caller's one transaction: one query for the batch's source ids
(the unique index `exercise_source`), one for the sessions already on the batch's days (the
`exercise_date` index), one executemany for the new rows. A dry run is the same work in a
`rehearsal`: a transaction that always rolls back, so the preview is exactly what the import
would do, and nothing is ever written.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from typing import Any

from tracker.models import Row
from tracker.store.core import Store, StoreError, describe_sqlite_error

#: What the duplicate and overlap checks need of a stored session.
SESSION_COLUMNS = ("id", "date", "activity", "category", "minutes", "source", "started_at")


@contextlib.contextmanager
def rehearsal(store: Store) -> Iterator[sqlite3.Connection]:
    """A transaction that is always rolled back: a dry run sees its own rows, writes none."""
    try:
        store.conn.execute("BEGIN")
    except sqlite3.Error as exc:
        raise StoreError(describe_sqlite_error(exc, store.path)) from None
    try:
        yield store.conn
    finally:
        store.conn.execute("ROLLBACK")


def known_ids(conn: sqlite3.Connection, source: str, ids: list[str]) -> set[str]:
    """Those of `ids` that a stored session of `source` already carries."""
    if not ids:
        return set()
    marks = ", ".join("?" for _ in ids)
    cursor = conn.execute(
        f"SELECT source_id FROM exercise WHERE source = ? AND source_id IN ({marks})",
        [source, *ids],
    )
    return {row[0] for row in cursor}


def sessions_on(conn: sqlite3.Connection, days: list[str]) -> dict[str, list[Row]]:
    """Day -> the stored sessions of that day (the columns of SESSION_COLUMNS)."""
    if not days:
        return {}
    marks = ", ".join("?" for _ in days)
    cursor = conn.execute(
        f"SELECT {', '.join(SESSION_COLUMNS)} FROM exercise WHERE date IN ({marks}) ORDER BY id",
        days,
    )
    found: dict[str, list[Row]] = {}
    for values in cursor:
        row = dict(zip(SESSION_COLUMNS, values, strict=True))
        found.setdefault(row["date"], []).append(row)
    return found


def insert_sessions(conn: sqlite3.Connection, rows: list[dict[str, Any]]) -> None:
    """Insert stored-value dicts (all with the same keys, no id: new ids are drawn)."""
    if not rows:
        return
    names = list(rows[0])
    conn.executemany(
        f"INSERT INTO exercise ({', '.join(names)}) VALUES ({', '.join('?' for _ in names)})",
        (tuple(row[name] for name in names) for row in rows),
    )
