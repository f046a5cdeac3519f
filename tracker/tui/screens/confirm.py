"""A yes/no dialog for anything that cannot be undone; "no" is the default answer."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Static


class ConfirmScreen(ModalScreen[bool]):
    """Ask once; dismisses with True only on an explicit yes (the button or `y`)."""

    BLOCKS_NAVIGATION: ClassVar[bool] = True
    AUTO_FOCUS = "#cancel"
    BINDINGS = [
        Binding("y", "answer(True)", "Yes, delete"),
        Binding("n,escape", "answer(False)", "No, keep it"),
    ]

    def __init__(self, question: str, detail: str = "", confirm_label: str = "Delete") -> None:
        super().__init__(classes="confirm")
        self.question = question
        self.detail = detail
        self.confirm_label = confirm_label

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(self.question, id="question")
            yield Static(self.detail, id="detail")
            with Horizontal(id="buttons"):
                yield Button(f"{self.confirm_label} (y)", variant="error", id="confirm")
                yield Button("Keep it (n)", variant="primary", id="cancel")
        yield Footer()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "confirm")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
