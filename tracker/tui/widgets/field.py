"""One labelled form field: the label, the control, a hint, and its error line underneath.

The forms validate through `tracker.models`; a ValidationError names a field, and the form
calls `show_error` on the Field of that name, so the message sits right under the value.
Every line here is shown verbatim (markup off): an error quotes what was typed ("[/b]" too).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Label


class Field(Vertical):
    """A label, a control and a hint on one row; an error line below, hidden while empty."""

    DEFAULT_CSS = """
    Field {
        height: auto;
        & > Horizontal { height: auto; }
        & .field-label { width: 24; padding-right: 1; color: $text-muted; }
        & .field-hint { width: 1fr; padding-left: 1; color: $text-muted; }
        & .field-error { color: $text-error; padding-left: 24; display: none; }
        &.-invalid .field-error { display: block; }
        &.-invalid .field-label { color: $text-error; }
    }
    """

    def __init__(self, name: str, label: str, control: Widget, hint: str = "") -> None:
        super().__init__(id=f"field-{name}")
        self.field_name = name
        self.control = control
        self._label = label
        self._hint = hint

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield Label(self._label, classes="field-label", markup=False)
            yield self.control
            yield Label(self._hint, classes="field-hint", markup=False)
        yield Label("", classes="field-error", markup=False)

    @property
    def error(self) -> str:
        """The error shown under the field ('' when none)."""
        return str(self.query_one(".field-error", Label).content) if self.has_error else ""

    @property
    def has_error(self) -> bool:
        return self.has_class("-invalid")

    def show_error(self, message: str) -> None:
        self.query_one(".field-error", Label).update(message)
        self.add_class("-invalid")

    def clear_error(self) -> None:
        self.remove_class("-invalid")

    def set_hint(self, hint: str) -> None:
        self.query_one(".field-hint", Label).update(hint)
