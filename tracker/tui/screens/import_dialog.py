"""The import dialog (key m): another app's exercise file, previewed before anything is written.

The same function as `tracker import FILE`, `tracker.exchange.import_sessions.run`, in the
app's one store worker path (`run_store_job`): Preview is its dry run (a transaction that is
always rolled back) and replies `ImportPreviewed`; Import is enabled only once a preview was
made for exactly the typed file, time zone and choice, and runs the real import (one
transaction), replying `SessionsImported`. A failure (unreadable file, unknown zone, a damaged
diary) comes back as `StoreFailed`, one line in the dialog, nothing written. The report is
shown as plain text: titles from another app's file are never read as markup.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Input, Label, Static

from tracker.exchange.import_sessions import parse_zone, run
from tracker.problems import UsageProblem
from tracker.tui.messages import ImportPreviewed, SessionsImported, StoreFailed
from tracker.tui.screens.base import TrackerModal
from tracker.tui.widgets.own_keys import FormCheckbox, FormInput

if TYPE_CHECKING:
    from textual.worker import Worker

    from tracker.store import Store

NOT_IMPORTED = "Not imported"
HELP = (
    "Strava, Garmin Connect, Apple Health (export.zip), GPX, TCX, FIT or a folder of them; "
    "Bearable or Flaredown CSV. Nothing is written until you import."
)


class ImportScreen(TrackerModal[None]):
    """Preview, then import, another app's file (exercise, or a symptom diary's doses and
    ratings); escape closes."""

    CSS_PATH = "import_dialog.tcss"
    AUTO_FOCUS = "#import-path"
    BINDINGS: ClassVar = [
        Binding("escape", "close", "Close"),
        Binding("ctrl+r", "preview", "Preview"),
        Binding("ctrl+s", "run_import", "Import"),
    ]

    def __init__(self) -> None:
        super().__init__(id="import-screen")
        self.previewed: tuple[str, str, bool] | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="import-dialog"):
            yield Static("Import from another app", id="import-title", markup=False)
            yield Static(HELP, id="import-help", markup=False)
            with Horizontal(classes="import-row"):
                yield Label("File", classes="import-label")
                yield FormInput(placeholder="~/Downloads/export.zip", id="import-path")
                yield Label("Zone", classes="import-label")
                yield FormInput(placeholder="this computer's", id="import-tz")
            yield FormCheckbox(
                "Also import sessions on days you typed one of the same category",
                id="import-keep",
            )
            with VerticalScroll(id="import-preview-box"):
                yield Static("", id="import-preview", markup=False)
            with Horizontal(id="import-buttons"):
                yield Button("Preview (ctrl+r)", variant="primary", id="import-preview-run")
                yield Button("Import (ctrl+s)", id="import-run", disabled=True)
                yield Button("Close (esc)", id="import-close")
            yield Static("", id="import-status", markup=False)

    # ---- the inputs ----------------------------------------------------------------------
    def request(self) -> tuple[str, str, bool]:
        """(path, time zone, keep overlaps) as typed now."""
        path = self.query_one("#import-path", Input).value.strip()
        zone = self.query_one("#import-tz", Input).value.strip()
        return path, zone, self.query_one("#import-keep", FormCheckbox).value

    @on(Input.Changed)
    @on(FormCheckbox.Changed)
    def _inputs_changed(self) -> None:
        """A new file, zone or choice needs a new preview before Import."""
        self.query_one("#import-run", Button).disabled = self.request() != self.previewed

    def _checked(self) -> tuple[Path, tuple[str, str, bool]] | None:
        """The typed path and zone, checked here; None (and a status line) when wrong."""
        request = self.request()
        if not request[0]:
            self._status("Error: type the path of a file or folder to import", error=True)
            return None
        path = Path(request[0]).expanduser()
        try:
            parse_zone(request[1])
            if not path.exists():
                raise UsageProblem(f"{path} does not exist")
        except UsageProblem as exc:
            self._status(f"Error: {exc}", error=True)
            return None
        return path, request

    # ---- actions -------------------------------------------------------------------------
    @on(Input.Submitted)
    @on(Button.Pressed, "#import-preview-run")
    def action_preview(self) -> None:
        checked = self._checked()
        if checked is not None:
            self._status(f"Reading {checked[0]}... (nothing is written)")
            self.run_import(*checked, dry_run=True)

    @on(Button.Pressed, "#import-run")
    def action_run_import(self) -> None:
        checked = self._checked()
        if checked is None:
            return
        if checked[1] != self.previewed:
            self._status("Preview this file first (ctrl+r): nothing is imported unseen", error=True)
            return
        self.query_one("#import-run", Button).disabled = True
        self._status(f"Importing {checked[0]}...")
        self.run_import(*checked, dry_run=False)

    @on(Button.Pressed, "#import-close")
    def action_close(self) -> None:
        self.dismiss(None)

    # ---- store jobs and their messages ---------------------------------------------------
    def run_import(
        self, path: Path, request: tuple[str, str, bool], *, dry_run: bool
    ) -> Worker[None]:
        """The dry run or the import in the app's store worker (see the module docstring)."""
        _, zone_name, keep = request

        def job(store: Store) -> tuple[list[str], int]:
            report = run(
                store, path, zone=parse_zone(zone_name), dry_run=dry_run, keep_overlaps=keep
            )
            return report.lines(), report.added

        def reply(result: tuple[list[str], int]) -> ImportPreviewed | SessionsImported:
            lines, added = result
            if dry_run:
                return ImportPreviewed(request, lines, added)
            return SessionsImported(lines, added)

        return self.tracker_app.run_store_job(
            job, reply, to=self, group="import", failure=NOT_IMPORTED, exclusive=True
        )

    def on_import_previewed(self, message: ImportPreviewed) -> None:
        self.previewed = message.request
        self._show(message.lines)
        can_import = message.sessions > 0 and self.request() == message.request
        self.query_one("#import-run", Button).disabled = not can_import
        if message.sessions:
            self._status("Nothing was written yet: Import (ctrl+s) adds what the preview lists.")
        else:
            self._status("Nothing to import from this file.")

    def on_sessions_imported(self, message: SessionsImported) -> None:
        self.previewed = None
        self._show(message.lines)
        self._status(message.lines[0])
        self.tracker_app.data_changed()

    def on_store_failed(self, message: StoreFailed) -> None:
        """One line in the dialog, no toast (stopped here); nothing was written."""
        message.stop()
        self._status(f"Error: {message.message}", error=True)

    def _show(self, lines: list[str]) -> None:
        self.query_one("#import-preview", Static).update("\n".join(lines))
        self.query_one("#import-preview-box", VerticalScroll).scroll_home(animate=False)

    def _status(self, text: str, error: bool = False) -> None:
        status = self.query_one("#import-status", Static)
        status.update(text)
        status.set_class(error, "-error")
