"""Every entry in one table, newest first: filter by kind, edit with enter, delete with delete.

The rows come from a worker (`data.load_history`); a reload keeps the cursor on the same entry
when it still exists, so a live refresh does not throw the user back to the top.
The table holds the newest 300 rows and grows by 300 whenever the cursor nears its end: filling
a DataTable costs about 0.15 ms a row, so ten years (8,700 rows) at once took 1.2 s to open.
Every cell is a `rich.text.Text`: a DataTable parses a str cell as markup, and notes, activity
names and imported text are the person's words ("[/b] knees" crashed it, "[left foot]" vanished).

At 80 columns the Note column runs off the right edge, so the highlighted entry's full note
(every line, verbatim) is shown in a detail pane under the table; each row also shows the
time of day it was logged.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.reactive import reactive
from textual.widgets import DataTable, Header, Static

from tracker.kinds import KINDS, with_forms
from tracker.models.times import time_of_day
from tracker.tui.commands import quiet_bindings
from tracker.tui.data import HistoryRow, load_history
from tracker.tui.messages import DataChanged, HistoryLoaded, StoreFailed
from tracker.tui.screens.base import TrackerScreen
from tracker.tui.screens.confirm import ConfirmScreen
from tracker.tui.widgets.footer import KeyFooter

#: The kinds the app has a form for (a kind without one yet is not listed).
FILTERS = ("all", *(of.name for of in with_forms()))
#: Rows added to the table at a time, and how close to its end the cursor gets before more.
PAGE_SIZE = 300
LOAD_MORE_WITHIN = 20
#: The Kind column is 8 wide: shorter words for the kinds whose names are longer.
KIND_LABELS = {"med_change": "regimen", "side_effect": "effects"}
FILTER_WORDS = {"all": "all entries", **{name: f"{of.plural} only" for name, of in KINDS.items()}}


def detail(row: HistoryRow | None) -> Text:
    """The detail pane for a row: when and what, then the note's every line, verbatim."""
    if row is None:
        return Text("")
    when = " ".join(part for part in (row.date, time_of_day(row.logged_at)) if part)
    text = Text.assemble((when, "bold"), "  ", row.summary, "\n")
    if row.note:
        text.append(row.note)
    else:
        text.append("No note.", style="dim")
    return text


def cell(value: object) -> Text:
    """A table cell shown verbatim, on one line as DataTable draws its own str cells."""
    return Text("" if value is None else str(value), no_wrap=True, end="")


class HistoryTable(DataTable):
    """The history's table: enter edits (the footer says so); home/end go to the first and
    last row (in a row table, DataTable's own home/end only scroll sideways)."""

    BINDINGS = [
        Binding("enter", "select_cursor", "Edit"),
        Binding("home", "scroll_top", "First entry", show=False),
        Binding("end", "scroll_bottom", "Last entry", show=False),
    ]


