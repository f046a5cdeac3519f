"""The medicines analysis on synthetic rows whose truth is known: the regimen on a day, the
before/after windows of a change (settling-in left out, confounders flagged, too few days
said), adherence arithmetic, as-needed use and side effects. Pure functions, no store."""

from __future__ import annotations

import datetime as dt
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.analysis.calendar import shift
from tracker.analysis.change import mean_difference_interval
from tracker.analysis.days import daily_series
from tracker.analysis.medicine_use import (
    adherence,
    as_needed_use,
    medicine_summary,
    side_effects_over_time,
)
from tracker.analysis.medicines import (
    AFTER_DAYS,
    BEFORE_DAYS,
    MIN_RATED_DAYS,
    SETTLE_DAYS,
    compare_change,
    compare_changes,
    current_regimens,
    daily_measures,
    daily_measures_from_series,
    regimen_on,
    windows,
)

CHANGE_DAY = "2026-03-03"  # a Tuesday
PREGABALIN = {
    "id": 1,
    "date": "2026-02-01",
    "name": "Pregabalin",
    "unit": "mg",
    "form": "capsule",
    "schedule": "scheduled",
    "reason": None,
}
IBUPROFEN = {**PREGABALIN, "id": 2, "name": "ibuprofen", "schedule": "as_needed"}


def change(id_, day, kind="dose", strength=150.0, per_day=2, medicine_id=1, reason=None):
    return {
        "id": id_,
        "date": day,
        "medicine_id": medicine_id,
        "change": kind,
        "strength": None if kind == "stop" else strength,
        "doses_per_day": None if kind == "stop" else per_day,
        "reason": reason,
        "note": None,
    }


TITRATION = [change(1, "2026-02-01", "start", 75.0), change(2, CHANGE_DAY, "dose", 150.0)]


def pain_rows(level_before, level_after, *, seed=3, noise=0.8, settle=None, skip=()):
    """One entry a day from 40 days before CHANGE_DAY to 30 days after: `level_before`
    before the change, `settle` (default: level_after) in the settling-in week, `level_after`
    after it; days in `skip` have no entry."""
    rng = random.Random(seed)
    rows = []
    start = dt.date.fromisoformat(CHANGE_DAY)
    for offset in range(-40, 31):
        day = (start + dt.timedelta(days=offset)).isoformat()
        if day in skip:
            continue
        if offset < 0:
            level = level_before
        elif offset < SETTLE_DAYS:
            level = level_after if settle is None else settle
        else:
            level = level_after
        value = min(10.0, max(0.0, rng.gauss(level, noise)))
        rows.append(
            {
                "date": day,
                "average": round(value),
                "sleep_interference": round(min(10.0, max(0.0, rng.gauss(level, noise)))),
                "activity_interference": 5,
                "enjoyment_interference": 5,
            }
        )
    return rows


def compare(rows, today="2026-04-30", changes=TITRATION, which=1):
    meds = {1: PREGABALIN, 2: IBUPROFEN}
    return compare_change(changes[which], changes, meds, daily_measures(rows), today)


# ---- the regimen --------------------------------------------------------------------------------


def test_the_regimen_on_a_day_is_the_latest_change_on_or_before_it_ties_by_id():
    changes = [*TITRATION, change(3, CHANGE_DAY, "dose", 225.0), change(4, "2026-04-01", "stop")]
    assert regimen_on(changes, 1, "2026-01-31") is None
    assert regimen_on(changes, 1, "2026-02-01")["strength"] == 75.0
    assert regimen_on(changes, 1, CHANGE_DAY)["strength"] == 225.0  # same day: highest id
    stopped = regimen_on(changes, 1, "2026-04-02")
    assert stopped["change"] == "stop" and not stopped["current"]
    assert regimen_on(changes, 2, CHANGE_DAY) is None


def test_current_regimens_list_current_medicines_first():
    changes = [*TITRATION, change(5, "2026-02-10", "start", 400.0, None, 2)]
    changes.append(change(6, "2026-03-01", "stop", medicine_id=2))
    regimens = current_regimens([IBUPROFEN, PREGABALIN], changes, "2026-03-10")
    assert [r["name"] for r in regimens] == ["Pregabalin", "ibuprofen"]
    assert regimens[0]["regimen"]["current"] and not regimens[1]["regimen"]["current"]


