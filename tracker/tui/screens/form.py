"""What the pain and exercise forms share: the day line, save/cancel, errors beside fields.

A form validates with `tracker.models` (so it refuses exactly what the CLI refuses), hands a
valid entry to `app.save_entry`, and closes only when the worker reports `EntrySaved`: if the
write fails (a locked file), the form stays open with everything the user typed. Leaving a
form whose values were changed (escape, ctrl+q, Quit in the palette) asks first; an
untouched one just closes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import ClassVar

from textual import on
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import Checkbox, Header, Input, Static

from tracker import models
from tracker.kinds import kind_named
from tracker.models import Entry
from tracker.tui.messages import EntrySaved, StoreFailed
from tracker.tui.screens.base import TrackerModal
from tracker.tui.screens.confirm import DiscardScreen
from tracker.tui.widgets.field import Field
from tracker.tui.widgets.footer import KeyFooter
from tracker.tui.widgets.own_keys import FormCheckbox, FormInput

#: ValidationError.field -> the form field that shows it, where the two names differ.
FIELD_ALIASES = {"symptom": "symptoms"}


def score_input(name: str, value: object = None) -> Input:
    """A compact 0-10 input that takes digits only (so 11 is typed and refused, 'x' is not)."""
    return FormInput(
        "" if value is None else str(value),
        id=name,
        restrict=r"[0-9]*",
        max_length=2,
        compact=True,
        classes="score",
    )


def text_input(name: str, value: object = None, placeholder: str = "") -> Input:
    return FormInput("" if value is None else str(value), placeholder, id=name, compact=True)


def for_doctor_box(value: object = None) -> Checkbox:
    """The "for the doctor" tick: the report lists this entry's note for the visit."""
    return FormCheckbox("note for the visit", bool(value), id="for_doctor", compact=True)


def day_words(text: str) -> tuple[str, str]:
    """('Tuesday 30 June 2026', 'today') for a date the user typed, or ('', problem)."""
    try:
        iso = models.parse_date(text)
    except models.ValidationError as exc:
        return "", exc.message
    day = dt.date.fromisoformat(iso)
    offset = (models.today() - day).days
    relative = {0: "today", 1: "yesterday"}.get(offset, f"{offset} days ago")
    return f"{day:%A} {day.day} {day:%B %Y}", relative


