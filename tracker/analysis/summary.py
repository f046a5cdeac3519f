"""`summarize`: every number the app shows about a period, as one JSON-serialisable dict.

This dict is the contract for `tracker stats --json`, the tips engine, the TUI and the PDF
report; renaming a key breaks them. Dates are ISO strings, means are rounded to 2 decimals,
and a number that cannot be computed (too few days) is None, never 0.

Period keys (the period is start..end; end defaults to `today`, start to the first logged day):
    period_start, period_end      the period (period_start None for an empty diary)
    today                         the `today` the summary was made for (the next day when an
                                  entry is dated so: calendar.diary_today)
    days_logged                   days in the period with at least one pain entry
    pain_entries, sessions        entries and sessions in the period
    first_day, last_day           first and last day in the period with any entry (or None)
    period_pain_avg               mean daily pain over the period's rated days
Change (the one definition is in analysis.change; change_pct < 0 means pain went DOWN):
    baseline_avg, baseline_days   mean daily pain (1 decimal) of the baseline's rated days
    baseline_start, baseline_end  its first and last rated day; baseline_from: the day asked
                                  for (None: the diary's first rated day); baseline_set
    baseline_age_days, baseline_stale   days from its end to the period's end; > 180 = old
    baseline_first_half, baseline_second_half, baseline_falling   pain falling inside the
                                  baseline itself (a diary started in a bad spell)
    recent_avg, recent_days, recent_start, recent_end   (the period's last 7 calendar days)
    change_points, change_pct     recent - baseline in points (1 decimal) and in % of the
                                  baseline (whole number), from the means as shown
    change_low, change_high       rough 95% interval of change_points (day-to-day variation)
    within_variation              the interval covers no change
    change_band                   substantial, moderate, minimal, small, none, variation,
                                  regression or worse (None with no change)
    minimal, meaningful, substantial   the band is at least minimal / moderate / substantial
                                  (meaningful and substantial need 2 points too: Farrar 2001)
Interference and the PEG (analysis.interference: the same baseline, recent week, change and
interval as pain, from `change.baseline_and_change(..., thresholds=False)`, so no verdict):
    peg                           {every change key above (change_band: lower, none,
                                  variation, regression or worse; minimal, meaningful and
                                  substantial always None), "period_avg", "period_days"
                                  (days of the period with a PEG; period_avg None under 3),
                                  "trend_points" (today-6..today minus today-13..today-7,
                                  None unless each week has 3 days with a PEG), "entries"
                                  (entries of the period with all three PEG items)}; a
                                  day's PEG is the mean of its entries' PEG scores
                                  (models.peg_score: average pain, enjoyment and general
                                  activity interference, each about the last 24 hours)
    interference                  {"sleep", "activity", "enjoyment": the same keys as peg but
                                  "entries", for each 0-10 interference item on its own}
Exercise dose (see analysis.exercise):
    weekly_aerobic_target         minutes of aerobic exercise a week (default 150)
    weekly_exercise_minutes       [{"week": "2026-W47", "week_start", "minutes",
                                    "by_category": {category: minutes}, "aerobic_minutes",
                                    "aerobic_equivalent_minutes", "target_met", "complete"}],
                                  every week of the period; aerobic_equivalent_minutes counts a
                                  session at RPE 7 or more double (moderate-equivalent)
    exercise_minutes_total, exercise_days    over the period
    weeks_complete                full weeks: not cut by the diary's start, the period or today
    weeks_target_met              full weeks whose moderate-equivalent aerobic minutes reached
                                  the target (partial weeks are never counted, met or missed)
Response (see analysis.response; each *_avg is None under 3 days, *_days is the count):
    exercise_day_pain_avg, exercise_day_pain_days, rest_day_pain_avg, rest_day_pain_days,
    next_day_after_exercise_avg, next_day_after_exercise_days,
    next_day_after_rest_avg, next_day_after_rest_days
    next_day_adjusted_diff, next_day_adjusted_low, next_day_adjusted_high   next-day pain after
                                  exercise minus after rest, adjusted for the day's own pain,
                                  with a 95% interval (analysis.next_day; None under 10 days
                                  of either kind), next_day_adjusted_days,
                                  next_day_adjusted_exercise_days, next_day_adjusted_rest_days,
                                  next_day_adjusted_min_days, next_day_adjusted_status
    session_pain_change_avg, session_pain_change_sessions      mean pain_after - pain_before
    session_pain_change_by_category   {category: {"avg", "sessions"}}
    flare_sessions                exercise days followed by a flare, one per day:
                                  [{"id", "date", "activity", "category", "minutes",
                                    "sessions", "pain_before", "pain_after", "session_rise",
                                    "next_day_rise", "usual", "reason"}] in the period
    symptom_counts                {symptom: entries mentioning it}, most frequent first
Relative to `today`, over every row given (the tips engine's inputs; the CLI passes all rows):
    last_pain_date, last_exercise_date        latest day on or before today (or None)
    diary_first_day               the first day with any entry (or None), whatever the period
    days_since_last_pain_entry    today - last_pain_date in days (None if never)
    missed_days_last_14           days without a pain entry among today-13..today, counted
                                  from the first logged day only (a new diary has not missed
                                  the days before it started; 0 for an empty diary)
    exercise_minutes_last_7_days, aerobic_minutes_last_7_days      today-6..today
    aerobic_equivalent_minutes_last_7_days    the same aerobic minutes, RPE 7+ counted double
    category_minutes_last_14_days {category: minutes} over today-13..today, all categories
    pain_trend_points             mean daily pain of today-6..today minus that of
                                  today-13..today-7; positive = rising; None unless each
                                  week has 3 or more rated days
    recent_flare_sessions         flare_sessions (over all rows) dated today-13..today
    recent_exercise_days_checked, recent_exercise_days_flared, recent_rest_days_checked,
    recent_rest_days_flared       response.flare_counts over today-13..today
    recent_highest_pain           highest daily pain or session score, today-6..today (or None)
"""

