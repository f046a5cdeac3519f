"""Every entry in one table, newest first: filter by kind, edit with enter, delete with delete.

The rows come a page at a time from a worker (`data.load_history_page`, keyset paging over
every kind in `store.paging`): the table holds at most MAX_ROWS rows around the cursor, so
opening History, moving through it and its memory cost the same on a month or on a hundred
thousand entries, and only the rows of the loaded pages are read and described. The cursor
(arrows, PageUp/PageDown) or the mouse wheel near either end of the table loads the next page
that way and drops the farthest one; Home and End jump straight to the newest and the oldest
page. A reload (an entry saved or deleted, here or from the shell) re-reads the same stretch
and keeps the cursor on the same entry when it still exists.
Every cell is a `rich.text.Text`: a DataTable parses a str cell as markup, and notes, activity
names and imported text are the person's words ("[/b] knees" crashed it, "[left foot]" vanished).

At 80 columns the Note column runs off the right edge, so the highlighted entry's full note
(every line, verbatim) is shown in a detail pane under the table; each row also shows the
time of day it was logged.
"""

from __future__ import annotations

from functools import partial

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.reactive import reactive
from textual.widgets import DataTable, Header, Static

from tracker.kinds import KINDS, with_forms
from tracker.models.times import time_of_day
from tracker.store import PageKey
from tracker.tui.commands import quiet_bindings
from tracker.tui.data import HistoryPage, HistoryPlace, HistoryRow, load_history_page
from tracker.tui.messages import DataChanged, HistoryLoaded, StoreFailed
from tracker.tui.screens.base import TrackerScreen
from tracker.tui.screens.confirm import ConfirmScreen
from tracker.tui.widgets.footer import KeyFooter

