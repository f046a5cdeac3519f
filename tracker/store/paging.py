"""Keyset paging over every kind of entry at once: History's rows, a page at a time.

Every registered kind (`tracker.kinds.KINDS`, however many there are) is read in one order,
newest first by the key (date, logged_at, kind name, id), descending in each part. A page is
the `limit` rows just after a key in that order (older rows: `page_after`) or just before it
(newer rows: `page_before`); with no key, the newest or the oldest page. Each kind's table is
read with `ORDER BY date, logged_at, id ... LIMIT limit` on its (date, logged_at) index (the id
is the rowid, the index's last column), and the kinds' pages are merged in Python, so a page
costs the same on a month or on a hundred thousand rows: nothing before the key is read,
nothing is counted, and only the page's rows are made into dicts and checked.

Rows are checked as they are read (`store.rows.damage`): a damaged row is named
(`DamagedRow`), never sorted or shown.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable
from typing import TYPE_CHECKING, NamedTuple

from tracker.kinds import KINDS, kind_named
from tracker.models import Row
from tracker.store.core import _row_to_dict, _sound

if TYPE_CHECKING:
    from tracker.store.core import Store


class PageKey(NamedTuple):
    """A row's place in the history's order (compared as a tuple; larger is newer)."""

    date: str
    logged_at: str
    kind: str
    id: int


class PagedRow(NamedTuple):
    """One row of a page: its kind's name and the stored row (a checked dict)."""

    kind: str
    row: Row

    @property
    def key(self) -> PageKey:
        return key_of(self.kind, self.row)


def key_of(kind: str, row: Row) -> PageKey:
    """The paging key of a stored row of `kind`."""
    return PageKey(row["date"], row["logged_at"], kind, row["id"])


def page_after(
    store: Store,
    key: PageKey | None,
    limit: int,
    kinds: Iterable[str] | None = None,
    *,
    inclusive: bool = False,
) -> list[PagedRow]:
    """The `limit` rows that follow `key` in newest-first order (older ones), newest first.

    `key` None: the newest page. `inclusive`: the row at `key` itself comes first when it
    still exists. `kinds`: the names to read (None: every registered kind).
    """
    return _page(store, key, limit, kinds, older=True, inclusive=inclusive)


def page_before(
    store: Store,
    key: PageKey | None,
    limit: int,
    kinds: Iterable[str] | None = None,
    *,
    inclusive: bool = False,
) -> list[PagedRow]:
    """The `limit` rows just before `key` in newest-first order (newer ones), newest first.

    `key` None: the oldest page (the diary's last screenful, as End shows it).
    """
    return _page(store, key, limit, kinds, older=False, inclusive=inclusive)


def _page(
    store: Store,
    key: PageKey | None,
    limit: int,
    kinds: Iterable[str] | None,
    *,
    older: bool,
    inclusive: bool,
) -> list[PagedRow]:
    if limit <= 0:
        return []
    names = sorted(KINDS) if kinds is None else sorted(set(kinds))
    per_kind = [_kind_page(store, name, key, limit, older, inclusive) for name in names]
    # Each kind's page is in order already: merge them (descending for older, else ascending).
    merged = heapq.merge(*per_kind, key=lambda paged: paged.key, reverse=older)
    page = [paged for paged, _ in zip(merged, range(limit), strict=False)]
    return page if older else page[::-1]


def _kind_page(
    store: Store, name: str, key: PageKey | None, limit: int, older: bool, inclusive: bool
) -> list[PagedRow]:
    """One kind's `limit` rows beyond `key`, in the direction of travel."""
    of = kind_named(name)
    where, params = _beyond(name, key, older, inclusive)
    order = "DESC" if older else "ASC"
    cursor = store.conn.execute(
        f"SELECT {', '.join(of.columns)} FROM {of.table}{where} "
        f"ORDER BY date {order}, logged_at {order}, id {order} LIMIT ?",
        (*params, limit),
    )
    return [PagedRow(name, _sound(name, _row_to_dict(of, row))) for row in cursor]


def _beyond(
    name: str, key: PageKey | None, older: bool, inclusive: bool
) -> tuple[str, tuple[object, ...]]:
    """The WHERE clause for the rows of kind `name` past `key` in the order (date, logged_at,
    kind, id): the kind is the same for every row of the table, so it decides how rows at
    the key's very date and time compare."""
    if key is None:
        return "", ()
    less = "<" if older else ">"
    if name == key.kind:
        op = f"{less}=" if inclusive else less
        return f" WHERE (date, logged_at, id) {op} (?, ?, ?)", (key.date, key.logged_at, key.id)
    # Another kind: at the key's date and time its rows come before or after it by name alone.
    past = name < key.kind if older else name > key.kind
    op = f"{less}=" if past else less
    return f" WHERE (date, logged_at) {op} (?, ?)", (key.date, key.logged_at)
