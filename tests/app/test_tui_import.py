"""The import dialog (key m): preview another app's file, then import it, in the real App."""

from __future__ import annotations

import shutil
from pathlib import Path

from textual.widgets import Button, Input, Static
from tui_helpers import db_fixtures, make_app, settle

from tracker.store import Store
from tracker.tui.screens.import_dialog import ImportScreen

FILES = Path(__file__).parent.parent / "unit" / "import_files"
SMALL = (80, 24)

empty_db, sample_db = db_fixtures()


def preview_text(app) -> str:
    return str(app.screen.query_one("#import-preview", Static).render())


def status(app) -> str:
    return str(app.screen.query_one("#import-status", Static).render())


def sessions(path: Path) -> list[dict]:
    with Store.open(path) as store:
        return store.exercise_rows()


async def type_path(pilot, text: str) -> None:
    await pilot.press("m")
    await settle(pilot)
    assert isinstance(pilot.app.screen, ImportScreen)
    pilot.app.screen.query_one("#import-path", Input).value = text
    await settle(pilot)


async def test_preview_then_import(empty_db, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    hostile = '4300,"Oct 14, 2020, 8:00:00 AM",[b]x,[/b] knees,,600,0,,,false,,,600,,,,,,\n'
    text = (FILES / "strava_activities.csv").read_text(encoding="utf-8") + hostile
    (tmp_path / "strava.csv").write_text(text, encoding="utf-8")
    app = make_app(empty_db)
    async with app.run_test(size=SMALL) as pilot:
        await type_path(pilot, "missing.csv")
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert status(app) == "Error: missing.csv does not exist"
        await type_path(pilot, "strava.csv")
        run = app.screen.query_one("#import-run", Button)
        assert run.disabled
        await pilot.press("ctrl+s")  # no preview yet: nothing imported
        await settle(pilot)
        assert sessions(empty_db) == []
        await pilot.press("ctrl+r")
        await settle(pilot)
        text = preview_text(app)
        assert "would import 6 exercise sessions. Nothing was written." in text
        assert "[/b] knees 1" in text  # an unknown type from the file, shown as text
        assert "strava.csv line 4: lasted 12 h 0 min" in text
        assert sessions(empty_db) == [] and not run.disabled
        await pilot.click("#import-run")
        await settle(pilot)
        stored = sessions(empty_db)
        assert len(stored) == 6 and {row["source"] for row in stored} == {"strava"}
        assert status(app).startswith("Imported 6 exercise sessions from strava.csv")
        assert run.disabled  # a second import needs a new preview
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert "would import 0 exercise sessions" in preview_text(app)
        assert "Already in the diary (not added again): 6" in preview_text(app)
        assert run.disabled


def test_import_dialog_preview_80x24(snap_compare, empty_db, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copy(FILES / "garmin_activities.csv", tmp_path / "garmin.csv")

    async def run_before(pilot) -> None:
        await type_path(pilot, "garmin.csv")
        await pilot.press("ctrl+r")
        await settle(pilot)

    assert snap_compare(make_app(empty_db), terminal_size=SMALL, run_before=run_before)
