"""Trends for 30 days, 90 days and a year read a bounded window, yet show exactly the figures,
chart and tips that reading the whole history gives."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from tracker.sample import generate
from tracker.store import Store
from tracker.tui.screens.trends import load_trends, trends_from_rows, trends_rows

#: The diaries are built once per module: keep the file on one worker.
pytestmark = pytest.mark.xdist_group("trends_window")
TODAY = dt.date(2026, 6, 30)
PERIODS = ("1", "2", "3")


def write(path, pain, exercise) -> None:
    with Store.open(path) as store:
        store.add_many(pain, exercise)


def late_interference(days: int, seed: int, end: dt.date, plain_days: int):
    """A diary whose first `plain_days` days rate pain only: the PEG's and each interference
    item's baselines start long after the pain baseline."""
    pain, exercise = generate(days, seed, end)
    cut = (end - dt.timedelta(days=days - plain_days)).isoformat()
    items = ("sleep_interference", "activity_interference", "enjoyment_interference")
    pain = [dataclasses.replace(e, **dict.fromkeys(items)) if e.date < cut else e for e in pain]
    return pain, exercise


DIARIES = {
    "four years": lambda: generate(1500, 3, TODAY),
    "left alone for three months": lambda: generate(400, 5, TODAY - dt.timedelta(days=90)),
    "interference from year three": lambda: late_interference(1200, 6, TODAY, 800),
}


@pytest.fixture(scope="module", params=sorted(DIARIES))
def diary(request, tmp_path_factory):
    path = tmp_path_factory.mktemp("trends") / "d.db"
    write(path, *DIARIES[request.param]())
    return path


@pytest.mark.parametrize("baseline_from", [None, "2025-03-03"])
def test_bounded_trends_equal_the_whole_history(diary, baseline_from):
    with Store.open(diary) as store:
        end = TODAY.isoformat()
        pain, exercise = store.pain_rows(end=end), store.exercise_rows(end=end)
        for period in PERIODS:
            shown = load_trends(store, period, TODAY, baseline_from=baseline_from)
            full = trends_from_rows(pain, exercise, period, TODAY, baseline_from=baseline_from)
            assert shown.summary == full.summary, period
            assert shown.daily == full.daily and shown.baseline == full.baseline
            assert [(t.id, t.text) for t in shown.tips] == [(t.id, t.text) for t in full.tips]


def test_a_month_reads_a_bounded_window(diary):
    with Store.open(diary) as store:
        pain, exercise = trends_rows(store, "1", TODAY)
        assert store.count("pain") > 350
        assert len(pain) < 200 and len(exercise) < 150  # about 60 days, and the baselines
