"""`Summary`: the type of `summarize`'s dict, the contract every front door reads.

A TypedDict, so the type checker holds every reader (`tracker stats`, the tips engine, the
words, the app, the PDF report) to the keys that exist and the types they have; the meaning
of each key is in `tracker.analysis.summary`'s docstring. `tests/unit/test_summary_type.py`
checks that `summarize` returns exactly these keys, so the two cannot drift apart.
"""

from __future__ import annotations

from typing import Any, TypedDict


class Summary(TypedDict):
    """Every number tracker shows about a period (see `tracker.analysis.summary`)."""

    period_start: str | None
    period_end: str
    today: str
    days_logged: int
    pain_entries: int
    sessions: int
    first_day: str | None
    last_day: str | None
    period_pain_avg: float | None
    baseline_avg: float | None
    baseline_days: int
    baseline_start: str | None
    baseline_end: str | None
    baseline_set: bool
    baseline_from: str | None
    baseline_age_days: int | None
    baseline_stale: bool
    baseline_first_half: float | None
    baseline_second_half: float | None
    baseline_falling: bool
    recent_avg: float | None
    recent_days: int
    recent_start: str
    recent_end: str
    change_points: float | None
    change_pct: float | None
    change_low: float | None
    change_high: float | None
    within_variation: bool | None
    change_band: str | None
    minimal: bool | None
    meaningful: bool | None
    substantial: bool | None
    peg: dict[str, Any]
    interference: dict[str, Any]
    weekly_aerobic_target: int
    weekly_exercise_minutes: list[dict[str, Any]]
    exercise_minutes_total: int
    exercise_days: int
    weeks_complete: int
    weeks_target_met: int
    exercise_day_pain_avg: float | None
    exercise_day_pain_days: int
    rest_day_pain_avg: float | None
    rest_day_pain_days: int
    next_day_after_exercise_avg: float | None
    next_day_after_exercise_days: int
    next_day_after_rest_avg: float | None
    next_day_after_rest_days: int
    next_day_adjusted_diff: float | None
    next_day_adjusted_low: float | None
    next_day_adjusted_high: float | None
    next_day_adjusted_days: int
    next_day_adjusted_exercise_days: int
    next_day_adjusted_rest_days: int
    next_day_adjusted_min_days: int
    next_day_adjusted_status: str
    session_pain_change_avg: float | None
    session_pain_change_sessions: int
    session_pain_change_by_category: dict[str, Any]
    flare_sessions: list[dict[str, Any]]
    symptom_counts: dict[str, int]
    last_pain_date: str | None
    last_exercise_date: str | None
    diary_first_day: str | None
    days_since_last_pain_entry: int | None
    missed_days_last_14: int
    exercise_minutes_last_7_days: int
    aerobic_minutes_last_7_days: int
    aerobic_equivalent_minutes_last_7_days: int
    category_minutes_last_14_days: dict[str, int]
    pain_trend_points: float | None
    recent_flare_sessions: list[dict[str, Any]]
    recent_exercise_days_checked: int
    recent_exercise_days_flared: int
    recent_rest_days_checked: int
    recent_rest_days_flared: int
    recent_highest_pain: float | None
