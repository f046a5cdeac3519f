"""analysis.baseline_from in the settings: one baseline start for stats, tips, the dashboard and
Trends, so the app and the shell agree once a person has set it (issue: honest numbers)."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

from click.testing import CliRunner

from tracker.cli import cli
from tracker.models import validate_pain
from tracker.store import Store
from tracker.tui.data import load_dashboard
from tracker.tui.screens.trends import load_trends

TODAY = dt.date(2026, 6, 30)


def day(n: int) -> str:
    return (TODAY - dt.timedelta(days=n)).isoformat()


def diary(path: Path) -> None:
    """60 days: 8/10 for the first 30 (a bad spell), then 4/10; a programme began 30 days ago."""
    with Store.open(path) as store:
        store.add_many(
            [validate_pain({"average": 8 if n >= 30 else 4, "date": day(n)}) for n in range(60)]
        )


def test_the_settings_baseline_start_reaches_every_front_door(tmp_path, monkeypatch):
    db = tmp_path / "d.db"
    diary(db)
    monkeypatch.setenv("TRACKER_TODAY", TODAY.isoformat())
    runner = CliRunner()
    env = {"TRACKER_DB": str(db)}
    before = json.loads(runner.invoke(cli, ["stats", "--json"], env=env).output)
    assert before["baseline_avg"] == 8.0  # the first rated days: the bad spell

    set_it = runner.invoke(cli, ["config", "set", "analysis.baseline_from", day(29)], env=env)
    assert set_it.exit_code == 0, set_it.output
    assert Path(os.environ["TRACKER_CONFIG"]).exists()
    after = json.loads(runner.invoke(cli, ["stats", "--json"], env=env).output)
    assert after["baseline_from"] == day(29) and after["baseline_avg"] == 4.0
    given = json.loads(
        runner.invoke(cli, ["stats", "--json", "--baseline-from", day(59)], env=env).output
    )
    assert given["baseline_avg"] == 8.0  # the option still wins over the settings

    with Store.open(db) as store:
        dashboard = load_dashboard(store, TODAY.isoformat(), baseline_from=day(29))
        trends = load_trends(store, "2", TODAY, baseline_from=day(29))
    assert dashboard.baseline == trends.summary["baseline_avg"] == after["baseline_avg"]


def test_a_bad_baseline_start_in_the_settings_is_refused_in_one_line(tmp_path):
    runner = CliRunner()
    result = runner.invoke(cli, ["config", "set", "analysis.baseline_from", "soon"])
    assert result.exit_code == 2
    assert "analysis.baseline_from" in result.output and "Traceback" not in result.output
