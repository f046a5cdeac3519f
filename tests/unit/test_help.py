"""Every command, subcommand and option explains itself (`--help` is the manual)."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from tracker.cli import COMMANDS, cli


def all_commands():
    group_ctx = click.Context(cli)
    for name in sorted(COMMANDS):
        command = cli.get_command(group_ctx, name)
        assert command is not None, f"{name} is registered but its module is missing"
        yield name, command
        if isinstance(command, click.Group):
            for sub in command.commands.values():
                yield f"{name} {sub.name}", sub


@pytest.mark.parametrize(("name", "command"), list(all_commands()), ids=lambda v: str(v))
def test_command_and_options_have_help(name, command):
    assert (command.help or "").strip(), f"{name} has no help text"
    for param in command.params:
        if isinstance(param, click.Option) and param.name not in ("help", "version"):
            assert (param.help or "").strip(), f"{name} {param.opts[0]} has no help text"


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_help_runs(name):
    result = CliRunner().invoke(cli, [name, "--help"])
    assert result.exit_code == 0 and "Usage: tracker" in result.output
