"""The SQL behind importing symptom diaries (Bearable, Flaredown: `exchange.import_diaries`).

Everything runs on the caller's connection, inside its one transaction (a real import) or its
rehearsal (a dry run, always rolled back: `store.imported.rehearsal`). Rows come back as plain
dicts of the kind's columns; inserts take a kind's stored values (`Kind.stored_values`).
"""

from __future__ import annotations

import sqlite3
from typing import Any

from tracker.kinds import kind_named
from tracker.models import Row
from tracker.store.core import Store, _row_to_dict


def medicines_by_name(conn: sqlite3.Connection) -> dict[str, Row]:
    """Every medicine, by its name casefolded (names are unique whatever their case)."""
    of = kind_named("medicine")
    cursor = conn.execute(f"SELECT {', '.join(of.columns)} FROM medicine ORDER BY id")
    found: dict[str, Row] = {}
    for values in cursor:
        row = _row_to_dict(of, values)
        if isinstance(row["name"], str):
            found.setdefault(row["name"].strip().casefold(), row)
    return found


def rows_on(conn: sqlite3.Connection, kind_name: str, days: list[str]) -> list[Row]:
    """The stored rows of a kind (dose, symptom_rating) on the given days, by id."""
    if not days:
        return []
    of = kind_named(kind_name)
    found: list[Row] = []
    for start in range(0, len(days), 500):  # SQLite's bound on parameters
        chunk = days[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        cursor = conn.execute(
            f"SELECT {', '.join(of.columns)} FROM {of.table} WHERE date IN ({marks}) ORDER BY id",
            chunk,
        )
        found += [_row_to_dict(of, values) for values in cursor]
    return found


def insert(conn: sqlite3.Connection, kind_name: str, values: dict[str, Any]) -> int:
    """Insert one row of a kind (stored values, no id); its new id."""
    return Store._insert(conn, kind_named(kind_name).table, values)
