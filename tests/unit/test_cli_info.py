"""`tracker info`, the backup it remembers, and shell completion."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from click.testing import CliRunner

from tracker import diary_info
from tracker.cli import cli
from tracker.store import SCHEMA_VERSION


def test_info_before_any_diary(invoke, db_path):
    result = invoke("info")
    assert result.exit_code == 0
    assert (
        result.stdout.strip() == f"No diary yet at {db_path}; the first entry you log creates it."
    )
    assert json.loads(invoke("info", "--json").stdout) == {"path": str(db_path), "exists": False}
    assert not db_path.exists()


def test_info_says_where_what_and_when(invoke, db_path):
    invoke("pain", "5")
    invoke("pain", "4", "--date", "yesterday")
    invoke("exercise", "walking", "30")
    lines = invoke("info").stdout.splitlines()
    assert lines[0].split(None, 1) == ["Diary:", str(db_path)]
    labels = [line.split(":", 1)[0] for line in lines]
    assert labels == [
        "Diary",
        "Size",
        "Entries",
        "Schema",
        "Last seen healthy",
        "Last backup",
        "Settings",
    ]
    text = "\n".join(lines)
    assert "2 pain entries, 1 exercise session" in text
    assert "Last backup:       never" in text
    assert f"version {SCHEMA_VERSION}" in text
    facts = json.loads(invoke("info", "--json").stdout)
    assert facts["rows"] == {
        "pain": 2,
        "exercise": 1,
        "medicine": 0,
        "med_change": 0,
        "dose": 0,
        "side_effect": 0,
        "symptom_rating": 0,
    }
    assert facts["size_bytes"] > 0 and facts["exists"] is True
    assert facts["last_checked_healthy"] is not None  # its own writes keep the stamp
    assert facts["last_backup"] is None
    assert facts["config_path"] == os.environ["TRACKER_CONFIG"]


def test_a_changed_file_is_not_called_healthy(invoke, db_path):
    invoke("pain", "5")
    os.utime(db_path, ns=(1, 1))  # touched by something else: the stamp no longer matches
    facts = json.loads(invoke("info", "--json").stdout)
    assert facts["last_checked_healthy"] is None
    assert "not since it last changed" in invoke("info").stdout
    assert invoke("check").exit_code == 0  # a full check that passes records the stamp
    assert json.loads(invoke("info", "--json").stdout)["last_checked_healthy"] is not None


def test_a_backup_is_remembered(invoke, db_path, tmp_path):
    invoke("pain", "5")
    copy = tmp_path / "copy [1].db"
    assert invoke("backup", str(copy)).exit_code == 0
    backup = json.loads(invoke("info", "--json").stdout)["last_backup"]
    assert backup["path"] == str(copy.resolve())
    assert backup["at"][:4].isdigit()
    assert f"to {copy.resolve()}" in invoke("info").stdout
    assert diary_info.last_backup(db_path) == diary_info.Backup(backup["path"], backup["at"])
    note = diary_info.backup_record_path(db_path)
    assert oct(note.stat().st_mode & 0o777) == "0o600"


def test_a_refused_backup_is_not_remembered(invoke, tmp_path):
    invoke("pain", "5")
    existing = tmp_path / "there.db"
    existing.write_text("keep")
    assert invoke("backup", str(existing)).exit_code == 2
    assert json.loads(invoke("info", "--json").stdout)["last_backup"] is None


def test_human_sizes():
    assert diary_info.human_size(999) == "999 bytes"
    assert diary_info.human_size(12_345) == "12.3 kB"
    assert diary_info.human_size(5_600_000) == "5.6 MB"


# ---- shell completion (click's, through the lazy group) ------------------------------------
def test_bash_completion_script_is_generated():
    result = CliRunner().invoke(
        cli, [], prog_name="tracker", env={"_TRACKER_COMPLETE": "bash_source"}
    )
    assert result.exit_code == 0
    assert "_tracker_completion()" in result.output
    assert "complete -o nosort -F _tracker_completion tracker" in result.output


def test_completion_offers_the_lazy_commands():
    env = {"_TRACKER_COMPLETE": "bash_complete", "COMP_WORDS": "tracker ex", "COMP_CWORD": "1"}
    result = CliRunner().invoke(cli, [], prog_name="tracker", env=env)
    assert result.output.split() == ["plain,exercise", "plain,export"]
    env = {**env, "COMP_WORDS": "tracker config ", "COMP_CWORD": "2"}
    result = CliRunner().invoke(cli, [], prog_name="tracker", env=env)
    assert result.output.split() == ["plain,path", "plain,set", "plain,show"]


def test_completion_through_the_console_script_for_zsh_and_fish():
    """What `eval "$(_TRACKER_COMPLETE=zsh_source tracker)"` runs: the installed entry point."""
    for shell, marker in (("zsh", "#compdef tracker"), ("fish", "complete --no-files")):
        result = subprocess.run(
            [sys.executable, "-c", "from tracker.cli import main; main()"],
            env={**os.environ, "_TRACKER_COMPLETE": f"{shell}_source"},
            capture_output=True,
            text=True,
            timeout=30,
        )
        assert result.returncode == 0, result.stderr
        assert marker in result.stdout
