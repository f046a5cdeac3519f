"""The SQL behind CSV export and import: plain sqlite3 cursors, nothing held in memory.

Export streams rows straight off a cursor. Import works a batch at a time inside the caller's
one transaction: one primary-key query per batch for rows that carry an id, one query on the
(date, logged_at) index per batch for rows that do not. Which stored rows an import has
already accounted for lives in a TEMP table (`TAKEN`), on SQLite's side of the fence, so
memory stays bounded however long the file is.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from typing import Any

from tracker.kinds import KINDS, kind_named
from tracker.models import PAIN_SCORE_FIELDS, Entry, Row
from tracker.store.core import Store, _sound, date_clause, table_name

#: The columns that make two entries "the same" for import: everything but the id.
IDENTITY_COLUMNS: dict[str, tuple[str, ...]] = {
    name: tuple(column for column in of.columns if column != "id") for name, of in KINDS.items()
}
#: The pain fields the daily table aggregates.
DAILY_PAIN_COLUMNS = ("date", *PAIN_SCORE_FIELDS)


def entry_cursor(
    store: Store, kind: str, start: str | None = None, end: str | None = None
) -> sqlite3.Cursor:
    """Rows of one kind as tuples in the order of its `columns`, oldest first.

    `symptoms` stays as stored (comma-separated); the caller formats it.
    """
    where, params = date_clause(start, end)
    return store.conn.execute(
        f"SELECT {', '.join(kind_named(kind).columns)} FROM {table_name(kind)}{where} "
        "ORDER BY date, logged_at, id",
        params,
    )


def daily_pain_rows(store: Store, start: str | None, end: str | None) -> Iterator[Row]:
    """Pain entries as dicts of `DAILY_PAIN_COLUMNS`, oldest first, one at a time.

    Each row is checked (`store.rows.damage`): the daily table aggregates these values, so a
    damaged one stops the export with a line naming its row rather than a traceback.
    """
    where, params = date_clause(start, end)
    cursor = store.conn.execute(
        f"SELECT id, {', '.join(DAILY_PAIN_COLUMNS)} FROM pain{where} ORDER BY date, logged_at, id",
        params,
    )
    for entry_id, *values in cursor:
        yield _sound("pain", {"id": entry_id, **dict(zip(DAILY_PAIN_COLUMNS, values, strict=True))})


def symptom_days(store: Store, start: str | None, end: str | None) -> Iterator[tuple[Any, ...]]:
    """(date, symptoms as stored) for entries that name a symptom, oldest first."""
    where, params = date_clause(start, end)
    joiner = " AND " if where else " WHERE "
    cursor = store.conn.execute(
        f"SELECT id, date, symptoms FROM pain{where}{joiner}symptoms != ''"
        " ORDER BY date, logged_at, id",
        params,
    )
    for entry_id, date, symptoms in cursor:
        _sound("pain", {"id": entry_id, "date": date, "symptoms": symptoms})
        yield date, symptoms


def exercise_days(store: Store, start: str | None, end: str | None) -> Iterator[tuple[Any, ...]]:
    """(date, minutes, activity) per exercise session, oldest first."""
    where, params = date_clause(start, end)
    cursor = store.conn.execute(
        f"SELECT id, date, minutes, activity FROM exercise{where} ORDER BY date, logged_at, id",
        params,
    )
    for entry_id, date, minutes, activity in cursor:
        _sound("exercise", {"id": entry_id, "date": date, "minutes": minutes, "activity": activity})
        yield date, minutes, activity


def dose_days(store: Store, start: str | None, end: str | None) -> Iterator[tuple[Any, ...]]:
    """(date, scheduled doses taken, as-needed doses taken) per day with a taken dose.

    A dose counts as its medicine's schedule says today (a medicine changed from scheduled
    to as needed counts as needed throughout)."""
    where, params = date_clause(start, end)
    where = where.replace("date", "d.date")
    joiner = " AND " if where else " WHERE "
    cursor = store.conn.execute(
        "SELECT min(d.id), d.date, sum(m.schedule = 'scheduled'), "
        "sum(m.schedule = 'as_needed') "
        f"FROM dose AS d JOIN medicine AS m ON m.id = d.medicine_id{where}{joiner}"
        "d.status = 'taken' GROUP BY d.date ORDER BY d.date",
        params,
    )
    for dose_id, date, scheduled, as_needed in cursor:
        _sound("dose", {"id": dose_id, "date": date})
        yield date, scheduled, as_needed


def identity(kind: str, entry: Entry) -> tuple[Any, ...]:
    """An entry's values in `IDENTITY_COLUMNS[kind]` order, as the database stores them."""
    of = kind_named(kind)
    values = []
    for name in IDENTITY_COLUMNS[kind]:
        value = getattr(entry, name)
        if name in of.word_lists:
            value = ",".join(value)
        elif name in of.flags:
            value = int(value)
        values.append(value)
    return tuple(values)


