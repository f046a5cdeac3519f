"""The export dialog (key x): pick a table or the workbook, a range and a file; the file is
written in a worker.

A table is written as CSV by `tracker.exchange.csv_export.export_file`; "workbook" writes every
table and the data dictionary to one Excel file with `tracker.exchange.xlsx_export`
(`export_workbook`). These are the functions behind `tracker export`, so the dialog and the CLI
write the same files through `tracker.safe_files`: never onto the diary or any SQLite file, and
never over an existing file without a yes here ("Replace FILE?", then the same export with
force=True). The file is written in the app's one store worker path, `run_store_job` (its own
Store on `db_path`, no widgets touched): it replies `CsvExported` or `WorkbookExported`, or
`ExistingFileFound`, or `StoreFailed` with one line, and the handlers (main thread) say what
happened in the status line. Status lines quote paths the person typed: markup off.

In the demo (`tracker demo`) the suggested name is tracker-DEMO-export-DAY-TABLE.csv (or
tracker-DEMO-export-DAY.xlsx), so a sample export can never pass for, or replace, an export of
the real diary.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, Input, Label, RadioButton, RadioSet, Static

from tracker import models
from tracker.exchange import xlsx_export
from tracker.exchange.csv_export import TABLES, default_filename, export_file
from tracker.kinds import KINDS
from tracker.period import parse_period
from tracker.safe_files import OutputExists
from tracker.tui.messages import (
    CsvExported,
    DateSpanLoaded,
    ExistingFileFound,
    StoreFailed,
    WorkbookExported,
)
from tracker.tui.screens.base import TrackerModal
from tracker.tui.screens.confirm import ReplaceScreen
from tracker.tui.widgets.own_keys import FormInput, FormRadioSet

if TYPE_CHECKING:
    from textual.worker import Worker

    from tracker.store import Store

#: The heading of a failed export (the dialog shows the line in its status, not in a toast).
NOT_EXPORTED = "Not exported"
#: The choice that writes every table to one Excel workbook instead of one table as CSV.
WORKBOOK = "workbook"
#: The dialog's choices, in order: each CSV table, then the workbook.
CHOICES = (*TABLES, WORKBOOK)
#: Radio labels; 4 share the dialog's 72 columns, so each label has 13 characters at most.
#: The radio labels: the table's name, shortened where it would not fit 80 columns.
LABELS = {
    **{name: name for name in TABLES},
    "symptom_rating": "ratings (0-4)",
    WORKBOOK: "all (.xlsx)",
}
TABLE_HELP = {
    "daily": "one row per calendar day: pain means, PEG, symptoms, exercise minutes",
    **{
        name: f"{of.export_purpose} (re-importable with tracker import)"
        for name, of in KINDS.items()
    },
    WORKBOOK: "every table and the data dictionary in one Excel file, in typed cells",
}


def export_filename(table: str, demo: bool = False) -> str:
    """Today's suggested name: the exporter's for the diary, a DEMO-marked one for the sample."""
    day = models.today().isoformat()
    workbook = table == WORKBOOK
    name = xlsx_export.default_filename(day) if workbook else default_filename(table, day)
    return name.replace("tracker-export-", "tracker-DEMO-export-", 1) if demo else name


def default_path(table: str, demo: bool = False) -> str:
    """~/tracker-export-YYYY-MM-DD-TABLE.csv (tracker-DEMO-export-... in the demo), dated today."""
    return f"~/{export_filename(table, demo)}"


class ExportScreen(TrackerModal[None]):
    """Export the diary to CSV or Excel; escape closes. `demo=None` asks the App."""

    CSS_PATH = "export.tcss"
    AUTO_FOCUS = "#export-table"
    BINDINGS: ClassVar = [
        Binding("escape", "close", "Close"),
        Binding("ctrl+s", "export", "Export"),
    ]

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
        title = "Export the DEMO sample" if self.demo else "Export to CSV or Excel"
        with Vertical(id="export-dialog"):
            yield Static(title, id="export-title", markup=False)
            with FormRadioSet(id="export-table"):
                for name in CHOICES:
                    yield RadioButton(LABELS[name], value=name == "daily", id=f"export-{name}")
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
        self.load_span()

    # ---- choices ------------------------------------------------------------------------
    @on(RadioSet.Changed, "#export-table")
    def _table_chosen(self, event: RadioSet.Changed) -> None:
        """Show what the table holds; the default file name follows unless it was edited."""
        previous, self.table = self.table, CHOICES[event.index]
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
        target = self._target()
        if self.table != WORKBOOK and xlsx_export.names_workbook(target):
            self._status(
                f'Error: {target.name} names an Excel file; choose "{LABELS[WORKBOOK]}", '
                "or a .csv name",
                error=True,
            )
            return
        self._start(self.table, target, start, end, force=False)

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
        what = "every table" if table == WORKBOOK else f"the {table} table"
        self._status(f"{verb} {path} with {what}...")
        self.run_export(table, path, start, end, force)

    # ---- store jobs and their messages ---------------------------------------------------
    def run_export(
        self,
        table: str,
        path: Path,
        start: str | None,
        end: str | None,
        force: bool = False,
    ) -> Worker[None]:
        """Write the file in the app's store worker; it replies `CsvExported` (a table) or
        `WorkbookExported` (`table` is WORKBOOK), or `ExistingFileFound` when the file is there
        and `force` is off. Any other failure (OutputRefused, StoreError, OSError, sqlite3,
        analysis) comes back as `StoreFailed`."""

        def job(store: Store) -> int | dict[str, int] | None:
            try:
                if table == WORKBOOK:
                    return xlsx_export.export_workbook(store, path, start, end, force=force)
                return export_file(store, table, path, start, end, force=force)
            except OutputExists:
                return None

        def reply(rows: int | dict[str, int] | None) -> Message:
            if rows is None:
                return ExistingFileFound(str(path), table, start, end)
            if isinstance(rows, dict):
                return WorkbookExported(str(path), rows)
            return CsvExported(str(path), table, rows)

        return self.tracker_app.run_store_job(
            job, reply, to=self, group="export", failure=NOT_EXPORTED, exclusive=True
        )

    def load_span(self) -> Worker[None]:
        """Read the first and last logged day (the range's placeholders); `DateSpanLoaded`."""
        return self.tracker_app.run_store_job(
            lambda store: store.date_span() or (None, None),
            lambda span: DateSpanLoaded(*span),
            to=self,
            group="export-span",
        )

    def on_csv_exported(self, message: CsvExported) -> None:
        noun = "row" if message.rows == 1 else "rows"
        self._status(f"Wrote {message.rows} {noun} of the {message.table} table to {message.path}")

    def on_workbook_exported(self, message: WorkbookExported) -> None:
        self._status(xlsx_export.describe(message.rows, message.path))

    def on_existing_file_found(self, message: ExistingFileFound) -> None:
        """Ask before replacing; only a yes runs the export again, with force."""
        self._status(f"{message.path} already exists: replace it?")

        def answered(yes: bool | None) -> None:
            if yes:
                path = Path(message.path)
                self._start(message.table, path, message.start, message.end, force=True)
            else:
                self._status(f"Not exported: {message.path} is kept as it was.", error=True)

        self.app.push_screen(ReplaceScreen(message.path), answered)

    def on_store_failed(self, message: StoreFailed) -> None:
        """The export or the span read failed: one line in the dialog, and no toast (stopped
        here, so it does not bubble to the App)."""
        message.stop()
        self._status(f"Error: {message.message}", error=True)

    def on_date_span_loaded(self, message: DateSpanLoaded) -> None:
        if message.first:
            self.query_one("#export-from", Input).placeholder = f"{message.first} (first day)"
            self.query_one("#export-to", Input).placeholder = f"{message.last} (last day)"

    def _status(self, text: str, error: bool = False) -> None:
        status = self.query_one("#export-status", Static)
        status.update(text)
        status.set_class(error, "-error")
