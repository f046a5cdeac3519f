"""A filled form asks before it is discarded: escape (or ctrl+q, or Quit in the palette) on a
pain or exercise form, new or edit, with any changed value asks "Discard this entry?"; an
untouched form just closes. (q types a q in a form: the App's plain keys stop at a modal.)"""

from __future__ import annotations

from textual.widgets import Footer, Input, Select, SelectionList
from textual.widgets._footer import FooterKey
from tui_helpers import SIZE, db_fixtures, make_app, rows, settle, type_text

from tracker.tui.screens.confirm import DiscardScreen
from tracker.tui.screens.dashboard import DashboardScreen
from tracker.tui.screens.exercise_form import ExerciseForm
from tracker.tui.screens.history import HistoryScreen
from tracker.tui.screens.pain_form import PainForm

empty_db, sample_db = db_fixtures()


def footer_texts(app) -> dict[str, str]:
    return {key.key: key.description for key in app.screen.query_one(Footer).query(FooterKey)}


async def press(pilot, *keys: str) -> None:
    await pilot.press(*keys)
    await settle(pilot)


async def test_untouched_new_forms_close_at_once(empty_db):
    app = make_app(empty_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for key, form_type in (("p", PainForm), ("e", ExerciseForm)):
            await press(pilot, key)
            assert isinstance(app.screen, form_type)
            assert not app.screen.changed
            await press(pilot, "escape")
            assert isinstance(app.screen, DashboardScreen)


async def test_untouched_edit_forms_close_at_once(sample_db):
    app = make_app(sample_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "h")
        seen = set()
        for _ in range(4):  # the newest rows hold both kinds
            await press(pilot, "enter")
            form = app.screen
            seen.add(type(form))
            assert not form.changed, form.collect()
            await press(pilot, "escape")
            assert isinstance(app.screen, HistoryScreen)
            await press(pilot, "down")
        assert seen == {PainForm, ExerciseForm}


async def test_a_changed_pain_form_asks_and_no_keeps_every_value(empty_db):
    app = make_app(empty_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "p")
        form = app.screen
        await type_text(pilot, "6")
        await press(pilot, "tab", "8")
        await press(pilot, "escape")
        assert isinstance(app.screen, DiscardScreen)
        assert "Discard this entry?" in str(app.screen.query_one("#question").render())
        assert footer_texts(app) == {"y": "Yes, discard", "n": "No, keep editing"}
        await press(pilot, "n")
        assert app.screen is form
        assert form.value("average") == "6" and form.value("worst") == "8"
        await press(pilot, "escape", "escape")  # escape on the question keeps editing too
        assert app.screen is form
        await press(pilot, "ctrl+s")  # still saves after the question
        assert isinstance(app.screen, DashboardScreen)
    [saved] = rows(empty_db, "pain")
    assert (saved["average"], saved["worst"]) == (6, 8)


async def test_yes_discards_and_writes_nothing(empty_db):
    app = make_app(empty_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "e")
        await type_text(pilot, "cycling")
        await press(pilot, "escape")
        assert isinstance(app.screen, DiscardScreen)
        await pilot.click("#confirm")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
    assert rows(empty_db, "exercise") == []


async def test_a_symptom_or_a_category_counts_as_a_change(empty_db):
    app = make_app(empty_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "p")
        app.screen.query_one("#symptoms", SelectionList).select("burning")
        await press(pilot, "escape")
        assert isinstance(app.screen, DiscardScreen)
        await press(pilot, "y", "e")
        app.screen.query_one("#category", Select).value = "strength"
        await press(pilot, "escape")
        assert isinstance(app.screen, DiscardScreen)
        await press(pilot, "y")
        assert isinstance(app.screen, DashboardScreen)


async def test_a_value_typed_and_put_back_is_no_change(sample_db):
    app = make_app(sample_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "h", "enter")
        form = app.screen
        average = form.query_one("#average", Input)
        original = average.value
        average.value = "0" if original != "0" else "1"
        assert form.changed
        average.value = original
        await press(pilot, "escape")
        assert isinstance(app.screen, HistoryScreen)


async def test_quitting_with_a_changed_form_asks_first(empty_db):
    app = make_app(empty_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "p")
        await type_text(pilot, "3")
        await press(pilot, "ctrl+q")
        assert isinstance(app.screen, DiscardScreen)
        assert "Discard this entry and quit?" in str(app.screen.query_one("#question").render())
        await press(pilot, "n")
        assert isinstance(app.screen, PainForm)
        await press(pilot, "ctrl+p")  # Quit from the command palette asks too
        await type_text(pilot, "quit")
        await press(pilot, "enter")
        assert isinstance(app.screen, DiscardScreen)
        await press(pilot, "y")
        assert not app.is_running
    assert rows(empty_db, "pain") == []


async def test_the_form_footer_names_the_escape_key(empty_db):
    app = make_app(empty_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "p")
        assert footer_texts(app).get("escape") == "Cancel"
