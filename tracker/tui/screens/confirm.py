"""Yes/no dialogs for anything that cannot be undone; "no" is the default answer.

The question and the detail quote what the person typed (an entry's summary, a file name), so
both are shown verbatim: markup off.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from tracker.tui.widgets.footer import KeyFooter


class ConfirmScreen(ModalScreen[bool]):
    """Ask once; dismisses with True only on an explicit yes (the button or `y`)."""

    BLOCKS_NAVIGATION: ClassVar[bool] = True
    AUTO_FOCUS = "#cancel"
    BINDINGS = [
        Binding("y", "answer(True)", "Yes, delete"),
        Binding("n,escape", "answer(False)", "No, keep it"),
    ]
    #: The buttons' words; subclasses change them with their BINDINGS' descriptions.
    CONFIRM_LABEL: ClassVar[str] = "Delete"
    KEEP_LABEL: ClassVar[str] = "Keep it"

    def __init__(self, question: str, detail: str = "", confirm_label: str | None = None) -> None:
        super().__init__(classes="confirm")
        self.question = question
        self.detail = detail
        self.confirm_label = confirm_label or self.CONFIRM_LABEL

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(self.question, id="question", markup=False)
            yield Static(self.detail, id="detail", markup=False)
            with Horizontal(id="buttons"):
                yield Button(f"{self.confirm_label} (y)", variant="error", id="confirm")
                yield Button(f"{self.KEEP_LABEL} (n)", variant="primary", id="cancel")
        yield KeyFooter()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "confirm")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class DiscardScreen(ConfirmScreen):
    """Leave a form whose values were changed? Escape (or n) goes back to the form."""

    BINDINGS = [
        Binding("y", "answer(True)", "Yes, discard"),
        Binding("n,escape", "answer(False)", "No, keep editing"),
    ]
    CONFIRM_LABEL = "Discard"
    KEEP_LABEL = "Keep editing"

    def __init__(self, noun: str, then: str = "") -> None:
        question = f"Discard this entry{then}?"
        super().__init__(question, f"What you typed in this {noun} form will be lost.")


class ReplaceScreen(ConfirmScreen):
    """Write over a file that already exists? Only an explicit yes replaces it."""

    BINDINGS = [
        Binding("y", "answer(True)", "Yes, replace"),
        Binding("n,escape", "answer(False)", "No, keep it"),
    ]
    CONFIRM_LABEL = "Replace"

    def __init__(self, path: str | Path) -> None:
        path = Path(path)
        # The name in the question, the whole path below it: a long folder would wrap it away.
        super().__init__(
            f"Replace {path.name}?",
            f"{path}\nalready exists; replacing it loses what it holds now.",
        )
