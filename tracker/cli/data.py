"""Whole-database commands: `sample` (a synthetic history) and `backup` (a safe copy)."""

from __future__ import annotations

from pathlib import Path

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
def sample(path: Path, days: int, seed: int) -> None:
    """Write a realistic synthetic history into a NEW database at PATH (for trying tracker out)."""
    from tracker.errors import UsageProblem
    from tracker.sample import write_sample

    if path.exists():
        raise UsageProblem(f"{path} already exists; sample writes only into a new file")
    pain_count, exercise_count = write_sample(path, days=days, seed=seed)
    click.echo(
        f"Wrote {pain_count} pain entries and {exercise_count} exercise sessions "
        f"over {days} days to {path}."
    )


@click.command()
@click.argument("destination", type=click.Path(dir_okay=False, path_type=Path))
@click.pass_context
def backup(ctx: click.Context, destination: Path) -> None:
    """Copy the database to DESTINATION, consistently, even while the app is open.

    Uses SQLite's online backup API; the copy is readable by its owner only. To restore,
    point tracker at the copy (--db DESTINATION) or copy it over the original while tracker
    is closed.
    """
    store = open_store(ctx, create=False)
    store.backup(destination)
    click.echo(
        f"Backed up {store.count('pain')} pain entries and {store.count('exercise')} "
        f"exercise sessions to {destination}."
    )
