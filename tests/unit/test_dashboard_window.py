"""The dashboard reads a bounded window, yet shows the tips `tracker tips` computes from all."""

from __future__ import annotations

import datetime as dt

import pytest

from tracker.analysis import summarize
from tracker.guidance import tips_for
from tracker.models import validate_exercise, validate_pain
from tracker.sample import write_sample
from tracker.store import Store
from tracker.tui.data import dashboard_rows, load_dashboard

TODAY = dt.date(2026, 6, 30)


def full_tips(store: Store, today: dt.date) -> list:
    summary = summarize(store.pain_rows(), store.exercise_rows(), today=today)
    return tips_for(summary)


@pytest.mark.parametrize(
    ("days", "seed", "end"),
    [
        (30, 1, TODAY),
        (400, 2, TODAY),
        (1500, 3, TODAY),
        (200, 4, TODAY - dt.timedelta(days=10)),  # a few days' gap before today
        (200, 5, TODAY - dt.timedelta(days=90)),  # a diary left alone for three months
    ],
)
def test_window_tips_equal_full_history_tips(tmp_path, days, seed, end):
    path = tmp_path / "d.db"
    write_sample(path, days=days, seed=seed, end=end)
    with Store.open(path) as store:
        expected = full_tips(store, TODAY)
        shown = load_dashboard(store, TODAY.isoformat()).tips
    assert [(t.id, t.text) for t in shown] == [(t.id, t.text) for t in expected]


def test_exercise_long_ago_and_pain_only_recently(tmp_path):
    path = tmp_path / "d.db"
    with Store.open(path) as store:
        store.add(validate_exercise({"activity": "walking", "minutes": 30, "date": "2025-01-05"}))
        for offset in range(20):
            day = (TODAY - dt.timedelta(days=offset)).isoformat()
            store.add(validate_pain({"average": 5, "date": day}))
        expected = full_tips(store, TODAY)
        shown = load_dashboard(store, TODAY.isoformat()).tips
    assert [(t.id, t.text) for t in shown] == [(t.id, t.text) for t in expected]


def test_window_is_bounded(tmp_path):
    path = tmp_path / "d.db"
    write_sample(path, days=1500, seed=3, end=TODAY)
    with Store.open(path) as store:
        pain, exercise = dashboard_rows(store, TODAY.isoformat())
        assert len(pain) < 80 and len(exercise) < 80
        assert store.count("pain") > 1000
