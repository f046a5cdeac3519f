"""What the app's screens show, read from a Store: run inside worker threads, no Textual here.

Each loader takes an open Store (the worker's own short-lived connection) and returns plain
dataclasses; the figures come from `tracker.analysis` and the tips from `tracker.guidance`
(through `tracker.tui.tips`), so the dashboard, `tracker stats`, `tracker tips` and the trends
screen agree on what "7-day average", "baseline" or a tip mean.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from tracker.analysis import DEFAULT_WEEKLY_TARGET, daily_series, diary_baseline
from tracker.analysis.calendar import diary_today, monday_of, shift
from tracker.analysis.window import dashboard_rows
from tracker.kinds import Kind, with_forms
from tracker.tui.tips import tips_for_rows

if TYPE_CHECKING:
    from tracker.store import Store

#: Days of pain the dashboard chart shows, today included.
CHART_DAYS = 30
#: Extra days read before the chart so its 7-day mean line starts filled in.
LEAD_IN_DAYS = 7


@dataclass
class DashboardData:
    """Today at a glance, the last 30 days of pain and the baseline for the chart."""

    today: str
    entries_today: int = 0
    sessions_today: int = 0
    pain_today: float | None = None
    pain_7day: float | None = None
    rated_days_7: int = 0
    week_minutes: int = 0
    week_sessions: int = 0
    baseline: float | None = None
    daily: list[dict] = field(default_factory=list)
    tips: list = field(default_factory=list)

    @property
    def logged_today(self) -> bool:
        return bool(self.entries_today or self.sessions_today)


@dataclass
class HistoryRow:
    """One line of the history table: either kind, with the row dict for the edit form."""

    kind: str
    entry_id: int
    date: str
    logged_at: str
    summary: str
    note: str
    row: dict

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.entry_id}"


def load_dashboard(
    store: Store,
    today: str,
    target: int = DEFAULT_WEEKLY_TARGET,
    baseline_from: str | None = None,
) -> DashboardData:
    """The dashboard's figures for `today` (an ISO day, normally `models.today()`).

    It reads a bounded window, never the whole history, so the dashboard costs the same on a
    month or on ten years: the first 14 rated days (the baseline), the last 42 days, and the
    latest entry of each kind (how long ago the last one was). The tips computed from that
    window are the ones `tracker tips` gives from everything (a test holds the two equal).
    """
    pain, exercise = dashboard_rows(store, today, baseline_from)
    today = diary_today(today, pain, exercise).isoformat()  # a day ahead: another time zone
    chart_start = shift(today, -(CHART_DAYS - 1))
    recent = [row for row in pain if row["date"] >= shift(chart_start, -LEAD_IN_DAYS)]
    daily = daily_series(recent, start=shift(chart_start, -LEAD_IN_DAYS), end=today)
    change = diary_baseline(pain, end=today, baseline_from=baseline_from)
    todays = [row["average"] for row in pain if row["date"] == today]
    week = [row for row in exercise if monday_of(today) <= row["date"] <= today]
    return DashboardData(
        today=today,
        entries_today=len(todays),
        sessions_today=sum(1 for row in week if row["date"] == today),
        pain_today=round(sum(todays) / len(todays), 1) if todays else None,
        pain_7day=change["recent_avg"],
        rated_days_7=change["recent_days"],
        week_minutes=sum(row["minutes"] for row in week),
        week_sessions=len(week),
        baseline=change["baseline_avg"],
        daily=daily[LEAD_IN_DAYS:],
        tips=tips_for_rows(
            pain,
            exercise,
            dt.date.fromisoformat(today),
            target=target,
            baseline_from=baseline_from,
        ),
    )


def load_history(store: Store) -> list[HistoryRow]:
    """Every entry of every kind the app has a form for, newest first (by day, then time
    of logging)."""
    rows = [
        _history_row(of, row)
        for of in with_forms()
        for row in _named(store, of, store.rows(of.name))
    ]
    rows.sort(key=lambda r: (r.date, r.logged_at, r.kind, r.entry_id), reverse=True)
    return rows


def _named(store: Store, of: Kind, rows: list[dict]) -> list[dict]:
    """Rows of a kind that refers to a medicine get its name (`medicine_name`), so History
    says "Pregabalin taken", not "medicine #3 taken"."""
    if not any(target == "medicine" for _, target in of.references):
        return rows
    from tracker.store.medicines import with_medicine_names

    return with_medicine_names(store, rows)


def _history_row(of: Kind, row: dict) -> HistoryRow:
    return HistoryRow(
        of.name, row["id"], row["date"], row["logged_at"], of.describe(row), row["note"] or "", row
    )
