"""Does exercise help this person? Pain on exercise days against rest days, pain around
sessions, and sessions that were followed by a flare.

Day rules: an exercise day has at least one session; a rest day has a pain rating and no
session (a day with nothing logged is unknown, not rest). Every mean comes with the count of
days (or sessions) behind it and is None under 3 of them: two days are an anecdote.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from tracker.analysis.calendar import DayLike, as_date, iso
from tracker.analysis.days import mean
from tracker.analysis.exercise import category_of
from tracker.models import CATEGORIES

MIN_DAYS = 3
#: A rise of 2 points or more (0-10 scale) marks a flare.
FLARE_POINTS = 2
#: The next day's pain is compared with the mean of this many days before the session day.
FLARE_LOOKBACK_DAYS = 7


def _ordinals(daily_pain: dict[str, float]) -> dict[int, float]:
    """Day ordinal -> pain, so neighbouring days are found with integer arithmetic."""
    return {as_date(day).toordinal(): value for day, value in daily_pain.items()}


def _counted(values: Sequence[float]) -> tuple[float | None, int]:
    value = mean(values) if len(values) >= MIN_DAYS else None
    return (None if value is None else round(value, 2)), len(values)


def exercise_response(
    daily_pain: dict[str, float],
    exercise_rows: Iterable[dict],
    start: DayLike | None = None,
    end: DayLike | None = None,
) -> dict:
    """Mean pain on exercise and rest days, and on the day after each, over start..end.

    Keys (each *_avg has a matching *_days count): exercise_day_pain_avg, rest_day_pain_avg,
    next_day_after_exercise_avg, next_day_after_rest_avg. A "next day" pair needs a rating on
    the next day and both days inside the period.
    """
    first, last = iso(start), iso(end)
    pain = {d: v for d, v in daily_pain.items() if _inside(d, first, last)}
    exercised = {row["date"] for row in exercise_rows if _inside(row["date"], first, last)}
    on_exercise = [v for d, v in pain.items() if d in exercised]
    on_rest = [v for d, v in pain.items() if d not in exercised]
    pain_by_ordinal = _ordinals(pain)
    exercised_ordinals = {as_date(day).toordinal() for day in exercised}
    after_exercise, after_rest = [], []
    for ordinal, value in pain_by_ordinal.items():
        if ordinal - 1 in exercised_ordinals:
            after_exercise.append(value)
        elif ordinal - 1 in pain_by_ordinal:
            after_rest.append(value)
    result: dict = {}
    for name, values in (
        ("exercise_day_pain", on_exercise),
        ("rest_day_pain", on_rest),
        ("next_day_after_exercise", after_exercise),
        ("next_day_after_rest", after_rest),
    ):
        result[f"{name}_avg"], result[f"{name}_days"] = _counted(values)
    return result


def _inside(day: str, first: str | None, last: str | None) -> bool:
    return (first is None or day >= first) and (last is None or day <= last)


def session_pain_change(exercise_rows: Iterable[dict]) -> dict:
    """Mean of pain_after - pain_before over the sessions that have both, overall and by category.

    Negative = pain went down during the session. Keys: session_pain_change_avg,
    session_pain_change_sessions, session_pain_change_by_category ({category: {"avg",
    "sessions"}} for the categories with at least one rated session, vocabulary order).
    """
    overall: list[int] = []
    by_category: dict[str, list[int]] = {}
    for row in exercise_rows:
        if row.get("pain_before") is None or row.get("pain_after") is None:
            continue
        change = row["pain_after"] - row["pain_before"]
        overall.append(change)
        by_category.setdefault(category_of(row), []).append(change)
    avg, count = _counted(overall)
    categories = {}
    for category in CATEGORIES:
        if category in by_category:
            cat_avg, cat_count = _counted(by_category[category])
            categories[category] = {"avg": cat_avg, "sessions": cat_count}
    return {
        "session_pain_change_avg": avg,
        "session_pain_change_sessions": count,
        "session_pain_change_by_category": categories,
    }


def flare_sessions(exercise_rows: Iterable[dict], daily_pain: dict[str, float]) -> list[dict]:
    """Sessions followed by a flare, in the order given (oldest first for Store rows).

    A flare is either (a) pain rose by 2 or more during the session (pain_after - pain_before
    >= 2), or (b) the next day's pain was 2 or more above the mean pain of the 7 calendar days
    before the session day (that mean needs 3 rated days). Each flare: id, date, activity,
    category, minutes, pain_before, pain_after, session_rise, next_day_rise (None where not
    measurable) and `reason` in plain words.
    """
    pain = _ordinals(daily_pain)
    ordinals: dict[str, int] = {}
    weeks_before: dict[int, float | None] = {}  # 7 look-ups per session day, once
    flares = []
    for row in exercise_rows:
        date = row["date"]
        ordinal = ordinals.get(date) or ordinals.setdefault(date, as_date(date).toordinal())
        session_rise = _session_rise(row)
        next_day_rise = None
        next_day = pain.get(ordinal + 1)
        if next_day is not None:
            if ordinal not in weeks_before:
                weeks_before[ordinal] = _week_before(pain, ordinal)
            before = weeks_before[ordinal]
            next_day_rise = None if before is None else round(next_day - before, 2)
        if (session_rise is not None and session_rise >= FLARE_POINTS) or (
            next_day_rise is not None and next_day_rise >= FLARE_POINTS
        ):
            flares.append(_flare(row, session_rise, next_day_rise))
    return flares


def _week_before(pain: dict[int, float], ordinal: int) -> float | None:
    values = [pain[day] for day in range(ordinal - FLARE_LOOKBACK_DAYS, ordinal) if day in pain]
    return mean(values) if len(values) >= MIN_DAYS else None


def _session_rise(row: dict) -> int | None:
    before, after = row.get("pain_before"), row.get("pain_after")
    return None if before is None or after is None else after - before


def _reasons(session_rise: int | None, next_day_rise: float | None) -> list[str]:
    reasons = []
    if session_rise is not None and session_rise >= FLARE_POINTS:
        reasons.append(f"pain rose {session_rise} points during the session")
    if next_day_rise is not None and next_day_rise >= FLARE_POINTS:
        reasons.append(f"next day's pain was {next_day_rise:.1f} above the week before")
    return reasons


def _flare(row: dict, session_rise: int | None, next_day_rise: float | None) -> dict:
    return {
        "id": row.get("id"),
        "date": row["date"],
        "activity": row["activity"],
        "category": category_of(row),
        "minutes": row["minutes"],
        "pain_before": row.get("pain_before"),
        "pain_after": row.get("pain_after"),
        "session_rise": session_rise,
        "next_day_rise": next_day_rise,
        "reason": "; ".join(_reasons(session_rise, next_day_rise)),
    }
