"""The analysis core: pure functions over the Store's row dicts, one job per module.

No SQL, no store, no Textual, no plotext: lists of pain and exercise row dicts in (as
`Store.pain_rows()` / `Store.exercise_rows()` return them, oldest first, ISO dates), plain
dicts and lists out. Everything is one pass over the rows or over the calendar days (dicts
keyed by day, no nested scans): ten years (3,400 ratings, 5,300 sessions) summarise in
about 25 ms and the daily series takes about 9 ms (tests/bench_trends.py).

- days:     `daily_series` (per calendar day, gaps as None, 7/28-day rolling means),
            `pain_by_day`, `rolling_mean`
- calendar: ISO-day arithmetic (`shift`, `monday_of`, `calendar`), used by plots and the app
- change:   `baseline_and_change`: the one baseline (dated, bounded, settable), the recent
            week, the change with its interval and verdict band; `diary_baseline`
- exercise: `weekly_exercise` (minutes per ISO week by category, moderate-equivalent aerobic
            minutes vs a target, full weeks marked), `iso_week`, `minutes_by_category`
- next_day: `adjusted_next_day`: next-day pain after exercise against after rest, adjusted for
            the day's own pain (least squares, 95% interval, at least 10 days of each)
- response: `exercise_response`, `session_pain_change`, `flare_sessions`, `flare_counts`,
  `highest_pain`
- symptoms: `symptom_counts`
- regimen:  the regimen on a day (`regimen_on`, `current_regimens`, `current_days`)
- medicines: each change's before/after pain, PEG and sleep (`compare_change`,
            `compare_changes`: 14 days before, a settling-in week left out, 14 days after,
            Welch interval, confounders)
- medicine_use: adherence per week (`adherence`), as-needed use and its week-on-week trend
            (`as_needed_use`), and `medicine_summary`, everything for one period
- side_effects: `side_effects_over_time` (days reported and mean bother per effect)
- summary:  `summarize`, the JSON contract (its docstring lists every key)
"""

from tracker.analysis.change import baseline_and_change, diary_baseline
from tracker.analysis.days import daily_series, pain_by_day, rolling_mean
from tracker.analysis.exercise import (
    DEFAULT_WEEKLY_TARGET,
    iso_week,
    minutes_by_category,
    weekly_exercise,
)
from tracker.analysis.response import (
    exercise_response,
    flare_counts,
    flare_sessions,
    highest_pain,
    session_pain_change,
)
from tracker.analysis.summary import summarize
from tracker.analysis.symptoms import symptom_counts

__all__ = [
    "DEFAULT_WEEKLY_TARGET",
    "baseline_and_change",
    "daily_series",
    "diary_baseline",
    "exercise_response",
    "flare_counts",
    "flare_sessions",
    "highest_pain",
    "iso_week",
    "minutes_by_category",
    "pain_by_day",
    "rolling_mean",
    "session_pain_change",
    "summarize",
    "symptom_counts",
    "weekly_exercise",
]