#: Ids an import has accounted for: the file's own ids (with the line that named them) and the
#: stored rows its id-less rows matched as duplicates (line NULL). A TEMP table lives in this
#: connection only, spills to a temporary file past SQLite's page cache, and goes with a
#: rollback; `taken_ids` drops it either way.
TAKEN = "temp.tracker_import_taken"


@contextlib.contextmanager
def taken_ids(conn: sqlite3.Connection) -> Iterator[None]:
    """An empty `TAKEN` table for the length of one import (inside its transaction)."""
    conn.execute(f"DROP TABLE IF EXISTS {TAKEN}")
    conn.execute(f"CREATE TABLE {TAKEN} (id INTEGER PRIMARY KEY, line INTEGER)")
    try:
        yield
    finally:
        conn.execute(f"DROP TABLE IF EXISTS {TAKEN}")


def lines_of_taken(conn: sqlite3.Connection, ids: list[int]) -> dict[int, int]:
    """id -> the file line that already named it, for those of `ids` taken earlier."""
    marks = ", ".join("?" for _ in ids)
    cursor = conn.execute(f"SELECT id, line FROM {TAKEN} WHERE id IN ({marks})", ids)
    return dict(cursor)


def take(conn: sqlite3.Connection, pairs: list[tuple[int, int | None]]) -> None:
    """Mark (id, line) pairs as accounted for by this import."""
    conn.executemany(f"INSERT INTO {TAKEN} (id, line) VALUES (?, ?)", pairs)


def stored_by_id(conn: sqlite3.Connection, kind: str, ids: list[int]) -> dict[int, tuple[Any, ...]]:
    """id -> stored identity tuple, for those of `ids` that are in the diary."""
    columns = ", ".join(IDENTITY_COLUMNS[kind])
    marks = ", ".join("?" for _ in ids)
    cursor = conn.execute(
        f"SELECT id, {columns} FROM {table_name(kind)} WHERE id IN ({marks})", ids
    )
    return {row[0]: row[1:] for row in cursor}


def untaken_twins(
    conn: sqlite3.Connection, kind: str, keys: set[tuple[str, str]], below: int
) -> sqlite3.Cursor:
    """(id, *identity) of stored rows at any of the (date, logged_at) `keys`, not yet taken.

    Only ids under `below` count: rows this import added itself are never its duplicates.
    """
    params = [*(part for key in keys for part in key), below]
    return conn.execute(twins_query(kind, len(keys)), params)


def twins_query(kind: str, keys: int) -> str:
    """The SQL of `untaken_twins` for `keys` (date, logged_at) pairs.

    The keys are joined as a VALUES table so SQLite searches the (date, logged_at) index
    once per key; a row-value IN list made it walk the table by rowid instead.
    """
    columns = ", ".join(f"t.{name}" for name in IDENTITY_COLUMNS[kind])
    values = ", ".join("(?, ?)" for _ in range(keys))
    return (
        f"SELECT t.id, {columns} FROM (VALUES {values}) AS k "
        f"JOIN {table_name(kind)} AS t ON t.date = k.column1 AND t.logged_at = k.column2 "
        f"WHERE t.id < ? AND NOT EXISTS (SELECT 1 FROM {TAKEN} AS x WHERE x.id = t.id) "
        "ORDER BY t.id DESC"
    )


def missing_ids(conn: sqlite3.Connection, kind: str, ids: set[int]) -> set[int]:
    """Those of `ids` that no stored row of `kind` has (the references an import would break)."""
    if not ids:
        return set()
    wanted = sorted(ids)
    marks = ", ".join("?" for _ in wanted)
    cursor = conn.execute(f"SELECT id FROM {table_name(kind)} WHERE id IN ({marks})", wanted)
    return ids - {row[0] for row in cursor}


def medicine_names(conn: sqlite3.Connection) -> list[tuple[int, str]]:
    """(id, name) of every stored medicine (a short table: names are checked in Python)."""
    return [(row[0], row[1]) for row in conn.execute("SELECT id, name FROM medicine")]


def next_id(conn: sqlite3.Connection, kind: str) -> int:
    """The id after the largest stored one (1 for an empty table)."""
    row = conn.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {table_name(kind)}").fetchone()
    return int(row[0])


def insert_with_ids(conn: sqlite3.Connection, kind: str, rows: list[tuple[Any, ...]]) -> None:
    """Insert (id, *identity) tuples under the ids they carry."""
    columns = ("id", *IDENTITY_COLUMNS[kind])
    marks = ", ".join("?" for _ in columns)
    conn.executemany(
        f"INSERT INTO {table_name(kind)} ({', '.join(columns)}) VALUES ({marks})", rows
    )


def update_by_id(conn: sqlite3.Connection, kind: str, rows: list[tuple[Any, ...]]) -> None:
    """Overwrite every column but the id from (id, *identity) tuples."""
    assignments = ", ".join(f"{name} = ?" for name in IDENTITY_COLUMNS[kind])
    conn.executemany(
        f"UPDATE {table_name(kind)} SET {assignments} WHERE id = ?",
        ((*row[1:], row[0]) for row in rows),
    )
