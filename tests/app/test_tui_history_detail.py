"""History at 80 columns: each row's time of day, and the highlighted entry's full note
(every line, verbatim, never markup) in the detail pane under the table."""

from __future__ import annotations

import datetime as dt

import pytest
from rich.text import Text
from textual.widgets import Static
from tui_helpers import TODAY, db_fixtures, make_app, settle

from tracker.models import validate_exercise, validate_pain
from tracker.store import Store
from tracker.tui.screens.history import HistoryScreen, HistoryTable, time_of_day

empty_db, sample_db = db_fixtures()
SMALL = (80, 24)
#: Markup that would be bold or vanish if parsed, on two lines.
NOTE = "[b]x[/b] [left foot]\nsecond line: [/] stays"


def noted_diary(path) -> None:
    """A pain entry with a two-line markup note (logged 21:07) and an earlier walk without one."""
    day = TODAY.isoformat()
    pain = validate_pain(
        {"date": day, "average": 6, "locations": "feet", "note": NOTE, "logged_at": f"{day}T21:07"}
    )
    walk = validate_exercise(
        {"date": day, "activity": "walking", "minutes": 25, "logged_at": f"{day}T08:40"}
    )
    with Store.open(path) as store:
        store.add_many([pain], [walk])


@pytest.mark.parametrize(
    ("stamp", "expected"),
    [
        ("2026-06-30T21:07:00", "21:07"),  # stored today: local, no offset
        ("2026-06-30T21:07", "21:07"),
        ("garbage", ""),
        ("", ""),
    ],
)
def test_time_of_day_reads_the_stored_form(stamp, expected):
    assert time_of_day(stamp) == expected


def test_time_of_day_shows_a_stamp_with_an_offset_in_local_time():
    moment = dt.datetime(2026, 6, 30, 18, 15, tzinfo=dt.UTC)
    local = moment.astimezone().strftime("%H:%M")
    assert time_of_day("2026-06-30T18:15:00+00:00") == local
    assert time_of_day("2026-06-30T18:15:00Z") == local
    assert time_of_day("2026-06-30T20:15:00+02:00") == local


async def open_history(pilot) -> HistoryScreen:
    await settle(pilot)
    await pilot.press("h")
    await settle(pilot)
    assert isinstance(pilot.app.screen, HistoryScreen)
    return pilot.app.screen


def detail_text(screen: HistoryScreen) -> Text:
    content = screen.query_one("#history-detail", Static).content
    assert isinstance(content, Text)  # never a str: a str would be parsed as markup
    return content


async def test_the_detail_pane_follows_the_cursor_with_the_note_verbatim(empty_db):
    noted_diary(empty_db)
    app = make_app(empty_db)
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_history(pilot)
        table = screen.query_one(HistoryTable)
        assert [table.get_row_at(i)[1].plain for i in range(2)] == ["21:07", "08:40"]
        shown = detail_text(screen).plain
        assert shown.startswith(f"{TODAY.isoformat()} 21:07  ") and shown.endswith(NOTE)
        await pilot.press("down")
        await pilot.pause()
        shown = detail_text(screen).plain
        assert "08:40" in shown and "walking" in shown and shown.endswith("No note.")


def test_history_with_a_note_80x24(snap_compare, empty_db):
    """The note in the detail pane, both lines, markup shown as typed; times in the table."""
    noted_diary(empty_db)

    async def run_before(pilot) -> None:
        await open_history(pilot)

    assert snap_compare(make_app(empty_db), terminal_size=SMALL, run_before=run_before)
