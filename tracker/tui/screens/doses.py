"""The dose screen (key m): today's doses in a list, one key to mark one taken or skipped.

Each scheduled medicine current today has one line per dose due (`doses_per_day` slots, from
`analysis.dose_slots`); doses already logged fill their slots as taken or skipped. `t` marks
the highlighted dose taken at once (the clock time now); `s` asks for a reason (optional:
enter saves with or without one). An as-needed medicine has one line: `t` asks why it was
taken (optional), then saves. ctrl+y switches between today and yesterday, for the evening
dose logged after midnight.

Every write goes through the registry's validator (`kinds`: the same refusals as `tracker med
take`) and `app.save_entry` (one transaction in a store job); a refusal is shown on the status
line, nothing written. Medicine names and reasons are the person's text: every cell and line
is a `rich.text.Text` or a Static with markup off.
"""

from __future__ import annotations

import datetime as dt

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import DataTable, Header, Input, Label, Static

from tracker import models
from tracker.analysis.dose_slots import DoseSlot
from tracker.kinds import kind_named
from tracker.models.medicines import describe_dose
from tracker.models.times import now_stamp, time_of_day
from tracker.tui.commands import quiet_bindings
from tracker.tui.medicines import load_doses
from tracker.tui.messages import DataChanged, DosesLoaded, EntrySaved, StoreFailed
from tracker.tui.screens.base import TrackerScreen
from tracker.tui.widgets.footer import KeyFooter
from tracker.tui.widgets.own_keys import FormInput
from tracker.words.medicines import amount

NO_MEDICINES = "No medicines are current on this day. Add one with `tracker med add NAME`."


def dose_text(slot: DoseSlot) -> str:
    """'75 mg, 1 of 2', '400 mg, as needed', '1 of 1', 'extra'."""
    strength = amount(slot.strength, slot.unit)
    if slot.status == "as_needed":
        which = "as needed"
    elif slot.extra:
        which = "extra"
    else:
        which = f"{slot.slot} of {slot.doses_per_day or 1}"
    return f"{strength}, {which}" if strength else which


def status_text(slot: DoseSlot) -> Text:
    """'✓ taken 08:10', '✗ skipped (nausea)', 'due', 'taken 2 today, last 14:05'."""
    if slot.status == "as_needed":
        if not slot.taken:
            return Text("none taken", style="dim")
        last = slot.taken[-1].get("time")
        words = f"taken {len(slot.taken)} today" + (f", last {last}" if last else "")
        return Text(words)
    if slot.status == "due":
        return Text("due", style="bold")
    dose: dict = slot.dose or {}
    mark = "✓ taken" if slot.status == "taken" else "✗ skipped"
    text = Text(mark, style="green" if slot.status == "taken" else "yellow")
    if dose.get("time"):
        text.append(f" {dose['time']}")
    if dose.get("reason"):
        text.append(f" ({dose['reason']})")  # the person's words, appended as plain text
    return text


#: The keys that mark the highlighted dose, and the status each gives.
MARK_KEYS = {"t": "taken", "s": "skipped"}


class DoseTable(DataTable):
    """The day's dose slots; t and s (the screen's keys) act on the line they were typed on.

    Keys typed fast after `s` (or `t` on an as-needed line) reach the table before the
    reason prompt has focus, and a binding runs only once its key has bubbled up to the App,
    after the keys behind it. So the table acts on t and s as they arrive, and while a reason
    is asked for it hands every key to the prompt: "s", "too sleepy", enter saves that reason,
    and no letter of it runs a key of the screen or the app (`q` quit, `b` import...)."""

    async def on_key(self, event: events.Key) -> None:
        screen = self.screen
        if not isinstance(screen, DosesScreen):
            return
        if screen.pending is None:
            if event.key in MARK_KEYS:
                event.stop()
                event.prevent_default()
                screen.action_mark(MARK_KEYS[event.key])
            return
        if event.key == "escape":
            return  # the screen's: close the prompt
        reason = screen.query_one("#dose-reason", Input)
        event.stop()
        event.prevent_default()
        if event.key == "enter":
            await reason.action_submit()
        elif event.key == "backspace":
            reason.action_delete_left()
        elif event.is_printable and event.character:
            reason.insert_text_at_cursor(event.character)