class EntryForm(TrackerModal[EntrySaved]):
    """A full-screen form for one entry; subclasses name their kind and lay out its fields.

    The kind (`tracker.kinds`) gives the validator, so a form refuses exactly what the CLI
    and import refuse.
    """

    BLOCKS_NAVIGATION: ClassVar[bool] = True
    #: The registered kind this form logs ("pain").
    KIND: ClassVar[str] = ""
    #: The word in the title and the discard question ("Log pain").
    NOUN: ClassVar[str] = ""
    BINDINGS = [
        Binding("ctrl+s", "save", "Save"),
        Binding("escape", "cancel", "Cancel", tooltip="Close; asks first if anything changed"),
        Binding("ctrl+y", "toggle_day", "Today/yesterday"),
        # Priority for the reason tab is (commands.focus_bindings): the next key must not
        # reach the field that enter just left.
        Binding("enter", "next_field", "Next field", show=False, priority=True),
    ]

    def __init__(self, row: dict | None = None) -> None:
        super().__init__(classes="entry-form")
        self.row = row
        self.entry_id: int | None = row["id"] if row else None
        self.saving = False
        self._initial: dict | None = None  # the values as the form opened (see `changed`)

    # ---- subclasses ------------------------------------------------------------------------
    def compose_fields(self) -> Iterable[Widget]:
        raise NotImplementedError

    def compose_after_date(self) -> Iterable[Widget]:
        """Fields that come after the date in tab order (none by default)."""
        return ()

    def collect(self) -> dict:
        """The raw values as typed, keyed by models field name."""
        raise NotImplementedError

    def validate(self, data: dict) -> Entry:
        """The kind's validator (`tracker.kinds`): ValidationError names a field."""
        return kind_named(self.KIND).validate(data)

    def live_check(self, name: str, value: str) -> None:
        """Check one field as it is typed; raise ValidationError to show a problem early."""

    # ---- layout ----------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="form-box"):
            # markup off: the title quotes the stored row, the day line the typed date
            yield Static(self._title(), id="form-title", markup=False)
            yield Static(id="form-day", markup=False)
            with VerticalScroll(id="form-fields"):
                yield from self.compose_fields()
                yield Field(
                    "date",
                    "Date",
                    self._date_input(),
                    "YYYY-MM-DD, today or yesterday",
                )
                yield from self.compose_after_date()
                if "for_doctor" in kind_named(self.KIND).flags:
                    yield Field(
                        "for_doctor",
                        "For the doctor",
                        for_doctor_box(self.initial("for_doctor")),
                        "space ticks: on the report",
                    )
        yield KeyFooter()

    def _date_input(self) -> Input:
        date_input = text_input("date", self.initial("date") or models.today().isoformat())
        date_input.add_class("date")
        return date_input

    def _title(self) -> str:
        if self.entry_id is None:
            return f"Log {self.NOUN}"
        logged = ((self.row or {}).get("logged_at") or "?").replace("T", " ")[:16]
        return f"Edit {self.NOUN} #{self.entry_id} (logged {logged})"

    def on_mount(self) -> None:
        for widget in self.query(Input):
            widget.cursor_blink = getattr(self.app, "cursor_blink", True)
        self._show_day()
        self._initial = self.collect()

    @property
    def changed(self) -> bool:
        """True when any value differs from the one the form opened with."""
        return self._initial is not None and self.collect() != self._initial

    def initial(self, name: str):
        """The value a field starts with: the edited row's, or None for a new entry."""
        return self.row.get(name) if self.row else None

    def value(self, name: str) -> str:
        return self.query_one(f"#{name}", Input).value

    def ticked(self, name: str) -> bool:
        return self.query_one(f"#{name}", Checkbox).value

    def field(self, name: str) -> Field:
        return self.query_one(f"#field-{FIELD_ALIASES.get(name, name)}", Field)

    # ---- the day ---------------------------------------------------------------------------
    def _show_day(self) -> None:
        words, relative = day_words(self.value("date"))
        label = self.query_one("#form-day", Static)
        label.set_class(relative == "yesterday", "-yesterday")
        if not words:
            label.update(f"For: ? ({relative})")
        else:
            other = "today" if relative == "yesterday" else "yesterday"
            label.update(f"For: {words} ({relative})    ctrl+y: {other}")

    def action_toggle_day(self) -> None:
        """Today <-> yesterday: for the rating logged after midnight."""
        date_input = self.query_one("#date", Input)
        _, relative = day_words(date_input.value)
        target = models.today() - dt.timedelta(days=0 if relative == "yesterday" else 1)
        date_input.value = target.isoformat()

    # ---- typing ----------------------------------------------------------------------------
    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        name = event.input.id or ""
        if name == "date":
            self._show_day()
        field = self.field(name)
        field.clear_error()
        if event.value.strip():
            try:
                self.live_check(name, event.value)
            except models.ValidationError as exc:
                field.show_error(exc.message)

    def action_next_field(self) -> None:
        """Enter in a text field moves on, like tab: the form is saved with ctrl+s, never by
        accident. Elsewhere (the symptom list, the category select) enter does its usual job."""
        if not isinstance(self.focused, Input):
            raise SkipAction()
        self.focus_next()

    # ---- saving ----------------------------------------------------------------------------
    def action_save(self) -> None:
        if self.saving:
            return
        for field in self.query(Field):
            field.clear_error()
        data = self.collect()
        if self.row:
            data["logged_at"] = self.row.get("logged_at")
        try:
            entry = self.validate(data)
        except models.ValidationError as exc:
            self.show_error(exc.field, exc.message)
            return
        self.saving = True
        self.tracker_app.save_entry(entry, self.entry_id, reply_to=self)

    def show_error(self, name: str, message: str) -> None:
        """Show `message` under the field `name` and put the cursor there."""
        field = self.field(name)
        field.show_error(message)
        field.control.focus()

    def on_entry_saved(self, message: EntrySaved) -> None:
        message.stop()
        self.dismiss(message)

    def on_store_failed(self, message: StoreFailed) -> None:
        """The write failed: keep the form open; the App shows the message."""
        self.saving = False

    def action_cancel(self) -> None:
        """Close; a form with changes asks "Discard this entry?" first (no is the default)."""
        if self.changed:
            self.confirm_discard(lambda: self.dismiss(None))
        else:
            self.dismiss(None)

    def confirm_discard(self, then: Callable[[], object], quitting: bool = False) -> None:
        """Ask whether to throw the typed values away; run `then` only on a yes."""

        def answered(yes: bool | None) -> None:
            if yes:
                then()

        words = " and quit" if quitting else ""
        self.app.push_screen(DiscardScreen(self.NOUN, words), answered)
