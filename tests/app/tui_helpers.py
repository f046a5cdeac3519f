"""Shared pieces of the TUI tests: real databases in tmp_path, a fixed clock, waiting helpers.

Every test runs the real app on a real SQLite file; nothing is mocked below the App. Waiting
is on workers or on a condition in short steps, never one long sleep.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import time
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest
from textual import events

from tracker.sample import write_sample
from tracker.store import Store
from tracker.tui.app import TrackerApp

TODAY = dt.date(2026, 6, 30)
SIZE = (100, 32)


def _fixed_today(monkeypatch) -> dt.date:
    monkeypatch.setenv("TRACKER_TODAY", TODAY.isoformat())
    return TODAY


def _empty_db(tmp_path, monkeypatch) -> Path:
    _fixed_today(monkeypatch)
    path = tmp_path / "diary.db"
    Store.open(path).close()
    return path


def _sample_db(tmp_path, monkeypatch) -> Path:
    _fixed_today(monkeypatch)
    path = tmp_path / "sample.db"
    write_sample(path, days=120, seed=1, end=TODAY)
    return path


def db_fixtures():
    """The fixtures `empty_db` (a new, empty diary) and `sample_db` (120 seeded days ending on
    TODAY), both with the clock frozen on TODAY (2026-06-30, a Tuesday).

    Used as `empty_db, sample_db = db_fixtures()` in a test module: importing fixtures by name
    would trip the linter's redefinition check, and `pytest_plugins` outside the root conftest
    cannot assert-rewrite a module the test file also imports.
    """
    return (
        pytest.fixture(name="empty_db")(_empty_db),
        pytest.fixture(name="sample_db")(_sample_db),
    )


def make_app(path: Path, demo: bool = False) -> TrackerApp:
    """The app with the cursor blink off (screens are the same on every run); every
    notification's text is also kept in `app.notices` for the test to read."""
    app = TrackerApp(path, demo=demo)
    app.cursor_blink = False
    app.notices = []
    notify = app.notify

    def recording_notify(message, *args, **kwargs):
        app.notices.append(str(message))
        return notify(message, *args, **kwargs)

    app.notify = recording_notify
    return app


async def settle(pilot) -> None:
    """Let pending messages run and every worker finish, twice over (a reply can start more)."""
    for _ in range(2):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def wait_until(pilot, condition: Callable[[], bool], timeout: float = 3.0) -> bool:
    """Poll `condition` in 20 ms steps until it holds or `timeout` seconds pass."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        await pilot.pause(0.02)
    return condition()


async def type_text(pilot, text: str) -> None:
    """Type `text` key by key into the focused widget."""
    for char in text:
        await pilot.press("space" if char == " " else char)


def rows(path: Path, kind: str) -> list[dict]:
    """The stored rows of one kind, read through a separate Store (as another process would)."""
    with Store.open(path) as store:
        return store.rows(kind)


def burst(app, keys: Iterable[str]) -> None:
    """Queue every key at once, as a fast typist (or a busy app) delivers them: no key waits
    for the one before it to be handled, unlike `pilot.press`, which idles after each key."""
    for key in keys:
        char = {"tab": "\t", "space": " ", "enter": "\r"}.get(key, key if len(key) == 1 else None)
        app.post_message(events.Key(key, char))


_SVG_TEXT = re.compile(
    r'<text [^>]*?x="([\d.]+)"[^>]*?textLength="([\d.]+)"'
    r'[^>]*?clip-path="url\(#[\w-]*?line-(\d+)\)"[^>]*>([^<]*)</text>'
)


def screen_lines(app) -> list[str]:
    """The screen as a person sees it, one string per terminal line, read from the screenshot
    SVG (each run of text is placed at its column: blank runs are not drawn as text there)."""
    lines: dict[int, list[str]] = {}
    for x, length, number, raw in _SVG_TEXT.findall(app.export_screenshot()):
        text = html.unescape(raw).replace("\xa0", " ")
        cell = float(length) / max(len(text), 1)
        column = round(float(x) / cell) if cell else 0
        line = lines.setdefault(int(number), [])
        line.extend(" " * (column + len(text) - len(line)))
        line[column : column + len(text)] = text
    return ["".join(lines.get(n, [])).rstrip() for n in range(max(lines, default=-1) + 1)]


def screen_text(app) -> str:
    """Every line of the screen, joined with newlines."""
    return "\n".join(screen_lines(app))
