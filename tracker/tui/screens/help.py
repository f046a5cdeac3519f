"""The key list (F1 or ?): every key of the screen it was opened on, with what it does.

Built from that screen's active bindings (its own, its focused widget's and the App's, as
Textual resolves them, [keys] overrides included), so it can never disagree with the keys
that really work. A modal: escape, F1, ? or q closes it.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Static

from tracker.tui.screens.base import TrackerModal

#: Bindings Textual adds for itself that say nothing a person can use here (copying selected
#: text, ctrl+c's "press ctrl+q to quit" hint; the palette gets its own line).
SKIPPED_ACTIONS = frozenset({"help_quit", "command_palette", "screen.copy_text"})
#: Textual's own words for its focus keys, said as the app says them.
WORDS = {"app.focus_next": "Next field", "app.focus_previous": "Previous field"}


def screen_keys(screen: Screen) -> list[tuple[str, str]]:
    """(key as shown, what it does) for each enabled binding of `screen` and of the App, the
    screen's own first. The focused widget's editing keys (an Input's cursor moves, a table's
    scrolling) are the widget's business and are left out."""
    keys: dict[str, list[str]] = {}  # what it does -> its keys, in the order met
    everything = screen.active_bindings.values()
    own = [b for b in everything if b.node is screen]
    app = [b for b in everything if b.node is screen.app]
    for active in [*own, *app]:
        binding = active.binding
        words = WORDS.get(binding.action) or active.tooltip or binding.tooltip
        words = words or binding.description
        if not active.enabled or not words or binding.action in SKIPPED_ACTIONS:
            continue
        shown = screen.app.get_key_display(binding)
        if shown not in keys.setdefault(words, []):
            keys[words].append(shown)
    keys["The command palette: every action, searchable"] = ["^p"]
    return [(", ".join(shown), words) for words, shown in keys.items()]


def screen_name(screen: Screen) -> str:
    """The screen's name for the list's title: "DashboardScreen" -> "dashboard",
    "PainForm" -> "pain form"."""
    import re

    name = type(screen).__name__.removesuffix("Screen")
    return " ".join(re.findall(r"[A-Z][a-z]*|[a-z]+", name)).lower() or "this screen"


class HelpScreen(TrackerModal[None]):
    """A modal listing `rows` of (key, what it does)."""

    CSS_PATH = "help.tcss"
    BINDINGS = [
        Binding("escape", "close", "Close"),
        Binding("f1", "close", "Close", show=False),
        Binding("question_mark", "close", "Close", show=False),
        Binding("q", "close", "Close", show=False),
    ]

    def __init__(self, rows: list[tuple[str, str]], title: str) -> None:
        super().__init__(id="help-screen")
        self.rows = rows
        self.title_text = title

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box"):
            yield DataTable(id="help-keys", cursor_type="none", zebra_stripes=True)
            yield Static(Text("escape closes this list"), id="help-close")

    def on_mount(self) -> None:
        self.query_one("#help-box").border_title = f"Keys on the {self.title_text}"
        table = self.query_one(DataTable)
        table.add_columns("Key", "What it does")
        for key, words in self.rows:
            table.add_row(Text(key, style="bold"), Text(words))
        table.focus()

    def action_close(self) -> None:
        self.dismiss(None)
