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
from tracker.guidance import RULES, get_topic, tips_for, topic_ids
from tracker.guidance.content import PLACEHOLDER, tip_texts
from tracker.guidance.render import for_app, for_cli
from tracker.guidance.tips import DO_MORE
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


def flares_after(offsets: set[int], average: int = 4, jump: int = 7) -> list[dict]:
    """Pain at `average` for 28 days, but `jump` on the day after each exercise day in
    `offsets` (the day after offset o is offset o - 1)."""
    return [pain(o, jump if o + 1 in offsets else average) for o in range(27, -1, -1)]


def rising(last_week: list[int], this_week: list[int]) -> list[dict]:
    """Pain for the 7 days before last (oldest first), then the last 7 days, then nothing."""
    return [pain(13 - i, value) for i, value in enumerate(last_week)] + [
        pain(6 - i, value) for i, value in enumerate(this_week)
    ]


FIRES = {
    "nothing-logged": ([], []),
    "see-clinician": (rising([3] * 7, [3, 4, 5, 6, 7, 8, 9]), full_routine()),
    "pain-rising": (rising([3] * 7, [4, 5, 4, 5, 4, 5, 4]), full_routine()),
    # full_routine exercises on 12 of the last 14 days; pain jumped after 3 of them
    "flare-after-session": (flares_after({2, 5, 9}), full_routine()),
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
    "see-clinician": (rising([3] * 7, [4, 4, 4, 4, 4, 4, 8]), full_routine()),
    "pain-rising": (
        [pain(o, 5) for o in range(13, 6, -1)] + [pain(o, 4) for o in range(6, -1, -1)],
        full_routine(),
    ),
    # one bad day after one session is not a pattern; nor are flares 20 days ago
    "flare-after-session": (
        flares_after({2, 20, 23}),
        full_routine() + [session(20, "walking", "aerobic", 20, pain_before=3, pain_after=7)],
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


def test_a_flare_tip_says_what_happened_not_what_caused_it():
    summary = summarize(*FIRES["flare-after-session"], today=TODAY)
    tip = next(tip for tip in tips_for(summary) if tip.id == "flare-after-session")
    assert tip.title == "Pain jumped after 3 of your last 12 exercise days"
    assert "on 3 of the 12 days you exercised" in tip.text
    # the latest: offset 2 is full_routine's yoga; the next day (offset 1) was 7
    assert f"yoga on {day(2)}; pain the next day was 7, 3 above your usual 4" in tip.text
    assert "not proof of what caused it" in tip.text
    assert "Too few days without exercise could be compared" in tip.text
    assert "smaller dose" in tip.text and "pace" in tip.text
    for causal in ("caused by", "triggered", "set off", "because of", "exercise flares"):
        assert causal not in tip.text.lower()


def test_a_flare_tip_compares_with_rest_days_and_stays_quiet_when_they_jump_as_often():
    routine = [row for row in full_routine() if row["date"] < day(14)]
    routine += [session(o, "walking", "aerobic", 30) for o in (12, 10, 8, 6, 4, 2)]
    # exercise on even offsets, rest on odd ones; pain jumps after 2 exercise days of 6
    summary = summarize(flares_after({8, 4}), routine, today=TODAY)
    tip = next(tip for tip in tips_for(summary) if tip.id == "flare-after-session")
    assert "After days without exercise, it happened on 0 of " in tip.text
    # the same, plus jumps after 3 rest days (offsets 11, 7, 3): as often after rest, no tip
    rest_jumps = flares_after({8, 4, 11, 7, 3})
    assert "flare-after-session" not in tip_ids(rest_jumps, routine)


def test_one_bad_day_after_three_sessions_is_one_event_and_no_tip():
    rows = full_routine() + [
        session(3, "walking", "aerobic", 20),
        session(3, "stretching", "flexibility", 10),
    ]
    summary = summarize(flares_after({3}), rows, today=TODAY)
    assert len(summary["recent_flare_sessions"]) == 1
    assert summary["recent_flare_sessions"][0]["sessions"] == 3
    assert "flare-after-session" not in [tip.id for tip in tips_for(summary)]


def test_the_rising_tip_suggests_a_clinician_if_it_goes_on():
    summary = summarize(*FIRES["pain-rising"], today=TODAY)
    tip = next(tip for tip in tips_for(summary) if tip.id == "pain-rising")
    assert "1.4 points" in tip.text and "clinician" in tip.text


SAFETY_REASONS = (
    "has not yet been reviewed by a clinician",
    "chest pain or pressure, fainting or nearly fainting, unusual breathlessness, or a racing "
    "or irregular heartbeat",
    "lose control of your bladder or bowels",
    "a new blister, sore, redness, swelling or warmth in a foot",
    "weakness or numbness that gets worse quickly",
    "pain that keeps rising over weeks even though you have eased off",
)


def test_the_safety_tip_repeats_the_safety_topics_own_words():
    topic = " ".join(get_topic("safety").body.split())
    tip = next(tip for tip in tips_for(summarize(*FIRES["see-clinician"], today=TODAY)))
    assert tip.id == "see-clinician" and tip.topic == "safety"
    for reason in SAFETY_REASONS:
        assert reason in topic and reason in tip.text, reason
    assert "[@" not in tip.text  # cites nothing, confirmed or not


def test_a_steep_rise_with_a_session_going_8_to_10_gets_no_do_more_tip():
    """The issue's diary: pain 3 to 9 in a week, a walk rated 8 before and 10 after, no
    balance or strength work, aerobic minutes under target."""
    rows = [session(o, "walking", "aerobic", 20) for o in (12, 10, 8, 5, 3)]
    rows.append(session(1, "walking", "aerobic", 20, pain_before=8, pain_after=10))
    history = [pain(o, 3) for o in range(27, 6, -1)] + rising([], [3, 4, 5, 6, 7, 8, 9])
    found = {tip.id: tip for tip in tips_for(summarize(history, rows, today=TODAY))}
    assert list(found)[0] == "see-clinician"
    tip = found["see-clinician"]
    assert tip.title == "Your pain has risen steeply"
    assert "3 points higher than over the 7 days before" in tip.text
    assert "a pain score of 10/10" in tip.text
    assert "pain-rising" not in found  # the safety tip replaces it
    assert not set(found) & DO_MORE
    words = " ".join(tip.text for tip in found.values())
    assert "add a few minutes" not in words and "No balance work" not in words


def test_a_very_high_score_alone_gets_the_safety_tip():
    history = daily_pain(28)[:-1] + [pain(0, 9)]
    found = [tip.id for tip in tips_for(summarize(history, full_routine(), today=TODAY))]
    assert found[0] == "see-clinician"
    tip = tips_for(summarize(history, full_routine(), today=TODAY))[0]
    assert tip.title == "Very high pain this week" and "9/10" in tip.text


def test_no_do_more_tip_while_pain_rises_or_jumps_after_exercise():
    no_balance = [row for row in full_routine() if row["category"] != "balance"]
    ids = tip_ids(FIRES["pain-rising"][0], no_balance)
    assert "pain-rising" in ids and "add-balance" not in ids
    ids = tip_ids(flares_after({2, 5, 9}), no_balance)
    assert "flare-after-session" in ids and "add-balance" not in ids
    assert "add-balance" in tip_ids(daily_pain(28), no_balance)  # the same without either


def test_day_one_tips_presume_no_history():
    """Minutes after the first entry: no 'no balance work in the last 14 days'."""
    first = ([pain(0, 4)], [session(0, "walking", "aerobic", 20)])
    assert tip_ids(*first) == []
    just_pain = tip_ids([pain(0, 4)], [])
    assert "no-exercise-7-days" not in just_pain
    # 6 days of diary: still too young for a 7-day tip; 7 days: old enough
    assert "no-exercise-7-days" not in tip_ids(daily_pain(6), [])
    assert "no-exercise-7-days" in tip_ids(daily_pain(7), [])
    walks = [session(o, "walking", "aerobic", 20) for o in range(13)]
    assert "add-balance" not in tip_ids(daily_pain(13), walks)  # 13 days: too young
    assert "add-balance" in tip_ids(daily_pain(14), walks)


@pytest.mark.parametrize("tip_id", sorted(FIRES))
def test_every_tip_is_filled_in_and_links_to_a_real_topic(tip_id):
    for tip in tips_for(summarize(*FIRES[tip_id], today=TODAY)):
        assert tip.topic in topic_ids()
        # Only the front-door placeholders are left, and each door words them all.
        assert not re.search(r"[{}]", PLACEHOLDER.sub("", tip.title + tip.text)), tip.id
        for render in (for_cli, for_app):
            assert not re.search(r"[{}]", render(tip.title + tip.text)), tip.id
        assert "`" not in for_app(tip.title + tip.text)  # no shell notation in the app
        assert tip.title and tip.text


def test_tips_work_on_hand_built_summaries_with_missing_values():
    """The rules read key names only and tolerate None where a number could not be computed."""
    summary = {"last_pain_date": day(1), "last_exercise_date": None, "pain_trend_points": None}
    assert tips_for(summary) == []  # no first day or today: the diary's age is unknown
    summary |= {"diary_first_day": day(20), "today": day(0), "recent_highest_pain": None}
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
