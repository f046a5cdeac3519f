"""The click group and every command: see tracker.cli (the list of commands is there).

Loaded by `tracker.cli.main` for every command but the fast `remind`, and by `from tracker.cli
import cli` (tests).
"""

from __future__ import annotations

import importlib

import click

from tracker.cli import COMMANDS


class LazyGroup(click.Group):
    """A group that imports a command's module only when that command is needed.

    It is also the one exit point: a ValidationError or any click usage error becomes one
    line on stderr and exit code 2; a StoreError (a locked, corrupt or foreign file) one line
    and exit code 1. No traceback reaches the user.
    """

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(name for name in COMMANDS if self.get_command(ctx, name) is not None)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module_name, attribute = target.split(":")
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name == module_name:
                return None
            raise
        return getattr(module, attribute, None)

    def invoke(self, ctx: click.Context):
        """Run the command; a closed pipe becomes ReaderGone (a quiet exit 0, not click's 1)."""
        import errno

        try:
            return super().invoke(ctx)
        except OSError as exc:
            if exc.errno != errno.EPIPE:
                raise
            from tracker.errors import ReaderGone

            raise ReaderGone() from None

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        from tracker.errors import run_guarded

        return run_guarded(
            lambda: super(LazyGroup, self).main(
                args=args,
                prog_name=prog_name or "tracker",
                complete_var=complete_var,
                standalone_mode=False,
                **extra,
            ),
            standalone_mode=standalone_mode,
        )


@click.group(
    "tracker",
    cls=LazyGroup,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.option(
    "--db",
    "db_path",
    metavar="PATH",
    envvar="TRACKER_DB",
    help="The database file (default: tracker.db in your user data folder; env TRACKER_DB).",
)
@click.option(
    "--config",
    "config_path",
    metavar="PATH",
    envvar="TRACKER_CONFIG",
    help="The settings file (default: config.toml in your user config folder; env TRACKER_CONFIG).",
)
@click.version_option(package_name="tracker", message="tracker %(version)s")
@click.pass_context
def cli(ctx: click.Context, db_path: str | None, config_path: str | None) -> None:
    """tracker: a pain and exercise diary for the terminal.

    Run with no command to open the app. Log from the shell with `tracker pain 5` or
    `tracker exercise walking 30`. Everything stays in one SQLite file on this machine.
    """
    ctx.ensure_object(dict)
    ctx.obj["db"] = db_path
    ctx.obj["config"] = config_path
    if ctx.invoked_subcommand is None:
        ui = cli.get_command(ctx, "ui")
        assert ui is not None  # registered in this package, like every command
        ctx.invoke(ui)
