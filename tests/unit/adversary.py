"""Shared tools of the adversarial tests: run the CLI, judge the outcome, look at files.

Used by test_adversarial_fuzz.py, test_adversarial_kill.py and test_adversarial_bitflip.py.
Everything works on real files in the test's tmp_path: no mocks. A run is judged by the
README's promise ("When something is wrong"): no traceback, exit code 0, 1 or 2, and exactly
one line on stderr when the exit code is not 0.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import signal
import sqlite3
import stat
import subprocess
import sys
import time
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from click.testing import CliRunner

from tracker.cli import cli

ALLOWED_CODES = (0, 1, 2)
TRACEBACK_MARK = "Traceback (most recent call last)"
#: "Exception ignored in ..." is how Python reports an error it could not raise (a broken pipe
#: at exit, a failing __del__): just as unwelcome on a user's terminal as a traceback.
IGNORED_MARK = "Exception ignored"


# ---- one run ------------------------------------------------------------------------------
@dataclass
class Outcome:
    """What one run of the CLI did, in process or in a subprocess."""

    args: list[str]
    code: int | None  # None: still running when the time limit came (killed)
    stdout: str
    stderr: str
    traceback: str | None = None  # an exception that escaped the CLI (in process)

    @property
    def crashed(self) -> bool:
        """True when the user would have seen a Python traceback."""
        return bool(self.traceback) or TRACEBACK_MARK in self.stderr or IGNORED_MARK in self.stderr

    def stderr_lines(self) -> list[str]:
        return [line for line in self.stderr.strip().splitlines()]

    def brief(self, limit: int = 160) -> str:
        """One line for an assertion message: the arguments, the code and what was said."""
        said = self.traceback.strip().splitlines()[-1] if self.traceback else self.stderr.strip()
        said = said.replace("\n", " | ")
        if len(said) > limit:
            said = said[:limit] + "..."
        return f"{self.args!r} -> exit {self.code}: {said!r}"


def invoke(args: Sequence[str], input: str | None = None) -> Outcome:
    """Run `tracker ARGS` in this process through click's CliRunner, as conftest's `invoke` does.

    standalone_mode stays on (the default), so the CLI's own exit point turns every known
    failure into one line and a SystemExit; any other exception is a traceback the user saw.
    """
    result = CliRunner().invoke(cli, list(args), input=input)
    escaped = None
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        escaped = "".join(traceback.format_exception(*result.exc_info))
    return Outcome(list(args), result.exit_code, result.stdout, result.stderr, escaped)


def problems(outcome: Outcome) -> list[str]:
    """The README's rules this run broke (an empty list when it behaved)."""
    found = []
    if outcome.crashed:
        found.append("traceback")
    if outcome.code not in ALLOWED_CODES:
        found.append(f"exit code {outcome.code}")
    if outcome.code not in (0, None) and len(outcome.stderr_lines()) != 1:
        found.append(f"{len(outcome.stderr_lines())} lines on stderr")
    return found


# ---- subprocesses -------------------------------------------------------------------------
def tracker_command() -> list[str]:
    """The installed `tracker` script of this venv (what a user runs), else `python -m tracker`."""
    script = Path(sys.executable).parent / "tracker"
    if script.exists():
        return [str(script)]
    return [sys.executable, "-m", "tracker"]


def child_env(home: Path, db: Path | None = None, **extra: str) -> dict[str, str]:
    """The environment of a child `tracker`: HOME and the diary inside the test's folder."""
    env = dict(os.environ)
    env.pop("TRACKER_TODAY", None)
    env.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        NO_COLOR="1",
        COLUMNS="100",
        LINES="40",
        LANG="C.UTF-8",
        LC_ALL="C.UTF-8",
    )
    if db is not None:
        env["TRACKER_DB"] = str(db)
    env.update(extra)
    return env


def run(
    args: Sequence[str],
    env: dict[str, str],
    timeout: float = 60,
    input: str | None = None,
    cwd: Path | None = None,
) -> Outcome:
    """Run `tracker ARGS` in a subprocess to the end (killed after `timeout` seconds)."""
    proc = subprocess.Popen(
        [*tracker_command(), *args],
        cwd=cwd,
        stdin=subprocess.PIPE if input is not None else subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        text=True,
        errors="backslashreplace",
    )
    try:
        out, err = proc.communicate(input=input, timeout=timeout)
        return Outcome(list(args), proc.returncode, out, err)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate(timeout=30)
        return Outcome(list(args), None, out, err)


@dataclass
class Interrupted:
    """A subprocess run that was (perhaps) interrupted by a signal."""

    outcome: Outcome
    signalled: bool  # the signal was sent while the process was still running
    at: float  # seconds after the start when the signal was sent (or the process ended)

    @property
    def killed(self) -> bool:
        """True when the signal actually ended the process (it had not finished first)."""
        return self.signalled and self.outcome.code is not None and self.outcome.code < 0


