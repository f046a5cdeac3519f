"""The About screen (key i): where the diary is, its size, entries, last check and backup.

The same facts and words as `tracker info` (`tracker.diary_info`), read in a store worker and
shown as text (paths are user text: never markup).
"""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Header, Static

from tracker import diary_info
from tracker.store import Store
from tracker.tui.commands import quiet_bindings
from tracker.tui.messages import DataChanged, DiaryInfoLoaded
from tracker.tui.screens.base import TrackerScreen
from tracker.tui.widgets.footer import KeyFooter

LOADING = "Reading the diary..."


class InfoScreen(TrackerScreen[None]):
    """About this diary: the facts `tracker info` prints, refreshed when the diary changes."""

    CSS_PATH = "info.tcss"
    BINDINGS = [
        Binding("escape", "back", "Back"),
        *quiet_bindings("log_pain", "log_exercise", "history", "trends", "guide", "export"),
    ]

    def __init__(self) -> None:
        super().__init__(id="info-screen")

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="info-body"):
            yield Static(Text(LOADING), id="info-facts")
            yield Static(
                Text("The same facts: `tracker info` (or `tracker info --json`) in a shell."),
                id="info-hint",
            )
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#info-body").border_title = "About this diary"
        self.load()

    def load(self) -> None:
        config = self.tracker_app.config_path

        def job(store: Store) -> diary_info.DiaryInfo:
            return diary_info.gather(store, config)

        self.tracker_app.run_store_job(job, DiaryInfoLoaded, to=self, group="info")

    def on_diary_info_loaded(self, message: DiaryInfoLoaded) -> None:
        self.query_one("#info-facts", Static).update(facts_table(message.info))

    def on_data_changed(self, message: DataChanged) -> None:
        self.load()

    def action_back(self) -> None:
        self.tracker_app.action_dashboard()


def facts_table(info: diary_info.DiaryInfo) -> Table:
    """The facts as a two-column table of plain Text (paths shown verbatim)."""
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column(overflow="fold")
    for label, value in diary_info.lines(info):
        table.add_row(Text(label), Text(value))
    return table
