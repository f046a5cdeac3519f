"""What every command shares: opening the store from `--db`, and the date option."""

from __future__ import annotations

from pathlib import Path

import click

from tracker.paths import resolve_db_path


def db_path(ctx: click.Context) -> Path:
    """The database path chosen by --db, TRACKER_DB or the platform default."""
    root = ctx.find_root()
    return resolve_db_path((root.obj or {}).get("db"))


def open_store(ctx: click.Context, create: bool = True):
    """Open the Store for this invocation and close it when the command ends."""
    from tracker.store import Store

    store = Store.open(db_path(ctx), create=create)
    ctx.call_on_close(store.close)
    return store


date_option = click.option(
    "--date",
    "date",
    metavar="D",
    help="The day this is about: YYYY-MM-DD, 'today' (default) or 'yesterday'.",
)
