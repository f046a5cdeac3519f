"""Outputs never destroy inputs: every file tracker writes, checked as an adversary would.

Each test drives the real CLI on a real SQLite file and then looks at the files on disk:
what was refused is byte-for-byte unchanged, what was written is whole and 0600.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tracker import safe_files
from tracker.sample import write_sample
from tracker.store import Store


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture
def diary(db_path):
    write_sample(db_path, days=60, seed=3)
    return db_path


@pytest.fixture
def open_umask():
    """umask 000: a careless default must still give owner-only files."""
    old = os.umask(0)
    yield
    os.umask(old)


# ---- the diary itself is never an output ---------------------------------------------------
@pytest.mark.parametrize(
    "args",
    [
        ("export", "--table", "pain", "{db}"),
        ("export", "--table", "pain", "--force", "{db}"),
        ("export", "--dictionary", "--force", "{db}"),
        ("report", "--force", "{db}"),
        ("backup", "{db}"),
        ("export", "--force", "{db}-wal"),
    ],
)
def test_no_command_writes_over_the_diary(diary, invoke, args):
    before = digest(diary)
    result = invoke(*(a.format(db=diary) for a in args))
    assert result.exit_code == 2, result.output
    assert result.stderr.count("\n") == 1
    assert digest(diary) == before
    assert Store.open(diary).count("pain") > 0


def test_any_sqlite_file_is_refused_even_with_force(diary, invoke, tmp_path):
    """A backup is an SQLite file: no export or report may replace it."""
    copy = tmp_path / "copy.db"
    assert invoke("backup", str(copy)).exit_code == 0
    before = digest(copy)
    for args in (("export", "--force", str(copy)), ("report", "--force", str(copy))):
        result = invoke(*args)
        assert result.exit_code == 2 and "never overwritten" in result.stderr
    assert digest(copy) == before


# ---- existing files need the user's word ---------------------------------------------------
@pytest.mark.parametrize(
    "command",
    [("export",), ("export", "--dictionary"), ("report",)],
    ids=["export", "dictionary", "report"],
)
def test_an_existing_file_is_replaced_only_with_force(diary, invoke, tmp_path, command):
    target = tmp_path / "out.file"
    target.write_text("the doctor's copy\n")
    refused = invoke(*command, str(target))
    assert refused.exit_code == 2
    assert "already exists" in refused.stderr and "--force" in refused.stderr
    assert target.read_text() == "the doctor's copy\n"
    forced = invoke(*command, "--force", str(target))
    assert forced.exit_code == 0, forced.output
    assert target.read_text(errors="replace") != "the doctor's copy\n"
    assert mode(target) == 0o600


def test_a_planted_symlink_is_never_followed(diary, invoke, tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n")
    link = tmp_path / "export.csv"
    link.symlink_to(victim)
    refused = invoke("export", str(link))
    assert refused.exit_code == 2 and "symbolic link" in refused.stderr
    forced = invoke("export", "--force", str(link))
    assert forced.exit_code == 0
    assert victim.read_text() == "precious\n"  # the link was replaced, not followed
    assert not link.is_symlink() and link.read_text(encoding="utf-8-sig").startswith("date,")


@pytest.mark.parametrize(
    "command",
    [("export",), ("export", "--dictionary"), ("report",), ("backup",)],
    ids=["export", "dictionary", "report", "backup"],
)
def test_every_output_is_owner_only_whatever_the_umask(
    diary, invoke, tmp_path, open_umask, command
):
    target = tmp_path / "out.bin"
    result = invoke(*command, str(target))
    assert result.exit_code == 0, result.output
    assert mode(target) == 0o600
    assert not list(tmp_path.glob(".*.part"))


def test_dash_is_standard_output_everywhere_and_never_a_file(diary, invoke, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert invoke("export", "-").stdout.startswith("date,")
    assert invoke("export", "--dictionary", "-").stdout.strip()
    pdf = invoke("report", "-")
    assert pdf.exit_code == 0 and pdf.stdout_bytes.startswith(b"%PDF")
    refused = invoke("backup", "-")
    assert refused.exit_code == 2 and "standard output" in refused.stderr
    assert not (tmp_path / "-").exists()


def test_a_failed_write_keeps_the_old_file_whole(tmp_path):
    """A full disk or Ctrl-C half-way: the previous file is untouched, no part file is left."""
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "report.pdf"
    target.write_bytes(b"old report")
    with pytest.raises(OSError), safe_files.atomic_output(target, force=True, binary=True) as out:
        out.write(b"half of a new rep")
        raise OSError(28, "No space left on device")
    assert target.read_bytes() == b"old report"
    assert sorted(p.name for p in folder.iterdir()) == ["report.pdf"]


def test_a_file_that_appears_while_writing_is_not_replaced(tmp_path):
    """The final step is a link(), which fails if the name was taken meanwhile."""
    target = tmp_path / "export.csv"
    with pytest.raises(safe_files.OutputExists), safe_files.atomic_output(target) as out:
        out.write("new")
        target.write_text("someone else's")
    assert target.read_text() == "someone else's"


# ---- backup ---------------------------------------------------------------------------------
def test_backup_checks_its_copy_and_refuses_a_damaged_diary(diary, invoke, tmp_path):
    conn = sqlite3.connect(diary)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    data = bytearray(diary.read_bytes())
    for offset in range(page_size * 2 + 100, page_size * 3, 97):  # garble page 3
        data[offset] ^= 0x5A
    diary.write_bytes(bytes(data))
    target = tmp_path / "copy.db"
    result = invoke("backup", str(target))
    assert result.exit_code == 1, result.output
    assert "damaged" in result.stderr and "tracker check" in result.stderr
    assert not target.exists() and not list(tmp_path.glob(".copy.db*"))


def test_a_leftover_part_file_never_blocks_the_next_backup(diary, invoke, tmp_path):
    (tmp_path / ".copy.db.abc123.part").write_bytes(b"killed half-way")
    result = invoke("backup", str(tmp_path / "copy.db"))
    assert result.exit_code == 0 and "checked" in result.stdout


# ---- check ----------------------------------------------------------------------------------
def test_check_names_every_damaged_row_and_never_writes(diary, invoke):
    conn = sqlite3.connect(diary, isolation_level=None)
    conn.execute("PRAGMA ignore_check_constraints = 1")
    conn.execute("UPDATE pain SET date = '20x4-01-01' WHERE id = 3")
    conn.execute("UPDATE pain SET average = 99 WHERE id = 4")
    conn.execute("UPDATE exercise SET logged_at = 'yesterday-ish' WHERE id = 2")
    conn.close()
    before = digest(diary)
    result = invoke("check")
    assert result.exit_code == 1
    assert "pain row 3: date '20x4-01-01'" in result.stderr
    assert "pain row 4: average 99" in result.stderr
    assert "exercise row 2: logged_at" in result.stderr
    assert "tracker edit pain 3" in result.stderr
    assert digest(diary) == before


def test_check_says_ok_on_a_healthy_diary(diary, invoke):
    result = invoke("check")
    assert result.exit_code == 0 and ": ok (" in result.stdout


@pytest.mark.parametrize("command", ["stats", "plot", "tips", "list", "export", "report"])
def test_a_damaged_value_is_named_not_a_traceback(diary, invoke, tmp_path, command):
    conn = sqlite3.connect(diary, isolation_level=None)
    conn.execute("UPDATE pain SET date = '20x4-01-01' WHERE id = 3")
    conn.close()
    args = [command, str(tmp_path / "r.pdf")] if command == "report" else [command]
    if command == "list":
        args += ["--days", "0"]
    result = invoke(*args)
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.exit_code == 1, result.output
    assert "pain row 3" in result.stderr and result.stderr.count("\n") == 1


# ---- bad arguments: one line, exit 2, nothing written ----------------------------------------
def test_empty_db_path_is_a_usage_error(invoke, tmp_path, monkeypatch):
    from click.testing import CliRunner

    from tracker.cli import cli

    result = CliRunner().invoke(cli, ["--db", "", "pain", "5"])
    assert result.exit_code == 2 and "--db" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ("list", "--days", "800000"),
        ("edit", "pain", "99999999999999999999", "--average", "3"),
        ("delete", "exercise", "99999999999999999999", "--yes"),
        ("edit", "pain", "1", "--date", ""),
        ("edit", "exercise", "1", "--date", " "),
    ],
)
def test_hostile_numbers_and_empty_dates_are_one_line(diary, invoke, args):
    before = Store.open(diary).pain_rows()
    result = invoke(*args)
    assert result.exit_code == 2, result.output
    assert (
        result.stderr.count("\n") == 1
        and result.exception is None
        or isinstance(result.exception, SystemExit)
    )
    assert Store.open(diary).pain_rows() == before


def test_a_closed_pipe_exits_quietly(diary):
    tracker = Path(sys.executable).parent / "tracker"
    pipeline = subprocess.run(
        f"'{tracker}' --db '{diary}' list --days 0 | head -1; echo \"status=${{PIPESTATUS[0]}}\"",
        shell=True,
        executable="/bin/bash",
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert pipeline.stdout.rstrip().endswith("status=0"), pipeline.stdout + pipeline.stderr
    assert pipeline.stderr == ""


# ---- a read-only diary can still be read ------------------------------------------------------
@pytest.fixture
def read_only_folder(tmp_path):
    """A real read-only file system (tmpfs remounted ro); skipped where mounting is denied."""
    folder = tmp_path / "ro"
    folder.mkdir()
    if (
        subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(folder)], capture_output=True
        ).returncode
        != 0
    ):
        pytest.skip("mounting a tmpfs is not permitted here")
    yield folder
    subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def test_a_diary_on_a_read_only_medium_can_be_read_and_exported(read_only_folder, invoke, tmp_path):
    diary = read_only_folder / "diary.db"
    write_sample(diary, days=30, seed=2)
    subprocess.run(["mount", "-o", "remount,ro", str(read_only_folder)], check=True)
    from click.testing import CliRunner

    from tracker.cli import cli

    def run(*args):
        return CliRunner().invoke(cli, ["--db", str(diary), *args])

    assert run("list", "--days", "0").exit_code == 0
    assert run("stats").exit_code == 0
    exported = run("export", "--table", "pain", str(tmp_path / "out.csv"))
    assert exported.exit_code == 0 and (tmp_path / "out.csv").read_text(
        encoding="utf-8-sig"
    ).startswith("id,")
    assert run("check").exit_code == 0
    refused = run("pain", "5")
    assert refused.exit_code == 1 and "read-only" in refused.stderr
