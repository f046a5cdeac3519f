"""What every command shares: opening the store from `--db`, and the date option."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from tracker.settings import Settings

from tracker.paths import resolve_db_path


def db_path(ctx: click.Context) -> Path:
    """The database path chosen by --db, TRACKER_DB or the platform default."""
    root = ctx.find_root()
    given = (root.obj or {}).get("db")
    if given is not None and given.strip() == "":
        raise click.BadParameter("the path is empty; give a file name", param_hint="--db")
    return resolve_db_path(given)


def open_store(ctx: click.Context, create: bool = True):
    """Open the Store for this invocation and close it when the command ends."""
    from tracker.store import Store

    store = Store.open(db_path(ctx), create=create)
    ctx.call_on_close(store.close)
    return store


def open_existing_store(ctx: click.Context):
    """The Store of a command that changes what is already logged (edit, delete, a medicine's
    change or dose): with no diary yet there is nothing to change, so it says so in one line
    (exit 2) instead of creating an empty diary."""
    path = db_path(ctx)
    if not path.exists():
        from tracker.problems import UsageProblem

        raise UsageProblem(
            f"there is no diary at {path} yet, so nothing to change; logging an entry creates it"
        )
    return open_store(ctx)


#: SQLite's largest rowid: a larger id cannot name any entry (and would overflow).
MAX_ID = 2**63 - 1
id_argument = click.argument("entry_id", metavar="ID", type=click.IntRange(1, MAX_ID))

date_option = click.option(
    "--date",
    "date",
    metavar="D",
    help="The day this is about: YYYY-MM-DD, 'today' (default) or 'yesterday'.",
)


#: The one --baseline-from option of stats, plot and report (the baseline: analysis.change).
baseline_option = click.option(
    "--baseline-from",
    "baseline_from",
    metavar="D",
    help="Start the baseline on this day, e.g. when an exercise programme began "
    "(default: analysis.baseline_from in the settings, else your first rated day). It is "
    "the mean of the first 14 rated days within 28 days from there.",
)


def parse_baseline_from(value: str | None, ctx: click.Context | None = None) -> str | None:
    """--baseline-from as an ISO day (the same parser and messages as --from); without it,
    the settings' analysis.baseline_from (when `ctx` is given), else None (the first rated day)."""
    from tracker.period import parse_period

    if value is None and ctx is not None:
        return user_settings(ctx).baseline_from
    return parse_period(value, None, names=("--baseline-from", "--to"))[0]


def config_file(ctx: click.Context) -> Path:
    """The settings file chosen by --config, TRACKER_CONFIG or the platform default."""
    from tracker.settings import config_path

    root = ctx.find_root()
    given = (root.obj or {}).get("config")
    if given is not None and given.strip() == "":
        raise click.BadParameter("the path is empty; give a file name", param_hint="--config")
    return config_path(given)


def user_settings(ctx: click.Context) -> Settings:
    """The settings file's values, read once per command; a problem is warned about once."""
    from tracker.settings import load

    root = ctx.find_root()
    root.ensure_object(dict)
    cached = root.obj.get("settings")
    if cached is None:
        loaded = load(config_file(ctx))
        problem = loaded.problem_line()
        if problem:
            click.echo(f"Warning: {problem}", err=True)
        cached = root.obj["settings"] = loaded.settings
    return cached


def weekly_target(ctx: click.Context) -> int:
    """The weekly aerobic target from the settings (150 when not set or unreadable)."""
    return user_settings(ctx).weekly_target
