"""Does exercise help this person? Pain on exercise days against rest days, pain around
sessions, and the exercise days that were followed by a flare.

Day rules: an exercise day has at least one session; a rest day has a pain rating and no
session (a day with nothing logged is unknown, not rest). Every mean comes with the count of
days (or sessions) behind it and is None under 3 of them: two days are an anecdote.

Flares are measured against the person's OWN usual level and variation, and one flare is one
event whatever number of sessions came before it:
- usual level of a day D: the median daily pain of the 27 calendar days before D, counting only
  days that did not follow a session (so a real post-exercise pattern does not hide itself by
  raising the usual level); with fewer than 4 such days, of every rated day among the 14 days
  before D, which needs 4 of them, else nothing is measured.
- margin: 2 points (about the smallest change on a 0-10 scale that matters to patients, Farrar
  2001) or twice the standard deviation of those usual days, whichever is larger: pain that
  moves a lot day to day needs a bigger jump to stand out.
- an exercise day S is followed by a flare when (a) a session on S was rated 2 or more points
  higher after than before, or (b) the next day's pain stands out: it is at least the margin
  above the usual level of S. Either way it is one flare for the day, not one per session.
- the same next-day test is run on rest days, so a flare after exercise can be set against how
  often pain jumps after a day without it. Neither says exercise caused the jump.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from statistics import median

from tracker.analysis.calendar import DayLike, as_date, iso, shift
from tracker.analysis.days import mean
from tracker.analysis.exercise import category_of
from tracker.models import CATEGORIES, Row

MIN_DAYS = 3
#: The smallest rise (0-10 scale) that can mark a flare, during a session or on the next day.
FLARE_POINTS = 2
#: The next day must also be this many standard deviations of the usual days above their median.
FLARE_SPREADS = 2.0
#: The usual level is the median of the days that did not follow a session among this many
#: calendar days before the exercise day (with the tips' 14 days, 27 + 1 + 14 = the 42 days the
#: dashboard reads, so it gives the same tips as `tracker tips`)...
QUIET_LOOKBACK_DAYS = 27
#: ... when there are MIN_USUAL_DAYS of them; else of every rated day among this many...
USUAL_LOOKBACK_DAYS = 14
#: ... which needs as many, or nothing is measured.
MIN_USUAL_DAYS = 4


def _ordinals(daily_pain: dict[str, float]) -> dict[int, float]:
    """Day ordinal -> pain, so neighbouring days are found with integer arithmetic."""
    return {as_date(day).toordinal(): value for day, value in daily_pain.items()}


def _counted(values: Sequence[float]) -> tuple[float | None, int]:
    value = mean(values) if len(values) >= MIN_DAYS else None
    return (None if value is None else round(value, 2)), len(values)


def exercise_response(
    daily_pain: dict[str, float],
    exercise_rows: Iterable[Row],
    start: DayLike | None = None,
    end: DayLike | None = None,
) -> Row:
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
    result: Row = {}
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


def session_pain_change(exercise_rows: Iterable[Row]) -> Row:
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


def _usual(pain: dict[int, float], exercised: set[int], ordinal: int) -> tuple[float, float] | None:
    """(usual level, margin) for the day `ordinal`, from the days before it; None if too few."""
    quiet: list[float] = []
    rated: list[float] = []
    recent = ordinal - USUAL_LOOKBACK_DAYS
    for day in range(ordinal - QUIET_LOOKBACK_DAYS, ordinal):
        value = pain.get(day)
        if value is None:
            continue
        if day - 1 not in exercised:
            quiet.append(value)
        if day >= recent:
            rated.append(value)
    if len(quiet) >= MIN_USUAL_DAYS:
        values = quiet
    elif len(rated) >= MIN_USUAL_DAYS:
        values = rated
    else:
        return None
    average = sum(values) / len(values)
    spread = (sum((value - average) ** 2 for value in values) / len(values)) ** 0.5
    return median(values), max(FLARE_POINTS, FLARE_SPREADS * spread)


def _stands_out(value: float, usual: tuple[float, float]) -> bool:
    level, margin = usual
    return value - level >= margin - 1e-9


def _next_day(
    pain: dict[int, float], exercised: set[int], ordinal: int
) -> tuple[bool, float | None, float | None]:
    """For the day `ordinal`: (measurable, next day's rise over the usual level, usual level).

    Measurable needs a rating on the next day and a usual level; the rise is None unless the
    next day stands out.
    """
    next_pain = pain.get(ordinal + 1)
    usual = _usual(pain, exercised, ordinal)
    if next_pain is None or usual is None:
        return False, None, None
    rise = round(next_pain - usual[0], 2)
    return True, (rise if _stands_out(next_pain, usual) else None), usual[0]


def flare_sessions(exercise_rows: Iterable[Row], daily_pain: dict[str, float]) -> list[Row]:
    """Exercise days followed by a flare (see the module docstring), oldest first.

    One entry per exercise day, however many sessions it had: id (the first session's),
    date (the exercise day), activity (every activity that day, comma-separated), category
    (the first session's), minutes (the day's total), sessions (how many), pain_before and
    pain_after (of the session that rose most, None where not rated), session_rise (that rise),
    next_day_rise (points above the usual level, None unless that marks the flare), usual
    (the usual level it was compared with, or None) and `reason` in plain words.
    """
    return [day["flare"] for day in _exercise_days(exercise_rows, daily_pain) if day["flare"]]


def flare_counts(
    exercise_rows: Iterable[Row],
    daily_pain: dict[str, float],
    start: DayLike | None = None,
    end: DayLike | None = None,
) -> Row:
    """How often pain jumped after exercise days and after rest days, over start..end.

    Keys: exercise_days_checked (exercise days that could be judged: the next day measurable,
    or a session rated before and after), exercise_days_flared (of those, followed by a flare),
    rest_days_checked (rest days whose next day was measurable) and rest_days_flared (of those,
    next day's pain stood out by the same test). Days are counted by the exercise or rest day.
    """
    first, last = iso(start), iso(end)
    rows = list(exercise_rows)
    if first is not None:  # only the days a judgement inside the period can look at
        earliest = shift(first, -QUIET_LOOKBACK_DAYS - 1)
        rows = [row for row in rows if row["date"] >= earliest]
        daily_pain = {day: value for day, value in daily_pain.items() if day >= earliest}
    days = _exercise_days(rows, daily_pain, first, last)
    pain = _ordinals(daily_pain)
    exercised = {as_date(row["date"]).toordinal() for row in rows}
    rest_checked = rest_flared = 0
    for day in daily_pain:
        if not _inside(day, first, last):
            continue
        ordinal = as_date(day).toordinal()
        if ordinal in exercised:
            continue
        measurable, rise, _ = _next_day(pain, exercised, ordinal)
        rest_checked += measurable
        rest_flared += rise is not None
    return {
        "exercise_days_checked": sum(1 for d in days if d["checked"]),
        "exercise_days_flared": sum(1 for d in days if d["flare"]),
        "rest_days_checked": rest_checked,
        "rest_days_flared": rest_flared,
    }


def highest_pain(
    daily_pain: dict[str, float], exercise_rows: Iterable[Row], start: DayLike, end: DayLike
) -> float | None:
    """The highest pain score over start..end: daily pain, or a session's before or after."""
    first, last = iso(start), iso(end)
    scores = [value for day, value in daily_pain.items() if first <= day <= last]
    for row in exercise_rows:
        if first <= row["date"] <= last:
            scores += [row[k] for k in ("pain_before", "pain_after") if row.get(k) is not None]
    return max(scores) if scores else None


def _exercise_days(
    exercise_rows: Iterable[Row],
    daily_pain: dict[str, float],
    first: str | None = None,
    last: str | None = None,
) -> list[Row]:
    """Each exercise day in first..last, oldest first: {"date", "checked", "flare" (a flare
    dict or None)}. Every row counts as exercise when telling which days followed a session."""
    by_day: dict[str, list[Row]] = {}
    for row in exercise_rows:
        by_day.setdefault(row["date"], []).append(row)
    pain = _ordinals(daily_pain)
    exercised = {as_date(day).toordinal() for day in by_day}
    result = []
    for date in sorted(day for day in by_day if _inside(day, first, last)):
        rows = by_day[date]
        rises = [(rise, row) for row in rows if (rise := _session_rise(row)) is not None]
        top_rise, top_row = max(rises, key=lambda pair: pair[0]) if rises else (None, rows[0])
        measurable, next_rise, usual = _next_day(pain, exercised, as_date(date).toordinal())
        session_flare = top_rise is not None and top_rise >= FLARE_POINTS
        flare = None
        if session_flare or next_rise is not None:
            flare = _flare(date, rows, top_row, top_rise, next_rise, usual)
        result.append({"date": date, "checked": measurable or bool(rises), "flare": flare})
    return result


def _session_rise(row: Row) -> int | None:
    before, after = row.get("pain_before"), row.get("pain_after")
    return None if before is None or after is None else after - before


def _number(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


def _reasons(session_rise: int | None, next_day_rise: float | None, usual: float | None) -> str:
    """What happened, in plain words; it says nothing about what caused it."""
    reasons = []
    if session_rise is not None and session_rise >= FLARE_POINTS:
        reasons.append(f"pain rose {session_rise} points during the session")
    if next_day_rise is not None and usual is not None:
        reasons.append(
            f"pain the next day was {_number(usual + next_day_rise)}, "
            f"{_number(next_day_rise)} above your usual {_number(usual)}"
        )
    return "; ".join(reasons)


def _flare(
    date: str,
    rows: list[Row],
    top_row: Row,
    session_rise: int | None,
    next_day_rise: float | None,
    usual: float | None,
) -> Row:
    activities = list(dict.fromkeys(row["activity"] for row in rows))
    return {
        "id": rows[0].get("id"),
        "date": date,
        "activity": ", ".join(activities),
        "category": category_of(rows[0]),
        "minutes": sum(row["minutes"] for row in rows),
        "sessions": len(rows),
        "pain_before": top_row.get("pain_before"),
        "pain_after": top_row.get("pain_after"),
        "session_rise": session_rise,
        "next_day_rise": next_day_rise,
        "usual": None if usual is None else round(usual, 2),
        "reason": _reasons(session_rise, next_day_rise, usual),
    }
