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
    #: Handled before the focused widget (F1 in a form): never a key that types text.
    priority: bool = False


ACTIONS: tuple[AppAction, ...] = (
    AppAction("p", "log_pain", "Pain", "Log pain", "Record a pain rating (0-10) for today"),
    AppAction("e", "log_exercise", "Exercise", "Log exercise", "Record an exercise session"),
    AppAction("h", "history", "History", "History", "Every entry, newest first: edit or delete"),
    AppAction("t", "trends", "Trends", "Trends", "Pain and exercise over time"),
    AppAction("g", "guide", "Guide", "Guide", "What the research says about exercise and pain"),
    AppAction("x", "export", "Export", "Export", "Write your diary to a CSV file"),
    AppAction(
        "m",
        "import_sessions",
        "Import",
        "Import exercise",
        "Exercise from Strava, Garmin, Apple Health, GPX, TCX or FIT",
        show=False,
    ),
    AppAction(
        "r",
        "report",
        "Report",
        "PDF report",
        "The PDF report for a clinic visit: a one-page summary, then the detail",
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
    AppAction(
        "i",
        "info",
        "About",
        "About this diary",
        "Where the diary is, its size, entries, last check and backup",
        show=False,
    ),
    AppAction(
        "f1",
        "help",
        "Keys",
        "Keys",
        "Every key of this screen and what it does",
        show=False,
        priority=True,
    ),
    AppAction("q", "quit", "Quit", "Quit", "Close the app (everything is already saved)"),
)
#: A second key for the key list: `?` (F1 is the first; a [keys] override moves only F1).
HELP_SECOND_KEY = "question_mark"
#: Keys an override may not take: focus moves, the palette, quit and the forms' own keys.
RESERVED_KEYS = frozenset(
    {"tab", "shift+tab", "ctrl+p", "ctrl+c", "ctrl+q", "escape", "enter", "ctrl+s", "ctrl+y"}
)
MODIFIERS = ("ctrl", "alt", "shift", "meta", "super", "hyper")
NAMED_KEYS = frozenset(
    {"home", "end", "insert", "delete", "pageup", "pagedown", "up", "down", "left", "right"}
    | {"space", "backspace", "tab", "escape", "enter"}
    | {f"f{n}" for n in range(1, 25)}
)


def app_bindings() -> list[Binding]:
    """The App's key bindings, one per action; each binding's id is its action's name, so a
    [keys] override in the settings (Textual's keymap) moves it."""
    bindings = [
        Binding(
            a.key, a.action, a.footer, show=a.show, tooltip=a.help, id=a.action, priority=a.priority
        )
        for a in ACTIONS
    ]
    help_action = next(a for a in ACTIONS if a.action == "help")
    bindings.append(Binding(HELP_SECOND_KEY, "help", "Keys", show=False, tooltip=help_action.help))
    return bindings


def key_name(key: str) -> str | None:
    """`key` as Textual names it ("?" -> "question_mark", "Ctrl+L" -> "ctrl+l"), or None
    when it is not one key (with optional modifiers) that a terminal can send."""
    from textual.keys import _character_to_key

    *modifiers, base = key.strip().split("+")
    if any(m.lower() not in MODIFIERS for m in modifiers) or len(set(modifiers)) < len(modifiers):
        return None
    if len(base) == 1 and base.isprintable() and not base.isspace():
        base = _character_to_key(base.lower() if modifiers else base)
    elif base.lower() in NAMED_KEYS:
        base = base.lower()
    else:
        return None
    return "+".join([*(m.lower() for m in modifiers), base])


def check_key_overrides(keys: dict[str, str]) -> tuple[dict[str, str], list[str]]:
    """The [keys] table's overrides that can be applied, and a short line for each refused:
    an unknown action, a string that is not a key, a reserved key, or a key another action
    already has (its default key or an earlier override)."""
    by_action = {a.action: a for a in ACTIONS}
    taken = {a.key: a.action for a in ACTIONS if a.action not in keys}
    taken[HELP_SECOND_KEY] = "help"
    valid: dict[str, str] = {}
    problems: list[str] = []
    for action, key in keys.items():
        name = key_name(key)
        if action not in by_action:
            problems.append(f"keys.{action}: no such action (the actions: {', '.join(by_action)})")
        elif name is None:
            problems.append(f"keys.{action}: {key!r} is not a key name (e.g. f2, ctrl+l, a)")
        elif name in RESERVED_KEYS:
            problems.append(f"keys.{action}: {key!r} is reserved")
        elif by_action[action].priority and "+" not in name and name not in NAMED_KEYS:
            problems.append(f"keys.{action}: {key!r} types text; choose an F key or ctrl+KEY")
        elif taken.get(name, action) != action:
            problems.append(f"keys.{action}: {key!r} is already the key of {taken[name]}")
        else:
            valid[action] = name
            taken[name] = action
    return valid, problems


def key_label(key: str) -> str:
    """A key as the footer and the key list show it."""
    from textual.keys import format_key

    return format_key(key)


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
        Binding(a.key, f"app.{a.action}", a.footer, show=False, tooltip=a.help, id=a.action)
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
