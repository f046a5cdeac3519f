"""Nothing is lost under real use: concurrent writers, a killed writer, bad input, bad files.

Every test here is bounded in time (subprocess timeouts) and uses real processes and files.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import stat
import subprocess
import sys
import textwrap
import time

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tracker.cli import cli
from tracker.store import Store

WRITER = textwrap.dedent(
    """
    import sys
    from tracker.cli import cli
    path, label, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    failures = 0
    for index in range(count):
        code = cli.main(
            ["--db", path, "pain", str(index % 11), "--note", f"{label}-{index}"],
            standalone_mode=False,
        )
        failures += code != 0
    sys.exit(failures)
    """
)

KILLED_WRITER = textwrap.dedent(
    """
    import sys
    from tracker.models import validate_pain
    from tracker.store import Store
    store = Store.open(sys.argv[1])
    index = 0
    while True:
        entry_id = store.add(validate_pain({"average": index % 11, "note": f"n{index}"}))
        print(entry_id, flush=True)  # printed only after the commit returned: confirmed
        index += 1
    """
)


def spawn_writer(db_path, label: str, count: int) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db_path), label, str(count)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_two_processes_writing_at_once_lose_nothing(db_path):
    Store.open(db_path).close()
    writers = [spawn_writer(db_path, label, 100) for label in ("a", "b")]
    outputs = [w.communicate(timeout=120) for w in writers]
    for writer, (_, err) in zip(writers, outputs, strict=True):
        assert writer.returncode == 0, err
        assert "Error" not in err and "Traceback" not in err
    with Store.open(db_path) as store:
        notes = {row["note"] for row in store.pain_rows()}
        assert store.integrity_ok()
    assert notes == {f"{label}-{i}" for label in "ab" for i in range(100)}


def test_a_writer_killed_mid_stream_keeps_every_confirmed_write(db_path):
    Store.open(db_path).close()
    writer = subprocess.Popen(
        [sys.executable, "-c", KILLED_WRITER, str(db_path)],
        stdout=subprocess.PIPE,
        text=True,
    )
    confirmed = []
    deadline = time.monotonic() + 60
    while len(confirmed) < 150 and time.monotonic() < deadline:
        line = writer.stdout.readline()
        if not line:
            break
        confirmed.append(int(line))
    writer.send_signal(signal.SIGKILL)
    writer.wait(timeout=10)
    assert len(confirmed) >= 150
    with Store.open(db_path) as store:
        assert store.integrity_ok()
        stored = {row["id"] for row in store.pain_rows()}
    assert set(confirmed) <= stored


#: (command template, field the error names); {bad} is replaced by a generated bad value.
BAD_SCORE_COMMANDS = [
    ["pain", "{bad}"],
    ["pain", "5", "--worst", "{bad}"],
    ["pain", "5", "--least", "{bad}"],
    ["pain", "5", "--sleep", "{bad}"],
    ["pain", "5", "--daily-activity", "{bad}"],
    ["pain", "5", "--enjoyment", "{bad}"],
    ["exercise", "walking", "30", "--rpe", "{bad}"],
    ["exercise", "walking", "30", "--before", "{bad}"],
    ["exercise", "walking", "30", "--after", "{bad}"],
    ["edit", "pain", "1", "--average", "{bad}"],
    ["edit", "exercise", "1", "--after", "{bad}"],
]
BAD_DATE_COMMANDS = [
    ["pain", "5", "--date", "{bad}"],
    ["exercise", "walking", "30", "--date", "{bad}"],
    ["edit", "pain", "1", "--date", "{bad}"],
    ["stats", "--from", "{bad}"],
    ["export", "-", "--from", "{bad}"],
    ["report", "r.pdf", "--to", "{bad}"],
]

bad_scores = st.one_of(
    st.integers(max_value=-1).map(str),
    st.integers(min_value=11).map(str),
    st.text(alphabet="abcxyz.,;!é ", min_size=1, max_size=8).filter(lambda s: s.strip()),
    st.floats(min_value=0.01, max_value=9.99).filter(lambda f: not f.is_integer()).map(str),
)
bad_dates = st.one_of(
    st.dates(min_value=__import__("datetime").date(2100, 1, 1)).map(str),
    st.text(alphabet="0123456789-/abc", min_size=1, max_size=12).filter(
        lambda s: s.strip() and not _is_past_iso_date(s)
    ),
)


def _is_past_iso_date(text: str) -> bool:
    import datetime as dt

    try:
        return len(text) == 10 and dt.date.fromisoformat(text) <= dt.date.today()
    except ValueError:
        return False


def snapshot(db_path) -> tuple:
    with Store.open(db_path) as store:
        return tuple(store.pain_rows()), tuple(store.exercise_rows())


@pytest.fixture
def seeded_db(db_path):
    runner = CliRunner()
    runner.invoke(cli, ["--db", str(db_path), "pain", "5", "--worst", "8"])
    runner.invoke(cli, ["--db", str(db_path), "exercise", "walking", "20"])
    return db_path


def run_bad(db_path, template, bad):
    args = [bad if part == "{bad}" else part for part in template]
    return CliRunner().invoke(cli, ["--db", str(db_path), *args])


def assert_refused(result):
    assert result.exit_code == 2, (result.output, result.exception)
    assert "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ")


@pytest.mark.parametrize("template", BAD_SCORE_COMMANDS, ids=lambda t: " ".join(t))
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(bad=bad_scores)
def test_bad_scores_to_every_command(seeded_db, template, bad):
    before = snapshot(seeded_db)
    assert_refused(run_bad(seeded_db, template, bad))
    assert snapshot(seeded_db) == before


@pytest.mark.parametrize("template", BAD_DATE_COMMANDS, ids=lambda t: " ".join(t))
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(bad=bad_dates)
def test_bad_dates_to_every_command(seeded_db, template, bad):
    before = snapshot(seeded_db)
    assert_refused(run_bad(seeded_db, template, bad))
    assert snapshot(seeded_db) == before


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    activity=st.text(alphabet=" \t", max_size=4),
    minutes=st.one_of(st.integers(max_value=0), st.integers(min_value=601)).map(str),
)
def test_bad_exercise_values(seeded_db, activity, minutes):
    before = snapshot(seeded_db)
    assert_refused(run_bad(seeded_db, ["exercise", "{bad}", "30"], activity))
    assert_refused(run_bad(seeded_db, ["exercise", "walking", "{bad}"], minutes))
    assert snapshot(seeded_db) == before


def make_foreign(path):
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
    conn.commit()
    conn.close()


def make_truncated(path):
    from tracker.sample import write_sample

    full = path.with_suffix(".full")
    write_sample(full, days=200, seed=2)
    path.write_bytes(full.read_bytes()[:5000])


def make_corrupt(path):
    from tracker.sample import write_sample

    full = path.with_suffix(".full")
    write_sample(full, days=200, seed=2)
    data = bytearray(full.read_bytes())
    data[8192:16384] = b"\xff" * 8192
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("maker", [make_foreign, make_truncated, make_corrupt])
@pytest.mark.parametrize(
    "args",
    [["pain", "5"], ["exercise", "walking", "10"], ["list", "--days", "0"], ["remind"]],
)
def test_bad_database_files_get_one_line_and_stay_untouched(tmp_path, maker, args):
    path = tmp_path / "bad.db"
    maker(path)
    before = path.read_bytes()
    result = CliRunner().invoke(cli, ["--db", str(path), *args])
    assert "Traceback" not in result.output
    assert path.read_bytes() == before
    if args == ["remind"] and maker is make_corrupt:
        # remind only reads (no quick_check: it runs at every shell start); when the pages it
        # needs are intact it may answer, but it never writes and never traces.
        assert result.exit_code in (0, 1)
        return
    assert result.exit_code == 1, result.output
    assert len(result.stderr.strip().splitlines()) == 1
    assert path.read_bytes() == before
    assert (
        not path.with_name("bad.db-wal").exists()
        or path.with_name("bad.db-wal").stat().st_size == 0
    )


def test_backup_command_is_private_and_restores(tmp_path, seeded_db):
    copy = tmp_path / "copy.db"
    result = CliRunner().invoke(cli, ["--db", str(seeded_db), "backup", str(copy)])
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    original = snapshot(seeded_db)
    # restore: the diary is lost, the copy takes its place
    seeded_db.unlink()
    os.replace(copy, seeded_db)
    assert snapshot(seeded_db) == original
    assert CliRunner().invoke(cli, ["--db", str(seeded_db), "pain", "3"]).exit_code == 0


def test_backup_while_another_connection_writes(tmp_path, seeded_db):
    writer = spawn_writer(seeded_db, "w", 60)
    copies = []
    for index in range(3):
        copy = tmp_path / f"live-{index}.db"
        assert CliRunner().invoke(cli, ["--db", str(seeded_db), "backup", str(copy)]).exit_code == 0
        copies.append(copy)
    writer.communicate(timeout=120)
    assert writer.returncode == 0
    for copy in copies:
        with Store.open(copy) as store:
            assert store.integrity_ok()
            assert store.count("pain") >= 1
