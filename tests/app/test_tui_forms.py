"""Logging from the app: the pain and exercise forms write what the CLI would, refuse what it
refuses (the message shown under the field), and write nothing on cancel or on a bad value."""

from __future__ import annotations

from textual.widgets import Input, Select, SelectionList
from tui_helpers import SIZE, db_fixtures, make_app, rows, settle, type_text

from tracker import models
from tracker.store import Store
from tracker.tui.screens.confirm import DiscardScreen
from tracker.tui.screens.dashboard import DashboardScreen
from tracker.tui.screens.exercise_form import ExerciseForm
from tracker.tui.screens.pain_form import PainForm
from tracker.tui.widgets.field import Field

empty_db, sample_db = db_fixtures()


def field(app, name: str) -> Field:
    return app.screen.query_one(f"#field-{name}", Field)


async def open_pain_form(pilot) -> PainForm:
    await settle(pilot)
    await pilot.press("p")
    await settle(pilot)
    assert isinstance(pilot.app.screen, PainForm)
    return pilot.app.screen


async def test_log_pain_scores_and_symptoms(empty_db):
    app = make_app(empty_db)
    async with app.run_test(size=SIZE) as pilot:
        form = await open_pain_form(pilot)
        assert app.focused.id == "average"
        await type_text(pilot, "5")
        await pilot.press("tab")
        await type_text(pilot, "7")
        await pilot.press("tab")
        await type_text(pilot, "3")
        await pilot.press("tab", "tab", "tab", "tab")
        assert app.focused is form.query_one(SelectionList)
        await pilot.press("space", "down", "space")
        await pilot.press("tab")
        await type_text(pilot, "both feet")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        [saved] = rows(empty_db, "pain")
        assert (saved["average"], saved["worst"], saved["least"]) == (5, 7, 3)
        assert saved["symptoms"] == ["burning", "tingling"]
        assert saved["locations"] == "both feet"
        assert saved["date"] == "2026-06-30"
        assert "5/10" in str(app.screen.query_one("#card-pain").content)


async def test_enter_moves_to_the_next_field_without_saving(empty_db):
    app = make_app(empty_db)
    async with app.run_test(size=SIZE) as pilot:
        await open_pain_form(pilot)
        await type_text(pilot, "4")
        await pilot.press("enter")
        await settle(pilot)
        assert app.focused.id == "worst"
        assert rows(empty_db, "pain") == []


async def test_out_of_range_score_is_shown_beside_the_field_and_nothing_is_saved(empty_db):
    app = make_app(empty_db)
    async with app.run_test(size=SIZE) as pilot:
        form = await open_pain_form(pilot)
        await type_text(pilot, "11")
        await pilot.pause()
        assert field(app, "average").error == "must be from 0 to 10, not 11"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form
        assert field(app, "average").has_error
        assert rows(empty_db, "pain") == []


async def test_letters_cannot_be_typed_into_a_score(empty_db):
    app = make_app(empty_db)
    async with app.run_test(size=SIZE) as pilot:
        form = await open_pain_form(pilot)
        await type_text(pilot, "x5")
        assert form.query_one("#average", Input).value == "5"


async def test_missing_average_and_bad_order_are_refused_in_the_cli_words(empty_db):
    app = make_app(empty_db)
    async with app.run_test(size=SIZE) as pilot:
        form = await open_pain_form(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert field(app, "average").error == "is required (a whole number from 0 to 10)"
        await type_text(pilot, "6")
        await pilot.press("tab")
        await type_text(pilot, "4")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form
        assert field(app, "worst").error == "worst (4) must not be below average (6)"
        assert app.focused.id == "worst"
        assert rows(empty_db, "pain") == []


async def test_escape_cancels_and_writes_nothing(empty_db):
    app = make_app(empty_db)
    async with app.run_test(size=SIZE) as pilot:
        await open_pain_form(pilot)
        await type_text(pilot, "5")
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, DiscardScreen)  # a changed form asks first
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert rows(empty_db, "pain") == []


async def test_ctrl_y_switches_between_today_and_yesterday(empty_db):
    app = make_app(empty_db)
    async with app.run_test(size=SIZE) as pilot:
        form = await open_pain_form(pilot)
        day_line = form.query_one("#form-day")
        assert "Tuesday 30 June 2026 (today)" in str(day_line.content)
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert form.query_one("#date", Input).value == "2026-06-29"
        assert "Monday 29 June 2026 (yesterday)" in str(day_line.content)
        assert day_line.has_class("-yesterday")
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert form.query_one("#date", Input).value == "2026-06-30"
        await pilot.press("ctrl+y")
        await type_text(pilot, "3")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert [r["date"] for r in rows(empty_db, "pain")] == ["2026-06-29"]


