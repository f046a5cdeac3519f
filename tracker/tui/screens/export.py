"""The export dialog (key x): pick a table, a range and a file; the CSV is written in a worker.

It calls `tracker.exchange.csv_export.export_file`, the function behind `tracker export`, so
the dialog and the CLI write the same file. The worker opens its own Store on
`self.app.db_path` and never touches widgets: it posts `Exported` or `ExportFailed`, and the
handlers (main thread) say where the file went.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, RadioButton, RadioSet, Static

from tracker import models
from tracker.exchange.csv_export import TABLES, default_filename, export_file
from tracker.exchange.period import parse_period
from tracker.store import Store, StoreError

TABLE_HELP = {
    "daily": "one row per calendar day: pain means, PEG, symptoms, exercise minutes",
    "pain": "every pain entry as logged (re-importable with tracker import)",
    "exercise": "every exercise session as logged (re-importable with tracker import)",
}


def default_path(table: str) -> str:
    """~/tracker-export-YYYY-MM-DD-TABLE.csv, dated today."""
    return f"~/{default_filename(table, models.today().isoformat())}"


class ExportScreen(ModalScreen[None]):
    """Export the diary to CSV; escape closes."""

    CSS_PATH = "export.tcss"
    AUTO_FOCUS = "#export-table"
    BINDINGS: ClassVar = [
        Binding("escape", "close", "Close"),
        Binding("ctrl+s", "export", "Export"),
    ]

    @dataclass
    class Exported(Message):
        """The CSV file was written."""

        path: str
        table: str
        rows: int

    @dataclass
    class ExportFailed(Message):
        """Nothing was exported; `message` is one line for the user."""

        message: str

    @dataclass
    class SpanLoaded(Message):
        """The first and last logged day were read (None for an empty diary)."""

        first: str | None
        last: str | None

    def __init__(self) -> None:
        super().__init__(id="export-screen")
        self.table = "daily"

    def compose(self) -> ComposeResult:
        with Vertical(id="export-dialog"):
            yield Static("Export to CSV", id="export-title")
            with RadioSet(id="export-table"):
                for name in TABLES:
                    yield RadioButton(name, value=name == "daily", id=f"export-{name}")
            yield Static(TABLE_HELP["daily"], id="export-table-help")
            with Horizontal(id="export-range"):
                yield Label("From", classes="export-label")
                yield Input(placeholder="first day", id="export-from", classes="export-date")
                yield Label("To", classes="export-label")
                yield Input(placeholder="last day", id="export-to", classes="export-date")
            yield Label("File", classes="export-label")
            yield Input(default_path("daily"), id="export-path")
            with Horizontal(id="export-buttons"):
                yield Button("Export (ctrl+s)", variant="primary", id="export-run")
                yield Button("Close (esc)", id="export-close")
            yield Static("", id="export-status")

    def on_mount(self) -> None:
        self.load_span(self.app.db_path)

    # ---- choices ------------------------------------------------------------------------
    @on(RadioSet.Changed, "#export-table")
    def _table_chosen(self, event: RadioSet.Changed) -> None:
        """Show what the table holds; the default file name follows unless it was edited."""
        previous, self.table = self.table, list(TABLES)[event.index]
        self.query_one("#export-table-help", Static).update(TABLE_HELP[self.table])
        path = self.query_one("#export-path", Input)
        if path.value == default_path(previous):
            path.value = default_path(self.table)

    @on(Input.Submitted)
    @on(Button.Pressed, "#export-run")
    def action_export(self) -> None:
        """Check the range and the path here; write the file in the worker."""
        try:
            start, end = parse_period(self._value("#export-from"), self._value("#export-to"))
        except models.ValidationError as exc:
            self._status(f"Error: {exc}", error=True)
            return
        path = self._target()
        self._status(f"Exporting the {self.table} table...")
        self.run_export(self.app.db_path, self.table, path, start, end)

    @on(Button.Pressed, "#export-close")
    def action_close(self) -> None:
        self.dismiss(None)

    def _value(self, selector: str) -> str:
        return self.query_one(selector, Input).value.strip()

    def _target(self) -> Path:
        """The file to write: the typed path, or the default name inside a typed folder."""
        path = Path(self._value("#export-path") or default_path(self.table)).expanduser()
        if path.is_dir():
            path = path / default_filename(self.table, models.today().isoformat())
        return path

    # ---- workers and their messages -----------------------------------------------------
    @work(thread=True, exclusive=True, group="export")
    def run_export(
        self, db_path: Path, table: str, path: Path, start: str | None, end: str | None
    ) -> None:
        try:
            with Store.open(db_path, create=False) as store:
                rows = export_file(store, table, path, start, end)
        except (StoreError, OSError, sqlite3.Error) as exc:
            self.post_message(self.ExportFailed(_one_line(exc)))
            return
        self.post_message(self.Exported(str(path), table, rows))

    @work(thread=True, group="export-span")
    def load_span(self, db_path: Path) -> None:
        try:
            with Store.open(db_path, create=False) as store:
                span = store.date_span()
        except (StoreError, sqlite3.Error):
            return
        self.post_message(self.SpanLoaded(*(span or (None, None))))

    def on_export_screen_exported(self, message: Exported) -> None:
        noun = "row" if message.rows == 1 else "rows"
        self._status(f"Wrote {message.rows} {noun} of the {message.table} table to {message.path}")

    def on_export_screen_export_failed(self, message: ExportFailed) -> None:
        self._status(f"Error: {message.message}", error=True)

    def on_export_screen_span_loaded(self, message: SpanLoaded) -> None:
        if message.first:
            self.query_one("#export-from", Input).placeholder = f"{message.first} (first day)"
            self.query_one("#export-to", Input).placeholder = f"{message.last} (last day)"

    def _status(self, text: str, error: bool = False) -> None:
        status = self.query_one("#export-status", Static)
        status.update(text)
        status.set_class(error, "-error")


def _one_line(exc: Exception) -> str:
    if isinstance(exc, OSError) and exc.filename:
        return f"{exc.strerror or exc}: {exc.filename}"
    return str(exc)
