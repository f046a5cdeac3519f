"""The numbers of the PDF report, gathered in one place and free of any PDF code.

Every figure comes from tracker.analysis (`summarize` and `daily_series`), so the report says
what `tracker stats` and the app say, against the same baseline. This module adds only what a
printed page needs: the last weeks as table rows and the top symptoms. The sentences about the
change are `tracker.words.change`'s, the very ones `tracker stats` prints.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from tracker.analysis import DEFAULT_WEEKLY_TARGET, daily_series, iso_week, summarize
from tracker.analysis.change import MIN_DAYS
from tracker.analysis.summary_type import Summary
from tracker.analysis.window import window_rows
from tracker.exchange.medicine_data import MedicineData, gather_medicines
from tracker.models import Row
from tracker.store import Store

__all__ = ["MIN_DAYS", "Note", "ReportData", "gather", "last_weeks", "pain_figures"]

#: Rows of the "last weeks" table.
LAST_WEEKS = 6
#: Weeks in the exercise bar chart.
CHART_WEEKS = 12
TOP_SYMPTOMS = 5


@dataclass(frozen=True)
class Note:
    """A note the patient marked for the visit (`for_doctor`), verbatim, with its entry."""

    date: str
    #: "pain entry" or "exercise session" (the kind's noun).
    noun: str
    #: The entry in a few words ("pain 6/10", "walking 30 min"), for context.
    about: str
    text: str


@dataclass
class ReportData:
    """What the report shows; `summary` is `analysis.summarize`'s Row for the period."""

    today: str
    summary: Summary
    #: One Row per calendar day of the period (analysis.daily_series: average, mean_7, ...).
    series: list[Row]
    #: The last weeks, oldest first: week, start, days_rated, pain_avg, worst, peg_avg (None
    #: under MIN_DAYS days with a PEG), peg_days, minutes, flares.
    weeks: list[Row] = field(default_factory=list)
    #: (symptom, entries naming it) for the most frequent symptoms, most frequent first.
    symptoms: list[tuple[str, int]] = field(default_factory=list)
    #: The patient's name and date of birth (YYYY-MM-DD), when given.
    name: str | None = None
    born: str | None = None
    #: Notes marked for the visit within the period, oldest first.
    notes: list[Note] = field(default_factory=list)
    #: Average, worst and least pain over the period and its last 7 days (`pain_figures`).
    figures: dict[str, Row] = field(default_factory=Row)
    #: The medicines of the period and their chart markers (None for an empty diary).
    medicines: MedicineData | None = None


def gather(
    store: Store,
    start: str | None = None,
    end: str | None = None,
    today: dt.date | None = None,
    baseline_from: str | None = None,
    *,
    name: str | None = None,
    born: str | None = None,
    weekly_target: int = DEFAULT_WEEKLY_TARGET,
) -> ReportData:
    """Everything the report needs for start..end (default: first logged day to today);
    `baseline_from` as in `analysis.change` (None: the diary's own baseline). `name` and
    `born` (YYYY-MM-DD) head page 1 when given; blank text counts as not given."""
    from tracker.models import today as clock

    today = today or clock()
    if start is None:  # the whole diary: every row
        pain, exercise = store.pain_rows(), store.exercise_rows()
    else:  # the period, the weeks before it and the baselines (analysis.window): bounded
        pain, exercise = window_rows(
            store, today, start=start, end=end, baseline_from=baseline_from, measures=True
        )
    summary = summarize(
        pain,
        exercise,
        today=today,
        start=start,
        end=end,
        baseline_from=baseline_from,
        weekly_target=weekly_target,
    )
    first, last = summary["period_start"], summary["period_end"]
    series = daily_series(pain, first, last) if first else []
    return ReportData(
        today=today.isoformat(),
        summary=summary,
        series=series,
        weeks=last_weeks(series, summary),
        symptoms=[(word, n) for word, n in summary["symptom_counts"].items() if n][:TOP_SYMPTOMS],
        name=(name or "").strip() or None,
        born=born or None,
        notes=marked_notes({"pain": pain, "exercise": exercise}, first, last),
        figures=pain_figures(series, summary["recent_start"]),
        medicines=gather_medicines(store, first, last, today) if first else None,
    )


def marked_notes(by_kind: dict[str, list[Row]], first: str | None, last: str) -> list[Note]:
    """The notes of entries marked `for_doctor` from `first` to `last`, oldest first."""
    from tracker.kinds import kind_named

    if first is None:
        return []
    notes = []
    for kind, rows in by_kind.items():
        of = kind_named(kind)
        for row in rows:
            if row.get("for_doctor") and row.get("note") and first <= row["date"] <= last:
                about = of.describe({**row, "for_doctor": False, "symptoms": []})
                notes.append(
                    (row["date"], row["logged_at"], Note(row["date"], of.noun, about, row["note"]))
                )
    return [note for *_, note in sorted(notes, key=lambda item: item[:2])]


def pain_figures(series: list[Row], recent_start: str) -> dict[str, Row]:
    """Average, worst and least pain over the whole period and from `recent_start` (the last
    7 days): for each, the mean of the daily values, the days behind it, and the highest
    (worst) or lowest (least) day. Means are of the days rated; None when none was."""
    recent = [day for day in series if day["date"] >= recent_start]
    return {
        "period": {name: _figure(series, name) for name in ("average", "worst", "least")},
        "recent": {name: _figure(recent, name) for name in ("average", "worst", "least")},
    }


def _figure(days: list[Row], name: str) -> Row:
    values = [day[name] for day in days if day[name] is not None]
    extreme = (min if name == "least" else max)(values) if values else None
    mean = round(sum(values) / len(values), 1) if values else None
    return {"mean": mean, "days": len(values), "extreme": extreme}


def last_weeks(series: list[Row], summary: Summary, count: int = LAST_WEEKS) -> list[Row]:
    """The period's last `count` ISO weeks as table rows (partial weeks at the edges)."""
    days_by_week: dict[str, list[Row]] = {}
    for day in series:
        days_by_week.setdefault(iso_week(day["date"]), []).append(day)
    exercise = {week["week"]: week for week in summary["weekly_exercise_minutes"]}
    flares: dict[str, int] = {}
    for flare in summary["flare_sessions"]:
        week = iso_week(flare["date"])
        flares[week] = flares.get(week, 0) + 1
    rows = [
        _week_row(week, days, exercise.get(week), flares.get(week, 0))
        for week, days in days_by_week.items()
    ]
    return rows[-count:]


def _week_row(week: str, days: list[Row], exercise: Row | None, flares: int) -> Row:
    rated = [day for day in days if day["average"] is not None]
    worst = [day["worst"] for day in days if day["worst"] is not None]
    pegs = [day["peg"] for day in days if day["peg"] is not None]
    return {
        "week": week,
        "start": days[0]["date"],
        "days": len(days),
        "days_rated": len(rated),
        "pain_avg": round(sum(d["average"] for d in rated) / len(rated), 2) if rated else None,
        "worst": max(worst) if worst else None,
        "peg_avg": round(sum(pegs) / len(pegs), 1) if len(pegs) >= MIN_DAYS else None,
        "peg_days": len(pegs),
        "minutes": exercise["minutes"] if exercise else 0,
        "aerobic_minutes": exercise["aerobic_minutes"] if exercise else 0,
        "flares": flares,
    }
