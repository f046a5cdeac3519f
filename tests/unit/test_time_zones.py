"""Time zones: write times keep their UTC offset, and a day logged in a zone ahead counts.

The rule (`models.latest_day`): an entry's date may be at most one day after this computer's
today. Such an entry is stored, listed, counted by `stats`, the tips and the dashboard on
the day it carries, and can be edited. Old write times without an offset stay as stored.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import re
import subprocess
import sys

import pytest

from tracker import models
from tracker.models import PainEntry, validate_exercise, validate_pain
from tracker.store import Store
from tracker.tui.data import load_dashboard

WITH_OFFSET = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d")
TODAY = "2026-11-20"
TOMORROW = "2026-11-21"
#: POSIX TZ strings (no tz database needed): 24 hours apart, so the first's date is always
#: exactly one day after the second's, whatever the real clock says.
AHEAD, BEHIND = "<+14>-14", "<-10>+10"


def stored(db_path, kind="pain"):
    with Store.open(db_path) as store:
        return store.rows(kind)


def csv_stamps(path):
    with path.open(newline="", encoding="utf-8") as handle:
        return [row["logged_at"] for row in csv.DictReader(handle)]


# ---- write times -----------------------------------------------------------------------------


def test_a_logged_stamp_carries_its_offset_through_list_export_and_import(
    invoke, db_path, tmp_path
):
    assert invoke("pain", "5").exit_code == 0
    assert invoke("exercise", "walking", "30").exit_code == 0
    stamps = {kind: stored(db_path, kind)[0]["logged_at"] for kind in ("pain", "exercise")}
    assert all(WITH_OFFSET.fullmatch(stamp) for stamp in stamps.values()), stamps
    listed = json.loads(invoke("list", "--json").output)
    assert {kind: listed[kind][0]["logged_at"] for kind in stamps} == stamps

    other = tmp_path / "other.db"
    for kind, stamp in stamps.items():
        exported = tmp_path / f"{kind}.csv"
        assert invoke("export", "--table", kind, str(exported)).exit_code == 0
        assert csv_stamps(exported) == [stamp]
        assert invoke("--db", str(other), "import", str(exported)).exit_code == 0
        assert stored(other, kind)[0]["logged_at"] == stamp
        again = invoke("--db", str(other), "import", str(exported))
        assert again.exit_code == 0 and stored(other, kind) == stored(db_path, kind)


def test_an_imported_offset_is_kept_and_exports_as_written(invoke, db_path, tmp_path):
    source = tmp_path / "in.csv"
    source.write_text(
        "date,logged_at,average\n"
        "2024-05-01,2024-05-01T23:30:00+13:00,4\n"  # 10:30 UTC
        "2024-05-01,2024-05-01T20:15:00Z,5\n"
        "2024-05-01,2024-05-01 20:15:00,6\n",  # an old stamp: no offset
        encoding="utf-8",
    )
    assert invoke("import", str(source)).exit_code == 0
    written = ["2024-05-01T20:15:00", "2024-05-01T20:15:00+00:00", "2024-05-01T23:30:00+13:00"]
    assert [row["logged_at"] for row in stored(db_path)] == written  # the writer's clock order
    exported = tmp_path / "out.csv"
    assert invoke("export", "--table", "pain", str(exported)).exit_code == 0
    assert csv_stamps(exported) == written
    assert invoke("import", str(exported)).exit_code == 0
    assert len(stored(db_path)) == 3  # nothing added twice
    assert invoke("check").exit_code == 0


def test_an_old_stamp_without_offset_still_reads_edits_and_checks(invoke, db_path, tmp_path):
    with Store.open(db_path) as store:
        store.add(PainEntry(average=6, date="2024-01-01", logged_at="2024-01-01T20:00:00"))
    assert json.loads(invoke("list", "--days", "0", "--json").output)["pain"][0]["logged_at"] == (
        "2024-01-01T20:00:00"
    )
    assert invoke("edit", "pain", "1", "--average", "4").exit_code == 0
    (row,) = stored(db_path)
    assert (row["average"], row["logged_at"]) == (4, "2024-01-01T20:00:00")
    assert invoke("check").exit_code == 0
    assert json.loads(invoke("stats", "--json").output)["pain_entries"] == 1
    exported = tmp_path / "old.csv"
    assert invoke("export", "--table", "pain", str(exported)).exit_code == 0
    assert csv_stamps(exported) == ["2024-01-01T20:00:00"]
    imported = invoke("import", str(exported))
    assert imported.exit_code == 0, imported.output  # the same entry: no conflict, no copy
    assert len(stored(db_path)) == 1


def test_a_day_orders_by_the_written_local_time_with_or_without_offset(db_path):
    """Stamps mixed in one day sort by the time on the writer's clock (the first 19
    characters), then by id: the order `list` and the history show."""
    stamps = ["2026-11-21T21:00:00", "2026-11-21T20:15:00+01:00", "2026-11-21T20:15:00",
              "2026-11-21T08:00:00-05:00", "2026-11-21T09:30:00+00:00"]  # fmt: skip
    with Store.open(db_path) as store:
        for stamp in stamps:
            store.add(PainEntry(average=3, date="2026-11-21", logged_at=stamp))
        read = [row["logged_at"] for row in store.rows("pain")]
    assert [stamp[:19] for stamp in read] == sorted(stamp[:19] for stamp in stamps)


# ---- a day ahead -----------------------------------------------------------------------------


@pytest.fixture
def fixed_today(monkeypatch):
    monkeypatch.setenv("TRACKER_TODAY", TODAY)


def test_the_one_rule_is_at_most_one_day_ahead(fixed_today):
    assert models.latest_day().isoformat() == TOMORROW
    assert validate_pain({"average": 3, "date": TOMORROW}).date == TOMORROW
    assert validate_exercise({"activity": "walk", "minutes": 5, "date": TOMORROW}).date == TOMORROW
    with pytest.raises(models.ValidationError, match="in the future"):
        models.parse_date("2026-11-22")


def test_an_entry_dated_tomorrow_is_listed_counted_tipped_and_editable(fixed_today, invoke):
    for day in ("2026-11-10", "2026-11-11"):
        assert invoke("pain", "6", "--date", day).exit_code == 0
    before = json.loads(invoke("tips", "--json").output)
    assert "logging-stale" in {tip["id"] for tip in before}

    logged = invoke("pain", "4", "--date", TOMORROW)
    assert logged.exit_code == 0, logged.output
    assert invoke("exercise", "walking", "30", "--date", TOMORROW).exit_code == 0
    assert invoke("pain", "4", "--date", "2026-11-22").exit_code == 2  # two days ahead

    assert TOMORROW in invoke("list").output
    summary = json.loads(invoke("stats", "--json").output)
    assert (summary["today"], summary["pain_entries"], summary["sessions"]) == (TOMORROW, 3, 1)
    assert summary["days_since_last_pain_entry"] == 0
    assert summary["exercise_minutes_last_7_days"] == 30
    assert summary["weekly_exercise_minutes"][-1]["minutes"] == 30
    tips = {tip["id"] for tip in json.loads(invoke("tips", "--json").output)}
    assert "logging-stale" not in tips and "no-exercise-7-days" not in tips

    edited = invoke("edit", "pain", "3", "--average", "2")
    assert edited.exit_code == 0, edited.output
    assert invoke("edit", "exercise", "1", "--minutes", "40").exit_code == 0
    assert json.loads(invoke("stats", "--json").output)["exercise_minutes_total"] == 40


def test_the_dashboard_counts_a_day_ahead_as_today(fixed_today, db_path):
    with Store.open(db_path) as store:
        store.add(validate_pain({"average": 5, "date": TODAY}))
        store.add(validate_pain({"average": 3, "date": TOMORROW}))
        store.add(validate_exercise({"activity": "walking", "minutes": 20, "date": TOMORROW}))
        data = load_dashboard(store, TODAY)
    assert (data.today, data.entries_today, data.pain_today) == (TOMORROW, 1, 3)
    assert (data.sessions_today, data.week_minutes) == (1, 20)


def test_without_an_entry_ahead_today_is_the_clock_s(fixed_today, invoke):
    assert invoke("pain", "5").exit_code == 0
    assert json.loads(invoke("stats", "--json").output)["today"] == TODAY


# ---- real clocks in other zones --------------------------------------------------------------


def run_in_zone(zone: str, db_path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "TZ": zone, "TRACKER_DB": str(db_path)}
    env.pop("TRACKER_TODAY", None)
    return subprocess.run(
        [sys.executable, "-m", "tracker", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_a_day_logged_in_a_zone_ahead_counts_on_a_clock_behind(db_path):
    """Real clocks, no fixed day: UTC+14 logs "today", UTC-10 (24 hours behind) reads it."""
    assert run_in_zone(BEHIND, db_path, "pain", "6").returncode == 0
    ahead = run_in_zone(AHEAD, db_path, "pain", "4")
    assert ahead.returncode == 0, ahead.stderr
    rows = stored(db_path)
    dates = [row["date"] for row in rows]
    assert dt.date.fromisoformat(dates[1]) - dt.date.fromisoformat(dates[0]) == dt.timedelta(1)
    assert [row["logged_at"][19:] for row in rows] == ["-10:00", "+14:00"]

    summary = json.loads(run_in_zone(BEHIND, db_path, "stats", "--json").stdout)
    assert (summary["today"], summary["pain_entries"]) == (dates[1], 2)
    listed = json.loads(run_in_zone(BEHIND, db_path, "list", "--json").stdout)["pain"]
    assert [row["logged_at"] for row in listed] == [row["logged_at"] for row in rows]
    edited = run_in_zone(BEHIND, db_path, "edit", "pain", "2", "--note", "from the plane")
    assert edited.returncode == 0, edited.stderr
    assert run_in_zone("UTC", db_path, "check").returncode == 0


@pytest.mark.parametrize("zone", ["UTC", AHEAD, BEHIND, "<+0530>-5:30", "<-0330>+3:30"])
def test_stamps_in_any_zone_parse_the_same(monkeypatch, zone):
    import time

    monkeypatch.setenv("TZ", zone)
    time.tzset()  # conftest's fixture calls tzset again after the test
    stamp = models.now_stamp()
    assert WITH_OFFSET.fullmatch(stamp)
    assert models.parse_logged_at(stamp) == stamp
    moment = dt.datetime.fromisoformat(stamp)
    assert abs(moment - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=1)
    assert models.parse_logged_at("2024-05-01T20:15:00+02:00") == "2024-05-01T20:15:00+02:00"
    assert models.parse_logged_at("2024-05-01T20:15:00") == "2024-05-01T20:15:00"