class HistoryScreen(TrackerScreen[None]):
    """Pain entries and exercise sessions together, newest first."""

    CSS_PATH = "history.tcss"
    BINDINGS = [
        Binding("f", "cycle_filter", "Filter"),
        Binding("delete", "delete_entry", "Delete"),
        Binding("escape", "app.dashboard", "Back", show=False),
        *quiet_bindings("log_pain", "log_exercise", "history", "trends", "guide", "export"),
    ]
    kind_filter: reactive[str] = reactive("all", init=False)

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[HistoryRow] = []
        self.loaded = False
        self.failure = ""  # the last load's error line; the table then keeps what it had
        self.shown = PAGE_SIZE

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="history-filter", markup=False)
        yield HistoryTable(id="history-table", cursor_type="row", zebra_stripes=True)
        with VerticalScroll(id="history-detail-scroll", can_focus=False):
            yield Static(id="history-detail", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        table = self.query_one(HistoryTable)
        table.add_column("Date", key="date", width=10)
        table.add_column("Time", key="time", width=5)
        table.add_column("Kind", key="kind", width=8)
        table.add_column("Entry", key="entry")
        table.add_column("Note", key="note")
        self._show_filter()
        self.load()

    def load(self) -> None:
        self.tracker_app.run_store_job(load_history, HistoryLoaded, to=self, group="history")

    def on_data_changed(self, _message: DataChanged) -> None:
        self.load()

    def on_history_loaded(self, message: HistoryLoaded) -> None:
        self.rows = message.rows
        self.loaded = True
        self.failure = ""
        self._fill()

    def on_store_failed(self, message: StoreFailed) -> None:
        """The read failed (a damaged row, a locked file): say so above the table; the App
        shows the same line in a toast."""
        self.failure = message.message
        self._show_filter()

    def visible_rows(self) -> list[HistoryRow]:
        wanted = self.kind_filter
        return [row for row in self.rows if wanted == "all" or row.kind == wanted]

    def _fill(self) -> None:
        """Refill the table, keeping the cursor on the entry it was on."""
        table = self.query_one(HistoryTable)
        current = self.current_row()
        visible = self.visible_rows()
        keys = [row.key for row in visible]
        if current is not None and current.key in keys:
            self.shown = max(self.shown, keys.index(current.key) + LOAD_MORE_WITHIN + 1)
        table.clear()
        self._add_rows(visible[: self.shown])
        if current is not None and current.key in table.rows:
            table.move_cursor(row=table.get_row_index(current.key), animate=False)
        self._show_filter()
        self._show_detail()

    def _add_rows(self, rows: list[HistoryRow]) -> None:
        table = self.query_one(HistoryTable)
        for row in rows:
            kind = KIND_LABELS.get(row.kind, row.kind)
            cells = (row.date, time_of_day(row.logged_at), kind, row.summary, row.note)
            table.add_row(*(cell(value) for value in cells), key=row.key)

    @on(DataTable.RowHighlighted)
    def _show_detail(self) -> None:
        """Show the highlighted entry's note in full under the table."""
        self.query_one("#history-detail", Static).update(detail(self.current_row()))
        self.query_one("#history-detail-scroll").scroll_home(animate=False)

    @on(DataTable.RowHighlighted)
    def _load_more_near_the_end(self, event: DataTable.RowHighlighted) -> None:
        table = self.query_one(HistoryTable)
        if event.cursor_row < table.row_count - LOAD_MORE_WITHIN:
            return
        more = self.visible_rows()[table.row_count : table.row_count + PAGE_SIZE]
        if more:
            self._add_rows(more)
            self.shown = table.row_count
            self._show_filter()

    def current_row(self) -> HistoryRow | None:
        table = self.query_one(HistoryTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return next((row for row in self.rows if row.key == key), None)

    def _show_filter(self) -> None:
        total = len(self.visible_rows())
        shown = min(total, self.query_one(HistoryTable).row_count)
        count = f"{total}" if shown == total else f"newest {shown} of {total}; more below"
        text = f"Showing {FILTER_WORDS[self.kind_filter]} ({count}), newest first.  f: filter"
        if self.failure:
            text = f"Could not load the history: {self.failure}"
        elif not self.loaded:
            text = "Loading..."
        self.query_one("#history-filter", Static).update(text)

    def watch_kind_filter(self) -> None:
        self._fill()

    def action_cycle_filter(self) -> None:
        self.shown = PAGE_SIZE
        self.kind_filter = FILTERS[(FILTERS.index(self.kind_filter) + 1) % len(FILTERS)]

    @on(DataTable.RowSelected)
    def _edit(self, event: DataTable.RowSelected) -> None:
        row = self.current_row()
        if row is not None:
            self.tracker_app.open_form(row.kind, row.row)

    def action_delete_entry(self) -> None:
        row = self.current_row()
        if row is None:
            return
        question = f"Delete this {KINDS[row.kind].noun}?"
        detail = f"{row.date}: {row.summary}\nThis cannot be undone."

        def answered(yes: bool | None) -> None:
            if yes:
                self.tracker_app.delete_entry(row.kind, row.entry_id)

        self.app.push_screen(ConfirmScreen(question, detail), answered)
