"""The home screen: today at a glance, the last 30 days of pain, and the tips panel.

The figures are read in a worker after the first frame (`data.load_dashboard`), so the app
paints at once even on a ten-year diary, and reload whenever `DataChanged` arrives.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import partial

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Header, Static

from tracker import models
from tracker.tui.commands import quiet_bindings
from tracker.tui.data import DashboardData, load_dashboard
from tracker.tui.messages import DashboardLoaded, DataChanged, StoreFailed
from tracker.tui.screens.base import TrackerScreen
from tracker.tui.widgets.footer import KeyFooter
from tracker.tui.widgets.pain_chart import PainChart
from tracker.tui.widgets.tip_list import TipLike, TipList

NO_VALUE = "—"


def _number(value: float | None) -> str:
    return NO_VALUE if value is None else f"{value:.1f}".rstrip("0").rstrip(".")


def glance_texts(data: DashboardData) -> dict[str, str]:
    """The four cards' contents, by card id."""
    day = dt.date.fromisoformat(data.today)
    logged = "✓ logged" if data.logged_today else "not yet: press p"
    if data.pain_today is None:
        pain = f"[b]{NO_VALUE}[/b]\nno rating yet"
    else:
        entries = "1 rating" if data.entries_today == 1 else f"mean of {data.entries_today}"
        pain = f"[b]{_number(data.pain_today)}/10[/b]\n{entries}"
    if data.pain_7day is None:
        week_pain = f"[b]{NO_VALUE}[/b]\nneeds 3 days"
    else:
        week_pain = f"[b]{_number(data.pain_7day)}/10[/b]\n{data.rated_days_7} rated days"
    sessions = "session" if data.week_sessions == 1 else "sessions"
    return {
        "card-today": f"[b]{day:%a} {day.day} {day:%b}[/b]\n{logged}",
        "card-pain": pain,
        "card-week": week_pain,
        "card-exercise": f"[b]{data.week_minutes} min[/b]\n{data.week_sessions} {sessions}",
    }


class DashboardTips(TipList):
    """The tip list, its enter key kept out of the footer: each tip already ends with
    "Enter: read ...", and at 80 columns the app's keys need the room."""

    BINDINGS = [Binding("enter", "select", "Open the tip's topic", show=False)]


CARD_TITLES = {
    "card-today": "Today",
    "card-pain": "Pain today",
    "card-week": "Last 7 days",
    "card-exercise": "This week",
}


class DashboardScreen(TrackerScreen[None]):
    """Today at a glance, the chart, and the tips that apply now (enter opens a tip's topic)."""

    BINDINGS = quiet_bindings("dashboard")
    #: Nothing focused at first: the footer then lists the app's keys, not the tip list's.
    AUTO_FOCUS = ""

    def __init__(self) -> None:
        super().__init__()
        self.data: DashboardData | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="glance"):
            for card_id, title in CARD_TITLES.items():
                card = Static("…", id=card_id, classes="card")
                card.border_title = title
                yield card
        with Horizontal(id="dashboard-body"):
            yield PainChart(
                title="Pain, last 30 days",
                unrated="no ratings yet (p logs one)",
                axes_when_unrated=True,
                id="pain-chart",
            )
            with Vertical(id="tips-box"):
                yield DashboardTips(id="guidance-panel")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#tips-box").border_title = "Tips"
        self.load()

    def load(self) -> None:
        today = models.today().isoformat()
        self.tracker_app.run_store_job(
            partial(
                load_dashboard,
                today=today,
                target=self.tracker_app.settings.weekly_target,
                baseline_from=self.tracker_app.settings.baseline_from,
            ),
            DashboardLoaded,
            to=self,
            group="dashboard",
        )

    def on_data_changed(self, _message: DataChanged) -> None:
        self.load()

    def on_dashboard_loaded(self, message: DashboardLoaded) -> None:
        data: DashboardData = message.data
        self.data = data
        for card_id, text in glance_texts(data).items():
            card = self.query_one(f"#{card_id}", Static)
            card.update(text)
            card.set_class(card_id == "card-today" and not data.logged_today, "-attention")
        self.query_one(PainChart).set_data(data.daily, data.baseline)
        self.show_tips(data.tips)

    def on_store_failed(self, _message: StoreFailed) -> None:
        """The read failed (a damaged row): the cards say so; the App toasts the line."""
        for card_id in CARD_TITLES:
            self.query_one(f"#{card_id}", Static).update(f"[b]{NO_VALUE}[/b]\nnot read")

    def show_tips(self, tips: Sequence[TipLike]) -> None:
        """Show these tips (objects with .id, .title, .text, .topic) in `#guidance-panel`."""
        self.query_one("#guidance-panel", TipList).show_tips(tips)
