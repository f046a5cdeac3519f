"""History: every entry newest first, filtered by kind; edit with enter, delete after a yes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from textual import events
from textual.widgets import Input
from tui_helpers import SIZE, db_fixtures, make_app, rows, settle, type_text

from tracker.models import validate_exercise, validate_pain
from tracker.store import Store, page_after
from tracker.tui import data
from tracker.tui.screens.confirm import ConfirmScreen, DiscardScreen
from tracker.tui.screens.dashboard import DashboardScreen
from tracker.tui.screens.exercise_form import ExerciseForm
from tracker.tui.screens.history import MAX_ROWS, PAGE_SIZE, HistoryScreen, HistoryTable
from tracker.tui.screens.pain_form import PainForm

empty_db, sample_db = db_fixtures()


async def open_history(pilot) -> HistoryScreen:
    await settle(pilot)
    await pilot.press("h")
    await settle(pilot)
    assert isinstance(pilot.app.screen, HistoryScreen)
    return pilot.app.screen


def table_keys(screen: HistoryScreen) -> list[str]:
    return [key.value for key in screen.query_one(HistoryTable).rows]


async def test_history_lists_every_entry_newest_first(sample_db):
    app = make_app(sample_db)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_history(pilot)
        pain, exercise = rows(sample_db, "pain"), rows(sample_db, "exercise")
        keys = table_keys(screen)
        assert len(keys) == len(pain) + len(exercise)
        dates = [row.date for row in screen.visible_rows()]
        assert dates == sorted(dates, reverse=True)
        assert dates[0] == "2026-06-30"
        assert app.focused is screen.query_one(HistoryTable)


async def test_filter_cycles_all_pain_exercise(sample_db):
    app = make_app(sample_db)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_history(pilot)
        pain, exercise = rows(sample_db, "pain"), rows(sample_db, "exercise")
        await pilot.press("f")
        await pilot.pause()
        assert {k.split(":")[0] for k in table_keys(screen)} == {"pain"}
        assert len(table_keys(screen)) == len(pain)
        assert "pain entries only" in str(screen.query_one("#history-filter").content)
        await pilot.press("f")
        await pilot.pause()
        assert len(table_keys(screen)) == len(exercise)
        for _ in ("medicine", "med_change", "dose", "side_effect"):  # none in this diary
            await pilot.press("f")
            await pilot.pause()
            assert table_keys(screen) == []
        await pilot.press("f")
        await pilot.pause()
        assert len(table_keys(screen)) == len(pain) + len(exercise)


async def test_enter_edits_a_pain_entry_in_its_form(sample_db):
    app = make_app(sample_db)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_history(pilot)
        first = screen.current_row()
        assert first.kind == "pain"
        await pilot.press("enter")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, PainForm)
        assert form.query_one("#average", Input).value == str(first.row["average"])
        assert f"Edit pain #{first.entry_id}" in str(form.query_one("#form-title").content)
        await pilot.press("ctrl+a", "ctrl+k")
        await type_text(pilot, "1")
        await pilot.press("tab", "ctrl+a", "ctrl+k", "tab", "ctrl+a", "ctrl+k")
        await type_text(pilot, "0")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen
        stored = {r["id"]: r for r in rows(sample_db, "pain")}[first.entry_id]
        assert (stored["average"], stored["worst"], stored["least"]) == (1, None, 0)
        assert stored["logged_at"] == first.row["logged_at"]
        assert stored["symptoms"] == first.row["symptoms"]
        assert screen.current_row().entry_id == first.entry_id
        assert screen.current_row().summary.startswith("pain 1/10")


async def test_enter_edits_an_exercise_session(sample_db):
    app = make_app(sample_db)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_history(pilot)
        await pilot.press("down")
        session = screen.current_row()
        assert session.kind == "exercise"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ExerciseForm)
        await pilot.press("tab", "ctrl+a", "ctrl+k")
        await type_text(pilot, "55")
        await pilot.press("ctrl+s")
        await settle(pilot)
        stored = {r["id"]: r for r in rows(sample_db, "exercise")}[session.entry_id]
        assert stored["minutes"] == 55
        assert stored["activity"] == session.row["activity"]
        assert len(rows(sample_db, "exercise")) == len(table_keys(screen)) - len(
            rows(sample_db, "pain")
        )


async def test_escape_from_an_edit_changes_nothing(sample_db):
    before = rows(sample_db, "pain")
    app = make_app(sample_db)
    async with app.run_test(size=SIZE) as pilot:
        await open_history(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await type_text(pilot, "9")
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, DiscardScreen)  # a changed form asks first
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)
    assert rows(sample_db, "pain") == before


async def test_delete_asks_first_and_deletes_on_yes(sample_db):
    app = make_app(sample_db)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_history(pilot)
        await pilot.press("down", "down")
        target = screen.current_row()
        await pilot.press("delete")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        assert target.summary in str(app.screen.query_one("#detail").content)
        await pilot.press("y")
        await settle(pilot)
        assert app.screen is screen
        stored_ids = {r["id"] for r in rows(sample_db, target.kind)}
        assert target.entry_id not in stored_ids
        assert target.key not in table_keys(screen)


async def test_delete_cancelled_with_n_escape_or_the_default_button(sample_db):
    count = len(rows(sample_db, "pain"))
    app = make_app(sample_db)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_history(pilot)
        for answer in ("n", "escape", "enter"):  # enter presses the focused "Keep it"
            await pilot.press("delete")
            await settle(pilot)
            assert isinstance(app.screen, ConfirmScreen)
            await pilot.press(answer)
            await settle(pilot)
            assert app.screen is screen
    assert len(rows(sample_db, "pain")) == count


async def test_d_and_escape_return_to_the_dashboard(sample_db):
    app = make_app(sample_db)
    async with app.run_test(size=SIZE) as pilot:
        await open_history(pilot)
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert len(app.screen_stack) == 1
        await open_history(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)


async def test_logging_from_history_adds_the_row_and_keeps_history_open(sample_db):
    app = make_app(sample_db)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_history(pilot)
        count = len(table_keys(screen))
        await pilot.press("p")
        await settle(pilot)
        await type_text(pilot, "2")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen
        assert len(table_keys(screen)) == count + 1


@pytest.fixture(scope="module")
def long_diary(tmp_path_factory) -> Path:
    """3,000 entries over about four years, ties included, written in one add_many."""
    path = tmp_path_factory.mktemp("long") / "long.db"
    first = dt.date(2022, 8, 1)
    pain, exercise = [], []
    for offset in range(1500):
        day = (first + dt.timedelta(days=offset)).isoformat()
        stamp = f"{day}T{8 + offset % 3:02d}:00"  # a session often shares its entry's time
        pain.append(validate_pain({"date": day, "average": offset % 11, "logged_at": stamp}))
        session = {"date": day, "activity": "walking", "minutes": 20, "logged_at": stamp}
        exercise.append(validate_exercise(session))
    with Store.open(path) as store:
        store.add_many(pain, exercise)
    return path


async def test_a_long_history_pages_home_and_end_jump(long_diary, monkeypatch):
    """Pages of PAGE_SIZE, at most MAX_ROWS in the table and described; End reaches the oldest
    entry in one press and Home the newest; the cursor and the wheel load pages near either
    end, in the one order; a reload keeps the cursor on its entry."""
    monkeypatch.setenv("TRACKER_TODAY", "2026-09-30")
    described = []
    history_row = data._history_row
    monkeypatch.setattr(data, "_history_row", lambda *a: described.append(a) or history_row(*a))
    with Store.open(long_diary) as store:
        order = [f"{p.kind}:{p.row['id']}" for p in page_after(store, None, 10_000)]
    total = len(order)
    app = make_app(long_diary)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_history(pilot)
        table = screen.query_one(HistoryTable)
        line = lambda: str(screen.query_one("#history-filter").content)  # noqa: E731
        assert table_keys(screen) == order[:PAGE_SIZE]
        assert f"newest {PAGE_SIZE} of {total}; more below" in line()
        await pilot.press("end")  # one press, straight to the oldest page
        await settle(pilot)
        assert screen.current_row().key == order[-1]
        assert table_keys(screen) == order[-PAGE_SIZE:]
        assert f"oldest {PAGE_SIZE} of {total}; more above" in line()
        assert len(described) <= 2 * PAGE_SIZE + 2
        table.move_cursor(row=3)  # near the top: the newer page comes in above, same entry
        await settle(pilot)
        assert screen.current_row().key == order[-PAGE_SIZE + 3]
        assert table_keys(screen) == order[-2 * PAGE_SIZE :]
        await pilot.press("home")
        await settle(pilot)
        assert screen.current_row().key == order[0] and table_keys(screen) == order[:PAGE_SIZE]
        for _ in range(4):  # down through the diary: the farthest page is dropped
            table.move_cursor(row=table.row_count - 1)
            await settle(pilot)
        table.scroll_end(animate=False, immediate=True)  # the wheel loads the next one too
        await pilot.pause()
        table.post_message(events.MouseScrollDown(table, 1, 1, 0, 1, 0, False, False, False))
        await settle(pilot)
        keys = table_keys(screen)
        assert len(keys) == MAX_ROWS and keys == order[6 * PAGE_SIZE - MAX_ROWS : 6 * PAGE_SIZE]
        assert "loaded; more above and below" in line()
        await pilot.press("up")
        target = screen.current_row()
        app.data_changed("test")  # a reload keeps the cursor where it was, deep in the list
        await settle(pilot)
        assert screen.current_row().key == target.key and table_keys(screen) == keys
        assert table.row_count <= MAX_ROWS
        assert len(described) <= 12 * PAGE_SIZE  # pages read, never the whole diary
