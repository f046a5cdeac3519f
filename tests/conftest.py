"""Every test gets its own real SQLite file, and the user's real data folder is never touched."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from tracker.cli import cli


@pytest.fixture(autouse=True)
def isolated_home(tmp_path, monkeypatch):
    """Point HOME, the XDG folders and TRACKER_DB into tmp_path for every test."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("TRACKER_DB", str(tmp_path / "tracker.db"))
    monkeypatch.delenv("TRACKER_TODAY", raising=False)
    return home


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "tracker.db"


@pytest.fixture
def invoke(db_path):
    """Run the CLI on the test's database; returns click's Result (stdout and stderr apart)."""
    runner = CliRunner()

    def run(*args: str, input: str | None = None):
        return runner.invoke(cli, ["--db", str(db_path), *args], input=input)

    return run