async def test_a_future_date_is_refused_under_the_date(empty_db):
    app = make_app(empty_db)
    async with app.run_test(size=SIZE) as pilot:
        form = await open_pain_form(pilot)
        await type_text(pilot, "5")
        form.query_one("#date", Input).value = "2026-07-02"  # 07-01: today in a zone ahead
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "in the future" in field(app, "date").error
        assert rows(empty_db, "pain") == []


async def test_a_failed_write_keeps_the_form_and_what_was_typed(empty_db):
    app = make_app(empty_db)
    async with app.run_test(size=SIZE) as pilot:
        form = await open_pain_form(pilot)
        await type_text(pilot, "5")
        empty_db.unlink()  # the file vanished (a moved folder, an unmounted disk)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form
        assert form.query_one("#average", Input).value == "5"
        assert not form.saving
        assert any("does not exist" in notice for notice in app.notices)


# ---- exercise -------------------------------------------------------------------------------
async def open_exercise_form(pilot) -> ExerciseForm:
    await settle(pilot)
    await pilot.press("e")
    await settle(pilot)
    assert isinstance(pilot.app.screen, ExerciseForm)
    return pilot.app.screen


async def test_log_exercise_infers_the_category(empty_db):
    app = make_app(empty_db)
    async with app.run_test(size=SIZE) as pilot:
        await open_exercise_form(pilot)
        assert app.focused.id == "activity"
        await type_text(pilot, "walking")
        await pilot.pause()
        assert "aerobic (inferred)" in str(field(app, "activity").query_one(".field-hint").content)
        for value in ("30", "4", "6", "4"):
            await pilot.press("tab")
            await type_text(pilot, value)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        [saved] = rows(empty_db, "exercise")
        assert (saved["activity"], saved["minutes"], saved["category"]) == (
            "walking",
            30,
            "aerobic",
        )
        assert (saved["rpe"], saved["pain_before"], saved["pain_after"]) == (4, 6, 4)
        assert "30 min" in str(app.screen.query_one("#card-exercise").content)


async def test_the_category_can_be_overridden(empty_db):
    app = make_app(empty_db)
    async with app.run_test(size=SIZE) as pilot:
        form = await open_exercise_form(pilot)
        await type_text(pilot, "paddleboarding")
        await pilot.pause()
        assert "other (inferred)" in str(field(app, "activity").query_one(".field-hint").content)
        form.query_one("#category", Select).value = "aerobic"
        await pilot.pause()
        assert "aerobic (your choice)" in str(
            field(app, "activity").query_one(".field-hint").content
        )
        await pilot.press("tab")
        await type_text(pilot, "40")
        await pilot.press("ctrl+s")
        await settle(pilot)
        [saved] = rows(empty_db, "exercise")
        assert (saved["activity"], saved["category"]) == ("paddleboarding", "aerobic")


async def test_a_near_miss_is_questioned_as_it_is_typed(empty_db):
    app = make_app(empty_db)
    async with app.run_test(size=SIZE) as pilot:
        await open_exercise_form(pilot)
        await type_text(pilot, "walkng")
        await pilot.pause()
        hint = str(field(app, "activity").query_one(".field-hint").content)
        assert hint == 'category: other (inferred); did you mean "walking"?'
        await type_text(pilot, " lunges")
        await pilot.pause()
        hint = str(field(app, "activity").query_one(".field-hint").content)
        assert hint == "category: strength (inferred)"


async def test_exercise_refusals(empty_db):
    app = make_app(empty_db)
    async with app.run_test(size=SIZE) as pilot:
        form = await open_exercise_form(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert field(app, "activity").error.startswith("must not be empty")
        await type_text(pilot, "walking")
        await pilot.press("tab")
        await type_text(pilot, "0")
        await pilot.pause()
        assert field(app, "minutes").error == "must be from 1 to 600, not 0"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form
        assert rows(empty_db, "exercise") == []


async def test_activity_suggestions_include_the_users_own(empty_db):
    with Store.open(empty_db) as store:
        store.add(models.validate_exercise({"activity": "Aqua jogging", "minutes": 20}))
    app = make_app(empty_db)
    async with app.run_test(size=SIZE) as pilot:
        form = await open_exercise_form(pilot)
        await type_text(pilot, "aq")
        await pilot.pause(0.2)
        await pilot.press("right")  # accepts the suggestion, as in a shell
        assert form.query_one("#activity", Input).value == "Aqua jogging"
        await pilot.press("ctrl+a", "ctrl+k")
        await type_text(pilot, "tai")
        await pilot.pause(0.2)
        await pilot.press("right")
        assert form.query_one("#activity", Input).value == "tai chi"