from __future__ import annotations

import datetime as dt
from typing import cast

from tracker.analysis.calendar import DayLike, diary_today, iso, shift
from tracker.analysis.change import MIN_DAYS, baseline_and_change
from tracker.analysis.days import in_period, mean, pain_by_day
from tracker.analysis.exercise import (
    DEFAULT_WEEKLY_TARGET,
    aerobic_equivalent_minutes,
    minutes_by_category,
    weekly_exercise,
)
from tracker.analysis.interference import interference_summary
from tracker.analysis.next_day import adjusted_next_day, day_pairs
from tracker.analysis.response import (
    exercise_response,
    flare_counts,
    flare_sessions,
    highest_pain,
    session_pain_change,
)
from tracker.analysis.summary_type import Summary
from tracker.analysis.symptoms import symptom_counts
from tracker.models import Row


def summarize(
    pain_rows: list[Row],
    exercise_rows: list[Row],
    *,
    today: dt.date,
    start: DayLike | None = None,
    end: DayLike | None = None,
    weekly_target: int = DEFAULT_WEEKLY_TARGET,
    baseline_from: DayLike | None = None,
) -> Summary:
    """The summary of start..end (see the module docstring for every key)."""
    today = diary_today(today, pain_rows, exercise_rows)  # a day ahead: another time zone
    today_iso = today.isoformat()
    pain_rows = [row for row in pain_rows if row["date"] <= today_iso]
    exercise_rows = [row for row in exercise_rows if row["date"] <= today_iso]
    end_iso = iso(end) or today_iso
    start_iso = iso(start) or _first_day(pain_rows, exercise_rows, end_iso)
    daily_all = pain_by_day(pain_rows)
    pain = in_period(pain_rows, start_iso, end_iso)
    exercise = in_period(exercise_rows, start_iso, end_iso)
    flares = flare_sessions(exercise_rows, daily_all)
    summary = {
        **_period(pain, exercise, start_iso, end_iso, today_iso),
        **baseline_and_change(
            daily_all,
            start=start_iso,
            end=end_iso,
            baseline_from=baseline_from,
        ),
        **interference_summary(
            pain_rows, start=start_iso, end=end_iso, today=today, baseline_from=baseline_from
        ),
        **_dose(
            exercise,
            start_iso,
            end_iso,
            weekly_target,
            diary_start=_first_day(pain_rows, exercise_rows, today_iso),
            today=today_iso,
        ),
        **exercise_response(daily_all, exercise_rows, start_iso, end_iso),
        **adjusted_next_day(day_pairs(daily_all, exercise_rows, start_iso, end_iso)),
        **session_pain_change(exercise),
        "flare_sessions": in_period(flares, start_iso, end_iso),
        "symptom_counts": symptom_counts(pain),
        **_relative_to_today(daily_all, exercise_rows, today),
    }
    summary["recent_flare_sessions"] = in_period(flares, shift(today, -13), today_iso)
    counts = flare_counts(exercise_rows, daily_all, shift(today, -13), today_iso)
    summary.update({f"recent_{key}": value for key, value in counts.items()})
    summary["recent_highest_pain"] = highest_pain(
        daily_all, exercise_rows, shift(today, -6), today_iso
    )
    # Built from the parts' dicts; tests/unit/test_summary_type.py holds the keys to Summary.
    return cast(Summary, summary)


