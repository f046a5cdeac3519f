"""User text is text: notes, activities, places, typed dates and file names that look like Rich
markup are shown exactly as typed on every screen, and none of them ends the app.

Before: a note "[/b]" ended the app with a MarkupError when History opened, and "[left foot]"
vanished. Each test checks the screen as a person sees it (the text of the screenshot) and,
for the history table, the cells themselves.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from rich.text import Text
from textual.widgets import Input
from tui_helpers import (
    SIZE,
    TODAY,
    db_fixtures,
    make_app,
    rows,
    screen_text,
    settle,
    type_text,
)

from tracker.models import validate_exercise, validate_pain
from tracker.store import Store
from tracker.tui.app import exit_status
from tracker.tui.screens.confirm import ConfirmScreen, DiscardScreen, ReplaceScreen
from tracker.tui.screens.dashboard import DashboardScreen
from tracker.tui.screens.exercise_form import ExerciseForm
from tracker.tui.screens.export import ExportScreen
from tracker.tui.screens.history import HistoryScreen, HistoryTable
from tracker.tui.screens.pain_form import PainForm
from tracker.tui.screens.trends import TrendsScreen

empty_db, sample_db = db_fixtures()

#: Each would be parsed as markup somewhere: a stray close tag (MarkupError), a tag that eats
#: the text, a style, a link, an escape, and an action a click would run.
MARKUPS = (
    "[/b]",
    "[left foot]",
    "[bold red]x[/]",
    "[link=http://x]y[/link]",
    "\\[escaped",
    "[@click=app.quit]q[/]",
)


def markup_diary(path) -> None:
    """One pain entry and one session per markup string, every free-text field holding it."""
    day = TODAY
    pain, exercise = [], []
    for index, text in enumerate(MARKUPS):
        date = (day - dt.timedelta(days=index)).isoformat()
        at = {"date": date, "note": text}  # fixed write times: History shows them
        pain.append(
            validate_pain(at | {"average": 4, "locations": text, "logged_at": f"{date}T09:05"})
        )
        exercise.append(
            validate_exercise(at | {"activity": text, "minutes": 20, "logged_at": f"{date}T18:30"})
        )
    with Store.open(path) as store:
        store.add_many(pain, exercise)


async def open_history(pilot) -> HistoryScreen:
    await settle(pilot)
    await pilot.press("h")
    await settle(pilot)
    assert isinstance(pilot.app.screen, HistoryScreen)
    return pilot.app.screen


def assert_on_screen(app, *texts: str) -> None:
    shown = screen_text(app)
    for text in texts:
        assert text in shown, (text, shown)


async def test_history_shows_markup_verbatim(empty_db):
    markup_diary(empty_db)
    app = make_app(empty_db)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_history(pilot)
        table = screen.query_one(HistoryTable)
        assert table.row_count == 2 * len(MARKUPS)
        cells = [table.get_row_at(i) for i in range(table.row_count)]
        assert all(isinstance(cell, Text) and not cell.spans for row in cells for cell in row)
        notes = {row[4].plain for row in cells}
        assert notes == set(MARKUPS)
        summaries = {row[3].plain for row in cells}
        assert {f"{text} 20 min (other)" for text in MARKUPS} <= summaries
        assert_on_screen(app, *MARKUPS)
        assert isinstance(app.screen, HistoryScreen)


async def test_edit_form_and_delete_dialog_show_markup_verbatim(empty_db):
    markup_diary(empty_db)
    app = make_app(empty_db)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_history(pilot)
        first = screen.current_row()
        await pilot.press("delete")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        assert_on_screen(app, first.summary, first.note)
        await pilot.press("n")
        await settle(pilot)
        for _ in range(2):
            row = screen.current_row()
            await pilot.press("enter")
            await settle(pilot)
            form = app.screen
            assert isinstance(form, PainForm | ExerciseForm)
            assert form.query_one("#note", Input).value == row.note
            assert_on_screen(app, row.note)
            await pilot.press("escape")  # untouched: closes at once
            await settle(pilot)
            await pilot.press("down")
        assert isinstance(app.screen, HistoryScreen)
    assert len(rows(empty_db, "pain")) == len(MARKUPS)


async def test_typed_markup_in_a_field_error_is_shown_verbatim(empty_db):
    """A date typed as "[/b]" is refused under the field, quoting it exactly."""
    app = make_app(empty_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        app.screen.query_one("#date", Input).focus()
        await pilot.press("ctrl+a", "ctrl+k")
        await type_text(pilot, "[/b]")
        await settle(pilot)
        assert_on_screen(app, "not '[/b]'")
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, DiscardScreen)
        assert_on_screen(app, "Discard this entry?")
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)


async def test_a_logged_activity_in_markup_is_toasted_verbatim(empty_db):
    markup_diary(empty_db)
    app = make_app(empty_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        await type_text(pilot, "[")  # the suggestions are the past activities, verbatim
        await settle(pilot)
        await pilot.press("ctrl+a", "ctrl+k")
        await type_text(pilot, "[b]swim[/b] [left foot]")
        await pilot.press("tab")
        await type_text(pilot, "25")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        expected = f"[b]swim[/b] [left foot] 25 min (aerobic) ({TODAY.isoformat()})"
        assert expected in app.notices
        assert_on_screen(app, "[b]swim[/b] [left foot] 25 min")


async def test_trends_and_dashboard_survive_markup(empty_db):
    markup_diary(empty_db)
    app = make_app(empty_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert app.screen.data is not None
        await pilot.press("t")
        await settle(pilot)
        assert isinstance(app.screen, TrendsScreen)
        assert app.screen.data is not None
        await pilot.press("1")
        await settle(pilot)
        assert "Mean pain over the period: 4.0." in app.screen.words()
        screen_text(app)  # renders every chart


async def test_export_paths_in_markup_are_shown_verbatim(empty_db, tmp_path, monkeypatch):
    markup_diary(empty_db)
    app = make_app(empty_db)
    monkeypatch.chdir(tmp_path)  # a relative name: the dialog quotes it whole, unwrapped
    target = Path("[b]out[left foot].csv")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot)
        assert isinstance(app.screen, ExportScreen)
        app.screen.query_one("#export-path", Input).value = str(target)
        await pilot.press("ctrl+s")
        await settle(pilot)
        status = str(app.screen.query_one("#export-status").render())
        assert status == f"Wrote {len(MARKUPS)} rows of the daily table to {target}"
        await pilot.press("ctrl+s")  # again: it exists now
        await settle(pilot)
        assert isinstance(app.screen, ReplaceScreen)
        assert_on_screen(app, f"Replace {target}?")
        await pilot.press("n")
        await settle(pilot)
        missing = Path("[/b]") / "x.csv"
        app.screen.query_one("#export-path", Input).value = str(missing)
        await pilot.press("ctrl+s")
        await settle(pilot)
        status = str(app.screen.query_one("#export-status").render())
        assert status == f"Error: {missing.parent} is not an existing folder; create it first"
    assert (tmp_path / target).exists()


def test_a_crash_exits_with_status_1(empty_db):
    """Textual sets return_code 1 on an unhandled exception; run_app passes it on."""

    class Crashing(type(make_app(empty_db))):
        def on_ready(self) -> None:
            raise RuntimeError("a bug")

    class Quitting(type(make_app(empty_db))):
        def on_ready(self) -> None:
            self.exit()

    assert exit_status(Crashing(empty_db), headless=True, size=SIZE) == 1
    assert exit_status(Quitting(empty_db), headless=True, size=SIZE) == 0