# ---- before and after ---------------------------------------------------------------------------


def test_the_windows_are_14_days_before_a_settling_week_then_14_days():
    before_start, before_end, settle_end, after_start, after_end = windows(CHANGE_DAY)
    assert (before_start, before_end) == ("2026-02-17", "2026-03-02")
    assert (settle_end, after_start, after_end) == ("2026-03-09", "2026-03-10", "2026-03-23")
    assert (BEFORE_DAYS, SETTLE_DAYS, AFTER_DAYS, MIN_RATED_DAYS) == (14, 7, 14, 7)


def test_a_titration_with_a_built_in_effect_is_found_with_its_interval():
    result = compare(pain_rows(6.0, 4.0))
    pain = result["measures"]["pain"]
    assert result["status"] == "complete" and result["rated_needed"] == 0
    assert (pain["before_days"], pain["after_days"]) == (14, 14)
    assert -2.8 <= pain["points"] <= -1.2
    assert pain["high"] < 0 and not pain["within_variation"]
    assert pain["band"] in ("minimal", "moderate")
    assert result["from_strength"] == 75.0 and result["strength"] == 150.0
    assert result["confounders"] == []
    # the interval is change.py's Welch interval over the same daily values
    values = daily_measures(pain_rows(6.0, 4.0))["pain"]
    before = [v for d, v in sorted(values.items()) if "2026-02-17" <= d <= "2026-03-02"]
    after = [v for d, v in sorted(values.items()) if "2026-03-10" <= d <= "2026-03-23"]
    low, high = mean_difference_interval(before, after)
    assert (pain["low"], pain["high"]) == (round(low, 1), round(high, 1))
    # the sleep series follows the same levels: lower, with no verdict on its size
    assert result["measures"]["sleep"]["band"] == "lower"


def test_a_change_without_effect_has_an_interval_covering_zero():
    pain = compare(pain_rows(5.0, 5.0, seed=1))["measures"]["pain"]
    assert pain["low"] <= 0 <= pain["high"]
    assert pain["within_variation"] and pain["band"] in ("variation", "none")


def test_without_effect_the_interval_covers_zero_about_95_percent_of_the_time():
    results = [compare(pain_rows(5.0, 5.0, seed=seed))["measures"]["pain"] for seed in range(120)]
    covered = sum(p["low"] <= 0 <= p["high"] for p in results) / len(results)
    assert covered >= 0.9
    assert abs(sum(p["points"] for p in results) / len(results)) < 0.15
    # and with a real effect of -2 the interval excludes 0 almost always
    found = [compare(pain_rows(6.0, 4.0, seed=seed))["measures"]["pain"] for seed in range(30)]
    assert all(p["high"] < 0 for p in found)


def test_the_settling_in_week_is_left_out():
    calm = compare(pain_rows(5.0, 5.0, noise=0.0))["measures"]["pain"]
    stormy = compare(pain_rows(5.0, 5.0, noise=0.0, settle=10.0))["measures"]["pain"]
    assert calm == stormy
    assert stormy["after_avg"] == 5.0 and stormy["points"] == 0.0 and stormy["band"] == "none"


def test_the_peg_is_compared_without_a_verdict_on_its_size():
    peg = compare(pain_rows(6.0, 3.0))["measures"]["peg"]
    assert peg["points"] < 0 and peg["band"] == "lower"


def test_another_change_inside_the_window_is_flagged():
    changes = [*TITRATION, change(3, "2026-02-20", "start", 400.0, None, 2)]
    changes.append(change(4, "2026-03-20", "dose", 225.0))
    changes.append(change(5, "2026-03-24", "dose", 300.0))  # after the window: not flagged
    flagged = compare(pain_rows(6.0, 4.0), changes=changes)["confounders"]
    assert [(c["change_id"], c["name"]) for c in flagged] == [(3, "ibuprofen"), (4, "Pregabalin")]


def test_a_change_corrected_the_same_day_is_the_regimen_changed_from_not_a_confounder():
    changes = [*TITRATION, change(3, CHANGE_DAY, "dose", 225.0)]
    result = compare(pain_rows(6.0, 4.0), changes=changes, which=2)
    assert result["from_strength"] == 150.0 and result["strength"] == 225.0
    assert result["confounders"] == []
    # ...while the corrected change itself sees the later one as a second change
    assert [
        c["change_id"] for c in compare(pain_rows(6.0, 4.0), changes=changes)["confounders"]
    ] == [3]


