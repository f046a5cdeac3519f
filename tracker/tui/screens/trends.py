"""The Trends screen (key t): three charts over a chosen period, the numbers in words, the tips.

Changing the period (keys 1-4 or a click on its tab) reads the rows and runs the analysis in a
worker (`load_trends`, no Textual); the reply, `TrendsLoaded`, hands the figures to the chart
widgets, so the UI thread only draws. The words come from tracker.words, as `tracker stats`'s do, so
the CLI and the app say the same thing about the same numbers (the app never imports the CLI).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, NamedTuple

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.reactive import reactive
from textual.widgets import Header, Static, Tab, Tabs

from tracker import models
from tracker.analysis import DEFAULT_WEEKLY_TARGET, daily_series, summarize
from tracker.analysis.calendar import shift
from tracker.analysis.days import ROLLING_WINDOWS
from tracker.analysis.summary_type import Summary
from tracker.analysis.window import WINDOW_DAYS, window_rows
from tracker.guidance.medicine_tips import merge_tips
from tracker.tui.commands import quiet_bindings
from tracker.tui.medicines import MedicinesGlance, load_medicines_glance
from tracker.tui.messages import (
    MEDICINES_READ_FAILED,
    DataChanged,
    MedicinesLoaded,
    StoreFailed,
    TrendsLoaded,
)
from tracker.tui.screens.base import TrackerScreen
from tracker.tui.tips import tips_for_rows
from tracker.tui.widgets.footer import KeyFooter
from tracker.tui.widgets.pain_chart import PainChart
from tracker.tui.widgets.tip_list import TipList
from tracker.tui.widgets.trend_charts import ExerciseTrendChart, ResponseTrendChart
from tracker.words.trends import exercise_words, pain_words, peg_words, response_words

if TYPE_CHECKING:
    from tracker.store import Store


class Period(NamedTuple):
    """A choice of period: its key, its label, and how many days back (None: everything)."""

    key: str
    label: str
    days: int | None


PERIODS: dict[str, Period] = {
    p.key: p
    for p in (
        Period("1", "30 days", 30),
        Period("2", "90 days", 90),
        Period("3", "1 year", 365),
        Period("4", "All time", None),
    )
}
DEFAULT_PERIOD = "2"
#: Narrower than this, the tips go under the charts so each chart keeps the full width.
NARROW_COLUMNS = 100
#: Days read before the period so the rolling means on its first day are already filled in.
LEAD_IN_DAYS = max(ROLLING_WINDOWS)


@dataclass
class TrendsData:
    """What the screen shows for one period; made in a worker by `load_trends`."""

    period: str
    summary: Summary
    daily: list[dict] = field(default_factory=list)
    baseline: float | None = None
    tips: list = field(default_factory=list)


def load_trends(
    store: Store,
    period: str,
    today: dt.date,
    target: int = DEFAULT_WEEKLY_TARGET,
    baseline_from: str | None = None,
) -> TrendsData:
    """Every figure of the Trends screen for `period` (a `PERIODS` key), as of `today`.

    A period of N days reads a bounded window (`trends_rows`), so 30 days, 90 days or a year
    cost the same on a year of history or on thirty; "All time" reads everything.
    """
    pain, exercise = trends_rows(store, period, today, baseline_from)
    return trends_from_rows(
        pain, exercise, period, today, target, baseline_from, since=tips_window_start(period, today)
    )


def trends_rows(
    store: Store, period: str, today: dt.date, baseline_from: str | None = None
) -> tuple[list[dict], list[dict]]:
    """The rows `period` needs, to `today`: for N days, the bounded reading the dashboard,
    `tracker tips` and `plot` share (`analysis.window.window_rows`: the period with its
    look-back, the last WINDOW_DAYS, the baselines of pain, the PEG and each interference item,
    the first and last days); for "All time", every row."""
    end = today.isoformat()
    days = PERIODS[period].days
    if days is None:
        return store.pain_rows(end=end), store.exercise_rows(end=end)
    start = shift(today, -(days - 1))
    pain, exercise = window_rows(
        store, end, start=start, baseline_from=baseline_from, measures=True
    )
    # Entries dated after today (another time zone) are left to the next day, as before.
    return [r for r in pain if r["date"] <= end], [r for r in exercise if r["date"] <= end]


def tips_window_start(period: str, today: dt.date) -> str | None:
    """The first day `trends_rows` reads in full for the tips (None: "All time", every day)."""
    if PERIODS[period].days is None:
        return None
    return shift(today, -(WINDOW_DAYS - 1))


def trends_from_rows(
    pain: list[dict],
    exercise: list[dict],
    period: str,
    today: dt.date,
    target: int = DEFAULT_WEEKLY_TARGET,
    baseline_from: str | None = None,
    *,
    since: str | None = None,
) -> TrendsData:
    """The figures for `period` from rows already read: all of them, or the bounded window
    `trends_rows` reads, which holds every entry from `since` on (see `tips_for_rows`)."""
    end = today.isoformat()
    days = PERIODS[period].days
    start = shift(today, -(days - 1)) if days else None
    # "Your baseline" is the diary's whatever the period (analysis.change), as on the dashboard.
    summary = summarize(
        pain,
        exercise,
        today=today,
        start=start,
        weekly_target=target,
        baseline_from=baseline_from,
    )
    first = summary["period_start"]
    daily = []
    if first is not None:
        lead = shift(first, -LEAD_IN_DAYS)
        recent = [row for row in pain if row["date"] >= lead]
        daily = daily_series(recent, lead, end)[LEAD_IN_DAYS:]
    tips = tips_for_rows(
        pain, exercise, today, target=target, baseline_from=baseline_from, since=since
    )
    return TrendsData(period, summary, daily, summary["baseline_avg"], tips)


class PeriodTabs(Tabs, can_focus=False):
    """The period tabs: clicked, or switched with 1-4 from anywhere on the screen."""


class TrendsScreen(TrackerScreen[None]):
    """Pain and exercise over 30 days, 90 days, a year or everything, with tips beside them."""

    CSS_PATH = "trends.tcss"
    AUTO_FOCUS = "#trends-charts"
    BINDINGS = [
        *(Binding(p.key, f"period('{p.key}')", p.label) for p in PERIODS.values()),
        Binding("escape", "app.dashboard", "Back", show=False),
        *quiet_bindings("log_pain", "log_exercise", "history", "trends", "guide", "export"),
    ]
    period: reactive[str] = reactive(DEFAULT_PERIOD, init=False)

    def __init__(self) -> None:
        super().__init__(id="trends-screen")
        self.data: TrendsData | None = None
        self.requests = 0  # loads asked for; only the latest answer is shown

    def compose(self) -> ComposeResult:
        yield Header()
        tabs = [Tab(p.label, id=f"period-{p.key}") for p in PERIODS.values()]
        yield PeriodTabs(*tabs, active=f"period-{self.period}", id="trends-period")
        with Horizontal(id="trends-body"):
            with VerticalScroll(id="trends-charts"):
                yield from self._section("pain", PainChart(id="pain-trend"))
                yield from self._section("exercise", ExerciseTrendChart(id="exercise-trend"))
                yield from self._section("response", ResponseTrendChart(id="response-trend"))
            with Vertical(id="trends-tips-box"):
                yield TipList(id="trends-tips")
        yield KeyFooter()

    @staticmethod
    def _section(name: str, chart) -> ComposeResult:
        with Vertical(id=f"{name}-section", classes="trend-section"):
            yield chart
            yield Static("Loading...", id=f"{name}-words", classes="trend-words", markup=False)

    def on_mount(self) -> None:
        self.query_one("#trends-tips-box").border_title = "Tips"
        self.load()

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.width < NARROW_COLUMNS, "-narrow")

    def load(self) -> None:
        """Read and analyse the current period in a worker; `TrendsLoaded` comes back."""
        self.requests += 1
        request = self.requests
        job = partial(
            load_trends,
            period=self.period,
            today=models.today(),
            target=self.tracker_app.settings.weekly_target,
            baseline_from=self.tracker_app.settings.baseline_from,
        )
        reply = partial(TrendsLoaded, request=request)
        self.tracker_app.run_store_job(job, reply, to=self, group="trends")
        self._load_medicines()

    def on_data_changed(self, _message: DataChanged) -> None:
        self.load()

    # ---- medicines: regimen-change markers on the pain chart, medicine tips ----------------
    medicines = MedicinesGlance()

    def _load_medicines(self) -> None:
        today = models.today().isoformat()
        days = PERIODS[self.period].days
        job = partial(
            load_medicines_glance, today=today, chart_start=shift(today, 1 - days) if days else None
        )
        self.tracker_app.run_store_job(
            job,
            MedicinesLoaded,
            to=self,
            group="trends-medicines",
            failure=MEDICINES_READ_FAILED,
        )

    def on_medicines_loaded(self, message: MedicinesLoaded) -> None:
        self.medicines = message.glance
        self.query_one(PainChart).set_markers(message.glance.markers)
        if self.data is not None:
            self.query_one(TipList).show_tips(merge_tips(self.data.tips, message.glance.tips))

    def watch_period(self) -> None:
        self.query_one(PeriodTabs).active = f"period-{self.period}"
        self.load()

    def action_period(self, key: str) -> None:
        self.period = key

    @on(Tabs.TabActivated, "#trends-period")
    def _tab_clicked(self, event: Tabs.TabActivated) -> None:
        self.period = (event.tab.id or "").removeprefix("period-")

    def on_store_failed(self, message: StoreFailed) -> None:
        """The read or the analysis failed (a damaged row): say so under the first chart; the
        App shows the same line in a toast. (The medicines' own read failing leaves the
        charts and words be: the toast says it.)"""
        if message.title == MEDICINES_READ_FAILED:
            return
        words = self.query_one("#pain-words", Static)
        words.update(f"Could not load the trends: {message.message}")

    def on_trends_loaded(self, message: TrendsLoaded) -> None:
        if message.request != self.requests:
            return  # overtaken: the period or the diary changed since it was asked for
        self.show(message.data)

    def show(self, data: TrendsData) -> None:
        """Draw the three charts and write their numbers (UI thread: no analysis here)."""
        self.data = data
        s = data.summary
        label = PERIODS[data.period].label.lower()
        self.query_one(PainChart).set_data(data.daily, data.baseline, f"Pain, {label}")
        self.query_one(ExerciseTrendChart).set_data(
            s["weekly_exercise_minutes"], s["weekly_aerobic_target"]
        )
        self.query_one(ResponseTrendChart).set_data(s)
        for name, words in (
            ("pain", [*pain_words(s), *peg_words(s)]),
            ("exercise", exercise_words(s)),
            ("response", response_words(s)),
        ):
            self.query_one(f"#{name}-words", Static).update("\n".join(words))
        self.query_one(TipList).show_tips(merge_tips(data.tips, self.medicines.tips))

    def words(self) -> str:
        """Every number shown in words, one line each (for tests and screen readers)."""
        return "\n".join(
            str(self.query_one(f"#{name}-words", Static).content)
            for name in ("pain", "exercise", "response")
        )
