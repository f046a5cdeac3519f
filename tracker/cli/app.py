"""Opening the Textual app: `ui` (your diary) and `demo` (a sample in a temporary database).

Textual costs about 300 ms to import, so it loads here, inside the commands, never on the
one-line logging path.
"""

from __future__ import annotations

import click

from tracker.cli.common import config_file, db_path


@click.command()
@click.pass_context
def ui(ctx: click.Context) -> None:
    """Open the app on your diary (the same as running tracker with no command)."""
    from tracker.store import Store
    from tracker.tui.app import run_app

    path = db_path(ctx)
    Store.open(path).close()  # create or migrate first, so a bad file fails here in one line
    # 1 when the app ended on an exception, never a silent 0
    ctx.exit(run_app(path, config_path=config_file(ctx)))


@click.command()
@click.option(
    "--days",
    type=click.IntRange(7, 3650),
    default=180,
    show_default=True,
    help="How many days of sample history.",
)
@click.option("--seed", type=int, default=1, show_default=True, help="Random seed.")
@click.pass_context
def demo(ctx: click.Context, days: int, seed: int) -> None:
    """Open the app on a generated sample history in a temporary database.

    Your real diary is never opened or touched; the temporary file is removed on exit.
    """
    import tempfile
    from pathlib import Path

    from tracker.sample import write_sample
    from tracker.tui.app import run_app

    with tempfile.TemporaryDirectory(prefix="tracker-demo-") as folder:
        path = Path(folder) / "demo.db"
        write_sample(path, days=days, seed=seed, medicines=True)
        status = run_app(path, demo=True, config_path=config_file(ctx))
    ctx.exit(status)