#: The kinds the app has a form for (a kind without one yet is not listed).
FILTERS = ("all", *(of.name for of in with_forms()))
#: Rows read at a time; the table holds at most MAX_ROWS (two pages) and loads the next page
#: when the cursor or the scroll comes within LOAD_MORE_WITHIN rows of either end.
PAGE_SIZE = 300
MAX_ROWS = 2 * PAGE_SIZE
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
    """The history's table: enter edits (the footer says so); home/end go to the newest and
    the oldest entry, loading that page when it is not in the table (in a row table,
    DataTable's own home/end only scroll sideways)."""

    BINDINGS = [
        Binding("enter", "select_cursor", "Edit"),
        Binding("home", "screen.first_entry", "First entry", show=False),
        Binding("end", "screen.last_entry", "Last entry", show=False),
    ]

    def _on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        super()._on_mouse_scroll_down(event)
        if isinstance(self.screen, HistoryScreen):
            self.screen.wheeled(down=True)

    def _on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        super()._on_mouse_scroll_up(event)
        if isinstance(self.screen, HistoryScreen):
            self.screen.wheeled(down=False)


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
        self.rows: list[HistoryRow] = []  # the loaded pages, newest first (at most MAX_ROWS)
        self.by_key: dict[str, HistoryRow] = {}
        self.newer = False  # entries newer than the first loaded row exist
        self.older = False  # entries older than the last loaded row exist
        self.total = 0
        self.loaded = False
        self.failure = ""  # the last load's error line; the table then keeps what it had
        self.requests = 0  # loads asked for; only the latest answer is used
        self.waiting = False  # a load is on its way: no second page is asked for meanwhile

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

    # ---- reading pages ---------------------------------------------------------------------
    def kinds(self) -> tuple[str, ...] | None:
        return None if self.kind_filter == "all" else (self.kind_filter,)

    def _ask(
        self,
        at: HistoryPlace,
        cursor: str = "keep",
        *,
        key: PageKey | None = None,
        limit: int = PAGE_SIZE,
        newer: int = 0,
    ) -> None:
        """Read a page in a worker; `HistoryLoaded` comes back (`data.load_history_page`)."""
        self.requests += 1
        self.waiting = True
        job = partial(
            load_history_page,
            at=at,
            kinds=self.kinds(),
            key=key,
            limit=limit,
            newer=newer,
            cursor=cursor,
        )
        reply = partial(HistoryLoaded, request=self.requests)
        self.tracker_app.run_store_job(job, reply, to=self, group="history")

    def load(self) -> None:
        """Read the stretch on show again (the newest page the first time)."""
        if not self.rows or not self.newer:
            self._ask("top", limit=max(PAGE_SIZE, len(self.rows)))
        else:
            self._ask("around", key=self.rows[0].position, limit=len(self.rows))

    def on_data_changed(self, _message: DataChanged) -> None:
        self.load()

    def _load_older(self) -> None:
        if self.older and not self.waiting and self.rows:
            self._ask("older", key=self.rows[-1].position, limit=PAGE_SIZE)

    def _load_newer(self) -> None:
        if self.newer and not self.waiting and self.rows:
            self._ask("newer", key=self.rows[0].position, limit=PAGE_SIZE)

    def on_history_loaded(self, message: HistoryLoaded) -> None:
        if message.request != self.requests:
            return  # overtaken: a later load is on its way
        self.waiting = False
        page: HistoryPage = message.page
        self.loaded = True
        self.failure = ""
        self.total = page.total
        if page.at == "older":
            rows = self._without_loaded(page.rows)
            if len(self.rows) + len(rows) <= MAX_ROWS:  # only new rows to add below
                self.rows += rows
                self.older = page.older
                self._remember(rows)
                self._add_rows(rows)
                self._show_filter()
                return
            self.rows, self.older = self.rows + rows, page.older
            self.newer = True
            self.rows = self.rows[-MAX_ROWS:]
        elif page.at == "newer":
            self.rows, self.newer = self._without_loaded(page.rows) + self.rows, page.newer
            self.older = self.older or len(self.rows) > MAX_ROWS
            self.rows = self.rows[:MAX_ROWS]
        else:
            self.rows, self.newer, self.older = page.rows, page.newer, page.older
        self.by_key = {}
        self._remember(self.rows)
        self._fill(page.cursor)

    def _without_loaded(self, rows: list[HistoryRow]) -> list[HistoryRow]:
        return [row for row in rows if row.key not in self.by_key]

    def _remember(self, rows: list[HistoryRow]) -> None:
        self.by_key.update((row.key, row) for row in rows)

    def on_store_failed(self, message: StoreFailed) -> None:
        """The read failed (a damaged row, a locked file): say so above the table; the App
        shows the same line in a toast."""
        self.waiting = False
        self.failure = message.message
        self._show_filter()

    def visible_rows(self) -> list[HistoryRow]:
        """The loaded rows (of the kind shown), newest first."""
        return list(self.rows)

    # ---- the table -------------------------------------------------------------------------
    def _fill(self, cursor: str = "keep") -> None:
        """Refill the table with the loaded rows; the cursor goes to the first or last row, or
        stays on the entry it was on, at the same height on screen."""
        table = self.query_one(HistoryTable)
        current = self._cursor_key()
        index = table.cursor_row
        offset = index - round(table.scroll_y)
        table.clear()
        self._add_rows(self.rows)
        if cursor == "first" or not self.rows:
            target = 0
        elif cursor == "last":
            target = len(self.rows) - 1
        elif current is not None and current in table.rows:
            target = table.get_row_index(current)
        else:
            target = min(index, len(self.rows) - 1)
        table.move_cursor(row=target, animate=False, scroll=cursor != "keep")
        if cursor == "keep":
            y = max(0, target - max(0, offset))
            table.call_after_refresh(table.scroll_to, y=y, animate=False, force=True)
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
    def _load_more_near_an_end(self) -> None:
        """The cursor near either end loads the next page that way (where the cursor is now:
        a refill's highlight events arrive after the cursor has moved on)."""
        table = self.query_one(HistoryTable)
        if not table.row_count:
            return
        if table.cursor_row >= table.row_count - LOAD_MORE_WITHIN:
            self._load_older()
        elif table.cursor_row < LOAD_MORE_WITHIN:
            self._load_newer()

    def wheeled(self, down: bool) -> None:
        """The mouse wheel near either end of the table loads the next page that way."""
        table = self.query_one(HistoryTable)
        if down and table.scroll_y >= table.max_scroll_y - LOAD_MORE_WITHIN:
            self._load_older()
        elif not down and table.scroll_y <= LOAD_MORE_WITHIN:
            self._load_newer()

    def action_first_entry(self) -> None:
        """Home: the newest entry, read afresh when it is not in the table."""
        if self.newer:
            self._ask("top", cursor="first", limit=PAGE_SIZE)
        else:
            self.query_one(HistoryTable).move_cursor(row=0, animate=False)

    def action_last_entry(self) -> None:
        """End: the oldest entry, in one press whatever the diary's size."""
        table = self.query_one(HistoryTable)
        if self.older:
            self._ask("bottom", cursor="last", limit=PAGE_SIZE)
        elif table.row_count:
            table.move_cursor(row=table.row_count - 1, animate=False)

    def _cursor_key(self) -> str | None:
        table = self.query_one(HistoryTable)
        if not table.row_count:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    def current_row(self) -> HistoryRow | None:
        """The highlighted entry, or None in an empty table."""
        return self.by_key.get(self._cursor_key() or "")

    def _show_filter(self) -> None:
        shown = self.query_one(HistoryTable).row_count
        if self.newer and self.older:
            count = f"{shown} of {self.total} loaded; more above and below"
        elif self.older:
            count = f"newest {shown} of {self.total}; more below"
        elif self.newer:
            count = f"oldest {shown} of {self.total}; more above"
        else:
            count = f"{shown}"
        text = f"Showing {FILTER_WORDS[self.kind_filter]} ({count}), newest first.  f: filter"
        if self.failure:
            text = f"Could not load the history: {self.failure}"
        elif not self.loaded:
            text = "Loading..."
        self.query_one("#history-filter", Static).update(text)

    def watch_kind_filter(self) -> None:
        """Another filter: the rows around the highlighted entry, of the kinds now shown."""
        current = self.current_row()
        if current is None:
            self._ask("top", cursor="first", limit=PAGE_SIZE)
        else:
            self._ask("around", key=current.position, newer=PAGE_SIZE // 2, limit=PAGE_SIZE)

    def action_cycle_filter(self) -> None:
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
