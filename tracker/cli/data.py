"""Whole-database commands: `sample` (a synthetic history), `backup` (a safe, checked copy)
and `check` (the whole file and every row checked)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import click

from tracker.cli.common import open_store


@click.command()
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--days",
    type=click.IntRange(1, 36500),
    default=365,
    show_default=True,
    help="How many days of history, ending today.",
)
@click.option(
    "--seed", type=int, default=1, show_default=True, help="Random seed (same seed, same history)."
)
@click.option(
    "--effect",
    type=click.Choice(["helps", "none", "flare"]),
    default="helps",
    show_default=True,
    help="The truth the history is built on: exercise helps, does nothing, or is followed by "
    "a worse day after most sessions.",
)
def sample(path: Path, days: int, seed: int, effect: Literal["helps", "none", "flare"]) -> None:
    """Write a realistic synthetic history into a NEW database at PATH (for trying tracker out)."""
    from tracker.errors import UsageProblem
    from tracker.sample import write_sample

    if path.exists():
        raise UsageProblem(f"{path} already exists; sample writes only into a new file")
    pain_count, exercise_count = write_sample(
        path, days=days, seed=seed, effect=effect, medicines=True
    )
    click.echo(
        f"Wrote {pain_count} pain entries and {exercise_count} exercise sessions "
        f"over {days} days, with three medicines and their doses, to {path}."
    )


@click.command()
@click.argument("destination", type=click.Path(dir_okay=False, path_type=Path))
@click.pass_context
def backup(ctx: click.Context, destination: Path) -> None:
    """Copy the database to DESTINATION, consistently, even while the app is open.

    Uses SQLite's online backup API, then checks the copy in full before giving it its name:
    a damaged diary is refused and no file is left. The copy is readable by its owner only,
    and an existing file is never replaced. To restore, point tracker at the copy
    (--db DESTINATION) or copy it over the original while tracker is closed.
    """
    store = open_store(ctx, create=False)
    store.backup(destination)
    from tracker.diary_info import record_backup
    from tracker.kinds import KINDS
    from tracker.store import Store

    with Store.open(destination, create=False) as copy:
        counts = [of.count(copy.count(name)) for name, of in KINDS.items()]
    listed = f"{', '.join(counts[:-1])} and {counts[-1]}"
    click.echo(f"Backed up {listed} to {destination}; the copy was checked and is intact.")
    not_recorded = record_backup(store.path, destination)  # for `tracker info`
    if not_recorded:
        click.echo(f"Warning: {not_recorded}", err=True)


@click.command()
@click.pass_context
def check(ctx: click.Context) -> int:
    """Check the whole diary: the file itself, and every stored row against the rules.

    Names each damaged row and how to fix it (`tracker edit` or `tracker delete`); exit 1
    when anything is damaged. Reads only: it never writes to the diary.
    """
    from tracker.store.check import check as run_check

    store = open_store(ctx, create=False)
    report = run_check(store)
    for line in report.lines(store.path):
        click.echo(line, err=not report.ok)
    return 0 if report.ok else 1
