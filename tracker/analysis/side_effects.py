"""Side effects over time: per effect, the days reported and the mean bother (0-10).

Over `side_effect` rows (date, medicine_id or None, effects: a word list, other: free text,
bother 0-10). Each vocabulary word, and each free-text `other` (grouped case-insensitively,
shown as first written), counts the days it was reported; its bother is the mean over those
days of each day's mean bother (a day with several entries counts once). Overall and per
month or ISO week.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import Literal, TypedDict

from tracker.analysis.calendar import DayLike, iso, monday_of
from tracker.analysis.days import mean
from tracker.analysis.exercise import iso_week
from tracker.models import Row


class EffectPeriod(TypedDict):
    #: '2026-03' (month) or '2026-W10' (ISO week), and its first day.
    period: str
    start: str
    days: int
    bother_avg: float | None


class EffectSummary(TypedDict):
    #: The vocabulary word, or the free text as first written.
    effect: str
    other: bool
    days: int
    entries: int
    bother_avg: float | None
    first: str
    last: str
    periods: list[EffectPeriod]


def _effects_of(row: Row) -> list[str]:
    effects = row.get("effects") or []
    if isinstance(effects, str):  # stored comma-joined: tolerate an unconverted row
        effects = [word.strip() for word in effects.split(",")]
    return [word for word in effects if word]


def _period_of(day: str, by: Literal["month", "week"]) -> tuple[str, str]:
    if by == "week":
        return iso_week(day), monday_of(day)
    return day[:7], day[:7] + "-01"


def side_effects_over_time(
    rows: Iterable[Row],
    *,
    by: Literal["month", "week"] = "month",
    medicine_ids: Collection[int | None] | None = None,
    start: DayLike | None = None,
    end: DayLike | None = None,
) -> list[EffectSummary]:
    """Per effect: days reported and mean bother, overall and per month (or ISO week).

    `medicine_ids`: only rows about these medicines (None in it: rows with no medicine);
    None: every row. Vocabulary words first, then free texts, each by days reported.
    """
    first, last = iso(start), iso(end)
    bothers: dict[str, dict[str, list[float]]] = {}
    shown: dict[str, str] = {}
    for row in rows:
        day = row["date"]
        if (first is not None and day < first) or (last is not None and day > last):
            continue
        if medicine_ids is not None and row.get("medicine_id") not in medicine_ids:
            continue
        names = [("w:" + word, word) for word in _effects_of(row)]
        other = (row.get("other") or "").strip()
        if other:
            names.append(("o:" + other.casefold(), other))
        for key, text in names:
            shown.setdefault(key, text)
            bothers.setdefault(key, {}).setdefault(day, []).append(float(row["bother"]))
    summaries = [_effect(key, shown[key], days, by) for key, days in bothers.items()]
    return sorted(summaries, key=lambda s: (s["other"], -s["days"], s["effect"].casefold()))


def _effect(
    key: str, text: str, days: dict[str, list[float]], by: Literal["month", "week"]
) -> EffectSummary:
    daily = {day: sum(values) / len(values) for day, values in sorted(days.items())}
    periods: dict[str, EffectPeriod] = {}
    period_values: dict[str, list[float]] = {}
    for day, value in daily.items():
        name, first = _period_of(day, by)
        period = periods.setdefault(
            name, {"period": name, "start": first, "days": 0, "bother_avg": None}
        )
        period["days"] += 1
        period_values.setdefault(name, []).append(value)
    for name, period in periods.items():
        period["bother_avg"] = _round1(mean(period_values[name]))
    return {
        "effect": text,
        "other": key.startswith("o:"),
        "days": len(daily),
        "entries": sum(len(values) for values in days.values()),
        "bother_avg": _round1(mean(list(daily.values()))),
        "first": min(daily),
        "last": max(daily),
        "periods": [periods[name] for name in sorted(periods)],
    }


def _round1(value: float | None) -> float | None:
    return None if value is None else round(value, 1) + 0.0