def run_and_signal(
    args: Sequence[str],
    env: dict[str, str],
    delay: float,
    *,
    sig: int = signal.SIGKILL,
    trigger: Callable[[], bool] | None = None,
    trigger_timeout: float = 10,
) -> Interrupted:
    """Start `tracker ARGS`, send `sig` `delay` seconds after start (or after `trigger()`).

    With a trigger, the file system is polled every half millisecond until `trigger()` is
    true (say, "the new database file exists"), then `delay` more seconds pass: this aims
    the signal at a window too short to hit by a delay from the start alone.
    """
    start = time.monotonic()
    proc = subprocess.Popen(
        [*tracker_command(), *args],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        text=True,
        errors="backslashreplace",
    )
    if trigger is not None:
        limit = start + trigger_timeout
        while proc.poll() is None and not trigger() and time.monotonic() < limit:
            time.sleep(0.0005)
    if delay > 0:
        time.sleep(delay)
    signalled = proc.poll() is None
    at = time.monotonic() - start
    if signalled:
        proc.send_signal(sig)
    out, err = proc.communicate(timeout=60)
    return Interrupted(Outcome(list(args), proc.returncode, out, err), signalled, at)


# ---- files --------------------------------------------------------------------------------
def sha256(path: Path) -> str | None:
    """The file's digest, or None when there is no such file."""
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except FileNotFoundError:
        return None


def wal_size(db: Path) -> int:
    """Bytes in the database's -wal file (0 when there is none)."""
    try:
        return os.stat(f"{db}-wal").st_size
    except FileNotFoundError:
        return 0


def table_rows(db: Path) -> dict[str, list[tuple]]:
    """Every row of every kind's table read with plain sqlite3 (raises if the file is not one)."""
    from tracker.kinds import KINDS

    conn = sqlite3.connect(db)
    try:
        return {
            of.table: conn.execute(f"SELECT * FROM {of.table} ORDER BY id").fetchall()
            for of in KINDS.values()
        }
    finally:
        conn.close()


def integrity(db: Path) -> str:
    """PRAGMA integrity_check's first line on a scratch copy (the file itself is not opened).

    Opening a WAL database makes -wal and -shm files; a copy keeps the file under test as it
    was. 'ok' for a healthy file; anything else (including an error opening it) names damage.
    """
    scratch = Path(f"{db}.integrity-scratch")
    scratch.write_bytes(Path(db).read_bytes())
    try:
        conn = sqlite3.connect(scratch)
        try:
            rows = conn.execute("PRAGMA integrity_check").fetchall()
        finally:
            conn.close()
        return "ok" if rows == [("ok",)] else "; ".join(str(r[0]) for r in rows[:3])
    except sqlite3.DatabaseError as exc:
        return f"error: {exc}"
    finally:
        for suffix in ("", "-wal", "-shm", "-journal"):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(f"{scratch}{suffix}")


def is_healthy_tracker_db(db: Path) -> bool:
    """True when `db` is an SQLite file that passes integrity_check and has both tables."""
    if not Path(db).is_file() or integrity(db) != "ok":
        return False
    try:
        table_rows(db)
    except sqlite3.DatabaseError:
        return False
    return True


def make_null_device(path: Path) -> Path:
    """A stand-in for /dev/null inside the test's folder: a character device 1,3 (mknod).

    The system's /dev/null itself is never handed to a command: these tests may run as root,
    and a write-then-rename gone wrong (mkstemp in /dev, rename onto the name) replaces it
    with a regular file, which breaks the whole machine. It happened once while these tests
    were written, against an older `export`. Without the right to mknod, a symbolic link to
    /dev/null: writing through it is harmless, and a rename replaces only the link.
    """
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except (PermissionError, AttributeError, OSError):
        os.symlink(os.devnull, path)
    return path


def file_kind(path: Path) -> int | None:
    """The file type bits of `path` itself (not of a link's target), None when absent."""
    try:
        return stat.S_IFMT(os.lstat(path).st_mode)
    except FileNotFoundError:
        return None


def is_char_device(path: Path) -> bool:
    try:
        return stat.S_ISCHR(os.lstat(path).st_mode)
    except FileNotFoundError:
        return False


@dataclass
class Tally:
    """Counts for a loop of runs, printed (visible with -s) and put in assertion messages."""

    name: str
    counts: dict[str, int] = field(default_factory=dict)
    examples: list[str] = field(default_factory=list)

    def add(self, key: str, amount: int = 1) -> None:
        self.counts[key] = self.counts.get(key, 0) + amount

    def note(self, example: str, keep: int = 12) -> None:
        if len(self.examples) < keep:
            self.examples.append(example)

    def __getitem__(self, key: str) -> int:
        return self.counts.get(key, 0)

    def summary(self) -> str:
        figures = ", ".join(f"{key} {value}" for key, value in self.counts.items())
        lines = [f"{self.name}: {figures}", *(f"  - {e}" for e in self.examples)]
        return "\n".join(lines)

    def report(self) -> str:
        text = self.summary()
        print(f"\n{text}")
        return text
