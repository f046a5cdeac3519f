"""The app's actions, written once: the App's key bindings and the command palette read this.

Each action has a short footer label (the footer must fit 80 columns) and a longer palette
title and help line, so a key is discoverable both ways and a test can check both.
"""

from __future__ import annotations

from functools import partial
from typing import NamedTuple

from textual.binding import Binding, BindingType
from textual.command import DiscoveryHit, Hit, Hits, Provider


class AppAction(NamedTuple):
    """One app-wide action: its key, the `action_` name, and the words shown for it."""

    key: str
    action: str
    footer: str
    title: str
    help: str
    show: bool = True


ACTIONS: tuple[AppAction, ...] = (
    AppAction("p", "log_pain", "Pain", "Log pain", "Record a pain rating (0-10) for today"),
    AppAction("e", "log_exercise", "Exercise", "Log exercise", "Record an exercise session"),
    AppAction("h", "history", "History", "History", "Every entry, newest first: edit or delete"),
    AppAction("t", "trends", "Trends", "Trends", "Pain and exercise over time"),
    AppAction("g", "guide", "Guide", "Guide", "What the research says about exercise and pain"),
    AppAction("x", "export", "Export", "Export", "Write your diary to a CSV file"),
    AppAction(
        "r",
        "report",
        "Report",
        "PDF report",
        "Write the one-page summary for a clinic visit (PDF), the detail after it",
        show=False,
    ),
    AppAction("d", "dashboard", "Home", "Dashboard", "Today at a glance and the last 30 days"),
    AppAction(
        "ctrl+t",
        "toggle_theme",
        "Theme",
        "Toggle light/dark theme",
        "Switch between the light and the dark colour theme",
        show=False,
    ),
    AppAction("q", "quit", "Quit", "Quit", "Close the app (everything is already saved)"),
)


def app_bindings() -> list[Binding]:
    """The App's key bindings, one per action."""
    return [Binding(a.key, a.action, a.footer, show=a.show, tooltip=a.help) for a in ACTIONS]


def focus_bindings() -> list[Binding]:
    """Tab and shift+tab, handled by the App itself before any key is passed on.

    The App hands each key to the focused widget's queue; a Tab handled there (the Screen's
    own binding) moves focus only when that queue gets to it, so the digit typed right after
    was already queued for the previous field ("5", tab, "4" gave "54"). A priority binding
    moves focus as the Tab arrives, and the next key goes to the new field. No widget we use
    needs Tab itself (Input, Select, SelectionList, RadioSet, DataTable and OptionList all
    move on with it).
    """
    return [
        Binding("tab", "focus_next", "Next field", show=False, priority=True),
        Binding("shift+tab", "focus_previous", "Previous field", show=False, priority=True),
    ]


def quiet_bindings(*actions: str) -> list[BindingType]:
    """The same keys, still working but left out of the footer, for a screen that lists its own.

    A screen's binding for a key comes before the App's in the chain, so the footer shows this
    silent one: at 80 columns there is no room for every app key next to the screen's keys.
    """
    return [
        Binding(a.key, f"app.{a.action}", a.footer, show=False, tooltip=a.help)
        for a in ACTIONS
        if a.action in actions
    ]


class TrackerCommands(Provider):
    """The command palette's list of the app's actions (the same table as the key bindings)."""

    async def discover(self) -> Hits:
        for item in ACTIONS:
            yield DiscoveryHit(self._label(item), self._runner(item), item.title, item.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for item in ACTIONS:
            score = matcher.match(f"{item.title} {item.help}")
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(self._label(item)),
                    self._runner(item),
                    item.title,
                    item.help,
                )

    @staticmethod
    def _label(item: AppAction) -> str:
        return f"{item.title} ({item.key})"

    def _runner(self, item: AppAction):
        return partial(self.app.run_action, item.action)
