"""Kill loops: `tracker` killed at random instants, then a fresh command must accept the file.

Each scenario runs the real `tracker` script in a subprocess and sends SIGKILL (or SIGINT) at
seeded random instants. Half the runs aim by time from the start (spread over the command's
own measured duration, at least 0-300 ms); the other half by the file system: the signal
goes 0-8 ms after the first file the command makes appears (the new database or its
temporary file, the migration's copy, the import's -wal frames, the backup copy), a window
too short to hit by time alone. After every kill a fresh command (run in this process) must
accept the file, and no confirmed row may be missing ("Stored ..." printed, an import
reported, the rows present before). The figures are printed (`pytest -s`) and put in the
assertion messages.
"""

from __future__ import annotations

import json
import random
import shutil
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest
from adversary import (
    Tally,
    child_env,
    integrity,
    invoke,
    run,
    run_and_signal,
    table_rows,
    tracker_command,
    wal_size,
)

from tracker.store import SCHEMA_VERSION, schema

ITERATIONS = 12
SEED = 20261121


@pytest.fixture
def env(tmp_path):
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    return child_env(home, tmp_path / "unused-default.db")


def delay_plan(rng: random.Random, index: int, span: float) -> tuple[float, bool]:
    """(seconds, aim by file?) for run `index`: even runs by time over `span`, odd by file."""
    if index % 2 == 0:
        return rng.uniform(0, span), False
    return rng.uniform(0, 0.008), True


def measure(args: list[str], env: dict, prepare) -> float:
    """Seconds one uninterrupted run takes (on a file `prepare()` makes), at least 0.3."""
    prepare()
    start = time.monotonic()
    outcome = run(args, env, timeout=120)
    elapsed = time.monotonic() - start
    assert outcome.code == 0, f"the uninterrupted run failed: {outcome.brief()}"
    return max(0.3, 1.2 * elapsed)


def listed(db: Path) -> dict:
    """`tracker list --json --days 0` in this process (a fresh Store); raises if refused."""
    outcome = invoke(["--db", str(db), "list", "--json", "--days", "0"])
    if outcome.code != 0 or outcome.crashed:
        raise AssertionError(outcome.brief())
    return json.loads(outcome.stdout)


def count_traceback(tally: Tally, outcome) -> None:
    """Tracebacks, in two kinds: Python's own during start-up, and tracker's.

    A SIGINT that lands while Python is still starting (the first ~60 ms) is printed by the
    interpreter: while it imports modules it dies of the signal (exit -2); earlier still, while
    it sets up `site` or the standard streams, it prints "Fatal Python error: init_..." and
    exits 1, or reports "Failed checking if argv[0] is an import path entry" and goes on. In
    each case tracker's code never ran. Any other traceback is tracker's.
    """
    if "Traceback (most recent call last)" not in outcome.stderr:
        return
    last = outcome.stderr.strip().splitlines()[-1]
    interpreter_start_up = (
        outcome.code == -signal.SIGINT
        or "Fatal Python error: init_" in outcome.stderr
        or "Failed checking if argv[0] is an import path entry" in outcome.stderr
    )
    if last == "KeyboardInterrupt" and interpreter_start_up:
        tally.add("start-up KeyboardInterrupt tracebacks (Python's own)")
    else:
        tally.add("tracebacks")
        tail = "\n    ".join(outcome.stderr.strip().splitlines()[-12:])
        tally.note(f"traceback (exit {outcome.code}): {last}\n    {tail}")


# ---- (a) a first run killed: the half-made database -----------------------------------------
def first_run_loop(tmp_path: Path, env: dict, sig: int, iterations: int, name: str) -> Tally:
    rng = random.Random(SEED + sig)
    tally = Tally(name)
    for index in range(iterations):
        db = tmp_path / f"first-{index}" / "tracker.db"
        db.parent.mkdir()
        delay, by_file = delay_plan(rng, index, 0.3)
        # the first file in the empty folder: the database, or a temporary one it is built in
        trigger = (lambda folder=db.parent: any(folder.iterdir())) if by_file else None
        result = run_and_signal(
            ["--db", str(db), "pain", "5"], env, delay, sig=sig, trigger=trigger
        )
        tally.add("runs")
        tally.add("signalled" if result.signalled else "finished first")
        tally.add("kills" if result.killed else "not killed")
        count_traceback(tally, result.outcome)
        confirmed = "Stored pain entry" in result.outcome.stdout
        if result.killed and any(db.parent.iterdir()) and not confirmed:
            tally.add("killed with files half-made")
        after = invoke(["--db", str(db), "pain", "4"])
        if after.code != 0 or after.crashed:
            tally.add("refusals")
            tally.note(
                f"run {index} ({'file' if by_file else 'time'} +{delay * 1000:.0f} ms, "
                f"signal at {result.at * 1000:.0f} ms): next `pain 4` {after.brief()}"
            )
            continue
        try:
            rows = listed(db)["pain"]
        except AssertionError as exc:
            tally.add("refusals")
            tally.note(f"run {index}: list refused after pain 4 succeeded: {exc}")
            continue
        averages = [row["average"] for row in rows]
        if confirmed and averages.count(5) != 1:
            tally.add("rows lost")
            tally.note(f"run {index}: the confirmed `pain 5` is missing: {averages}")
        if averages.count(4) != 1 or averages.count(5) > 1 or len(averages) > 2:
            tally.add("inconsistent")
            tally.note(f"run {index}: rows {averages}")
        if integrity(db) != "ok":
            tally.add("corrupt")
    return tally


