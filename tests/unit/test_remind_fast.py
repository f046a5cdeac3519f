"""`tracker remind` answers before click loads, and says exactly what the full command says."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import subprocess
import sys

import pytest

from tracker import models, paths
from tracker.cli import REMIND_LINE, _default_db, _today_iso, remind_fast
from tracker.kinds import KINDS
from tracker.models import validate_exercise, validate_pain
from tracker.store import Store, quick

TODAY = "2026-06-30"


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    monkeypatch.setenv("TRACKER_TODAY", TODAY)


def both_doors(invoke, capsys, args):
    """(fast path's (code, output), full path's (code, output)) for the same command line."""
    code = remind_fast(args)
    fast = (code, capsys.readouterr().out)
    result = invoke(*args)
    return fast, (result.exit_code, result.output)


def test_the_light_door_knows_every_kind_and_the_one_clock(monkeypatch):
    assert tuple(of.table for of in KINDS.values() if of.daily_log) == quick.ENTRY_TABLES
    assert _today_iso() == models.today().isoformat()
    monkeypatch.delenv("TRACKER_TODAY")
    assert _today_iso() == models.today().isoformat()
    assert _default_db() == str(paths.default_db_path())
    for data in ("/srv/data", "relative/data", ""):
        monkeypatch.setenv("XDG_DATA_HOME", data)
        assert _default_db() == str(paths.default_db_path())


def test_fast_and_full_remind_say_the_same(invoke, capsys, db_path, tmp_path):
    args = ["--db", str(db_path), "remind"]
    fast, full = both_doors(invoke, capsys, args)  # no diary: the line, and none is created
    assert fast == full == (0, REMIND_LINE + "\n")
    assert not db_path.exists()
    with Store.open(db_path) as store:
        store.add(validate_pain({"average": 4, "date": "2026-06-29"}))
    for form in (args, [f"--db={db_path}", "remind"], ["--config", "x.toml", *args]):
        fast, full = both_doors(invoke, capsys, form)
        assert fast == full == (0, REMIND_LINE + "\n")
    with Store.open(db_path) as store:
        store.add(validate_exercise({"activity": "walking", "minutes": 20, "date": TODAY}))
    fast, full = both_doors(invoke, capsys, args)
    assert fast == full == (0, "")
    assert sorted(p.name for p in db_path.parent.iterdir() if "-wal" in p.name) == []


def test_anything_unusual_takes_the_full_path(tmp_path, monkeypatch):
    foreign = tmp_path / "other.db"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE pain (date TEXT)")
    conn.close()
    folder = tmp_path / "folder.db"
    folder.mkdir()
    old = tmp_path / "old.db"
    with Store.open(old):
        pass
    conn = sqlite3.connect(old)
    conn.execute(f"PRAGMA user_version = {quick.SCHEMA_VERSION - 1}")
    conn.close()
    for path in (foreign, folder, old):
        assert remind_fast(["--db", str(path), "remind"]) is None
    for args in (["remind", "--help"], ["--db", " ", "remind"], ["--db", "x"], ["list"]):
        assert remind_fast(args) is None
    monkeypatch.setenv("TRACKER_DB", "  ")
    assert remind_fast(["remind"]) is None


def test_remind_in_its_own_process_never_imports_click(tmp_path):
    db = tmp_path / "t.db"
    with Store.open(db) as store:
        store.add(validate_pain({"average": 4, "date": dt.date(2026, 6, 1).isoformat()}))
    code = (
        "import sys; sys.argv = ['tracker', 'remind']\n"
        "from tracker.cli import main\n"
        "try:\n    main()\nexcept SystemExit as exit:\n    code = exit.code\n"
        "heavy = ('click', 'tracker.kinds', 'tracker.models', 'tracker.store.core')\n"
        "print(sorted(m for m in sys.modules if m in heavy or m.startswith('click.')), code)\n"
    )
    env = {**os.environ, "TRACKER_DB": str(db), "TRACKER_TODAY": TODAY}
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.stdout == f"{REMIND_LINE}\n[] 0\n", result.stderr[-2000:]
