"""Exercise and pain on simulated diaries whose truth is known (tests/unit/simulated.py).

People exercise on their better days: the raw day comparisons then show a gap even when
exercise changes nothing. The words must call them associations; the adjusted next-day
comparison (analysis.next_day) must find nothing when there is nothing, and find a real
next-day benefit when there is one. Dose: vigorous minutes count double, partial weeks never.
"""

from __future__ import annotations

import datetime as dt
import statistics

import pytest
from simulated import START, simulate, walk

from tracker.analysis import summarize, weekly_exercise
from tracker.analysis.days import pain_by_day
from tracker.analysis.next_day import MIN_PAIRS_EACH, adjusted_next_day, day_pairs, t95
from tracker.models import PainEntry
from tracker.store import Store
from tracker.words import describe, trends_words
from tracker.words.exercise import (
    ADJUSTED_CAVEAT,
    ASSOCIATION_CAVEAT,
    INTENSITY_RULE,
    adjusted_line,
    association_lines,
    weeks_line,
)

CAUSAL = ("seems to help", "exercise helps", "helping", "because of exercise", "effect of")


def summary_of(diary) -> dict:
    return summarize(diary.pain_rows, diary.exercise_rows, today=diary.today)


# ---- exercise only on good days, no effect at all ---------------------------------------------
def test_good_days_only_and_no_effect_shows_a_raw_gap_named_an_association():
    s = summary_of(simulate(seed=1))
    # the raw comparisons show a gap that exercise did not make
    assert s["rest_day_pain_avg"] - s["exercise_day_pain_avg"] > 1.5
    assert s["next_day_after_rest_avg"] - s["next_day_after_exercise_avg"] > 0.5
    # adjusted for the day's own pain, the interval covers no difference
    assert s["next_day_adjusted_status"] == "shown"
    assert s["next_day_adjusted_low"] <= 0 <= s["next_day_adjusted_high"]
    lines = association_lines(s)
    assert lines[0].startswith("Association: mean pain on exercise days against rest days: ")
    assert lines[1].startswith("Association: mean pain the day after exercise")
    assert ASSOCIATION_CAVEAT in lines and ADJUSTED_CAVEAT in lines
    assert "within what chance alone gives" in adjusted_line(s)
    text = " ".join(describe(s)).lower()
    assert not any(word in text for word in CAUSAL)


def test_no_effect_is_found_on_average_over_many_diaries():
    """Over 60 diaries the coefficient centres on 0 and its interval covers 0 about 95%."""
    results = [summary_of(simulate(seed=seed)) for seed in range(60)]
    coefficients = [s["next_day_adjusted_diff"] for s in results]
    covered = sum(s["next_day_adjusted_low"] <= 0 <= s["next_day_adjusted_high"] for s in results)
    assert abs(statistics.mean(coefficients)) < 0.1
    assert covered >= 53  # 95% of 60 is 57; a little room for chance


def test_the_day_to_day_change_would_call_harmless_exercise_harmful():
    """Why the simple change (tomorrow - today) is not used: regression to the mean."""
    diary = simulate(seed=1)
    pairs = day_pairs(pain_by_day(diary.pain_rows), diary.exercise_rows)
    after_exercise = [p.next_pain - p.pain for p in pairs if p.exercised]
    after_rest = [p.next_pain - p.pain for p in pairs if not p.exercised]
    assert statistics.mean(after_exercise) - statistics.mean(after_rest) > 1.0


# ---- a real next-day benefit -------------------------------------------------------------------
def test_a_real_next_day_benefit_is_found():
    s = summary_of(simulate(seed=2, effect=-1.0))
    assert s["next_day_adjusted_diff"] == pytest.approx(-1.0, abs=0.35)
    assert s["next_day_adjusted_high"] < -0.3
    line = adjusted_line(s)
    assert line.startswith("Adjusted for the day's own pain, pain the day after exercise")
    assert "lower after exercise days, beyond chance" in line
    # still an association in words, even when it is clear
    assert ADJUSTED_CAVEAT in association_lines(s)


# ---- not shown under the minimum ---------------------------------------------------------------
def test_under_ten_days_of_either_kind_says_what_is_missing():
    diary = simulate(days=40, seed=3)
    s = summary_of(diary)
    assert s["next_day_adjusted_exercise_days"] < MIN_PAIRS_EACH
    assert s["next_day_adjusted_diff"] is None and s["next_day_adjusted_status"] == "too_few"
    need = MIN_PAIRS_EACH - s["next_day_adjusted_exercise_days"]
    line = adjusted_line(s)
    assert line.startswith("Adjusted next-day comparison: not shown yet.")
    assert f"{need} more exercise day" in line and "more rest" not in line
    assert ADJUSTED_CAVEAT not in association_lines(s)


