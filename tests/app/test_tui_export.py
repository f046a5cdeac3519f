"""The export dialog, on a minimal host app (not the real App): choices, the worker, errors."""

from __future__ import annotations

import csv
from pathlib import Path

from openpyxl import load_workbook
from textual.app import App
from textual.widgets import Input, Static

from tracker.exchange.csv_export import TABLES
from tracker.models import validate_exercise, validate_pain
from tracker.store import Store
from tracker.tui.app import TrackerApp
from tracker.tui.screens.confirm import ReplaceScreen
from tracker.tui.screens.export import LABELS, WORKBOOK, ExportScreen, default_path, export_filename

TODAY = "2024-06-30"


class Host(App[None]):
    """Just enough of the real App: a `db_path`, its one store worker path (`run_store_job`),
    and the dialog pushed on mount."""

    run_store_job = TrackerApp.run_store_job

    def __init__(self, db_path: Path) -> None:
        super().__init__()
        self.db_path = db_path

    def on_mount(self) -> None:
        self.push_screen(ExportScreen())


def diary(path: Path) -> Path:
    with Store.open(path) as store:
        store.add_many(
            [validate_pain({"date": f"2024-06-{d:02d}", "average": d % 10}) for d in (1, 2, 5)],
            [validate_exercise({"date": "2024-06-02", "activity": "walking", "minutes": 20})],
        )
    return path


def read_rows(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


async def finish(pilot) -> None:
    """Let the worker end and its message reach the screen (no fixed sleeps)."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def status(app: App) -> str:
    return str(app.screen.query_one("#export-status", Static).render())


async def test_default_export_writes_the_daily_table_to_home(db_path, isolated_home, monkeypatch):
    monkeypatch.setenv("TRACKER_TODAY", TODAY)
    app = Host(diary(db_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await finish(pilot)
        screen = app.screen
        assert isinstance(screen, ExportScreen)
        assert screen.query_one("#export-from", Input).placeholder == "2024-06-01 (first day)"
        assert screen.query_one("#export-path", Input).value == default_path("daily")
        await pilot.click("#export-run")
        await finish(pilot)
        target = isolated_home / f"tracker-export-{TODAY}-daily.csv"
        rows = read_rows(target)
        assert tuple(rows[0]) == TABLES["daily"] and len(rows) == 1 + 5
        assert status(app) == f"Wrote 5 rows of the daily table to {target}"


async def test_pick_table_range_and_path(db_path, tmp_path, monkeypatch):
    monkeypatch.setenv("TRACKER_TODAY", TODAY)
    app = Host(diary(db_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.click("#export-pain")
        await pilot.pause()
        path_input = app.screen.query_one("#export-path", Input)
        assert path_input.value == default_path("pain")  # follows the table until edited
        app.screen.query_one("#export-from", Input).value = "2024-06-02"
        app.screen.query_one("#export-to", Input).value = "2024-06-05"
        path_input.value = str(tmp_path)  # a folder: the default name goes inside it
        await pilot.click("#export-exercise")
        await pilot.pause()
        assert path_input.value == str(tmp_path)  # an edited path is kept
        await pilot.press("ctrl+s")
        await finish(pilot)
        target = tmp_path / f"tracker-export-{TODAY}-exercise.csv"
        rows = read_rows(target)
        assert rows[0][:4] == ["id", "date", "logged_at", "activity"]
        assert [row[1] for row in rows[1:]] == ["2024-06-02"]
        assert status(app).startswith("Wrote 1 row of the exercise table")


async def test_bad_range_and_unwritable_path_say_so_in_one_line(db_path, tmp_path):
    app = Host(diary(db_path))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        screen.query_one("#export-from", Input).value = "2024-06-05"
        screen.query_one("#export-to", Input).value = "2024-06-01"
        await pilot.click("#export-run")
        await finish(pilot)
        assert status(app).startswith("Error: to: 2024-06-01 is before")
        assert screen.query_one("#export-status").has_class("-error")
        screen.query_one("#export-to", Input).value = ""
        screen.query_one("#export-path", Input).value = str(tmp_path / "missing" / "x.csv")
        await pilot.press("ctrl+s")  # a second click within 0.2 s is ignored by Button
        await finish(pilot)
        missing = tmp_path / "missing"
        assert status(app) == f"Error: {missing} is not an existing folder; create it first"
        assert "\n" not in status(app)


async def test_missing_database_fails_in_the_dialog(tmp_path):
    app = Host(tmp_path / "absent.db")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.click("#export-run")
        await finish(pilot)
        assert status(app).startswith("Error: ") and "does not exist" in status(app)
        assert not (tmp_path / "absent.db").exists()


async def test_escape_closes_the_dialog(db_path):
    app = Host(diary(db_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await finish(pilot)
        assert isinstance(app.screen, ExportScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ExportScreen)


async def test_workbook_choice_writes_every_table_to_one_excel_file(
    db_path, isolated_home, monkeypatch
):
    monkeypatch.setenv("TRACKER_TODAY", TODAY)
    app = Host(diary(db_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await finish(pilot)
        await pilot.click("#export-workbook")
        await pilot.pause()
        path_input = app.screen.query_one("#export-path", Input)
        assert path_input.value == default_path(WORKBOOK) == f"~/tracker-export-{TODAY}.xlsx"
        await pilot.press("ctrl+s")
        await finish(pilot)
        target = isolated_home / f"tracker-export-{TODAY}.xlsx"
        assert status(app) == (
            f"Wrote a workbook to {target}: 5 daily, 3 pain, 1 exercise, 0 medicine, "
            "0 med_change, 0 dose, 0 side_effect, 0 symptom_rating rows, "
            "and the data dictionary"
        )
        book = load_workbook(target)
        assert book.sheetnames == [
            "daily",
            "pain",
            "exercise",
            "medicine",
            "med_change",
            "dose",
            "side_effect",
            "symptom_rating",
            "dictionary",
        ]
        assert next(book["pain"].iter_rows(min_row=2, values_only=True))[3] == 1
        # Again: the file is there, so the dialog asks; yes replaces it with a workbook.
        dialog = app.screen
        await pilot.press("ctrl+s")
        await finish(pilot)
        assert isinstance(app.screen, ReplaceScreen)
        await pilot.press("y")
        await finish(pilot)
        assert app.screen is dialog and status(app).startswith(f"Wrote a workbook to {target}")


async def test_a_csv_table_is_not_written_to_an_xlsx_name(db_path, tmp_path):
    app = Host(diary(db_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await finish(pilot)
        folder = tmp_path / "out"
        folder.mkdir()
        app.screen.query_one("#export-path", Input).value = str(folder / "visit.xlsx")
        await pilot.press("ctrl+s")
        await finish(pilot)
        assert status(app) == (
            'Error: visit.xlsx names an Excel file; choose "all (.xlsx)", or a .csv name'
        )
        assert list(folder.iterdir()) == []


def test_demo_names_say_demo(monkeypatch):
    monkeypatch.setenv("TRACKER_TODAY", TODAY)
    assert all(len(label) <= 13 for label in LABELS.values())  # fits 80 columns
    assert export_filename(WORKBOOK, demo=True) == f"tracker-DEMO-export-{TODAY}.xlsx"
    assert export_filename("pain", demo=True) == f"tracker-DEMO-export-{TODAY}-pain.csv"