def _first_day(pain_rows: list[Row], exercise_rows: list[Row], end: str) -> str | None:
    days = [row["date"] for row in (*pain_rows, *exercise_rows) if row["date"] <= end]
    return min(days) if days else None


def _period(pain: list[Row], exercise: list[Row], start: str | None, end: str, today: str) -> Row:
    daily = pain_by_day(pain)
    logged = sorted({row["date"] for row in (*pain, *exercise)})
    period_avg = mean(list(daily.values()))
    return {
        "period_start": start,
        "period_end": end,
        "today": today,
        "days_logged": len(daily),
        "pain_entries": len(pain),
        "sessions": len(exercise),
        "first_day": logged[0] if logged else None,
        "last_day": logged[-1] if logged else None,
        "period_pain_avg": None if period_avg is None else round(period_avg, 2),
    }


def _dose(
    exercise: list[Row],
    start: str | None,
    end: str,
    target: int,
    *,
    diary_start: str | None,
    today: str,
) -> Row:
    weeks = (
        weekly_exercise(exercise, start, end, target, diary_start=diary_start, today=today)
        if start is not None
        else []
    )
    return {
        "weekly_aerobic_target": target,
        "weekly_exercise_minutes": weeks,
        "exercise_minutes_total": sum(row["minutes"] for row in exercise),
        "exercise_days": len({row["date"] for row in exercise}),
        "weeks_complete": sum(1 for week in weeks if week["complete"]),
        "weeks_target_met": sum(1 for week in weeks if week["complete"] and week["target_met"]),
    }


def _relative_to_today(daily: dict[str, float], exercise_rows: list[Row], today: dt.date) -> Row:
    today_iso = today.isoformat()
    last_pain = max(daily) if daily else None
    exercise_days = [row["date"] for row in exercise_rows]
    last_exercise = max(exercise_days) if exercise_days else None
    last_7 = minutes_by_category(exercise_rows, shift(today, -6), today_iso)
    first_days = [
        day for day in (min(daily, default=None), min(exercise_days, default=None)) if day
    ]
    return {
        "last_pain_date": last_pain,
        "last_exercise_date": last_exercise,
        "diary_first_day": min(first_days, default=None),
        "days_since_last_pain_entry": (
            None if last_pain is None else (today - dt.date.fromisoformat(last_pain)).days
        ),
        "missed_days_last_14": _missed_days(daily, exercise_days, today),
        "exercise_minutes_last_7_days": sum(last_7.values()),
        "aerobic_minutes_last_7_days": last_7["aerobic"],
        "aerobic_equivalent_minutes_last_7_days": aerobic_equivalent_minutes(
            exercise_rows, shift(today, -6), today_iso
        ),
        "category_minutes_last_14_days": minutes_by_category(
            exercise_rows, shift(today, -13), today_iso
        ),
        "pain_trend_points": _trend(daily, today),
    }


def _missed_days(daily: dict[str, float], exercise_days: list[str], today: dt.date) -> int:
    logged = [*daily, *exercise_days]
    if not logged:
        return 0
    first = max(min(logged), shift(today, -13))
    window = [shift(today, -i) for i in range(14)]
    return sum(1 for day in window if day >= first and day not in daily)


def _trend(daily: dict[str, float], today: dt.date) -> float | None:
    this_week = _window(daily, shift(today, -6), today.isoformat())
    last_week = _window(daily, shift(today, -13), shift(today, -7))
    if len(this_week) < MIN_DAYS or len(last_week) < MIN_DAYS:
        return None
    this_avg, last_avg = mean(this_week), mean(last_week)
    if this_avg is None or last_avg is None:  # not with MIN_DAYS values each
        return None
    return round(this_avg - last_avg, 2)


def _window(daily: dict[str, float], first: str, last: str) -> list[float]:
    return [value for day, value in daily.items() if first <= day <= last]
