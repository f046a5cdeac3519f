"""`tracker config path|show|set`: the settings file (the rules are in tracker/settings.py)."""

from __future__ import annotations

import click

from tracker.cli.common import config_file

SET_HELP = """Check VALUE against KEY's rule and write it into the settings file.

\b
KEY is one of:
  report.name            your name, printed on the report (verbatim)
  report.birth_date      date of birth, YYYY-MM-DD
  exercise.weekly_target weekly aerobic minutes (1-3000; default 150)
  app.theme              light or dark (the app also saves it when ctrl+t switches)
  keys.ACTION            the key for an app action, e.g. keys.log_pain f2

An empty VALUE ('') clears the setting. A damaged settings file is never replaced
unless you add --force (its text is then kept as config.toml.damaged).
"""


@click.group()
def config() -> None:
    """The settings file: where it is, what it says, and setting a value."""


@config.command("path")
@click.pass_context
def path_command(ctx: click.Context) -> None:
    """Print the settings file's path (it need not exist yet)."""
    click.echo(str(config_file(ctx)))


@config.command()
@click.pass_context
def show(ctx: click.Context) -> None:
    """Print every setting, and one line about anything in the file that was not used."""
    from tracker.settings import load, shown

    loaded = load(config_file(ctx))
    keys, key_problems = _checked_keys(loaded.settings.keys)
    for key, value in shown(loaded.settings):
        if not key.startswith("keys."):
            click.echo(f"{key} = {value}")
    for action, key in keys.items():
        click.echo(f"keys.{action} = {key}")
    problems = [*loaded.problems, *key_problems]
    if problems:
        click.echo(f"Warning: {loaded.path}: {'; '.join(problems)}", err=True)
    if not loaded.path.exists():
        click.echo(f"({loaded.path} does not exist yet: these are the defaults)", err=True)


@config.command("set", help=SET_HELP)
@click.argument("key")
@click.argument("value")
@click.option("--force", is_flag=True, help="Replace a settings file that cannot be read.")
@click.pass_context
def set_command(ctx: click.Context, key: str, value: str, force: bool) -> None:
    from tracker.problems import UsageProblem
    from tracker.settings import KEYS_TABLE, set_value

    table, _, action = key.partition(".")
    if table == KEYS_TABLE:
        _, problems = _checked_keys({action: value})
        if problems:
            raise UsageProblem(problems[0])
    written = set_value(key, value, config_file(ctx), force=force)
    click.echo(f"Set {key} in {written}.")


def _checked_keys(keys: dict[str, str]) -> tuple[dict[str, str], list[str]]:
    """The key overrides the app would accept, and a line for each it would refuse.

    The app's actions and Textual's key names decide, so this imports the app's action table
    (and Textual, about 300 ms) only when there are keys to check.
    """
    if not keys:
        return {}, []
    from tracker.tui.commands import check_key_overrides

    return check_key_overrides(keys)