def test_too_few_rated_days_after_are_said_with_the_days_still_needed():
    after = [shift("2026-03-10", i) for i in range(14)]
    rows = pain_rows(6.0, 4.0, skip=after[:10])  # 4 rated days after the settling week
    result = compare(rows)
    assert result["status"] == "too_few" and result["rated_needed"] == MIN_RATED_DAYS - 4
    assert result["measures"]["pain"]["after_avg"] is None
    assert result["measures"]["pain"]["points"] is None


def test_a_recent_change_is_settling_then_collecting_then_partial_then_complete():
    rows = pain_rows(6.0, 4.0)
    day10 = compare(rows, today=shift(CHANGE_DAY, 5))
    assert day10["status"] == "settling" and day10["rated_needed"] == MIN_RATED_DAYS
    assert day10["days_since"] == 5 and day10["reachable"]
    collecting = compare(rows, today=shift(CHANGE_DAY, 10))  # days 7-10: 4 rated
    assert collecting["status"] == "collecting" and collecting["rated_needed"] == 3
    partial = compare(rows, today=shift(CHANGE_DAY, 15))
    assert partial["status"] == "partial" and partial["measures"]["pain"]["after_days"] == 9
    assert compare(rows, today=shift(CHANGE_DAY, 20))["status"] == "complete"


def test_too_few_days_before_cannot_be_waited_out():
    before = [shift(CHANGE_DAY, -i) for i in range(1, 15)]
    result = compare(pain_rows(6.0, 4.0, skip=before[:9]))
    assert result["status"] == "no_before"
    assert result["measures"]["pain"]["before_days"] == 5


def test_pain_rising_into_a_change_makes_a_fall_regression_to_the_mean():
    rows = pain_rows(5.0, 5.0, noise=0.0)
    for row in rows:  # the last 7 days before the change: a bad spell at 8
        if shift(CHANGE_DAY, -7) <= row["date"] < CHANGE_DAY:
            row["average"] = 8
    pain = compare(rows)["measures"]["pain"]
    assert pain["before_rising"] and pain["band"] == "regression"
    assert (pain["before_first_half"], pain["before_second_half"]) == (5.0, 8.0)


def test_the_daily_series_gives_the_same_comparison_as_the_rows():
    rows = pain_rows(6.0, 4.0)
    meds = {1: PREGABALIN}
    from_rows = compare_change(TITRATION[1], TITRATION, meds, daily_measures(rows), "2026-04-30")
    series = daily_measures_from_series(daily_series(rows))
    from_series = compare_change(TITRATION[1], TITRATION, meds, series, "2026-04-30")
    assert from_rows["measures"] == from_series["measures"]


def test_compare_changes_keeps_the_period_and_skips_future_changes():
    changes = [*TITRATION, change(3, "2026-05-10", "dose", 225.0)]
    daily = daily_measures(pain_rows(6.0, 4.0))
    found = compare_changes([PREGABALIN], changes, daily, today="2026-04-30", start="2026-03-01")
    assert [c["change_id"] for c in found] == [2]


# ---- adherence ----------------------------------------------------------------------------------


def dose(id_, day, status="taken", medicine_id=1, reason=None):
    return {
        "id": id_,
        "date": day,
        "medicine_id": medicine_id,
        "time": None,
        "status": status,
        "amount": None,
        "reason": reason,
        "note": None,
    }


