"""The Textual app. It owns the store; screens ask it for data and it answers with messages.

Hooks for screens written elsewhere (trends, guide, export) and for the tips panel:

- `self.app.db_path` (Path): the diary file. `self.app.demo` is True on the `tracker demo` sample.
- `self.app.run_store_job(job, reply, to=self)`: runs `job(store)` in a thread worker on its own
  short-lived Store and posts `reply(result)` (a Message) to `to` (your screen; default the
  App). `job` must not touch widgets. When the job raises anything at all (a damaged row's
  StoreError, a locked file, a ValueError from analysis), `StoreFailed(one line)` is posted
  to `to` instead; it bubbles to the App, which shows it. Returns the Worker.
- User text is text: `self.app.notify` shows its message verbatim (markup off unless asked),
  and every widget that shows a note, an activity, a path or an error quoting one is given a
  `rich.text.Text` or has `markup=False`. A note "[/b] knees" must never reach markup.
- `DataChanged` (tracker.tui.messages): posted to every screen on the stack after the app
  writes and when another process (`tracker pain 5` in a shell) commits. Handle
  `on_data_changed` to reload. `self.app.data_generation` counts the changes.
- `self.app.save_entry(entry, entry_id=None, reply_to=...)`, `delete_entry(kind, id)`,
  `open_form(kind, row=None)`: the writes and the forms, for any screen that needs them.
- Tips: the dashboard's job computes them (`tracker.tui.tips.tips_for_rows`, the rules in
  `tracker.guidance`) and shows them in `#guidance-panel`, a `TipList`; any screen or test can
  also call `DashboardScreen.show_tips(tips)` with objects having .id/.title/.text/.topic.
- Settings (`tracker.settings`, the TOML config file): the theme is applied at start and saved
  when ctrl+t switches it; [keys] overrides become Textual's keymap (each app binding's id is
  its action's name); whatever in the file cannot be used is shown in one toast.
  `self.app.config_path` is the file, `self.app.settings` what it said.
- Screens opened with t / g / x / i are imported when first asked for, built with no arguments
  and shown over the dashboard (`d` returns to it; one section replaces another).

Why a Store per job and not one shared connection: a sqlite3 connection must not run two
transactions from two threads at once, and opening an up-to-date file is two PRAGMAs (open and
close measured 0.3 ms), so each worker opens its own and no lock is needed. WAL mode lets those
readers run while another process writes. The App keeps one more connection, on the main
thread, only to poll `PRAGMA data_version` once a second (2 microseconds a call) for live refresh.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.app import App
from textual.dom import DOMNode
from textual.message import Message
from textual.screen import Screen
from textual.worker import Worker

from tracker import models, settings
from tracker.kinds import kind_named, kind_of
from tracker.models import Entry
from tracker.store import SQLiteError, Store, StoreError
from tracker.tui.commands import (
    TrackerCommands,
    app_bindings,
    check_key_overrides,
    focus_bindings,
)
from tracker.tui.failures import one_line
from tracker.tui.messages import (
    READ_FAILED,
    DataChanged,
    EntryDeleted,
    EntrySaved,
    StoreFailed,
)
from tracker.tui.screens.dashboard import DashboardScreen
from tracker.tui.screens.form import EntryForm
from tracker.tui.screens.history import HistoryScreen

#: How often the app looks for writes made by other processes (`PRAGMA data_version`).
LIVE_REFRESH_SECONDS = 1.0
LIGHT_THEME, DARK_THEME = "textual-light", "textual-dark"
#: How long a failure's toast stays; the same failed read is not toasted again meanwhile.
FAILURE_SECONDS = 8.0


class TrackerApp(App[None]):
    """The diary app: dashboard, forms, history, trends, guide and export."""

    #: Absolute, so a subclass defined elsewhere (tests, benchmarks) still finds it.
    CSS_PATH = Path(__file__).parent / "app.tcss"
    TITLE = "tracker"
    COMMANDS = App.COMMANDS | {TrackerCommands}
    BINDINGS = [*app_bindings(), *focus_bindings()]
    #: Tests set this False before running so snapshots never catch a half-blink.
    cursor_blink: bool = True

    def __init__(self, db_path: Path, demo: bool = False, config_path: Path | None = None) -> None:
        super().__init__()
        self.db_path = Path(db_path)
        self.demo = demo
        loaded = settings.load(config_path)
        self.config_path = loaded.path
        self.settings = loaded.settings
        self._keymap_overrides, key_problems = check_key_overrides(loaded.settings.keys)
        problems = [*loaded.problems, *key_problems]
        self._settings_problem = f"{loaded.path}: {'; '.join(problems)}" if problems else None
        if loaded.settings.theme is not None:
            self.theme = LIGHT_THEME if loaded.settings.theme == "light" else DARK_THEME
        self.data_generation = 0
        self._watcher: Store | None = None
        self._seen_version: int | None = None
        self._seen_day = models.today()
        self._failure_until: dict[str, float] = {}  # read failure line -> its toast's end
        if demo:
            self.title = "tracker DEMO"
            self.sub_title = "sample data in a temporary file; your diary is not touched"

    def get_default_screen(self) -> Screen:
        return DashboardScreen()

    def notify(self, message: str, *, markup: bool = False, **options: Any) -> None:
        """A toast whose message is shown verbatim unless `markup=True` is asked for.

        Toasts carry entry summaries, file paths and error lines that quote what the person
        typed; with Textual's default (markup on) a note "[/b]" would end the app.
        """
        super().notify(message, markup=markup, **options)

    # ---- live refresh ----------------------------------------------------------------------
    def on_mount(self) -> None:
        if self._keymap_overrides:
            self.set_keymap(self._keymap_overrides)
        if self._settings_problem:
            self.notify(self._settings_problem, title="Settings not used", severity="warning")
        try:
            self._watcher = Store.open(self.db_path, create=False)
            self._seen_version = self._watcher.data_version()
        except (StoreError, SQLiteError) as exc:
            self.notify(f"Live refresh is off: {one_line(exc)}", severity="warning")
            return
        self.set_interval(LIVE_REFRESH_SECONDS, self.poll_for_changes)

    def on_unmount(self) -> None:
        if self._watcher is not None:
            self._watcher.close()

    def _data_version(self) -> int | None:
        if self._watcher is None:
            return None
        try:
            return self._watcher.data_version()
        except SQLiteError:
            return None

    def poll_for_changes(self) -> None:
        """Reload when another connection committed, or when midnight changed "today"."""
        version = self._data_version()
        if version is not None and version != self._seen_version:
            self.data_changed("outside")
        elif models.today() != self._seen_day:
            self.data_changed("new day")

    def data_changed(self, origin: str = "app") -> None:
        """Tell every screen on the stack to reload (they handle `DataChanged`)."""
        self._seen_version = self._data_version()
        self._seen_day = models.today()
        self.data_generation += 1
        for screen in self.screen_stack:
            screen.post_message(DataChanged(origin, self.data_generation))

    # ---- store jobs ------------------------------------------------------------------------
    def run_store_job(
        self,
        job: Callable[[Store], Any],
        reply: Callable[[Any], Message] | None = None,
        *,
        to: DOMNode | None = None,
        group: str = "store",
        failure: str = READ_FAILED,
        exclusive: bool = False,
    ) -> Worker[None]:
        """Run `job(store)` in a thread; post `reply(result)` (or `StoreFailed`) to `to`.

        Any exception the job raises becomes `StoreFailed(one line, failure)`: a damaged row
        in one reply must cost a toast, never the app (Textual exits on a worker's error).
        `exclusive` cancels the group's earlier workers (see `run_worker`).
        """
        target = to if to is not None else self
        path = self.db_path

        def work() -> None:
            try:
                with Store.open(path, create=False) as store:
                    result = job(store)
                answer = reply(result) if reply is not None else None
            except Exception as exc:
                target.post_message(StoreFailed(one_line(exc), failure))
                return
            if answer is not None:
                target.post_message(answer)

        return target.run_worker(work, name=group, group=group, thread=True, exclusive=exclusive)

    def save_entry(
        self, entry: Entry, entry_id: int | None = None, *, reply_to: DOMNode | None = None
    ) -> Worker[None]:
        """Add `entry`, or update the stored entry `entry_id`; replies `EntrySaved`.

        The entry's kind comes from its type (`kinds.kind_of`): an unregistered one is refused
        here, before any worker starts, never taken for another kind.
        """
        of = kind_of(entry)
        summary = of.describe(entry.as_row())

        def job(store: Store) -> int:
            if entry_id is None:
                return store.add(entry)
            if not store.update(entry_id, entry):
                raise StoreError(f"that {of.noun} is gone (deleted elsewhere?); not saved")
            return entry_id

        def reply(new_id: int) -> EntrySaved:
            return EntrySaved(of.name, new_id, entry.date, summary, updated=entry_id is not None)

        return self.run_store_job(job, reply, to=reply_to, group="save", failure="Not saved")

    def delete_entry(self, kind: str, entry_id: int) -> Worker[None]:
        """Delete one entry; replies `EntryDeleted` to the App."""
        return self.run_store_job(
            lambda store: store.delete(kind, entry_id),
            lambda found: EntryDeleted(kind, entry_id, found),
            group="delete",
            failure="Not deleted",
        )

    def on_store_failed(self, message: StoreFailed) -> None:
        """Toast the line. A damaged row fails the dashboard, history and trends alike: the
        same failed read is shown once while its toast is up (a failed save every time)."""
        now = time.monotonic()
        if message.title == READ_FAILED:
            if self._failure_until.get(message.message, 0.0) > now:
                return
            self._failure_until[message.message] = now + FAILURE_SECONDS
        self.notify(message.message, title=message.title, severity="error", timeout=FAILURE_SECONDS)

    def on_entry_deleted(self, message: EntryDeleted) -> None:
        noun = kind_named(message.kind).title
        self.notify(f"{noun} deleted." if message.found else f"{noun} was already gone.")
        self.data_changed()

    # ---- forms -----------------------------------------------------------------------------
    def open_form(self, kind: str, row: dict | None = None) -> None:
        """Open the form of `kind` (the registry names it); with `row` (a Store row dict) it
        edits that entry."""
        import importlib  # the registry names the form as "module:Class" (it is headless)

        module, _, name = kind_named(kind).form.partition(":")
        form_class = getattr(importlib.import_module(module), name)
        self.push_screen(form_class(row), self._form_closed)

    def _form_closed(self, saved: EntrySaved | None) -> None:
        if saved is None:
            return
        verb = "updated" if saved.updated else "logged"
        self.notify(f"{saved.summary} ({saved.day})", title=f"{saved.kind.capitalize()} {verb}")
        self.data_changed()

    # ---- navigation ------------------------------------------------------------------------
    def _navigation_blocked(self) -> bool:
        """A form or a dialog is open: finish it before going anywhere else."""
        if any(getattr(screen, "BLOCKS_NAVIGATION", False) for screen in self.screen_stack):
            self.notify("Save (ctrl+s) or cancel (escape) the open form first.")
            return True
        return False

    def action_log_pain(self) -> None:
        if not self._navigation_blocked():
            self.open_form("pain")

    def action_log_exercise(self) -> None:
        if not self._navigation_blocked():
            self.open_form("exercise")

    def action_dashboard(self) -> None:
        if not self._navigation_blocked():
            while len(self.screen_stack) > 1:
                self.pop_screen()

    def action_history(self) -> None:
        self.show_section(HistoryScreen)

    # Trends, the guide and export are imported when first opened, not at start-up.
    def action_trends(self) -> None:
        from tracker.tui.screens.trends import TrendsScreen

        self.show_section(TrendsScreen)

    def action_guide(self) -> None:
        from tracker.tui.screens.guide import GuideScreen

        self.show_section(GuideScreen)

    def action_export(self) -> None:
        from tracker.tui.screens.export import ExportScreen

        self.show_section(ExportScreen)

    def action_import_sessions(self) -> None:
        """The import dialog: another app's exercise, previewed before anything is written."""
        from tracker.tui.screens.import_dialog import ImportScreen

        if not self._navigation_blocked() and not isinstance(self.screen, ImportScreen):
            self.push_screen(ImportScreen())

    def action_report(self) -> None:
        """The PDF report dialog (fpdf2 loads only in its store job, when it writes)."""
        from tracker.tui.screens.report import ReportScreen

        if not self._navigation_blocked() and not isinstance(self.screen, ReportScreen):
            self.push_screen(ReportScreen())

    def show_section(self, screen_type: type[Screen]) -> None:
        """Show a section screen over the dashboard, replacing any other section."""
        if self._navigation_blocked() or isinstance(self.screen, screen_type):
            return
        if any(isinstance(screen, screen_type) for screen in self.screen_stack):
            # already open below (e.g. the guide opened from a tip on Trends): go back to it
            while not isinstance(self.screen, screen_type):
                self.pop_screen()
            return
        if len(self.screen_stack) > 1:
            self.switch_screen(screen_type())
        else:
            self.push_screen(screen_type())

    def action_info(self) -> None:
        from tracker.tui.screens.info import InfoScreen

        self.show_section(InfoScreen)

    def action_help(self) -> None:
        """The key list of the screen in front; pressed on the list, it closes the list."""
        from tracker.tui.screens.help import HelpScreen, screen_keys, screen_name

        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss(None)
        else:
            self.push_screen(HelpScreen(screen_keys(self.screen), screen_name(self.screen)))

    def action_toggle_theme(self) -> None:
        """Switch light/dark and remember it in the settings (a damaged file is left alone)."""
        dark = not self.current_theme.dark
        self.theme = DARK_THEME if dark else LIGHT_THEME
        problem = settings.save_theme("dark" if dark else "light", self.config_path)
        if problem:
            self.notify(problem, severity="warning")

    async def action_quit(self) -> None:
        """Quit (q, ctrl+q, the palette), but never past a form holding unsaved changes."""
        form = next((s for s in self.screen_stack if isinstance(s, EntryForm) and s.changed), None)
        if form is None:
            self.exit()
        elif form is self.screen:
            form.confirm_discard(self.exit, quitting=True)
        else:
            self.bell()  # a question is already open over the form: answer it first


def exit_status(app: App, **run_options: Any) -> int:
    """Run `app` to its end; 0, or 1 when it ended on an unexpected exception (Textual has
    printed the traceback by then). Without this a crash left the shell a status of 0."""
    app.run(**run_options)
    return app.return_code or 0


def run_app(path: Path, demo: bool = False, config_path: Path | None = None) -> int:
    """Open the app on the diary at `path` (`demo` marks a sample database in the title) with
    the settings at `config_path` (default: TRACKER_CONFIG or the platform's folder); returns
    the exit status for the command to exit with."""
    return exit_status(TrackerApp(path, demo=demo, config_path=config_path))