def test_a_first_run_killed_at_any_instant_leaves_a_usable_file(tmp_path, env):
    tally = first_run_loop(tmp_path, env, signal.SIGKILL, 20, "first run, SIGKILL")
    text = tally.report()
    assert tally["kills"] > 0, "no run was killed while working: the aim is off\n" + text
    bad = tally["refusals"] + tally["rows lost"] + tally["inconsistent"] + tally["corrupt"]
    assert bad == 0, text


def test_ctrl_c_of_a_first_run_leaves_a_usable_file_and_no_traceback(tmp_path, env):
    tally = first_run_loop(tmp_path, env, signal.SIGINT, 12, "first run, SIGINT")
    text = tally.report()
    bad = tally["refusals"] + tally["rows lost"] + tally["inconsistent"] + tally["corrupt"]
    assert bad == 0, text
    assert tally["tracebacks"] == 0, f"{tally['tracebacks']} tracebacks from tracker\n{text}"


# ---- (b) two first commands at once on the same new path --------------------------------
def test_two_first_commands_at_once_both_succeed(tmp_path, env):
    tally = Tally("two first runs at once")
    for index in range(10):
        db = tmp_path / f"pair-{index}" / "tracker.db"
        db.parent.mkdir()
        procs = [
            subprocess.Popen(
                [*tracker_command(), "--db", str(db), "pain", str(average)],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                stdin=subprocess.DEVNULL,
                env=env,
                text=True,
            )
            for average in (5, 6)
        ]
        results = [(p, *p.communicate(timeout=60)) for p in procs]
        tally.add("pairs")
        failed = [(p.returncode, err.strip()) for p, _, err in results if p.returncode != 0]
        if failed:
            tally.add("pairs with a failure")
            tally.note(f"pair {index}: {failed}")
        try:
            averages = sorted(row["average"] for row in listed(db)["pain"])
        except AssertionError as exc:
            tally.add("refusals")
            tally.note(f"pair {index}: list afterwards: {exc}")
            continue
        confirmed = [a for a, (_, out, _) in zip((5, 6), results, strict=True) if "Stored" in out]
        if any(a not in averages for a in confirmed):
            tally.add("rows lost")
    text = tally.report()
    assert tally["pairs with a failure"] + tally["refusals"] + tally["rows lost"] == 0, text


# ---- (c) migrations killed ------------------------------------------------------------------
OLD_ROWS = 400


def make_old_database(path: Path) -> None:
    """A file as the tracker before the last migration left it, holding OLD_ROWS pain rows."""
    from tracker.store import APPLICATION_ID

    path.touch(mode=0o600)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    schema.migrate(conn, stop_before=schema.MIGRATION_NAMES[-1])
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.executemany(
        "INSERT INTO pain (date, logged_at, average, symptoms, note) VALUES (?, ?, ?, '', ?)",
        [
            (
                f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}",
                f"2025-01-01T{i % 24:02d}:00:00",
                i % 11,
                f"r{i}",
            )
            for i in range(OLD_ROWS)
        ],
    )
    conn.close()


@pytest.fixture
def old_db_bytes(tmp_path) -> bytes:
    path = tmp_path / "template-old.db"
    make_old_database(path)
    assert not Path(f"{path}-wal").exists()
    return path.read_bytes()


def bak_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".bak" in p.name)


def new_files(folder: Path) -> list[str]:
    """Files beside the diary other than its own -wal and -shm: the migration's copy."""
    own = {"tracker.db", "tracker.db-wal", "tracker.db-shm"}
    return sorted(p.name for p in folder.iterdir() if p.name not in own)