def test_adherence_counts_due_days_only_in_partial_weeks_and_caps_at_100():
    # started Wednesday 2026-03-04 (twice daily), stopped Thursday 2026-03-12
    changes = [change(1, "2026-03-04", "start", 75.0), change(2, "2026-03-12", "stop")]
    doses = []
    for i, day in enumerate(shift("2026-03-04", n) for n in range(8)):  # Wed 4 .. Wed 11
        doses += [dose(2 * i, day), dose(2 * i + 1, day)]
    doses[0]["status"] = "skipped"
    doses[0]["reason"] = "Felt dizzy"
    doses += [dose(90, "2026-03-05"), dose(91, "2026-03-05")]  # extra doses: capped
    doses += [dose(92, "2026-03-03"), dose(93, "2026-03-12"), dose(94, "2026-03-13")]  # not due
    result = adherence(PREGABALIN, changes, doses, today="2026-03-31")
    first, second = result["weeks"]
    assert (first["week"], first["days_due"], first["doses_due"]) == ("2026-W10", 5, 10)
    assert (first["taken"], first["skipped"], first["extra"]) == (11, 1, 1)
    assert first["pct"] == 100.0 and first["not_logged"] == 0
    assert (second["start"], second["days_due"], second["doses_due"]) == ("2026-03-09", 3, 6)
    assert second["taken"] == 6 and second["pct"] == 100.0
    assert result["doses_due"] == 16 and result["taken_counted"] == 16
    assert result["skip_reasons"] == [{"reason": "Felt dizzy", "doses": 1}]


