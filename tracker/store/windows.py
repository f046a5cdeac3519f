"""Bounded reads for views that show a window of the diary: the few days they need from before it.

A view of the last 30 days still needs some state from long before them: the baseline's days
(the first 14 rated days, of pain and of each interference measure), the diary's first day (a
week before it is not a missed week) and its latest entry. These reads return exactly those
days, each whole (every row of the kind that day), through the (date, logged_at) index: the
cost does not grow with the years in between.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from tracker.kinds import kind_named
from tracker.models import Row

if TYPE_CHECKING:
    from tracker.store.core import Store


def first_days(
    store: Store,
    kind: str,
    days: int,
    *,
    since: str | None = None,
    having: Sequence[str] = (),
) -> list[Row]:
    """Every row of `kind` from its first day on or after `since` that has a row with all of
    `having` set, through the `days`-th such day, oldest first (whole days: the rows in
    between without those values too)."""
    of = kind_named(kind)
    unknown = [name for name in having if name not in of.columns]
    if unknown:
        raise ValueError(f"{kind} has no column {unknown[0]!r}")
    tests = [f"{name} IS NOT NULL" for name in having]
    params: list[object] = []
    if since is not None:
        tests.insert(0, "date >= ?")
        params.append(since)
    where = f" WHERE {' AND '.join(tests)}" if tests else ""
    found = store.conn.execute(
        f"SELECT min(date), max(date) FROM (SELECT DISTINCT date FROM {of.table}{where} "
        "ORDER BY date LIMIT ?)",
        (*params, days),
    ).fetchone()
    if not found or found[0] is None:
        return []
    return store.rows(kind, found[0], found[1])


def latest_day(store: Store, kind: str) -> list[Row]:
    """Every row of `kind` on its latest day (none for a kind never logged)."""
    latest = store.latest(kind)
    return store.rows(kind, latest["date"], latest["date"]) if latest else []
