"""The analysis core on small hand-built histories; each expected value is worked out in a
comment. Rows are plain dicts shaped like `Store.pain_rows()` / `Store.exercise_rows()`."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.analysis import (
    baseline_and_change,
    daily_series,
    exercise_response,
    flare_counts,
    flare_sessions,
    iso_week,
    minutes_by_category,
    pain_by_day,
    rolling_mean,
    session_pain_change,
    summarize,
    symptom_counts,
    weekly_exercise,
)
from tracker.models import CATEGORIES, SYMPTOMS, ExerciseSession, PainEntry
from tracker.store import Store

D0 = dt.date(2026, 3, 1)  # a Sunday


def day(offset: int) -> str:
    return (D0 + dt.timedelta(days=offset)).isoformat()


def pain(date: str, average: int, **fields) -> dict:
    row = PainEntry(average=average, date=date, logged_at=f"{date}T20:00:00", **fields).as_row()
    return row


def session(
    date: str, activity: str, minutes: int, category: str, before=None, after=None, id=None
):
    return ExerciseSession(
        activity=activity,
        minutes=minutes,
        date=date,
        category=category,
        pain_before=before,
        pain_after=after,
        logged_at=f"{date}T10:00:00",
        id=id,
    ).as_row()


# ---- daily series -------------------------------------------------------------------------------
def test_daily_series_folds_a_day_and_keeps_gaps():
    rows = [
        pain(day(0), 4, worst=7, least=2, sleep_interference=4, activity_interference=3,
             enjoyment_interference=5),
        pain(day(0), 6, worst=8, least=3),
        pain(day(2), 3),
    ]  # fmt: skip
    series = daily_series(rows)
    assert [d["date"] for d in series] == [day(0), day(1), day(2)]
    first, gap, last = series
    # averages (4 + 6) / 2 = 5.0; worst max(7, 8) = 8; least min(2, 3) = 2; sleep only 4;
    # PEG only on the first entry: (4 + 3 + 5) / 3 = 4.0
    assert first == {
        "date": day(0), "entries": 2, "average": 5.0, "worst": 8, "least": 2,
        "sleep_interference": 4.0, "peg": 4.0, "mean_7": None, "mean_28": None,
    }  # fmt: skip
    assert gap["entries"] == 0 and gap["average"] is None and gap["peg"] is None
    assert last["average"] == 3.0 and last["worst"] is None


def test_daily_series_honours_start_and_end():
    rows = [pain(day(2), 5)]
    series = daily_series(rows, start=day(0), end=day(3))
    assert [d["average"] for d in series] == [None, None, 5.0, None]
    assert daily_series([]) == []
    assert [d["average"] for d in daily_series([], day(0), day(1))] == [None, None]


def test_rolling_means_in_the_daily_series():
    rows = [pain(day(i), i + 1) for i in range(7)]  # pain 1..7 on days 0..6
    series = daily_series(rows)
    # 7-day windows need 4 rated days: day 2 has 3 -> None; day 3: (1+2+3+4)/4 = 2.5;
    # day 6: (1+...+7)/7 = 4.0. 28-day windows need 14: never here.
    assert [d["mean_7"] for d in series] == [None, None, None, 2.5, 3.0, 3.5, 4.0]
    assert all(d["mean_28"] is None for d in series)


def test_rolling_mean_skips_gaps_and_needs_enough_days():
    values = [2, None, 4, 6, None, None, None, 8]
    # window 3, at least 2 values: i2 (2+4)/2 = 3; i3 (4+6)/2 = 5; i4 (4+6)/2 = 5; then < 2 values
    assert rolling_mean(values, 3, min_days=2) == [None, None, 3.0, 5.0, 5.0, None, None, None]


def _naive_rolling(values, window, need):
    result = []
    for i in range(len(values)):
        inside = [v for v in values[max(0, i - window + 1) : i + 1] if v is not None]
        result.append(sum(inside) / len(inside) if len(inside) >= need else None)
    return result


@given(
    st.lists(st.one_of(st.none(), st.integers(0, 10)), max_size=60),
    st.integers(1, 30),
)
def test_rolling_mean_matches_the_naive_definition(values, window):
    fast = rolling_mean(values, window)
    slow = _naive_rolling(values, window, (window + 1) // 2)
    assert fast == pytest.approx(slow)


def test_pain_by_day_means_each_day():
    rows = [pain(day(0), 2), pain(day(0), 5), pain(day(1), 7)]
    assert pain_by_day(rows) == {day(0): 3.5, day(1): 7.0}  # (2 + 5) / 2 = 3.5


# ---- baseline and change ------------------------------------------------------------------------
def history(baseline_pain: int, recent_pain: list[int]) -> dict[str, float]:
    """14 days at `baseline_pain` from day 0, then the given days ending on day 40."""
    daily = {day(i): float(baseline_pain) for i in range(14)}
    for i, value in enumerate(recent_pain):
        daily[day(41 - len(recent_pain) + i)] = float(value)
    return daily


def test_change_halved_pain_is_substantial():
    result = baseline_and_change(history(6, [3] * 7), end=day(40))
    # baseline 6.0 (days 0-13), recent 3.0 (days 34-40): (3 - 6) / 6 = -50%
    assert result["baseline_avg"] == 6.0 and result["baseline_days"] == 14
    assert (result["baseline_start"], result["baseline_end"]) == (day(0), day(13))
    assert result["recent_avg"] == 3.0 and result["recent_days"] == 7
    assert result["change_pct"] == -50.0 and result["change_points"] == -3.0
    assert result["meaningful"] is True and result["substantial"] is True


def test_thirty_percent_under_two_points_is_only_minimal():
    # recent: five rated days 36-40 at 4, 4, 5, 4, 4 -> 21 / 5 = 4.2
    # 4.2 - 6.0 = -1.8 points = -30%: IMMPACT's 30%, but under Farrar's 2 points
    result = baseline_and_change(history(6, [4, 4, 5, 4, 4]), end=day(40))
    assert result["recent_avg"] == 4.2 and result["change_pct"] == -30.0
    assert result["change_points"] == -1.8 and result["change_band"] == "minimal"
    assert result["meaningful"] is False and result["minimal"] is True


def test_the_verdict_is_judged_on_the_numbers_shown():
    # baseline 6.1 (days 0-13), recent 4.1 -> -2.0 points = -32.8% -> shown as -33%
    daily = {day(i): 6.1 for i in range(14)} | {day(i): 4.1 for i in range(34, 41)}
    result = baseline_and_change(daily, end=day(40))
    assert (result["change_points"], result["change_pct"]) == (-2.0, -33.0)
    assert result["change_band"] == "moderate" and result["meaningful"] is True
    # -29.6% is shown as -30%, and judged as -30%, never "30% below ... less than 30%"
    daily = {day(i): 6.75 for i in range(14)} | {day(i): 4.75 for i in range(34, 41)}
    result = baseline_and_change(daily, end=day(40))
    assert result["baseline_avg"] == 6.8 and result["recent_avg"] == 4.8  # shown as 6.8, 4.8
    assert (result["change_points"], result["change_pct"]) == (-2.0, -29.0)
    assert result["change_band"] == "minimal"


def test_small_change_and_a_rise():
    down = baseline_and_change(history(6, [5] * 7), end=day(40))
    # (5 - 6) / 6 = -16.7% -> -17%
    assert down["change_pct"] == -17.0 and down["meaningful"] is False
    up = baseline_and_change(history(4, [5] * 7), end=day(40))
    # (5 - 4) / 4 = +25%: positive means pain went up
    assert up["change_pct"] == 25.0 and up["change_points"] == 1.0
    assert up["change_band"] == "worse"
    assert up["meaningful"] is False and up["substantial"] is False


def test_change_is_none_when_it_cannot_be_computed():
    forming = {day(i): 5.0 for i in range(13)}  # 13 rated days, its 28 days not over yet
    result = baseline_and_change(forming, end=day(20))
    assert result["baseline_avg"] is None and result["baseline_days"] == 13
    assert result["baseline_set"] is False
    assert result["change_pct"] is None and result["meaningful"] is None
    sparse = {day(i): 5.0 for i in range(0, 28, 5)}  # 6 rated days in 28: too few
    sparse |= {day(i): 3.0 for i in range(34, 41)}
    result = baseline_and_change(sparse, end=day(40))
    assert result["baseline_avg"] is None and result["baseline_days"] == 6
    few_recent = baseline_and_change(history(6, [3, 3]), end=day(40))  # 2 recent days < 3
    assert few_recent["recent_avg"] is None and few_recent["recent_days"] == 2
    assert few_recent["change_pct"] is None
    overlap = baseline_and_change(history(6, []), end=day(15))  # recent week 9..15 overlaps
    assert overlap["baseline_avg"] == 6.0 and overlap["recent_avg"] == 6.0
    assert overlap["change_pct"] is None
    zero = baseline_and_change(history(0, [3] * 7), end=day(40))  # no % change from 0
    assert zero["change_pct"] is None


def test_the_baseline_is_bounded_in_span():
    # one rating a week for 10 weeks, then daily: only the 4 weekly ratings within 28 days of
    # the first count, too few; a programme start set by the user makes a baseline
    daily = {day(7 * i): 7.0 for i in range(10)} | {day(i): 6.0 for i in range(70, 100)}
    result = baseline_and_change(daily, end=day(99))
    assert result["baseline_days"] == 4 and result["baseline_avg"] is None
    result = baseline_and_change(daily, end=day(99), baseline_from=day(70))
    assert (result["baseline_start"], result["baseline_end"]) == (day(70), day(83))
    assert result["baseline_avg"] == 6.0 and result["baseline_from"] == day(70)
    # a window of 28 days with 9 ratings, now over: set from those 9
    daily = {day(3 * i): 5.0 for i in range(10)} | {day(i): 5.0 for i in range(34, 41)}
    result = baseline_and_change(daily, end=day(40))
    assert result["baseline_days"] == 10 and result["baseline_end"] == day(27)


def test_caller_sets_the_baseline_start():
    daily = history(6, [3] * 7)
    daily.update({day(20 + i): 8.0 for i in range(14)})  # days 20-33 at 8
    result = baseline_and_change(daily, end=day(40), baseline_from=day(18))
    # the first rated day from day 18 is day 20; days 20-33 -> 8.0; (3 - 8) / 8 = -62.5% -> -63%
    assert result["baseline_avg"] == 8.0 and result["baseline_start"] == day(20)
    assert result["change_pct"] == -63.0 and result["substantial"] is True


def test_the_period_never_moves_the_baseline():
    daily = history(6, [3] * 7)
    daily.update({day(20 + i): 4.0 for i in range(14)})  # days 20-33 at 4
    whole = baseline_and_change(daily, end=day(40))
    recent = baseline_and_change(daily, start=day(20), end=day(40))
    assert whole == recent and recent["baseline_avg"] == 6.0 and recent["change_pct"] == -50.0


def test_an_old_baseline_is_stale():
    daily = {day(i): 6.0 for i in range(14)} | {day(i): 3.0 for i in range(200, 207)}
    result = baseline_and_change(daily, end=day(206))
    assert result["baseline_age_days"] == 206 - 13 and result["baseline_stale"] is True
    assert baseline_and_change(history(6, [3] * 7), end=day(40))["baseline_stale"] is False


# ---- exercise dose ------------------------------------------------------------------------------
def test_iso_week_names():
    assert iso_week("2026-01-01") == "2026-W01"  # a Thursday: week 1 of 2026
    assert iso_week("2027-01-01") == "2026-W53"  # 2026 has 53 ISO weeks
    assert iso_week(dt.date(2026, 11, 16)) == "2026-W47"


def test_weekly_minutes_by_category_against_the_target():
    rows = [
        session("2026-01-05", "walking", 30, "aerobic"),  # Monday of W02
        session("2026-01-07", "weights", 20, "strength"),
        session("2026-01-11", "walking", 130, "aerobic"),  # Sunday of W02
        session("2026-01-19", "yoga", 40, "mind_body"),  # W04; W03 has nothing
    ]
    weeks = weekly_exercise(rows)
    assert [w["week"] for w in weeks] == ["2026-W02", "2026-W03", "2026-W04"]
    first, empty, last = weeks
    # W02: 30 + 20 + 130 = 180 minutes, aerobic 30 + 130 = 160 >= 150
    assert first["minutes"] == 180 and first["aerobic_minutes"] == 160 and first["target_met"]
    assert first["by_category"] == {**dict.fromkeys(CATEGORIES, 0), "aerobic": 160, "strength": 20}
    assert first["week_start"] == "2026-01-05"
    assert empty["minutes"] == 0 and not empty["target_met"]
    assert last["by_category"]["mind_body"] == 40
    assert not weekly_exercise(rows, target=200)[0]["target_met"]  # 160 < 200


def test_weekly_minutes_cover_the_whole_period():
    rows = [session("2026-01-07", "walking", 30, "aerobic")]
    weeks = weekly_exercise(rows, start="2025-12-29", end="2026-01-20")
    assert [w["week"] for w in weeks] == ["2026-W01", "2026-W02", "2026-W03", "2026-W04"]
    assert [w["minutes"] for w in weeks] == [0, 30, 0, 0]
    assert weekly_exercise([]) == []


def test_minutes_by_category_window():
    rows = [
        session(day(0), "walking", 30, "aerobic"),
        session(day(3), "stretching", 15, "flexibility"),
        session(day(3), "gardening", 45, "not-a-category"),  # counted as other
    ]
    totals = minutes_by_category(rows, day(1), day(3))
    assert totals == {**dict.fromkeys(CATEGORIES, 0), "flexibility": 15, "other": 45}


# ---- response -----------------------------------------------------------------------------------
RESPONSE_PAIN = [5, 3, 4, 3, 6, 5, 4, 2]  # days 0..7
RESPONSE_SESSIONS = [1, 3, 6, 7]  # exercise days


def response_history():
    daily = {day(i): float(v) for i, v in enumerate(RESPONSE_PAIN)}
    rows = [session(day(i), "walking", 30, "aerobic") for i in RESPONSE_SESSIONS]
    return daily, rows


def test_exercise_days_against_rest_days():
    result = exercise_response(*response_history())
    # exercise days 1, 3, 6, 7: (3 + 3 + 4 + 2) / 4 = 3.0; rest days 0, 2, 4, 5: (5+4+6+5)/4 = 5.0
    assert (result["exercise_day_pain_avg"], result["exercise_day_pain_days"]) == (3.0, 4)
    assert (result["rest_day_pain_avg"], result["rest_day_pain_days"]) == (5.0, 4)
    # after exercise: day 2 (4), day 4 (6), day 7 (2) -> 12 / 3 = 4.0 (day 8 has no rating)
    assert result["next_day_after_exercise_avg"] == 4.0
    assert result["next_day_after_exercise_days"] == 3
    # after rest: day 1 (3), day 3 (3), day 5 (5), day 6 (4) -> 15 / 4 = 3.75
    assert result["next_day_after_rest_avg"] == 3.75
    assert result["next_day_after_rest_days"] == 4


def test_response_needs_three_days_and_respects_the_period():
    daily, rows = response_history()
    result = exercise_response(daily, rows, start=day(4), end=day(7))
    # inside 4..7: exercise days 6, 7 (2 days -> None); rest 4, 5 (2 days -> None)
    assert result["exercise_day_pain_avg"] is None and result["exercise_day_pain_days"] == 2
    assert result["rest_day_pain_avg"] is None and result["rest_day_pain_days"] == 2
    # next day: 5 after rest 4, 6 after rest 5, 7 after exercise 6; day 4's previous (3) is outside
    assert result["next_day_after_rest_days"] == 2
    assert result["next_day_after_exercise_days"] == 1


def test_a_day_with_nothing_logged_is_not_rest():
    daily = {day(0): 5.0, day(2): 4.0}  # day 1 unknown
    result = exercise_response(daily, [])
    assert result["next_day_after_rest_days"] == 0  # day 2 follows an unknown day


def test_session_pain_change_overall_and_by_category():
    rows = [
        session(day(0), "walking", 30, "aerobic", 5, 4),  # -1
        session(day(1), "walking", 30, "aerobic", 6, 4),  # -2
        session(day(2), "cycling", 30, "aerobic", 3, 3),  # 0
        session(day(3), "weights", 20, "strength", 4, 6),  # +2
        session(day(4), "weights", 20, "strength", 5, None),  # not rated after: skipped
        session(day(5), "yoga", 40, "mind_body", 5, 3),  # -2
    ]
    result = session_pain_change(rows)
    # (-1 - 2 + 0 + 2 - 2) / 5 = -0.6; aerobic (-1 - 2 + 0) / 3 = -1.0; others under 3 sessions
    assert result["session_pain_change_avg"] == -0.6
    assert result["session_pain_change_sessions"] == 5
    assert result["session_pain_change_by_category"] == {
        "aerobic": {"avg": -1.0, "sessions": 3},
        "strength": {"avg": None, "sessions": 1},
        "mind_body": {"avg": None, "sessions": 1},
    }


def test_one_flare_day_is_one_event_whatever_the_sessions_before_it():
    daily = {day(i): 4.0 for i in range(14)}  # days 0-13 at 4: the usual level is 4
    daily[day(14)] = 7.0  # the day after day 13: 7 - 4 = +3, over the 2-point margin
    rows = [
        session(day(13), "walking", 30, "aerobic", 4, 5, id=1),
        session(day(13), "weights", 20, "strength", 4, 4, id=2),
        session(day(13), "walking", 15, "aerobic", id=3),  # the same activity twice
    ]
    [flare] = flare_sessions(rows, daily)
    assert (flare["id"], flare["date"], flare["sessions"], flare["minutes"]) == (1, day(13), 3, 65)
    assert flare["activity"] == "walking, weights" and flare["category"] == "aerobic"
    assert (flare["next_day_rise"], flare["usual"], flare["session_rise"]) == (3.0, 4.0, 1)
    assert flare["reason"] == "pain the next day was 7, 3 above your usual 4"
    counts = flare_counts(rows, daily)
    assert (counts["exercise_days_checked"], counts["exercise_days_flared"]) == (1, 1)
    # rest days 4..12 (day 13 has sessions; day 0-3 lack 5 rated days before them): none jumped
    assert (counts["rest_days_checked"], counts["rest_days_flared"]) == (9, 0)


def test_a_rise_during_a_session_is_a_flare_and_named_as_what_happened():
    daily = {day(i): 4.0 for i in range(3)}  # too few days for a usual level
    rows = [
        session(day(2), "cycling", 30, "aerobic", 2, 4, id=5),  # +2 during
        session(day(2), "yoga", 30, "mind_body", 3, 6, id=6),  # +3 during: the larger rise
        session(day(1), "walking", 30, "aerobic", 4, 5, id=7),  # +1 only
    ]
    [flare] = flare_sessions(rows, daily)
    assert (flare["date"], flare["session_rise"], flare["pain_before"]) == (day(2), 3, 3)
    assert flare["next_day_rise"] is None and flare["usual"] is None
    assert flare["reason"] == "pain rose 3 points during the session"


def test_a_flare_must_stand_out_from_the_persons_own_variation():
    # days alternate 2 and 6: median 4, standard deviation 2, so the margin is 2 x 2 = 4 points
    daily = {day(i): (2.0 if i % 2 else 6.0) for i in range(14)}
    rows = [session(day(14), "walking", 30, "aerobic", id=1)]  # day 14 itself not rated
    assert flare_sessions(rows, {**daily, day(15): 7.0}) == []  # +3: ordinary for them
    [flare] = flare_sessions(rows, {**daily, day(15): 8.0})  # +4 stands out
    assert flare["next_day_rise"] == 4.0


def test_the_usual_level_leaves_out_days_that_followed_a_session():
    """Someone who exercises most days, always worse the day after: the pattern must not hide
    itself by raising the usual level. Days after rest (4) are the usual; after exercise, 7."""
    daily, rows = {}, []
    for i in range(28):
        exercised = i % 3 != 2  # rest every third day
        daily[day(i)] = 7.0 if i and day(i - 1) in {row["date"] for row in rows} else 4.0
        if exercised:
            rows.append(session(day(i), "walking", 30, "aerobic", id=i))
    flares = flare_sessions(rows, daily)
    late = [flare for flare in flares if flare["date"] >= day(14)]
    assert late and all(flare["usual"] == 4.0 and flare["next_day_rise"] == 3.0 for flare in late)
    counts = flare_counts(rows, daily, day(14), day(26))
    assert counts["exercise_days_flared"] == counts["exercise_days_checked"] > 0
    assert counts["rest_days_checked"] > 0 and counts["rest_days_flared"] == 0


def test_the_next_day_rule_needs_four_rated_days_before():
    daily = {day(i): 3.0 for i in range(3, 6)} | {day(7): 8.0}  # 3 rated days before day 6
    rows = [session(day(6), "walking", 30, "aerobic", id=1)]
    assert flare_sessions(rows, daily) == []
    assert flare_counts(rows, daily)["exercise_days_checked"] == 0
    assert flare_sessions(rows, daily | {day(2): 3.0})[0]["next_day_rise"] == 5.0


# ---- symptoms -----------------------------------------------------------------------------------
def test_symptom_counts_most_frequent_first():
    rows = [
        pain(day(0), 5, symptoms=["burning", "tingling"]),
        pain(day(1), 5, symptoms=["tingling"]),
        pain(day(2), 5, symptoms=["numbness", "tingling"]),
        pain(day(9), 5, symptoms=["cold"]),  # outside the period below
    ]
    counts = symptom_counts(rows, day(0), day(5))
    assert list(counts.items())[:3] == [("tingling", 3), ("burning", 1), ("numbness", 1)]
    assert set(counts) == set(SYMPTOMS) and counts["cold"] == 0


# ---- summarize ----------------------------------------------------------------------------------
REQUIRED_KEYS = {
    "baseline_avg", "recent_avg", "change_pct", "change_points", "meaningful", "substantial",
    "weekly_exercise_minutes", "exercise_day_pain_avg", "rest_day_pain_avg",
    "next_day_after_exercise_avg", "next_day_after_rest_avg", "exercise_day_pain_days",
    "rest_day_pain_days", "next_day_after_exercise_days", "next_day_after_rest_days",
    "session_pain_change_avg", "session_pain_change_by_category", "flare_sessions",
    "symptom_counts", "days_logged", "first_day", "last_day", "last_pain_date",
    "last_exercise_date", "days_since_last_pain_entry", "missed_days_last_14",
    "exercise_minutes_last_7_days", "aerobic_minutes_last_7_days",
    "category_minutes_last_14_days", "weekly_aerobic_target", "pain_trend_points",
    "recent_flare_sessions", "period_start", "period_end", "recent_exercise_days_checked",
    "recent_exercise_days_flared", "recent_rest_days_checked", "recent_rest_days_flared",
    "recent_highest_pain",
}  # fmt: skip
TODAY = dt.date(2026, 4, 10)  # day 40


def four_weeks_and_a_half():
    """Days 0-13 at 6; days 20-30 at 5; days 34-38 at 3 (days 39, 40 missed)."""
    pain_rows = [pain(day(i), 6, symptoms=["burning"]) for i in range(14)]
    pain_rows += [pain(day(i), 5) for i in range(20, 31)]
    pain_rows += [pain(day(i), 3, symptoms=["tingling"]) for i in range(34, 39)]
    exercise_rows = [
        session(day(30), "walking", 40, "aerobic", 4, 6, id=1),  # +2: a flare, day 30
        session(day(35), "walking", 30, "aerobic", 4, 3, id=2),
        session(day(36), "weights", 20, "strength", 4, 4, id=3),
        session(day(38), "yoga", 45, "mind_body", id=4),
    ]
    return pain_rows, exercise_rows


def test_summarize_hand_built_history():
    s = summarize(*four_weeks_and_a_half(), today=TODAY)
    assert set(s) >= REQUIRED_KEYS
    assert (s["period_start"], s["period_end"]) == (day(0), day(40))
    assert s["days_logged"] == 14 + 11 + 5 and s["sessions"] == 4
    assert (s["first_day"], s["last_day"]) == (day(0), day(38))
    # baseline 6.0; recent days 34-40 hold 34..38 at 3 -> 3.0; -50%
    assert (s["baseline_avg"], s["recent_avg"], s["change_pct"]) == (6.0, 3.0, -50.0)
    assert s["substantial"] is True
    assert (s["last_pain_date"], s["last_exercise_date"]) == (day(38), day(38))
    assert s["days_since_last_pain_entry"] == 2
    # last 14 days are 27..40; rated 27-30 and 34-38 -> missed 31, 32, 33, 39, 40 = 5
    assert s["missed_days_last_14"] == 5
    # last 7 days 34..40: 30 + 20 + 45 = 95 minutes, 30 aerobic
    assert s["exercise_minutes_last_7_days"] == 95 and s["aerobic_minutes_last_7_days"] == 30
    # last 14 days 27..40 also hold day 30's 40 aerobic minutes
    assert s["category_minutes_last_14_days"] == {
        **dict.fromkeys(CATEGORIES, 0), "aerobic": 70, "strength": 20, "mind_body": 45,
    }  # fmt: skip
    # this week (34-40) 3.0 against last week (27-33: days 27-30 at 5) -> 3 - 5 = -2
    assert s["pain_trend_points"] == -2.0
    assert [f["id"] for f in s["flare_sessions"]] == [1]
    assert [f["id"] for f in s["recent_flare_sessions"]] == [1]  # day 30 is within 27..40
    assert s["session_pain_change_avg"] == pytest.approx(0.33)  # (+2 - 1 + 0) / 3
    assert list(s["symptom_counts"].items())[:2] == [("burning", 14), ("tingling", 5)]
    assert s["weekly_aerobic_target"] == 150
    json.dumps(s)  # the contract is JSON


def test_summarize_a_period_and_a_target():
    s = summarize(*four_weeks_and_a_half(), today=TODAY, start=day(20), end=day(30),
                  weekly_target=30)  # fmt: skip
    assert (s["period_start"], s["period_end"]) == (day(20), day(30))
    assert s["days_logged"] == 11 and s["sessions"] == 1
    # the baseline is the diary's (days 0-13 at 6), whatever the period; recent days 24..30
    assert s["baseline_avg"] == 6.0 and s["recent_avg"] == 5.0
    assert s["change_pct"] == -17.0 and s["change_band"] == "minimal"
    # weeks of day 20 (Sat 2026-03-21) .. day 30 (Tue 2026-03-31): W12, W13, W14
    weeks = s["weekly_exercise_minutes"]
    assert [w["week"] for w in weeks] == ["2026-W12", "2026-W13", "2026-W14"]
    assert [w["target_met"] for w in weeks] == [False, False, True]  # 40 >= 30 in W14
    # today-relative keys still see every row
    assert s["days_since_last_pain_entry"] == 2 and s["missed_days_last_14"] == 5


def test_summarize_empty_diary():
    s = summarize([], [], today=TODAY)
    assert set(s) >= REQUIRED_KEYS
    assert s["period_start"] is None and s["period_end"] == TODAY.isoformat()
    assert s["days_logged"] == 0 and s["weekly_exercise_minutes"] == []
    assert s["days_since_last_pain_entry"] is None and s["missed_days_last_14"] == 0
    assert s["baseline_avg"] is None and s["pain_trend_points"] is None
    assert s["category_minutes_last_14_days"] == dict.fromkeys(CATEGORIES, 0)
    json.dumps(s)


def test_a_new_diary_has_not_missed_the_days_before_it():
    rows = [pain(day(38), 5), pain(day(40), 5)]
    assert summarize(rows, [], today=TODAY)["missed_days_last_14"] == 1  # day 39 only


def test_summarize_rows_read_back_from_a_real_store(tmp_path):
    pain_rows, exercise_rows = four_weeks_and_a_half()
    with Store.open(tmp_path / "t.db") as store:
        store.add_many(
            [PainEntry(**{k: v for k, v in r.items() if k != "id"}) for r in pain_rows],
            [ExerciseSession(**{k: v for k, v in r.items() if k != "id"}) for r in exercise_rows],
        )
        stored = summarize(store.pain_rows(), store.exercise_rows(), today=TODAY)
    expected = summarize(pain_rows, exercise_rows, today=TODAY)
    for key in ("flare_sessions", "recent_flare_sessions"):  # ids come from the database
        assert [f["date"] for f in stored[key]] == [f["date"] for f in expected[key]]
        stored.pop(key), expected.pop(key)
    assert stored == expected


pain_strategy = st.builds(
    lambda offset, average, symptoms: pain(day(offset), average, symptoms=symptoms),
    st.integers(0, 60),
    st.integers(0, 10),
    st.lists(st.sampled_from(SYMPTOMS), unique=True, max_size=3),
)
session_strategy = st.builds(
    lambda offset, minutes, category, before, after: session(
        day(offset), "x", minutes, category, before, after
    ),
    st.integers(0, 60),
    st.integers(1, 600),
    st.sampled_from(CATEGORIES),
    st.one_of(st.none(), st.integers(0, 10)),
    st.one_of(st.none(), st.integers(0, 10)),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(pain_strategy, max_size=80), st.lists(session_strategy, max_size=40))
def test_summarize_holds_its_invariants_on_any_history(pain_rows, exercise_rows):
    pain_rows.sort(key=lambda r: r["date"])
    exercise_rows.sort(key=lambda r: r["date"])
    s = summarize(pain_rows, exercise_rows, today=D0 + dt.timedelta(days=60))
    json.dumps(s)
    assert s["days_logged"] == len({r["date"] for r in pain_rows})
    assert sum(w["minutes"] for w in s["weekly_exercise_minutes"]) == sum(
        r["minutes"] for r in exercise_rows
    )
    if s["change_pct"] is not None:  # same sign (rounding may make one of them 0)
        assert s["change_pct"] * s["change_points"] >= 0
    for key in ("exercise_day_pain", "rest_day_pain", "next_day_after_exercise"):
        value = s[f"{key}_avg"]
        assert (value is None) == (s[f"{key}_days"] < 3)
        assert value is None or 0 <= value <= 10
    assert 0 <= s["missed_days_last_14"] <= 14
    for day_ in daily_series(pain_rows):
        for name in ("average", "mean_7", "mean_28", "peg"):
            assert day_[name] is None or 0 <= day_[name] <= 10
