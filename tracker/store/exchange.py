"""The SQL behind CSV export and import: plain sqlite3 cursors, nothing held in memory.

Export streams rows straight off a cursor; import checks a whole file against the stored rows
with one query and inserts the new rows in the same transaction.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterator

from tracker.models import PAIN_SCORE_FIELDS, ExerciseSession, PainEntry
from tracker.store.core import KINDS, Store, date_clause, table_name

#: The columns that make two entries "the same" for import: everything but the id.
IDENTITY_COLUMNS: dict[str, tuple[str, ...]] = {
    kind: tuple(name for name in columns if name != "id") for kind, columns in KINDS.items()
}
#: The pain fields the daily table aggregates.
DAILY_PAIN_COLUMNS = ("date", *PAIN_SCORE_FIELDS)


def entry_cursor(
    store: Store, kind: str, start: str | None = None, end: str | None = None
) -> sqlite3.Cursor:
    """Rows of one kind as tuples in `KINDS[kind]` order, oldest first.

    `symptoms` stays as stored (comma-separated); the caller formats it.
    """
    where, params = date_clause(start, end)
    return store.conn.execute(
        f"SELECT {', '.join(KINDS[kind])} FROM {table_name(kind)}{where} "
        "ORDER BY date, logged_at, id",
        params,
    )


def daily_pain_rows(store: Store, start: str | None, end: str | None) -> Iterator[dict]:
    """Pain entries as dicts of `DAILY_PAIN_COLUMNS`, oldest first, one at a time."""
    where, params = date_clause(start, end)
    cursor = store.conn.execute(
        f"SELECT {', '.join(DAILY_PAIN_COLUMNS)} FROM pain{where} ORDER BY date, logged_at, id",
        params,
    )
    for row in cursor:
        yield dict(zip(DAILY_PAIN_COLUMNS, row, strict=True))


def symptom_days(store: Store, start: str | None, end: str | None) -> sqlite3.Cursor:
    """(date, symptoms as stored) for entries that name a symptom, oldest first."""
    where, params = date_clause(start, end)
    joiner = " AND " if where else " WHERE "
    return store.conn.execute(
        f"SELECT date, symptoms FROM pain{where}{joiner}symptoms != ''"
        " ORDER BY date, logged_at, id",
        params,
    )


def exercise_days(store: Store, start: str | None, end: str | None) -> sqlite3.Cursor:
    """(date, minutes, activity) per exercise session, oldest first."""
    where, params = date_clause(start, end)
    return store.conn.execute(
        f"SELECT date, minutes, activity FROM exercise{where} ORDER BY date, logged_at, id",
        params,
    )


def identity(kind: str, entry: PainEntry | ExerciseSession) -> tuple:
    """An entry's values in `IDENTITY_COLUMNS[kind]` order, as the database stores them."""
    values = []
    for name in IDENTITY_COLUMNS[kind]:
        value = getattr(entry, name)
        values.append(",".join(value) if name == "symptoms" else value)
    return tuple(values)


def add_new(store: Store, kind: str, entries: list) -> tuple[int, int]:
    """Insert the entries that are not stored yet, in one transaction; (added, skipped).

    An entry is already stored when a row of the same kind has the same values in every
    column but the id (date, logged_at and every score and text). Counted as a multiset: a
    file holding the same entry twice adds a second copy only if the database has fewer than
    two. The stored rows are read with one query over the file's date range.
    """
    if not entries:
        return 0, 0
    rows = [identity(kind, entry) for entry in entries]
    columns = IDENTITY_COLUMNS[kind]
    with store.transaction() as conn:
        stored = _stored(conn, kind, min(r[0] for r in rows), max(r[0] for r in rows))
        new = [row for row in rows if not _take(stored, row)]
        marks = ", ".join("?" for _ in columns)
        conn.executemany(
            f"INSERT INTO {table_name(kind)} ({', '.join(columns)}) VALUES ({marks})", new
        )
    return len(new), len(rows) - len(new)


def _stored(conn: sqlite3.Connection, kind: str, first: str, last: str) -> Counter:
    columns = IDENTITY_COLUMNS[kind]
    cursor = conn.execute(
        f"SELECT {', '.join(columns)} FROM {table_name(kind)} WHERE date BETWEEN ? AND ?",
        (first, last),
    )
    return Counter(cursor)


def _take(stored: Counter, row: tuple) -> bool:
    """True (and one fewer left) when an identical stored row is still unmatched."""
    if stored[row] > 0:
        stored[row] -= 1
        return True
    return False
