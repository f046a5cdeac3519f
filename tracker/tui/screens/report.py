"""The report dialog (key r): the PDF for a clinic visit, written in a worker.

It calls `tracker.exchange.report.write_report`, the function behind `tracker report`, so the
dialog and the CLI write the same file through `tracker.safe_files`: never onto the diary or
any SQLite file, never over an existing file without a yes here ("Replace FILE?", then the
same report with force=True). The file is written in the app's one store worker path,
`run_store_job`; fpdf2 (about 60 ms) is imported inside that job, never when the app starts.
The job replies `ReportScreen.Written` or `ReportScreen.Exists`, or `StoreFailed` with one
line, shown in the dialog's status line (markup off: it quotes the typed path).

In the demo (`tracker demo`) the suggested name is tracker-DEMO-report-DAY.pdf, so a sample
report can never pass for, or replace, a report of the real diary.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, Input, Label, Static

from tracker import models
from tracker.safe_files import OutputExists
from tracker.settings import Settings
from tracker.tui.messages import StoreFailed
from tracker.tui.screens.base import TrackerModal
from tracker.tui.screens.confirm import ReplaceScreen
from tracker.tui.widgets.own_keys import FormInput

if TYPE_CHECKING:
    from textual.worker import Worker

    from tracker.store import Store

NOT_WRITTEN = "Report not written"


def report_filename(demo: bool = False) -> str:
    """Today's suggested name: tracker-report-DAY.pdf (tracker-DEMO-report-DAY.pdf in the demo)."""
    day = models.today().isoformat()
    return f"tracker-DEMO-report-{day}.pdf" if demo else f"tracker-report-{day}.pdf"


@dataclass(frozen=True)
class Patient:
    """The name and date of birth for page 1, as checked (None: not given)."""

    name: str | None
    born: str | None


def patient(name: str, born: str) -> Patient:
    """The typed name and date of birth, checked as `tracker report --name/--born` checks
    them; ValidationError names the field."""
    return Patient(
        models.parse_text("name", name),
        models.parse_past_date(born, "born") if born.strip() else None,
    )


class ReportScreen(TrackerModal[None]):
    """Write the PDF report; escape closes. `demo=None` asks the App (`app.demo`)."""

    CSS_PATH = "report.tcss"
    AUTO_FOCUS = "#report-path"
    BINDINGS: ClassVar = [
        Binding("escape", "close", "Close"),
        Binding("ctrl+s", "write", "Write"),
    ]

    @dataclass
    class Written(Message):
        """The report was written: `pages` pages to `path`."""

        path: str
        pages: int

    @dataclass
    class Exists(Message):
        """The file is already there; nothing was written (ask before replacing)."""

        path: str
        who: Patient

    def __init__(self, demo: bool | None = None) -> None:
        super().__init__(id="report-screen")
        self._demo = demo

    @property
    def demo(self) -> bool:
        if self._demo is None:
            return bool(getattr(self.app, "demo", False))
        return self._demo

    @property
    def _known(self) -> Settings:
        """The settings' name and date of birth fill the fields in (never in the demo, whose
        report is of the sample, not of the person)."""
        return Settings() if self.demo else self.tracker_app.settings

    def compose(self) -> ComposeResult:
        title = "PDF report of the DEMO sample" if self.demo else "PDF report for a clinic visit"
        with Vertical(id="report-dialog"):
            yield Static(title, id="report-title", markup=False)
            yield Static(
                "Page 1 is the summary for the visit; the notes you marked for the doctor "
                "are on it. Name and date of birth are optional.",
                id="report-help",
                markup=False,
            )
            with Horizontal(classes="report-row"):
                yield Label("File", classes="report-label")
                yield FormInput(f"~/{report_filename(self.demo)}", id="report-path", compact=True)
            with Horizontal(classes="report-row"):
                yield Label("Name", classes="report-label")
                yield FormInput(
                    self._known.report_name, placeholder="optional", id="report-name", compact=True
                )
            with Horizontal(classes="report-row"):
                yield Label("Born", classes="report-label")
                yield FormInput(
                    self._known.report_birth_date or "",
                    placeholder="YYYY-MM-DD, optional",
                    id="report-born",
                    compact=True,
                )
            with Horizontal(id="report-buttons"):
                yield Button("Write (ctrl+s)", variant="primary", id="report-run")
                yield Button("Close (esc)", id="report-close")
            yield Static("", id="report-status", markup=False)

    # ---- actions ------------------------------------------------------------------------
    @on(Input.Submitted)
    @on(Button.Pressed, "#report-run")
    def action_write(self) -> None:
        """Check the name and date here; write the file in the worker."""
        try:
            who = patient(self._value("#report-name"), self._value("#report-born"))
        except models.ValidationError as exc:
            self._status(f"Error: {exc}", error=True)
            return
        self._start(self._target(), who, force=False)

    @on(Button.Pressed, "#report-close")
    def action_close(self) -> None:
        self.dismiss(None)

    def _value(self, selector: str) -> str:
        return self.query_one(selector, Input).value.strip()

    def _target(self) -> Path:
        """The file to write: the typed path, or the default name inside a typed folder."""
        path = Path(self._value("#report-path") or f"~/{report_filename(self.demo)}")
        path = path.expanduser()
        if path.is_dir():
            path = path / report_filename(self.demo)
        return path

    def _start(self, path: Path, who: Patient, force: bool) -> None:
        self._status(f"{'Replacing' if force else 'Writing'} {path}...")
        self.run_report(path, who, force)

    # ---- the store job and its messages -------------------------------------------------
    def run_report(self, path: Path, who: Patient, force: bool = False) -> Worker[None]:
        """Write the PDF in the app's store worker: `Written`, `Exists` (when the file is there
        and `force` is off), or `StoreFailed` with one line for any other failure."""

        chosen = self.tracker_app.settings

        def job(store: Store) -> int | None:
            from tracker.exchange.report import write_report  # fpdf2: only in this job

            try:
                return write_report(
                    store,
                    path,
                    force=force,
                    name=who.name,
                    born=who.born,
                    baseline_from=chosen.baseline_from,
                    weekly_target=chosen.weekly_target,
                )
            except OutputExists:
                return None

        def reply(pages: int | None) -> Message:
            if pages is None:
                return self.Exists(str(path), who)
            return self.Written(str(path), pages)

        return self.tracker_app.run_store_job(
            job, reply, to=self, group="report", failure=NOT_WRITTEN, exclusive=True
        )

    def on_report_screen_written(self, message: Written) -> None:
        self._status(f"Wrote {message.path}")

    def on_report_screen_exists(self, message: Exists) -> None:
        """Ask before replacing; only a yes writes it again, with force."""
        self._status(f"{message.path} already exists: replace it?")
        who = message.who

        def answered(yes: bool | None) -> None:
            if yes:
                self._start(Path(message.path), who, force=True)
            else:
                self._status(f"Not written: {message.path} is kept as it was.", error=True)

        self.app.push_screen(ReplaceScreen(message.path), answered)

    def on_store_failed(self, message: StoreFailed) -> None:
        """One line in the dialog, and no toast (stopped here)."""
        message.stop()
        self._status(f"Error: {message.message}", error=True)

    def _status(self, text: str, error: bool = False) -> None:
        status = self.query_one("#report-status", Static)
        status.update(text)
        status.set_class(error, "-error")