def test_adherence_with_missed_and_unlogged_doses():
    changes = [change(1, "2026-03-02", "start", 75.0, 2)]  # Monday
    doses = [dose(i, shift("2026-03-02", i // 2)) for i in range(10)]  # Mon-Fri both doses
    doses += [dose(20, "2026-03-07", "skipped", reason="forgot"), dose(21, "2026-03-08", "skipped")]
    result = adherence(PREGABALIN, changes, doses, today="2026-03-08")
    [week] = result["weeks"]
    assert (week["doses_due"], week["taken"], week["skipped"], week["not_logged"]) == (14, 10, 2, 2)
    assert week["pct"] == 71.0 and result["pct"] == 71.0


def test_adherence_stops_at_today_and_at_the_period():
    changes = [change(1, "2026-03-02", "start", 75.0, 1)]
    result = adherence(PREGABALIN, changes, [], today="2026-03-04", start="2026-03-03")
    assert result["days_due"] == 2 and result["doses_due"] == 2 and result["pct"] == 0.0
    assert adherence(IBUPROFEN, changes, [], today="2026-03-04")["doses_due"] == 0


def test_adherence_follows_a_change_in_doses_a_day_and_a_restart():
    changes = [
        change(1, "2026-03-02", "start", 75.0, 1),
        change(2, "2026-03-04", "dose", 75.0, 3),
        change(3, "2026-03-05", "stop"),
        change(4, "2026-03-07", "start", 75.0, 2),
    ]
    result = adherence(PREGABALIN, changes, [], today="2026-03-08")
    # Mon 1, Tue 1, Wed 3; stopped Thu and Fri (not due); restarted Sat 2, Sun 2
    assert result["days_due"] == 5 and result["doses_due"] == 1 + 1 + 3 + 2 + 2


# ---- as needed ----------------------------------------------------------------------------------


def test_as_needed_doses_per_week_and_the_week_on_week_trend():
    changes = [change(1, "2026-03-02", "start", 400.0, None, 2)]
    doses = [dose(i, "2026-03-03", medicine_id=2, reason="bad night") for i in range(2)]
    doses += [dose(10, "2026-03-10", medicine_id=2)]
    # the trend to 2026-03-29: last 7 days (23-29) 7 doses, the 7 before (16-22) 1 dose
    doses += [dose(20 + i, shift("2026-03-23", i), medicine_id=2, reason="Flare") for i in range(7)]
    doses += [dose(40, "2026-03-18", medicine_id=2, reason="flare")]
    doses += [dose(41, "2026-03-18", "skipped", medicine_id=2)]  # skipped: not counted
    use = as_needed_use(IBUPROFEN, changes, doses, today="2026-03-29")
    assert [(w["week"], w["doses"], w["days_with_dose"]) for w in use["weeks"]] == [
        ("2026-W10", 2, 1),
        ("2026-W11", 1, 1),
        ("2026-W12", 1, 1),
        ("2026-W13", 7, 7),
    ]
    assert (use["last_doses"], use["prior_doses"], use["last_days"]) == (7, 1, 7)
    assert use["trend_per_week"] == 6.0 and use["trend_low"] > 0 and not use["within_variation"]
    assert use["reasons"][0] == {"reason": "Flare", "doses": 8}


def test_as_needed_trend_needs_three_current_days_in_each_week():
    changes = [change(1, "2026-03-27", "start", 400.0, None, 2)]
    use = as_needed_use(IBUPROFEN, changes, [], today="2026-03-29")
    assert use["prior_days"] == 0 and use["trend_per_week"] is None


# ---- side effects -------------------------------------------------------------------------------


def effect(day, effects, bother, other=None, medicine_id=1):
    return {
        "id": 0,
        "date": day,
        "medicine_id": medicine_id,
        "effects": effects,
        "other": other,
        "bother": bother,
        "note": None,
    }


def test_side_effects_per_word_with_days_and_mean_bother_per_month():
    rows = [
        effect("2026-03-03", ["dizziness", "drowsiness"], 6),
        effect("2026-03-03", ["dizziness"], 2),  # same day: one day, bother 4
        effect("2026-03-20", ["dizziness"], 8),
        effect("2026-04-02", ["dizziness"], 3),
        effect("2026-04-05", [], 5, other="Vivid dreams"),
        effect("2026-04-06", [], 7, other="vivid dreams ", medicine_id=None),
    ]
    found = side_effects_over_time(rows)
    assert [(s["effect"], s["days"], s["other"]) for s in found] == [
        ("dizziness", 3, False),
        ("drowsiness", 1, False),
        ("Vivid dreams", 2, True),
    ]
    dizzy = found[0]
    assert dizzy["entries"] == 4 and dizzy["bother_avg"] == 5.0  # (4 + 8 + 3) / 3
    assert [(p["period"], p["days"], p["bother_avg"]) for p in dizzy["periods"]] == [
        ("2026-03", 2, 6.0),
        ("2026-04", 1, 3.0),
    ]
    weekly = side_effects_over_time(rows, by="week", medicine_ids={None})
    assert [(s["effect"], s["periods"][0]["period"]) for s in weekly] == [
        ("vivid dreams", "2026-W15")
    ]


def test_the_summary_gathers_every_part():
    changes = [*TITRATION, change(3, "2026-02-01", "start", 400.0, None, 2)]
    summary = medicine_summary(
        [PREGABALIN, IBUPROFEN],
        changes,
        [dose(1, "2026-03-05")],
        [effect("2026-03-05", ["nausea"], 3)],
        daily_measures(pain_rows(6.0, 4.0)),
        today="2026-04-30",
        start="2026-03-01",
    )
    assert [c["change_id"] for c in summary["changes"]] == [2]
    assert [a["name"] for a in summary["adherence"]] == ["Pregabalin"]
    assert [u["name"] for u in summary["as_needed"]] == ["ibuprofen"]
    assert summary["side_effects"][0]["effect"] == "nausea"
    assert summary["end"] == "2026-04-30" and len(summary["regimens"]) == 2


# ---- any regimen, any doses: the arithmetic holds -----------------------------------------------

_DAYS = [shift("2026-03-01", n) for n in range(28)]


@settings(max_examples=60, deadline=None)
@given(
    steps=st.lists(
        st.tuples(
            st.sampled_from(_DAYS), st.sampled_from(["start", "dose", "stop"]), st.integers(1, 4)
        ),
        min_size=1,
        max_size=5,
    ),
    taken=st.lists(st.tuples(st.sampled_from(_DAYS), st.booleans()), max_size=80),
)
def test_adherence_is_never_above_100_and_counts_add_up(steps, taken):
    changes = [change(i, day, kind, 75.0, per_day) for i, (day, kind, per_day) in enumerate(steps)]
    doses = [dose(i, day, "taken" if ok else "skipped") for i, (day, ok) in enumerate(taken)]
    result = adherence(PREGABALIN, changes, doses, today="2026-03-28")
    assert result["taken_counted"] <= result["doses_due"]
    assert result["pct"] is None or 0 <= result["pct"] <= 100
    for week in result["weeks"]:
        assert week["days_due"] <= 7 and week["doses_due"] >= week["days_due"]
        assert week["taken"] - week["extra"] <= week["doses_due"]
        assert week["pct"] is not None and 0 <= week["pct"] <= 100
    due = sum(
        regimen_on(changes, 1, day)["doses_per_day"] or 0
        for day in _DAYS
        if (regimen_on(changes, 1, day) or {}).get("current")
    )
    assert result["doses_due"] == due
