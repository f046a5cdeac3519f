"""The export dialog never overwrites silently: an existing file is replaced only after a yes,
the diary and any SQLite file never, and the demo's files are named so that they can never be
taken for (or replace) an export of the real diary."""

from __future__ import annotations

import shutil
import sqlite3

from textual.widgets import Input
from tui_helpers import SIZE, TODAY, db_fixtures, make_app, settle

from tracker.tui.screens.confirm import ReplaceScreen
from tracker.tui.screens.export import ExportScreen, default_path

empty_db, sample_db = db_fixtures()

DAY = TODAY.isoformat()
OLD = "the doctor's copy, keep me\n"


async def open_export(pilot) -> ExportScreen:
    await settle(pilot)
    await pilot.press("x")
    await settle(pilot)
    assert isinstance(pilot.app.screen, ExportScreen)
    return pilot.app.screen


async def export_to(pilot, dialog: ExportScreen, path) -> str:
    """Type `path`, press ctrl+s, wait; the status line."""
    dialog.query_one("#export-path", Input).value = str(path)
    await pilot.press("ctrl+s")
    await settle(pilot)
    return status(dialog)


def status(dialog: ExportScreen) -> str:
    return str(dialog.query_one("#export-status").render())


async def test_an_existing_file_is_replaced_only_after_yes(sample_db, tmp_path):
    target = tmp_path / "out.csv"
    target.write_text(OLD)
    app = make_app(sample_db)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_export(pilot)
        await export_to(pilot, dialog, target)
        assert isinstance(app.screen, ReplaceScreen)
        assert str(app.screen.query_one("#question").render()) == "Replace out.csv?"
        assert str(app.screen.query_one("#detail").render()).startswith(f"{target}\n")
        await pilot.press("n")
        await settle(pilot)
        assert app.screen is dialog
        assert status(dialog) == f"Not exported: {target} is kept as it was."
        assert target.read_text() == OLD
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("escape")  # escape is no as well
        await settle(pilot)
        assert target.read_text() == OLD
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert status(dialog).startswith("Wrote 120 rows of the daily table to ")
    assert target.read_text(encoding="utf-8-sig").startswith("date,pain_avg")


async def test_the_diary_and_sqlite_files_are_refused_without_asking(sample_db, tmp_path):
    backup = tmp_path / "backup.db"
    shutil.copy(sample_db, backup)
    other = tmp_path / "other-program.sqlite"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    folder = tmp_path / "holder"
    (folder / f"tracker-export-{DAY}-daily.csv").mkdir(parents=True)
    before = {path: path.read_bytes() for path in (sample_db, backup, other)}
    app = make_app(sample_db)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_export(pilot)
        refusals = {
            sample_db: "is the diary database",
            backup: "is an SQLite database",
            other: "is an SQLite database",
            folder: "is a folder",  # the default name inside it is a folder
            tmp_path / "missing" / "x.csv": "is not an existing folder",
        }
        for path, words in refusals.items():
            line = await export_to(pilot, dialog, path)
            assert app.screen is dialog, path  # never a "Replace?" question
            assert line.startswith("Error: ") and words in line, (path, line)
            assert "\n" not in line
    assert {path: path.read_bytes() for path in before} == before


async def test_the_demo_suggests_a_demo_file_name(sample_db, isolated_home):
    real = isolated_home / f"tracker-export-{DAY}-daily.csv"
    real.write_text(OLD)
    app = make_app(sample_db, demo=True)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_export(pilot)
        path = dialog.query_one("#export-path", Input)
        assert path.value == f"~/tracker-DEMO-export-{DAY}-daily.csv"
        assert path.value == default_path("daily", demo=True)
        assert "DEMO" in str(dialog.query_one("#export-title").render())
        await pilot.click("#export-pain")
        await settle(pilot)
        assert path.value == f"~/tracker-DEMO-export-{DAY}-pain.csv"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert (isolated_home / f"tracker-DEMO-export-{DAY}-pain.csv").exists()
        await export_to(pilot, dialog, isolated_home)  # a folder: the demo name inside
        assert (isolated_home / f"tracker-DEMO-export-{DAY}-pain.csv").exists()
        assert isinstance(app.screen, ReplaceScreen)  # the demo's own file exists: it asks
    assert real.read_text() == OLD


async def test_the_diary_suggests_the_plain_name(sample_db, isolated_home):
    app = make_app(sample_db)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_export(pilot)
        assert dialog.query_one("#export-path", Input).value == f"~/tracker-export-{DAY}-daily.csv"
        assert "DEMO" not in str(dialog.query_one("#export-title").render())
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert (isolated_home / f"tracker-export-{DAY}-daily.csv").exists()


async def test_a_refusal_is_said_in_the_dialog_not_toasted(sample_db):
    """The export's failure comes back through the app's worker path as `StoreFailed`; the
    dialog says it in its status line and stops it there, so no toast repeats it."""
    app = make_app(sample_db)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_export(pilot)
        line = await export_to(pilot, dialog, sample_db)
        assert line.startswith("Error: ") and "is the diary database" in line
        assert not any("diary database" in notice for notice in app.notices)