def test_a_migration_killed_at_any_instant_loses_nothing(tmp_path, env, old_db_bytes):
    rng = random.Random(SEED + 3)
    tally = Tally("migration killed")
    probe = tmp_path / "probe" / "old.db"
    probe.parent.mkdir()
    span = measure(
        ["--db", str(probe), "list", "--days", "0"], env, lambda: probe.write_bytes(old_db_bytes)
    )
    for index in range(ITERATIONS):
        folder = tmp_path / f"mig-{index}"
        folder.mkdir()
        db = folder / "tracker.db"
        db.write_bytes(old_db_bytes)
        delay, by_file = delay_plan(rng, index, span)
        trigger = (lambda folder=folder: bool(new_files(folder))) if by_file else None
        result = run_and_signal(
            ["--db", str(db), "list", "--days", "0"], env, delay, trigger=trigger
        )
        tally.add("runs")
        tally.add("kills" if result.killed else "not killed")
        left = new_files(folder)
        tally.add("runs leaving a .bak", bool(bak_files(folder)))
        tally.add("runs leaving other files", bool(left) and not bak_files(folder))
        try:
            rows = listed(db)["pain"]
        except AssertionError as exc:
            tally.add("refusals")
            tally.note(
                f"run {index} ({'file' if by_file else 'time'}, signal at "
                f"{result.at * 1000:.0f} ms, left {left}): {exc}"
            )
            continue
        if len(rows) != OLD_ROWS:
            tally.add("rows lost", OLD_ROWS - len(rows))
            tally.note(f"run {index}: {len(rows)} of {OLD_ROWS} rows")
        version = sqlite3.connect(db).execute("PRAGMA user_version").fetchone()[0]
        if version != SCHEMA_VERSION:
            tally.add("not migrated")
    text = tally.report()
    assert tally["kills"] > 0, "no run was killed while working: the aim is off\n" + text
    assert tally["refusals"] + tally["rows lost"] + tally["not migrated"] == 0, text


def test_two_processes_opening_an_old_database_at_once_both_succeed(tmp_path, env, old_db_bytes):
    tally = Tally("two migrations at once")
    for index in range(8):
        folder = tmp_path / f"both-{index}"
        folder.mkdir()
        db = folder / "tracker.db"
        db.write_bytes(old_db_bytes)
        procs = [
            subprocess.Popen(
                [*tracker_command(), "--db", str(db), "list", "--json", "--days", "0"],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                stdin=subprocess.DEVNULL,
                env=env,
                text=True,
            )
            for _ in range(2)
        ]
        results = [(p, *p.communicate(timeout=60)) for p in procs]
        tally.add("pairs")
        for proc, out, err in results:
            if proc.returncode != 0:
                tally.add("failures")
                tally.note(f"pair {index}: exit {proc.returncode}: {err.strip()[-200:]}")
            elif len(json.loads(out)["pain"]) != OLD_ROWS:
                tally.add("short lists")
        try:
            if len(listed(db)["pain"]) != OLD_ROWS:
                tally.add("rows lost")
        except AssertionError as exc:
            tally.add("refusals")
            tally.note(f"pair {index}: afterwards {exc}")
    text = tally.report()
    assert tally["failures"] + tally["short lists"] + tally["rows lost"] + tally["refusals"] == 0, (
        text
    )


# ---- (d) imports killed ---------------------------------------------------------------------
#: Three of the importer's 500-row batches: a kill can land between any two of them.
IMPORT_ROWS = 1500


def write_big_csv(path: Path) -> None:
    import datetime as dt

    first = dt.date(2000, 1, 1)
    lines = ["date,logged_at,average,worst,note"]
    for i in range(IMPORT_ROWS):
        day = (first + dt.timedelta(days=i)).isoformat()
        lines.append(f"{day},{day}T20:00:00,{i % 11},{i % 11},imp{i}")
    path.write_text("\n".join(lines) + "\n")


