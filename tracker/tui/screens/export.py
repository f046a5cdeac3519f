"""The export dialog (key x): pick a table, a range and a file; the CSV is written in a worker.

It calls `tracker.exchange.csv_export.export_file`, the function behind `tracker export`, so
the dialog and the CLI write the same file through `tracker.safe_files`: never onto the diary
or any SQLite file, and never over an existing file without a yes here ("Replace FILE?",
then the same export with force=True). The worker opens its own Store on `self.app.db_path`
and never touches widgets: it posts `Exported`, `ExportExists` or `ExportFailed`, and the
handlers (main thread) say what happened. Status lines quote paths the person typed: markup off.

In the demo (`tracker demo`) the suggested name is tracker-DEMO-export-DAY-TABLE.csv, so a
sample export can never pass for, or replace, an export of the real diary.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, Input, Label, RadioButton, RadioSet, Static

from tracker import models
from tracker.exchange.csv_export import TABLES, default_filename, export_file
from tracker.period import parse_period
from tracker.safe_files import OutputExists
from tracker.store import Store
from tracker.tui.failures import one_line
from tracker.tui.screens.base import TrackerModal
from tracker.tui.screens.confirm import ReplaceScreen
from tracker.tui.widgets.own_keys import FormInput, FormRadioSet

TABLE_HELP = {
    "daily": "one row per calendar day: pain means, PEG, symptoms, exercise minutes",
    "pain": "every pain entry as logged (re-importable with tracker import)",
    "exercise": "every exercise session as logged (re-importable with tracker import)",
}


def export_filename(table: str, demo: bool = False) -> str:
    """Today's suggested name: csv_export's for the diary, a DEMO-marked one for the sample."""
    day = models.today().isoformat()
    return f"tracker-DEMO-export-{day}-{table}.csv" if demo else default_filename(table, day)


def default_path(table: str, demo: bool = False) -> str:
    """~/tracker-export-YYYY-MM-DD-TABLE.csv (tracker-DEMO-export-... in the demo), dated today."""
    return f"~/{export_filename(table, demo)}"


class ExportScreen(TrackerModal[None]):
    """Export the diary to CSV; escape closes. `demo=None` asks the App (`app.demo`)."""

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
    class ExportExists(Message):
        """Nothing was written: the file exists, and replacing it needs the person's yes."""

        path: str
        table: str
        start: str | None
        end: str | None

    @dataclass
    class ExportFailed(Message):
        """Nothing was exported; `message` is one line for the user."""

        message: str

    @dataclass
    class SpanLoaded(Message):
        """The first and last logged day were read (None for an empty diary)."""

        first: str | None
        last: str | None

    def __init__(self, demo: bool | None = None) -> None:
        super().__init__(id="export-screen")
        self.table = "daily"
        self._demo = demo

    @property
    def demo(self) -> bool:
        """True on the `tracker demo` sample: file names say DEMO."""
        if self._demo is None:
            return bool(getattr(self.app, "demo", False))
        return self._demo

    def compose(self) -> ComposeResult:
        title = "Export the DEMO sample to CSV" if self.demo else "Export to CSV"
        with Vertical(id="export-dialog"):
            yield Static(title, id="export-title", markup=False)
            with FormRadioSet(id="export-table"):
                for name in TABLES:
                    yield RadioButton(name, value=name == "daily", id=f"export-{name}")
            yield Static(TABLE_HELP["daily"], id="export-table-help")
            with Horizontal(id="export-range"):
                yield Label("From", classes="export-label")
                yield FormInput(placeholder="first day", id="export-from", classes="export-date")
                yield Label("To", classes="export-label")
                yield FormInput(placeholder="last day", id="export-to", classes="export-date")
            yield Label("File", classes="export-label")
            yield FormInput(default_path("daily", self.demo), id="export-path")
            with Horizontal(id="export-buttons"):
                yield Button("Export (ctrl+s)", variant="primary", id="export-run")
                yield Button("Close (esc)", id="export-close")
            yield Static("", id="export-status", markup=False)

    def on_mount(self) -> None:
        self.load_span(self.tracker_app.db_path)

    # ---- choices ------------------------------------------------------------------------
    @on(RadioSet.Changed, "#export-table")
    def _table_chosen(self, event: RadioSet.Changed) -> None:
        """Show what the table holds; the default file name follows unless it was edited."""
        previous, self.table = self.table, list(TABLES)[event.index]
        self.query_one("#export-table-help", Static).update(TABLE_HELP[self.table])
        path = self.query_one("#export-path", Input)
        if path.value == default_path(previous, self.demo):
            path.value = default_path(self.table, self.demo)

    @on(Input.Submitted)
    @on(Button.Pressed, "#export-run")
    def action_export(self) -> None:
        """Check the range and the path here; write the file in the worker."""
        try:
            start, end = parse_period(self._value("#export-from"), self._value("#export-to"))
        except models.ValidationError as exc:
            self._status(f"Error: {exc}", error=True)
            return
        self._start(self.table, self._target(), start, end, force=False)

    @on(Button.Pressed, "#export-close")
    def action_close(self) -> None:
        self.dismiss(None)

    def _value(self, selector: str) -> str:
        return self.query_one(selector, Input).value.strip()

    def _target(self) -> Path:
        """The file to write: the typed path, or the default name inside a typed folder."""
        path = Path(self._value("#export-path") or default_path(self.table, self.demo))
        path = path.expanduser()
        if path.is_dir():
            path = path / export_filename(self.table, self.demo)
        return path

    def _start(self, table: str, path: Path, start: str | None, end: str | None, force: bool):
        verb = "Replacing" if force else "Writing"
        self._status(f"{verb} {path} with the {table} table...")
        self.run_export(self.tracker_app.db_path, table, path, start, end, force)

    # ---- workers and their messages -----------------------------------------------------
    @work(thread=True, exclusive=True, group="export")
    def run_export(
        self,
        db_path: Path,
        table: str,
        path: Path,
        start: str | None,
        end: str | None,
        force: bool = False,
    ) -> None:
        """Write the file; any failure becomes one line (the worker must never raise)."""
        try:
            with Store.open(db_path, create=False) as store:
                rows = export_file(store, table, path, start, end, force=force)
        except OutputExists:
            self.post_message(self.ExportExists(str(path), table, start, end))
            return
        except Exception as exc:  # OutputRefused, StoreError, OSError, sqlite3, analysis
            self.post_message(self.ExportFailed(one_line(exc)))
            return
        self.post_message(self.Exported(str(path), table, rows))

    @work(thread=True, group="export-span")
    def load_span(self, db_path: Path) -> None:
        try:
            with Store.open(db_path, create=False) as store:
                span = store.date_span()
        except Exception as exc:
            self.post_message(self.ExportFailed(one_line(exc)))
            return
        self.post_message(self.SpanLoaded(*(span or (None, None))))

    def on_export_screen_exported(self, message: Exported) -> None:
        noun = "row" if message.rows == 1 else "rows"
        self._status(f"Wrote {message.rows} {noun} of the {message.table} table to {message.path}")

    def on_export_screen_export_exists(self, message: ExportExists) -> None:
        """Ask before replacing; only a yes runs the export again, with force."""
        self._status(f"{message.path} already exists: replace it?")

        def answered(yes: bool | None) -> None:
            if yes:
                path = Path(message.path)
                self._start(message.table, path, message.start, message.end, force=True)
            else:
                self._status(f"Not exported: {message.path} is kept as it was.", error=True)

        self.app.push_screen(ReplaceScreen(message.path), answered)

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
