"""The only package that talks SQL: schema and migrations (schema.py), the Store (core.py),
keyset pages over every kind (paging.py).

The Store's names load on first use (module `__getattr__`), so that `tracker remind` can ask
its one question through `store.quick` without loading the Store, tracker.kinds and
tracker.models (about 30 ms); `from tracker.store import Store` works as ever.
"""

from __future__ import annotations

import sqlite3

#: `typing` costs a few ms to import, which `remind` saves; mypy reads this name as True.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from tracker.store.core import (
        APPLICATION_ID,
        EXERCISE_COLUMNS,
        PAIN_COLUMNS,
        SCHEMA_VERSION,
        Store,
        StoreError,
        describe_sqlite_error,
    )
    from tracker.store.paging import PagedRow, PageKey, key_of, page_after, page_before

#: What the file itself raises (locked, corrupt, read-only, not a database), named here so
#: that code outside the store catches it without importing sqlite3 (.importlinter holds
#: sqlite3 to this package). SQLiteError is the base class, DatabaseError the file's refusals.
SQLiteError = sqlite3.Error
DatabaseError = sqlite3.DatabaseError

#: The names read from tracker.store.core when first asked for.
_FROM_CORE = frozenset(
    {
        "APPLICATION_ID",
        "EXERCISE_COLUMNS",
        "PAIN_COLUMNS",
        "SCHEMA_VERSION",
        "Store",
        "StoreError",
        "describe_sqlite_error",
    }
)


#: The names read from tracker.store.paging when first asked for.
_FROM_PAGING = frozenset({"PagedRow", "PageKey", "key_of", "page_after", "page_before"})


def __getattr__(name: str) -> object:
    if name in _FROM_PAGING:
        from tracker.store import paging

        value = getattr(paging, name)
        globals()[name] = value
        return value
    if name not in _FROM_CORE:
        raise AttributeError(f"module 'tracker.store' has no attribute {name!r}")
    from tracker.store import core

    value = getattr(core, name)
    globals()[name] = value
    return value


__all__ = [
    "APPLICATION_ID",
    "DatabaseError",
    "EXERCISE_COLUMNS",
    "PAIN_COLUMNS",
    "PageKey",
    "PagedRow",
    "SCHEMA_VERSION",
    "Store",
    "SQLiteError",
    "StoreError",
    "describe_sqlite_error",
    "key_of",
    "page_after",
    "page_before",
]
