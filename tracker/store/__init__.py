"""The only package that talks SQL: schema and migrations (schema.py), the Store (core.py),
keyset pages over every kind (paging.py)."""

import sqlite3

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
