"""What the app's screens show, read from a Store: run inside worker threads, no Textual here.

Each loader takes an open Store (the worker's own short-lived connection) and returns plain
dataclasses; the figures come from `tracker.analysis` and the tips from `tracker.guidance`
(through `tracker.tui.tips`), so the dashboard, `tracker stats`, `tracker tips` and the trends
screen agree on what "7-day average", "baseline" or a tip mean.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from tracker.analysis import DEFAULT_WEEKLY_TARGET, daily_series, diary_baseline
from tracker.analysis.calendar import diary_today, monday_of, shift
from tracker.analysis.window import WINDOW_DAYS, dashboard_rows
from tracker.kinds import KINDS, Kind, with_forms
from tracker.store.paging import PagedRow, PageKey, page_after, page_before
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

    @property
    def position(self) -> PageKey:
        """Its place in the history's order (`store.paging`)."""
        return PageKey(self.date, self.logged_at, self.kind, self.entry_id)


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
    since = shift(today, -(WINDOW_DAYS - 1))  # the window's first day: tips_for_rows
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
            since=since,
        ),
    )


#: Where a history page comes from: the newest rows, the oldest, the rows older or newer than
#: a key, or the rows around a key (the key's own row included).
HistoryPlace = Literal["top", "bottom", "older", "newer", "around"]


@dataclass
class HistoryPage:
    """Rows of the history, newest first, and what lies beyond them (for the History screen).

    `newer`/`older`: entries exist before the first row / after the last in that order.
    `total`: the entries of the kinds asked for. `at` and `cursor` say what was asked, so the
    screen knows where the page goes and where its cursor goes ("first", "last", "keep").
    """

    rows: list[HistoryRow]
    newer: bool
    older: bool
    total: int
    at: HistoryPlace
    cursor: str = "keep"


def load_history_page(
    store: Store,
    at: HistoryPlace = "top",
    *,
    kinds: Sequence[str] | None = None,
    key: PageKey | None = None,
    limit: int = 300,
    newer: int = 0,
    cursor: str = "keep",
) -> HistoryPage:
    """One page of every entry of `kinds` (None: every kind the app has a form for, as
    History lists them), newest first (keyset paging,
    `store.paging`): `limit` rows from the top or the bottom, or older or newer than `key`;
    "around": `newer` rows newer than `key`, then `key`'s own row and `limit` - 1 older ones.

    Only these rows are read and described, so a page costs the same on any diary size.
    """
    kinds = tuple(of.name for of in with_forms()) if kinds is None else tuple(kinds)
    if at == "top" or (at == "around" and key is None):
        found = page_after(store, None, limit, kinds)
    elif at == "bottom":
        found = page_before(store, None, limit, kinds)
    elif at == "older":
        found = page_after(store, key, limit, kinds)
    elif at == "newer":
        found = page_before(store, key, limit, kinds)
    else:
        found = page_before(store, key, newer, kinds) + page_after(
            store, key, limit, kinds, inclusive=True
        )
    rows = [_history_row(KINDS[kind], row) for kind, row in _named_page(store, found)]
    return HistoryPage(
        rows,
        newer=bool(rows) and bool(page_before(store, rows[0].position, 1, kinds)),
        older=bool(rows) and bool(page_after(store, rows[-1].position, 1, kinds)),
        total=sum(store.count(name) for name in kinds),
        at=at,
        cursor=cursor,
    )


def _named_page(store: Store, found: Sequence[PagedRow]) -> list[tuple[str, dict]]:
    """A page's rows; those of a kind that refers to a medicine get its name
    (`medicine_name`), so History says "Pregabalin taken", not "medicine #3 taken". The
    medicines are read once per page, and only when the page holds such a row."""
    refers = [
        any(target == "medicine" for _, target in KINDS[paged.kind].references) for paged in found
    ]
    if not any(refers):
        return [(paged.kind, paged.row) for paged in found]
    from tracker.store.medicines import with_medicine_names

    named = iter(
        with_medicine_names(store, [p.row for p, r in zip(found, refers, strict=True) if r])
    )
    return [
        (paged.kind, next(named) if r else paged.row)
        for paged, r in zip(found, refers, strict=True)
    ]


def _history_row(of: Kind, row: dict) -> HistoryRow:
    return HistoryRow(
        of.name, row["id"], row["date"], row["logged_at"], of.describe(row), row["note"] or "", row
    )