def test_pain_that_never_varies_cannot_be_adjusted_for():
    pairs = [day_pairs({}, [])]  # no pairs at all: too few
    assert adjusted_next_day(pairs[0])["next_day_adjusted_status"] == "too_few"
    days = [(START + dt.timedelta(days=i)).isoformat() for i in range(40)]
    daily = dict.fromkeys(days, 5.0)
    sessions = [walk(day, 30).as_row() for day in days[::2]]
    result = adjusted_next_day(day_pairs(daily, sessions))
    assert result["next_day_adjusted_status"] == "no_variation"
    assert "did not vary enough" in adjusted_line({**result})


def test_t_quantiles_match_the_tables():
    for df, table in ((5, 2.571), (10, 2.228), (17, 2.110), (30, 2.042), (120, 1.980)):
        assert t95(df) == pytest.approx(table, abs=0.004)


# ---- dose: vigorous minutes count double, partial weeks are never missed ----------------------
def test_vigorous_sessions_count_double():
    monday = START  # 2026-01-05
    rows = [
        walk(monday.isoformat(), 40, rpe=7).as_row(),  # vigorous: 80
        walk((monday + dt.timedelta(days=2)).isoformat(), 40, rpe=6).as_row(),  # moderate: 40
        walk((monday + dt.timedelta(days=4)).isoformat(), 20).as_row(),  # no rating: 20
    ]
    (week,) = weekly_exercise(rows)
    assert week["aerobic_minutes"] == 100 and week["aerobic_equivalent_minutes"] == 140
    assert not week["target_met"]  # 140 < 150
    rows.append(walk((monday + dt.timedelta(days=5)).isoformat(), 5, rpe=9).as_row())  # +10
    (week,) = weekly_exercise(rows)
    assert week["aerobic_equivalent_minutes"] == 150 and week["target_met"]
    s = summarize([], rows, today=monday + dt.timedelta(days=6))
    assert s["aerobic_minutes_last_7_days"] == 105
    assert s["aerobic_equivalent_minutes_last_7_days"] == 150
    assert "Borg CR10" in INTENSITY_RULE and "WHO 2020" in INTENSITY_RULE


def test_a_partial_first_week_and_the_current_week_are_not_counted():
    thursday = START + dt.timedelta(days=3)  # the diary starts on a Thursday of W02
    today = START + dt.timedelta(days=23)  # Wednesday of W05
    pain = [
        PainEntry(average=5, date=(thursday + dt.timedelta(days=i)).isoformat()).as_row()
        for i in range((today - thursday).days + 1)
    ]
    walks = [  # W03: 160 minutes (met); W04: 60 (missed); W05, the current week: nothing yet
        walk((START + dt.timedelta(days=d)).isoformat(), m).as_row()
        for d, m in ((7, 80), (9, 80), (14, 60))
    ]
    s = summarize(pain, walks, today=today)
    weeks = s["weekly_exercise_minutes"]
    assert [w["week"] for w in weeks] == ["2026-W02", "2026-W03", "2026-W04", "2026-W05"]
    assert [w["complete"] for w in weeks] == [False, True, True, False]
    assert (s["weeks_complete"], s["weeks_target_met"]) == (2, 1)
    assert weeks_line(s).startswith(
        "Aerobic target (150 moderate-equivalent minutes) reached in 1 of 2 full weeks"
    )
    # a period that starts before the diary: those weeks are not counted either
    early = summarize(pain, walks, today=today, start=(START - dt.timedelta(days=21)).isoformat())
    assert early["weeks_complete"] == 2 and early["weeks_target_met"] == 1


def test_no_full_week_yet():
    today = START + dt.timedelta(days=4)
    s = summarize([PainEntry(average=4, date=START.isoformat()).as_row()], [], today=today)
    assert s["weeks_complete"] == 0
    assert weeks_line(s).startswith("No full week yet to hold against the aerobic target")


# ---- one wording on every front door -----------------------------------------------------------
def test_every_front_door_says_association(monkeypatch, db_path, invoke, tmp_path):
    diary = simulate(seed=1)
    monkeypatch.setenv("TRACKER_TODAY", diary.today.isoformat())
    with Store.open(db_path) as store:
        store.add_many(diary.pain, diary.exercise)
    s = summary_of(diary)
    stats = invoke("stats").output
    plot = " ".join(invoke("plot", "--days", "240", "--width", "100").output.split())
    for line in association_lines(s):
        assert line in stats
        assert line in trends_words(s)
    assert ASSOCIATION_CAVEAT in plot and adjusted_line(s) in plot
    assert "Pain on days, assoc." in plot
    import pypdf

    assert invoke("report", str(tmp_path / "visit.pdf")).exit_code == 0
    reader = pypdf.PdfReader(tmp_path / "visit.pdf")
    pdf = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    for line in association_lines(s):
        assert line in pdf
    assert INTENSITY_RULE in pdf
