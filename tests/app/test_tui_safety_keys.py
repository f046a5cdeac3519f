"""Keys go where the person sent them: a burst of keys, with no pause for the app to catch up,
fills each field with exactly what was typed for it.

`burst` queues every key at once (a fast typist, a paste through the terminal, or an app busy
with a reload); `pilot.press` idles after each key and is checked too. Before the App moved
focus on Tab itself, "5", tab, "4" gave "Pain before 54".
"""

from __future__ import annotations

import time

from textual.widgets import Input, Select, SelectionList
from tui_helpers import SIZE, burst, db_fixtures, make_app, rows, settle

from tracker.tui.app import TrackerApp
from tracker.tui.screens.confirm import ConfirmScreen, DiscardScreen, ReplaceScreen
from tracker.tui.screens.dashboard import DashboardScreen
from tracker.tui.screens.exercise_form import ExerciseForm
from tracker.tui.screens.export import ExportScreen
from tracker.tui.screens.form import EntryForm
from tracker.tui.screens.pain_form import PainForm

empty_db, sample_db = db_fixtures()

PAIN_SCORES = {
    "average": "5",
    "worst": "7",
    "least": "3",
    "sleep_interference": "2",
    "activity_interference": "4",
    "enjoyment_interference": "6",
}


def typed(text: str) -> list[str]:
    """The keys that type `text`."""
    return ["space" if char == " " else char for char in text]


def pain_keys() -> list[str]:
    """Every pain field from the first, each followed by tab: scores, two symptoms, the words."""
    keys: list[str] = []
    for value in PAIN_SCORES.values():
        keys += [*typed(value), "tab"]
    keys += ["space", "down", "space", "tab"]  # burning and tingling
    keys += [*typed("both feet"), "tab", *typed("after a walk"), "tab"]
    return keys


def exercise_keys() -> list[str]:
    return [
        *typed("walking"), "tab", *typed("35"), "tab", "4", "tab", "6", "tab", "3", "tab",
        *typed("flat route"), "tab",
    ]  # fmt: skip


def form_values(form) -> dict[str, str]:
    return {widget.id: widget.value for widget in form.query(Input)}


def assert_pain_form_filled(form: PainForm) -> None:
    values = form_values(form)
    for name, value in PAIN_SCORES.items():
        assert values[name] == value, (name, values)
    assert values["locations"] == "both feet"
    assert values["note"] == "after a walk"
    assert form.query_one("#symptoms", SelectionList).selected == ["burning", "tingling"]
    assert form.focused.id == "date"


def assert_exercise_form_filled(form: ExerciseForm) -> None:
    values = form_values(form)
    expected = {"activity": "walking", "minutes": "35", "rpe": "4", "note": "flat route"}
    expected |= {"pain_before": "6", "pain_after": "3"}
    assert {name: values[name] for name in expected} == expected
    assert form.focused.id == "date"


async def open_form(pilot, key: str):
    await pilot.press(key)
    await settle(pilot)
    return pilot.app.screen


async def test_a_burst_through_the_pain_form_fills_each_field(empty_db):
    app = make_app(empty_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        form = await open_form(pilot, "p")
        burst(app, pain_keys())
        await settle(pilot)
        assert_pain_form_filled(form)
        await pilot.press("ctrl+s")
        await settle(pilot)
        [saved] = rows(empty_db, "pain")
        assert (saved["average"], saved["worst"], saved["least"]) == (5, 7, 3)
        assert saved["symptoms"] == ["burning", "tingling"]
        assert saved["note"] == "after a walk"


async def test_a_burst_through_the_exercise_form_fills_each_field(empty_db):
    app = make_app(empty_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        form = await open_form(pilot, "e")
        burst(app, exercise_keys())
        await settle(pilot)
        assert_exercise_form_filled(form)
        await pilot.press("tab", "enter", "down", "down", "enter")  # the category select
        await settle(pilot)
        assert form.query_one("#category", Select).value != Select.NULL


async def test_pressing_keys_in_one_call_fills_each_field(empty_db):
    app = make_app(empty_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        form = await open_form(pilot, "p")
        await pilot.press(*pain_keys())
        await settle(pilot)
        assert_pain_form_filled(form)
        await pilot.press("escape", "y")
        await settle(pilot)
        form = await open_form(pilot, "e")
        await pilot.press(*exercise_keys())
        await settle(pilot)
        assert_exercise_form_filled(form)


async def test_enter_and_corrections_in_a_burst_stay_in_their_field(empty_db):
    """Enter moves on like tab; backspace, arrows and shift+tab act on the field they hit."""
    app = make_app(empty_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        form = await open_form(pilot, "p")
        burst(app, ["5", "enter", "4", "tab", "1"])
        burst(app, ["shift+tab", "backspace", "7", "enter", "backspace", "2", "left", "3"])
        await settle(pilot)
        values = form_values(form)
        assert (values["average"], values["worst"], values["least"]) == ("5", "7", "32")


async def test_a_burst_right_after_start_up_on_a_busy_app(sample_db):
    """The first form, opened while the dashboard is still loading a 120-day sample, with the
    main thread stalled for a moment while the keys arrive (a slow terminal, a busy laptop)."""
    app = make_app(sample_db)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p")  # no settle: the dashboard's worker is still reading
        form = app.screen
        assert isinstance(form, PainForm)
        app.call_next(lambda: time.sleep(0.3))
        app.data_changed()  # every screen reloads while the keys are queued
        burst(app, pain_keys())
        await settle(pilot)
        assert_pain_form_filled(form)
        await pilot.press("escape", "y")
        await settle(pilot)
        form = await open_form(pilot, "e")
        app.call_next(lambda: time.sleep(0.3))
        app.data_changed()
        burst(app, exercise_keys())
        await settle(pilot)
        assert_exercise_form_filled(form)


async def test_tab_still_moves_through_the_other_screens(sample_db):
    """The App's priority tab is focus_next everywhere: history, the export dialog's table
    choice (a RadioSet, arrows inside it), and a dialog's buttons."""
    app = make_app(sample_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("tab")
        assert app.focused is not None  # the tip list
        await pilot.press("x")
        await settle(pilot)
        assert isinstance(app.screen, ExportScreen)
        assert app.focused.id == "export-table"
        burst(app, ["right", "space", "tab", "tab", "tab"])
        await settle(pilot)
        assert app.focused.id == "export-path"
        assert app.screen.table == "pain"
        await pilot.press("shift+tab")
        assert app.focused.id == "export-to"
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)


def test_every_binding_of_the_app_forms_and_dialogs_has_a_description():
    for owner in (TrackerApp, EntryForm, ConfirmScreen, DiscardScreen, ReplaceScreen, ExportScreen):
        for binding in owner.BINDINGS:
            assert binding.description, (owner.__name__, binding.key)
    priority = {b.key: b.action for b in TrackerApp.BINDINGS if b.priority}
    # F1 (the key list) works inside forms too; it types no text, so it takes nothing from a field.
    assert priority == {"tab": "focus_next", "shift+tab": "focus_previous", "f1": "help"}
