"""The tips engine: each rule fires on a history built for it and stays quiet on one built
against it. Histories are row dicts, as the Store returns them, passed through `summarize`."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from click.testing import CliRunner

from tracker.analysis import summarize
from tracker.cli import cli
from tracker.guidance import RULES, tips_for, topic_ids
from tracker.guidance.content import tip_texts
from tracker.models import validate_exercise, validate_pain
from tracker.store import Store

TODAY = dt.date(2026, 3, 1)
_ids = iter(range(1, 100_000))


def day(offset: int) -> str:
    """The ISO day `offset` days before TODAY (0 = today)."""
    return (TODAY - dt.timedelta(days=offset)).isoformat()


def pain(offset: int, average: int, **extra) -> dict:
    """A pain row as Store.pain_rows() returns it."""
    row = {
        "id": next(_ids),
        "date": day(offset),
        "logged_at": f"{day(offset)}T20:00:00",
        "average": average,
        "worst": None,
        "least": None,
        "sleep_interference": None,
        "activity_interference": None,
        "enjoyment_interference": None,
        "symptoms": [],
        "locations": None,
        "note": None,
    }
    row.update(extra)
    return row


def session(offset: int, activity: str, category: str, minutes: int, **extra) -> dict:
    """An exercise row as Store.exercise_rows() returns it."""
    row = {
        "id": next(_ids),
        "date": day(offset),
        "logged_at": f"{day(offset)}T10:00:00",
        "activity": activity,
        "category": category,
        "minutes": minutes,
        "rpe": None,
        "pain_before": None,
        "pain_after": None,
        "note": None,
    }
    row.update(extra)
    return row


def daily_pain(days: int, average: int = 4, skip=()) -> list[dict]:
    """One rating a day for the last `days` days (oldest first), except the offsets in `skip`."""
    return [pain(offset, average) for offset in range(days - 1, -1, -1) if offset not in skip]


def full_routine(weeks: int = 4) -> list[dict]:
    """Walking, strength, balance and yoga every week: 180 aerobic minutes a week."""
    rows = []
    for week in range(weeks - 1, -1, -1):
        base = week * 7
        rows += [
            session(base + 6, "walking", "aerobic", 60),
            session(base + 4, "cycling", "aerobic", 60),
            session(base + 1, "walking", "aerobic", 60),
            session(base + 5, "weights", "strength", 25),
            session(base + 3, "balance drills", "balance", 15),
            session(base + 2, "yoga", "mind_body", 40),
        ]
    return sorted(rows, key=lambda row: row["date"])


def tip_ids(pain_rows: list[dict], exercise_rows: list[dict]) -> list[str]:
    summary = summarize(pain_rows, exercise_rows, today=TODAY)
    return [tip.id for tip in tips_for(summary)]


# ---- one history where each rule fires, one built against it ---------------------------------

FIRES = {
    "nothing-logged": ([], []),
    "pain-rising": (
        [pain(o, 3) for o in range(13, 6, -1)] + [pain(o, 5) for o in range(6, -1, -1)],
        full_routine(),
    ),
    "flare-after-session": (
        daily_pain(28),
        full_routine() + [session(2, "walking", "aerobic", 20, pain_before=3, pain_after=6)],
    ),
    "logging-stale": (daily_pain(28, skip=range(5)), full_routine()),
    "logging-gaps": (daily_pain(28, skip={1, 3, 5, 7, 9, 11}), full_routine()),
    "no-exercise-7-days": (daily_pain(28), [session(10, "walking", "aerobic", 30)]),
    "aerobic-below-target": (
        daily_pain(28),
        [
            session(2, "walking", "aerobic", 30),
            session(4, "walking", "aerobic", 30),
            session(3, "weights", "strength", 20),
            session(5, "balance drills", "balance", 15),
        ],
    ),
    "add-balance": (
        daily_pain(28),
        [row for row in full_routine() if row["category"] != "balance"],
    ),
    "add-strength": (
        daily_pain(28),
        [row for row in full_routine() if row["category"] != "strength"],
    ),
    "substantial-change": (
        [pain(o, 6) for o in range(34, 20, -1)] + [pain(o, 2) for o in range(6, -1, -1)],
        full_routine(),
    ),
    "meaningful-change": (
        [pain(o, 6) for o in range(34, 20, -1)] + [pain(o, 4) for o in range(6, -1, -1)],
        full_routine(),
    ),
}

QUIET = {
    "nothing-logged": (daily_pain(1), []),
    "pain-rising": (
        [pain(o, 5) for o in range(13, 6, -1)] + [pain(o, 4) for o in range(6, -1, -1)],
        full_routine(),
    ),
    "flare-after-session": (
        daily_pain(28),
        full_routine()
        + [
            session(2, "walking", "aerobic", 20, pain_before=4, pain_after=4),
            # a flare, but 20 days ago: no longer recent
            session(20, "walking", "aerobic", 20, pain_before=3, pain_after=7),
        ],
    ),
    "logging-stale": (daily_pain(28, skip={1}), full_routine()),
    "logging-gaps": (daily_pain(28, skip={2, 9}), full_routine()),
    "no-exercise-7-days": (daily_pain(28), [session(2, "walking", "aerobic", 30)]),
    "aerobic-below-target": (daily_pain(28), full_routine()),
    "add-balance": (daily_pain(28), full_routine()),
    "add-strength": (daily_pain(28), full_routine()),
    "substantial-change": (
        [pain(o, 6) for o in range(34, 20, -1)] + [pain(o, 4) for o in range(6, -1, -1)],
        full_routine(),
    ),
    "meaningful-change": (
        [pain(o, 6) for o in range(34, 20, -1)] + [pain(o, 5) for o in range(6, -1, -1)],
        full_routine(),
    ),
}


@pytest.mark.parametrize("tip_id", sorted(FIRES))
def test_the_rule_fires_on_a_history_built_for_it(tip_id):
    assert tip_id in tip_ids(*FIRES[tip_id])


@pytest.mark.parametrize("tip_id", sorted(QUIET))
def test_the_rule_stays_quiet_on_a_history_built_against_it(tip_id):
    assert tip_id not in tip_ids(*QUIET[tip_id])


def test_every_tip_has_a_firing_and_a_quiet_history():
    every = set(RULES) | {"nothing-logged"}
    assert set(FIRES) == every == set(QUIET) == set(tip_texts())


def test_a_regular_all_round_routine_with_steady_pain_gets_no_tips():
    """Walking, strength, balance and yoga every week: no 'add balance', nothing at all."""
    assert tip_ids(daily_pain(28), full_routine()) == []


def test_an_empty_diary_gets_only_the_start_tip():
    assert tip_ids([], []) == ["nothing-logged"]


def test_balance_and_strength_tips_stay_quiet_without_any_exercise():
    ids = tip_ids(daily_pain(28), [])
    assert "add-balance" not in ids and "add-strength" not in ids
    assert "no-exercise-7-days" in ids
    assert "aerobic-below-target" not in ids


def test_substantial_replaces_meaningful_and_names_the_numbers():
    summary = summarize(*FIRES["substantial-change"], today=TODAY)
    found = {tip.id: tip for tip in tips_for(summary)}
    assert "meaningful-change" not in found
    tip = found["substantial-change"]
    assert "67%" in tip.title and "2" in tip.text and "6" in tip.text
    assert "not a promise" in tip.text


def test_a_flare_tip_names_the_session_and_counts_the_others():
    history = FIRES["flare-after-session"]
    more = [session(5, "cycling", "aerobic", 20, pain_before=2, pain_after=5)]
    summary = summarize(history[0], history[1] + more, today=TODAY)
    tip = next(tip for tip in tips_for(summary) if tip.id == "flare-after-session")
    assert "walking" in tip.text and day(2) in tip.text
    assert "one other session" in tip.text
    assert "smaller dose" in tip.text and "pace" in tip.text


def test_the_rising_tip_suggests_a_clinician_if_it_goes_on():
    summary = summarize(*FIRES["pain-rising"], today=TODAY)
    tip = next(tip for tip in tips_for(summary) if tip.id == "pain-rising")
    assert "2 points" in tip.text and "clinician" in tip.text


@pytest.mark.parametrize("tip_id", sorted(FIRES))
def test_every_tip_is_filled_in_and_links_to_a_real_topic(tip_id):
    for tip in tips_for(summarize(*FIRES[tip_id], today=TODAY)):
        assert tip.topic in topic_ids()
        assert not re.search(r"[{}]", tip.title + tip.text), tip.id
        assert tip.title and tip.text


def test_tips_work_on_hand_built_summaries_with_missing_values():
    """The rules read key names only and tolerate None where a number could not be computed."""
    summary = {"days_logged": 3, "last_exercise_date": None, "pain_trend_points": None}
    assert [tip.id for tip in tips_for(summary)] == ["no-exercise-7-days"]


# ---- the CLI on a real SQLite file ------------------------------------------------------------


def fill(db, pain_rows: list[dict], exercise_rows: list[dict]) -> None:
    """Write the rows into a new tracker database through the Store."""
    with Store.open(db) as store:
        store.add_many(
            [validate_pain({k: v for k, v in r.items() if k != "id"}) for r in pain_rows],
            [validate_exercise({k: v for k, v in r.items() if k != "id"}) for r in exercise_rows],
        )


@pytest.fixture
def fixed_today(monkeypatch):
    monkeypatch.setenv("TRACKER_TODAY", TODAY.isoformat())


def test_tips_command_on_an_empty_database(tmp_path, fixed_today):
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "t.db"), "tips"])
    assert result.exit_code == 0, result.output
    assert "Start your diary" in result.stdout
    assert "tracker guide starting" in result.stdout
    assert "not medical advice" in result.stdout


def test_tips_command_names_each_tips_topic(tmp_path, fixed_today):
    db = tmp_path / "t.db"
    fill(db, *FIRES["add-balance"])
    result = CliRunner().invoke(cli, ["--db", str(db), "tips"])
    assert result.exit_code == 0, result.output
    assert "No balance work in the last 14 days" in result.stdout
    assert "tracker guide kinds" in result.stdout


def test_tips_json_lists_the_tips(tmp_path, fixed_today):
    db = tmp_path / "t.db"
    fill(db, *FIRES["flare-after-session"])
    result = CliRunner().invoke(cli, ["--db", str(db), "tips", "--json"])
    assert result.exit_code == 0, result.output
    tips = json.loads(result.stdout)
    assert [tip["id"] for tip in tips] == ["flare-after-session"]
    assert set(tips[0]) == {"id", "topic", "title", "text"}


def test_tips_command_with_nothing_to_say(tmp_path, fixed_today):
    db = tmp_path / "t.db"
    fill(db, daily_pain(28), full_routine())
    result = CliRunner().invoke(cli, ["--db", str(db), "tips"])
    assert result.exit_code == 0, result.output
    assert "No tips right now" in result.stdout