def imported(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT count(*) FROM pain WHERE note LIKE 'imp%'").fetchone()[0]
    finally:
        conn.close()


@pytest.fixture
def small_diary(tmp_path) -> Path:
    from tracker.sample import write_sample

    path = tmp_path / "template-diary.db"
    write_sample(path, days=60, seed=5)
    return path


def test_an_import_killed_at_any_instant_adds_all_rows_or_none(tmp_path, env, small_diary):
    rng = random.Random(SEED + 4)
    tally = Tally("import killed")
    big = tmp_path / "big.csv"
    write_big_csv(big)
    before = table_rows(small_diary)
    probe = tmp_path / "probe.db"
    span = measure(
        ["--db", str(probe), "import", str(big)], env, lambda: shutil.copyfile(small_diary, probe)
    )
    for index in range(ITERATIONS):
        db = tmp_path / f"imp-{index}.db"
        shutil.copyfile(small_diary, db)
        delay, by_file = delay_plan(rng, index, span)
        trigger = (lambda db=db: wal_size(db) > 4096) if by_file else None
        result = run_and_signal(["--db", str(db), "import", str(big)], env, delay, trigger=trigger)
        tally.add("runs")
        tally.add("kills" if result.killed else "not killed")
        count_traceback(tally, result.outcome)
        confirmed = "Imported" in result.outcome.stdout
        try:
            count = imported(db)
        except sqlite3.DatabaseError as exc:
            tally.add("unreadable")
            tally.note(f"run {index}: {exc}")
            continue
        if count not in (0, IMPORT_ROWS) or (confirmed and count != IMPORT_ROWS):
            tally.add("partial imports")
            tally.note(f"run {index}: {count} of {IMPORT_ROWS} rows after the kill")
        tally.add("all rows in" if count == IMPORT_ROWS else "no rows in")
        again = invoke(["--db", str(db), "import", str(big)])
        if again.code != 0:
            tally.add("refusals")
            tally.note(f"run {index}: the next import {again.brief()}")
            continue
        rows = table_rows(db)
        if imported(db) != IMPORT_ROWS:
            tally.add("wrong totals")
        kept = {row[0]: row for row in rows["pain"]}
        lost = [row for row in before["pain"] if kept.get(row[0]) != row]
        lost += [row for row in before["exercise"] if row not in rows["exercise"]]
        tally.add("rows lost", len(lost))
    text = tally.report()
    assert tally["kills"] > 0, "no run was killed while working: the aim is off\n" + text
    bad = sum(
        tally[k] for k in ("partial imports", "refusals", "wrong totals", "rows lost", "unreadable")
    )
    assert bad == 0, text


# ---- (e) backups killed ---------------------------------------------------------------------
def rows_or_none(path: Path) -> dict | None:
    """Both tables' rows when `path` is a healthy database holding them, else None."""
    if integrity(path) != "ok":
        return None
    try:
        return table_rows(path)
    except sqlite3.DatabaseError:
        return None


def test_a_backup_killed_at_any_instant_never_blocks_the_next(tmp_path, env):
    from tracker.sample import write_sample

    rng = random.Random(SEED + 5)
    tally = Tally("backup killed")
    source = tmp_path / "diary.db"
    write_sample(source, days=3650, seed=9)  # about 1 MB: the copy takes a few milliseconds
    expected = table_rows(source)
    probe = tmp_path / "probe"
    probe.mkdir()
    span = measure(["--db", str(source), "backup", str(probe / "copy.db")], env, lambda: None)
    for index in range(ITERATIONS):
        folder = tmp_path / f"bak-{index}"
        folder.mkdir()
        copy = folder / "copy.db"
        delay, by_file = delay_plan(rng, index, span)
        trigger = (lambda folder=folder: any(folder.iterdir())) if by_file else None
        result = run_and_signal(
            ["--db", str(source), "backup", str(copy)], env, delay, trigger=trigger
        )
        tally.add("runs")
        tally.add("kills" if result.killed else "not killed")
        complete_before = copy.exists() and rows_or_none(copy) == expected
        if copy.exists() and not complete_before:
            tally.add("partial copies left")
        leftovers = [p.name for p in folder.iterdir() if p.name != "copy.db"]
        tally.add("runs leaving other files", bool(leftovers))
        again = invoke(["--db", str(source), "backup", str(copy)])
        if again.code != 0 and not complete_before:
            tally.add("refusals")
            tally.note(
                f"run {index} ({'file' if by_file else 'time'}, signal at "
                f"{result.at * 1000:.0f} ms): next backup {again.brief()}"
            )
        got = rows_or_none(copy) if copy.exists() else None
        if got is None:
            tally.add("no valid copy")
            tally.note(f"run {index}: copy.db is missing or not a whole database")
            continue
        missing = sum(len(expected[t]) - len(set(expected[t]) & set(got[t])) for t in expected)
        tally.add("rows lost", missing)
    assert table_rows(source) == expected
    text = tally.report()
    assert tally["kills"] > 0, "no run was killed while working: the aim is off\n" + text
    bad = sum(tally[k] for k in ("refusals", "no valid copy", "rows lost"))
    assert bad == 0, text
