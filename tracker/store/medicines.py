"""The reads and writes medicines need beyond the generic ones (`Store.add`, `rows`, `get`).

Rows come back as plain dicts, exactly as `Store.rows` returns them (checked by
`store.rows.damage`); the readers that show them add `medicine_name` and `unit`
(`with_medicine_names`) so the describers can say "Pregabalin" rather than "medicine #3".

The regimen on a day is the latest change dated on or before it (ties: the highest id); a
medicine is current on a day when that change is not a 'stop'.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

from tracker.kinds import KINDS, kind_named, kind_of
from tracker.models import Entry, Medicine, Row, today
from tracker.problems import UsageProblem
from tracker.store.core import Store, _row_to_dict, _sound, date_clause

_MEDICINE = KINDS["medicine"]
_CHANGE = KINDS["med_change"]


def _select(
    store: Store,
    kind: str,
    where: str = "",
    params: Sequence[Any] = (),
    order: str = "date, logged_at, id",
) -> list[Row]:
    of = kind_named(kind)
    cursor = store.conn.execute(
        f"SELECT {', '.join(of.columns)} FROM {of.table}{where} ORDER BY {order}", tuple(params)
    )
    return [_sound(kind, _row_to_dict(of, row)) for row in cursor]


def _ranged(
    start: str | None, end: str | None, medicine_id: int | None
) -> tuple[str, tuple[Any, ...]]:
    where, params = date_clause(start, end)
    if medicine_id is None:
        return where, params
    joiner = " AND " if where else " WHERE "
    return f"{where}{joiner}medicine_id = ?", (*params, medicine_id)


# ---- medicines ------------------------------------------------------------------------------


def medicines(store: Store) -> list[Row]:
    """Every medicine, by name (case aside), then id."""
    return _select(store, "medicine", order="lower(name), id")


def find_medicine(store: Store, text: str) -> Row | None:
    """The medicine called `text` (any case, surrounding spaces aside), or with that id."""
    wanted = text.strip()
    if wanted.isascii() and wanted.isdigit():
        row = store.get("medicine", int(wanted)) if len(wanted) < 19 else None
        if row is not None:
            return _sound("medicine", row)
    folded = wanted.casefold()
    for row in medicines(store):
        if row["name"].strip().casefold() == folded:
            return row
    return None


def names(store: Store) -> list[str]:
    """Every medicine's name, as typed (for did-you-mean and completion)."""
    return [row["name"] for row in medicines(store)]


def with_medicine_names(store: Store, rows: Iterable[Row]) -> list[Row]:
    """Copies of rows that refer to a medicine, with its `medicine_name` and `unit` added."""
    known = {row["id"]: row for row in medicines(store)}
    named = []
    for row in rows:
        medicine = known.get(row.get("medicine_id"))
        extra = {} if medicine is None else {"medicine_name": medicine["name"]}
        if medicine is not None and "unit" not in row:
            extra["unit"] = medicine["unit"]
        named.append({**row, **extra})
    return named


# ---- the regimen ----------------------------------------------------------------------------


def changes(
    store: Store,
    medicine_id: int | None = None,
    start: str | None = None,
    end: str | None = None,
) -> list[Row]:
    """Regimen changes (of one medicine, or all) with start <= date <= end, in the order
    they took effect (date, then id)."""
    where, params = _ranged(start, end, medicine_id)
    return _select(store, "med_change", where, params, order="date, id")


def regimen_on(store: Store, medicine_id: int, day: str) -> Row | None:
    """The change in force on `day`: the latest dated on or before it (ties: highest id)."""
    row = store.conn.execute(
        f"SELECT {', '.join(_CHANGE.columns)} FROM med_change "
        "WHERE medicine_id = ? AND date <= ? ORDER BY date DESC, id DESC LIMIT 1",
        (medicine_id, day),
    ).fetchone()
    return _sound("med_change", _row_to_dict(_CHANGE, row)) if row else None


def regimens(store: Store, day: str | None = None) -> list[dict[str, Any]]:
    """Every medicine with the change in force on `day` (default today):
    {"medicine": row, "latest": change row or None, "current": bool}, current ones first
    (by name), then the rest (stopped, or not started by then)."""
    on = day or today().isoformat()
    found = []
    for medicine in medicines(store):
        latest = regimen_on(store, medicine["id"], on)
        current = latest is not None and latest["change"] != "stop"
        found.append({"medicine": medicine, "latest": latest, "current": current})
    found.sort(key=lambda item: not item["current"])  # stable: names stay in order
    return found


# ---- doses and side effects -----------------------------------------------------------------


def doses(
    store: Store,
    start: str | None = None,
    end: str | None = None,
    medicine_id: int | None = None,
) -> list[Row]:
    """Doses (of one medicine, or all) with start <= date <= end, oldest first."""
    where, params = _ranged(start, end, medicine_id)
    return _select(store, "dose", where, params)


def side_effects(
    store: Store,
    start: str | None = None,
    end: str | None = None,
    medicine_id: int | None = None,
) -> list[Row]:
    """Side-effect entries (naming one medicine, or all) with start <= date <= end."""
    where, params = _ranged(start, end, medicine_id)
    return _select(store, "side_effect", where, params)


def referring(store: Store, medicine_id: int) -> dict[str, int]:
    """kind -> how many of its rows refer to the medicine (only kinds with some)."""
    counts = {}
    for of in KINDS.values():
        for column, target in of.references:
            if target != "medicine":
                continue
            count = store.conn.execute(
                f"SELECT count(*) FROM {of.table} WHERE {column} = ?", (medicine_id,)
            ).fetchone()[0]
            if count:
                counts[of.name] = int(count)
    return counts


# ---- writes ---------------------------------------------------------------------------------


def add_medicines(store: Store, new: Sequence[Medicine], linked: Iterable[Entry] = ()) -> list[int]:
    """Store medicines and the entries that refer to them, in ONE transaction.

    In `linked`, `medicine_id` is the medicine's position in `new` counted from 1 (the ids
    are not known before the write); each is replaced by the stored medicine's id. Returns
    the medicines' ids. A name already in the diary (any case) is a UsageProblem, nothing
    written.
    """
    linked = list(linked)
    with store.transaction() as conn:
        ids = []
        for medicine in new:
            _refuse_taken_name(conn, medicine.name)
            ids.append(store._insert(conn, "medicine", _MEDICINE.stored_values(medicine)))
        for entry in linked:
            of = kind_of(entry)
            values = of.stored_values(entry)
            position = values.get("medicine_id")
            if position is not None:
                if not isinstance(position, int) or not 1 <= position <= len(ids):
                    raise ValueError(f"medicine_id {position!r} is not a position in `new`")
                values["medicine_id"] = ids[position - 1]
            store._insert(conn, of.table, values)
    return ids


def _refuse_taken_name(conn: sqlite3.Connection, name: str) -> None:
    """Names are unique whatever their case (casefold: any script, not only ASCII)."""
    folded = name.strip().casefold()
    for medicine_id, stored in conn.execute("SELECT id, name FROM medicine"):
        if isinstance(stored, str) and stored.strip().casefold() == folded:
            raise UsageProblem(
                f"name: a medicine called {stored!r} is already in the diary (#{medicine_id})"
            )


def name_taken(store: Store, name: str, other_than: int | None = None) -> Row | None:
    """The medicine (other than `other_than`) whose name equals `name` whatever the case."""
    folded = name.strip().casefold()
    for row in medicines(store):
        if row["name"].strip().casefold() == folded and row["id"] != other_than:
            return row
    return None
