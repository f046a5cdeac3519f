"""The only package that talks SQL: schema and migrations (schema.py), the Store (core.py)."""

from tracker.store.core import (
    APPLICATION_ID,
    EXERCISE_COLUMNS,
    PAIN_COLUMNS,
    SCHEMA_VERSION,
    Store,
    StoreError,
    describe_sqlite_error,
)

__all__ = [
    "APPLICATION_ID",
    "EXERCISE_COLUMNS",
    "PAIN_COLUMNS",
    "SCHEMA_VERSION",
    "Store",
    "StoreError",
    "describe_sqlite_error",
]
