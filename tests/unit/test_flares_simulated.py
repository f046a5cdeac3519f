"""Flares and tips on simulated diaries whose truth is known (`tracker.sample`, `effect=`):
"none" (exercise changes nothing; bad days come at random), "flare" (80% of sessions are
followed by a day 2 to 3 points worse) and "helps" (the default sample).

Each diary is 200 days; from day 42 on (enough history for every rule) the tips are worked
out for every other day (`STEP`) as `tracker tips` would on that day, from the rows logged up
to then: 12 diaries x 79 days per effect. The
measured rates are printed (`pytest -s` shows them) and the targets asserted.

Measured on the seeds below when the rule was written (share of days showing the flare tip):
none 3.5%, helps 2.7%, flare 64.6%; before it (one bad day counted per session, against the
mean of the week before): none 34%, helps 60%, flare 69%.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import asdict

import pytest

from tracker.analysis import summarize
from tracker.analysis.window import WINDOW_DAYS
from tracker.guidance import tips_for
from tracker.guidance.tips import CAUTION, DO_MORE
from tracker.sample import generate
from tracker.store import Store

#: The simulations are cached per process: keep this file's tests on one worker.
pytestmark = pytest.mark.xdist_group("flares")

END = dt.date(2026, 6, 30)
DAYS = 200
FIRST_DAY_MEASURED = 42
SEEDS = range(1, 13)
#: Every other day: half the time, and still 948 days per effect behind each rate.
STEP = 2
#: The issue's targets: with no effect the flare tip shows on at most 10% of days; with a real
#: post-exercise flare it still fires (here: on at least a third of days).
MAX_FALSE_ALARM_DAYS = 0.10
MIN_TRUE_ALARM_DAYS = 1 / 3
#: Words that would say exercise caused a flare; tips say what happened instead.
CAUSAL = ("caused by", "triggered", "set off", "because of", "exercise flares", "made your pain")


@functools.cache
def simulated_days(effect: str) -> tuple[tuple[str, dict, tuple], ...]:
    """(day, summary, tips) for every measured day of every seed's diary."""
    result = []
    for seed in SEEDS:
        pain, exercise = generate(DAYS, seed, END, effect)  # type: ignore[arg-type]
        pain_rows = [asdict(entry) | {"id": i} for i, entry in enumerate(pain)]
        exercise_rows = [asdict(entry) | {"id": i} for i, entry in enumerate(exercise)]
        start = END - dt.timedelta(days=DAYS - 1)
        for index in range(FIRST_DAY_MEASURED, DAYS, STEP):
            today = start + dt.timedelta(days=index)
            # the rules look back at most 42 days (as the app's dashboard reads them)
            first, last = (today - dt.timedelta(days=45)).isoformat(), today.isoformat()
            summary = summarize(
                [row for row in pain_rows if first <= row["date"] <= last],
                [row for row in exercise_rows if first <= row["date"] <= last],
                today=today,
            )
            result.append((last, summary, tuple(tips_for(summary))))
    return tuple(result)


def share_of_days(effect: str, tip_id: str) -> float:
    days = simulated_days(effect)
    return sum(1 for _, _, tips in days if any(tip.id == tip_id for tip in tips)) / len(days)


def share_of_exercise_days_flagged(effect: str) -> float:
    pain, exercise = generate(DAYS, 1, END, effect)  # type: ignore[arg-type]
    summary = summarize(
        [asdict(entry) for entry in pain], [asdict(entry) for entry in exercise], today=END
    )
    return len(summary["flare_sessions"]) / summary["exercise_days"]


def test_with_no_effect_the_flare_tip_shows_on_at_most_10_percent_of_days():
    rate = share_of_days("none", "flare-after-session")
    flagged = share_of_exercise_days_flagged("none")
    print(f"\nno effect: flare tip on {rate:.1%} of days; {flagged:.1%} of exercise days flagged")
    assert rate <= MAX_FALSE_ALARM_DAYS


