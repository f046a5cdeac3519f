"""Damaged data never ends the app: rows changed behind the store's back (an impossible date,
an out-of-range or non-numeric score, an unknown category or symptom) are read by every
screen; whatever the store or the analysis raises, the app says it in one line and goes on.

The store may raise `StoreError` naming the row ("pain row 17 has a damaged date ...; run
`tracker check`"), or hand the row on and let the analysis raise (ValueError, TypeError):
both end as a toast and, on History and Trends, a line on the screen.
"""

from __future__ import annotations

import sqlite3

import pytest
from textual.widgets import Input, Static
from tui_helpers import SIZE, db_fixtures, make_app, settle

from tracker.store import StoreError
from tracker.tui.messages import StoreFailed
from tracker.tui.screens.dashboard import DashboardScreen
from tracker.tui.screens.export import ExportScreen
from tracker.tui.screens.history import HistoryScreen
from tracker.tui.screens.trends import TrendsScreen

empty_db, sample_db = db_fixtures()

#: One kind of damage each; CHECK constraints are switched off for the scores.
DAMAGE = {
    "bad date": "UPDATE pain SET date = '2024-13-45' WHERE id = 1",
    "score out of range": "UPDATE pain SET average = 99 WHERE id = 2",
    "score not a number": "UPDATE pain SET worst = 'abc' WHERE id = (SELECT max(id) FROM pain)",
    "unknown symptom": "UPDATE pain SET symptoms = '[/b],[left foot]' WHERE id = 4",
    "bad logged_at": "UPDATE pain SET logged_at = 'yesterday-ish' WHERE id = 5",
    "bad category": "UPDATE exercise SET category = '[bold]x' "
    "WHERE id = (SELECT max(id) FROM exercise)",
    "bad minutes": "UPDATE exercise SET minutes = -5 WHERE id = 1",
    "session date": "UPDATE exercise SET date = 'not a day' WHERE id = 2",
}
PROBLEM = "Could not read the diary"


def damage(path, statement: str) -> None:
    """Change the file behind the store's back, as a broken tool or a bad disk would."""
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA ignore_check_constraints = 1")
    with connection:
        connection.execute(statement)
    connection.close()


def assert_one_line_notices(app) -> None:
    for notice in app.notices:
        assert notice and "\n" not in notice, notice
        assert "Traceback" not in notice


async def visit_every_screen(pilot) -> None:
    """Dashboard, history (and the edit form of its first row), trends, export."""
    app = pilot.app
    await settle(pilot)
    assert isinstance(app.screen, DashboardScreen)
    await pilot.press("h")
    await settle(pilot)
    history = app.screen
    assert isinstance(history, HistoryScreen)
    line = str(history.query_one("#history-filter", Static).render())
    assert line.startswith(("Showing", "Could not load the history: ")), line
    if history.current_row() is not None:
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is history
    await pilot.press("t")
    await settle(pilot)
    assert isinstance(app.screen, TrendsScreen)
    await pilot.press("4")  # all time: every row is read
    await settle(pilot)
    await pilot.press("x")
    await settle(pilot)
    assert isinstance(app.screen, ExportScreen)
    await pilot.press("ctrl+s")  # the daily table runs the analysis over every day
    await settle(pilot)
    line = str(app.screen.query_one("#export-status").render())
    assert line.startswith(("Wrote ", "Error: ")) and "\n" not in line, line


@pytest.mark.parametrize("kind", DAMAGE)
async def test_damaged_rows_never_end_the_app(sample_db, kind, isolated_home):
    damage(sample_db, DAMAGE[kind])
    app = make_app(sample_db)
    async with app.run_test(size=SIZE) as pilot:
        await visit_every_screen(pilot)
        assert app.is_running
        assert_one_line_notices(app)


async def test_an_impossible_date_is_named_in_one_line(sample_db, isolated_home, monkeypatch):
    """The worst case today: the analysis meets 2024-13-45 (a ValueError) on every screen.

    The same failed read is toasted once while its toast is up; the window is widened here so
    that a slow machine (visiting every screen can take longer than a toast shows) cannot
    make the test see the toast's second, legitimate, showing.
    """
    import tracker.tui.app as app_module

    monkeypatch.setattr(app_module, "FAILURE_SECONDS", 600.0)
    damage(sample_db, DAMAGE["bad date"])
    app = make_app(sample_db)
    async with app.run_test(size=SIZE) as pilot:
        await visit_every_screen(pilot)
        assert app.is_running
        problems = [notice for notice in app.notices if notice]
        assert problems, "the damage was read without a word"
        assert len(set(problems)) == len(problems)  # one toast per failure, not per screen
    assert_one_line_notices(app)


async def test_a_store_error_from_any_job_is_a_toast_and_a_status(empty_db):
    """The handler itself: a StoreError and a plain exception from a job, each one line."""
    app = make_app(empty_db)
    failures: list[StoreFailed] = []
    async with app.run_test(size=SIZE, message_hook=_keep(failures)) as pilot:
        await settle(pilot)
        await pilot.press("h")
        await settle(pilot)
        history = app.screen
        line = "pain row 17 has a damaged date '2024-13-45'; run `tracker check`"
        app.run_store_job(_raises(StoreError(line)), to=history, group="history")
        await settle(pilot)
        assert app.notices[-1] == line
        shown = str(history.query_one("#history-filter", Static).render())
        assert shown == f"Could not load the history: {line}"
        app.run_store_job(_raises(ValueError("month must be in 1..12\nsecond line")))
        await settle(pilot)
        assert app.notices[-1] == "ValueError: month must be in 1..12"
        assert app.is_running
    assert [f.title for f in failures] == [PROBLEM, PROBLEM]


@pytest.mark.parametrize(
    ("kind", "statement"),
    [
        ("exercise", "UPDATE exercise SET category = '[bold]x', minutes = 900 WHERE id = 1"),
        ("pain", "UPDATE pain SET worst = 'abc', average = 123, date = '2024-13-45' WHERE id = 1"),
    ],
)
async def test_a_damaged_row_opens_in_its_edit_form(sample_db, kind, statement):
    """Values no form would accept (the row as stored) open for editing without an error;
    saving then refuses them beside their fields, as for anything typed."""
    damage(sample_db, statement)
    row = raw_row(sample_db, kind, 1)
    app = make_app(sample_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_form(kind, row)
        await settle(pilot)
        form = app.screen
        assert form.query_one("#date", Input).value == row["date"]
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form and any(f.has_error for f in form.query("Field"))
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)


def raw_row(path, kind: str, entry_id: int) -> dict:
    """The row as stored, read past the store (which refuses damaged rows)."""
    connection = sqlite3.connect(path)
    connection.row_factory = sqlite3.Row
    row = dict(connection.execute(f"SELECT * FROM {kind} WHERE id = ?", (entry_id,)).fetchone())
    connection.close()
    if kind == "pain":
        row["symptoms"] = [s for s in row["symptoms"].split(",") if s]
    return row


def _raises(exc: Exception):
    def job(_store):
        raise exc

    return job


def _keep(failures: list):
    def hook(message) -> None:
        if isinstance(message, StoreFailed) and message not in failures:
            failures.append(message)

    return hook