class DosesScreen(TrackerScreen[None]):
    """Today's doses: t marks the highlighted one taken, s skipped (with a reason)."""

    CSS_PATH = "doses.tcss"
    AUTO_FOCUS = "#dose-table"
    BINDINGS = [
        Binding("t", "mark('taken')", "Taken", tooltip="Mark the highlighted dose taken"),
        Binding("s", "mark('skipped')", "Skipped", tooltip="Mark it skipped (a reason optional)"),
        Binding(
            "ctrl+y", "toggle_day", "Today/yesterday", tooltip="Switch between today and yesterday"
        ),
        Binding("escape", "back", "Back", show=False, tooltip="Close the reason, or go back"),
        # t is this screen's "taken" (Trends is a palette entry away, or d then t).
        *quiet_bindings("log_pain", "log_exercise", "log_doses", "history", "guide", "export"),
    ]

    def __init__(self) -> None:
        super().__init__(id="dose-screen")
        self.day = models.today().isoformat()
        #: True while the list shows today (not yesterday, chosen with ctrl+y).
        self.on_today = True
        self.slots: list[DoseSlot] = []
        self.loaded = False
        #: (slot, status) waiting for its reason in the prompt; None when no prompt is open.
        self.pending: tuple[DoseSlot, str] | None = None
        #: (slot, the dose written) while its save is under way.
        self.saving: tuple[DoseSlot, dict] | None = None
        self._advance_from: str | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="dose-title", markup=False)
        yield DoseTable(id="dose-table", cursor_type="row", zebra_stripes=True)
        with Horizontal(id="dose-prompt"):
            yield Label("", id="dose-prompt-label", markup=False)
            yield FormInput(placeholder="optional; enter saves", id="dose-reason", compact=True)
        yield Static("", id="dose-status", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        table = self.query_one(DoseTable)
        table.add_column("Medicine", key="medicine", width=24)
        table.add_column("Dose", key="dose", width=20)
        table.add_column("Today", key="status")
        self.query_one("#dose-reason", Input).cursor_blink = getattr(self.app, "cursor_blink", True)
        self._show_title()
        self.load()

    # ---- reading ---------------------------------------------------------------------------
    def load(self) -> None:
        day = self.day
        self.tracker_app.run_store_job(
            lambda store: load_doses(store, day),
            lambda slots: DosesLoaded(day, slots),
            to=self,
            group="doses",
        )

    def on_data_changed(self, message: DataChanged) -> None:
        today = models.today().isoformat()
        if message.origin == "new day" and self.on_today and self.day != today:
            # Midnight passed: today's list follows the clock (yesterday's stays as chosen).
            self.day = today
            self.slots, self.loaded = [], False
            self._show_title()
        self.load()

    def on_doses_loaded(self, message: DosesLoaded) -> None:
        if message.day != self.day:
            return  # the day was switched since
        self.slots = message.slots
        self.loaded = True
        self._fill()

    def _fill(self) -> None:
        table = self.query_one(DoseTable)
        current = self.current_slot()
        key = self._advance_from or (current.key if current else None)
        table.clear()
        for slot in self.slots:
            table.add_row(
                Text(slot.name, no_wrap=True, end=""),
                Text(dose_text(slot), no_wrap=True, end=""),
                status_text(slot),
                key=slot.key,
            )
        keys = [slot.key for slot in self.slots]
        if key in keys:
            index = keys.index(key)
            if self._advance_from is not None:  # after a save: on to the next dose due
                later = [i for i, s in enumerate(self.slots) if i > index and s.status == "due"]
                index = later[0] if later else index
            table.move_cursor(row=index, animate=False)
        self._advance_from = None
        self._show_title()

    def current_slot(self) -> DoseSlot | None:
        table = self.query_one(DoseTable)
        if not table.row_count or not self.slots:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return next((slot for slot in self.slots if slot.key == key), None)

    def _show_title(self) -> None:
        day = dt.date.fromisoformat(self.day)
        relative = {0: "today", 1: "yesterday"}.get((models.today() - day).days, "")
        title = f"Doses for {day:%A} {day.day} {day:%B %Y}" + (f" ({relative})" if relative else "")
        if self.loaded and not self.slots:
            title += f". {NO_MEDICINES}"
        self.query_one("#dose-title", Static).update(title)

    # ---- marking ---------------------------------------------------------------------------
    def action_mark(self, status: str) -> None:
        """t / s on the highlighted line: save a taken dose at once; ask for the reason of a
        skipped one and of an as-needed one."""
        slot = self.current_slot()
        if slot is None or self.saving is not None:
            return
        if slot.status == "as_needed":
            if status == "skipped":
                self.say("An as-needed medicine has no dose due to skip; t logs one taken.")
                return
            self._ask(slot, status, f"Why {slot.name} (optional):")
        elif slot.status != "due":
            self.say(
                f"{slot.name} dose {slot.slot} is already logged {slot.status};"
                " edit or delete it in History (h)."
            )
        elif status == "skipped":
            self._ask(slot, status, "Why skipped (optional):")
        else:
            self.save(slot, status, "")

    def _ask(self, slot: DoseSlot, status: str, prompt: str) -> None:
        self.pending = (slot, status)
        self.query_one("#dose-prompt-label", Label).update(prompt)
        reason = self.query_one("#dose-reason", Input)
        reason.value = ""
        self.add_class("-asking")
        reason.focus()
        self.say("Enter saves; escape goes back without saving.")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.pending is not None:
            slot, status = self.pending
            self.save(slot, status, event.value)

    async def action_back(self) -> None:
        if self.pending is not None:
            self._close_prompt()
            self.say("Not saved.")
        else:
            await self.app.run_action("app.dashboard")

    def _close_prompt(self) -> None:
        self.pending = None
        self.remove_class("-asking")
        self.query_one(DoseTable).focus()

    def save(self, slot: DoseSlot, status: str, reason: str) -> None:
        """Validate through the registry and write in a store job; a refusal stays on the
        status line (and the prompt stays open with what was typed)."""
        data = {
            "medicine_id": slot.medicine_id,
            "date": self.day,
            "time": time_of_day(now_stamp()) if self.day == models.today().isoformat() else "",
            "status": status,
            "reason": reason,
        }
        try:
            entry = kind_named("dose").validate(data)
        except models.ValidationError as exc:
            self.say(f"Not saved: {exc.field}: {exc.message}", error=True)
            return
        self.saving = (slot, entry.as_row())
        self.tracker_app.save_entry(entry, reply_to=self)

    def on_entry_saved(self, message: EntrySaved) -> None:
        message.stop()
        if self.saving is None:
            return
        slot, row = self.saving
        self.saving = None
        if self.pending is not None:
            self._close_prompt()
        summary = describe_dose({**row, "medicine_name": slot.name, "unit": slot.unit})
        self.say(f"{summary} ({message.day}).")
        self.app.notify(f"{summary} ({message.day})", title="Dose logged")
        self._advance_from = slot.key
        self.tracker_app.data_changed()

    def on_store_failed(self, message: StoreFailed) -> None:
        """The write (or the read) failed: the App toasts it; the line says it here too."""
        self.saving = None
        self.say(f"{message.title}: {message.message}", error=True)

    def action_toggle_day(self) -> None:
        today = models.today()
        yesterday = (today - dt.timedelta(days=1)).isoformat()
        self.day = today.isoformat() if self.day == yesterday else yesterday
        self.on_today = self.day == today.isoformat()
        if self.pending is not None:
            self._close_prompt()
        self.loaded = False
        self.slots = []
        self.query_one(DoseTable).clear()
        self._show_title()
        self.load()

    def say(self, line: str, error: bool = False) -> None:
        status = self.query_one("#dose-status", Static)
        status.update(line)
        status.set_class(error, "-error")

    def status_line(self) -> str:
        """The status line's text (for tests)."""
        return str(self.query_one("#dose-status", Static).content)