def test_on_the_default_sample_the_flare_tip_is_rare_too():
    rate = share_of_days("helps", "flare-after-session")
    print(f"\nexercise helps: flare tip on {rate:.1%} of days")
    assert rate <= MAX_FALSE_ALARM_DAYS


def test_with_a_real_post_exercise_flare_the_tip_still_fires():
    rate = share_of_days("flare", "flare-after-session")
    flagged = share_of_exercise_days_flagged("flare")
    print(f"\nreal flare: flare tip on {rate:.1%} of days; {flagged:.1%} of exercise days flagged")
    assert rate >= MIN_TRUE_ALARM_DAYS
    assert flagged > 2 * share_of_exercise_days_flagged("none")


@pytest.mark.parametrize("effect", ["none", "helps", "flare"])
def test_what_the_tips_may_and_may_not_say(effect):
    for day, summary, tips in simulated_days(effect):
        ids = [tip.id for tip in tips]
        if set(ids) & CAUTION:  # no "do more" while pain rises or jumps after exercise
            assert not set(ids) & DO_MORE, (day, ids)
        assert not {"see-clinician", "pain-rising"} <= set(ids), day  # one replaces the other
        for tip in tips:
            assert not any(word in tip.text.lower() for word in CAUSAL), (day, tip.text)
            if tip.id == "flare-after-session":
                assert "not proof of what caused it" in tip.text
                flared = summary["recent_exercise_days_flared"]
                checked = summary["recent_exercise_days_checked"]
                assert f"on {flared} of the {checked} days you exercised" in tip.text
                assert flared >= 2 and flared >= 0.25 * checked


def test_every_flare_is_one_exercise_day():
    for effect in ("none", "flare"):
        pain, exercise = generate(DAYS, 2, END, effect)  # type: ignore[arg-type]
        summary = summarize(
            [asdict(entry) for entry in pain], [asdict(entry) for entry in exercise], today=END
        )
        dates = [flare["date"] for flare in summary["flare_sessions"]]
        assert len(dates) == len(set(dates))
        sessions = sum(flare["sessions"] for flare in summary["flare_sessions"])
        assert sessions >= len(dates)


def test_the_default_sample_is_unchanged_by_the_effect_parameter():
    assert generate(60, 3, END) == generate(60, 3, END, "helps")
    assert generate(60, 3, END, "none") != generate(60, 3, END, "flare")
    with pytest.raises(ValueError, match="effect must be one of"):
        generate(10, 1, END, "hurts")  # type: ignore[arg-type]


def test_sample_command_takes_an_effect(invoke, tmp_path):
    target = tmp_path / "flare.db"
    result = invoke("sample", str(target), "--days", "60", "--effect", "flare")
    assert result.exit_code == 0, result.output
    with Store.open(target) as store:
        pain_rows, exercise_rows = store.pain_rows(), store.exercise_rows()
    expected = generate(60, 1, None, "flare")
    assert (len(pain_rows), len(exercise_rows)) == (len(expected[0]), len(expected[1]))
    assert invoke("sample", str(tmp_path / "x.db"), "--effect", "hurts").exit_code == 2


@pytest.mark.parametrize("effect", ["none", "flare"])
def test_the_flare_numbers_need_only_the_42_days_the_dashboard_reads(effect):
    pain, exercise = generate(120, 4, END, effect)  # type: ignore[arg-type]
    pain_rows, exercise_rows = [asdict(p) for p in pain], [asdict(e) for e in exercise]
    keys = [
        "recent_flare_sessions",
        "recent_exercise_days_checked",
        "recent_exercise_days_flared",
        "recent_rest_days_checked",
        "recent_rest_days_flared",
        "recent_highest_pain",
    ]
    for back in range(0, 70, 3):
        today = END - dt.timedelta(days=back)
        first = (today - dt.timedelta(days=WINDOW_DAYS - 1)).isoformat()
        full = summarize(pain_rows, exercise_rows, today=today)
        window = summarize(
            [row for row in pain_rows if row["date"] >= first],
            [row for row in exercise_rows if row["date"] >= first],
            today=today,
        )
        assert [full[key] for key in keys] == [window[key] for key in keys], today
