"""The app's medicines: the dose screen (m), History's medicine rows, the dashboard's dose line
and the regimen-change markers on the pain chart.

The diary is the 120-day sample with medicines (Paracetamol as needed, Pregabalin twice a day)
plus a medicine named "[bold]x[/]" (user text that must never become markup), started on
2026-06-10 and its dose raised on 2026-06-20; today's doses are not logged yet. It is built
once per module and copied for each test.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from textual.widgets import Input
from tui_helpers import TODAY, burst, make_app, rows, screen_text, settle, wait_until

from tracker.models.medicines import Dose, MedChange, Medicine
from tracker.sample import write_sample
from tracker.store import Store
from tracker.store.medicines import add_medicines
from tracker.tui.screens.doses import DosesScreen, DoseTable
from tracker.tui.screens.history import HistoryScreen
from tracker.tui.screens.medicine_forms import (
    DoseForm,
    MedChangeForm,
    MedicineForm,
    SideEffectForm,
)

pytestmark = pytest.mark.xdist_group("tui_medicines")

SMALL = (80, 24)
MARKUP_NAME = "[bold]x[/]"


@pytest.fixture(scope="module")
def meds_template(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("meds") / "meds.db"
    write_sample(path, days=120, seed=1, end=TODAY, medicines=True)
    with Store.open(path) as store:
        for row in store.rows("dose"):
            if row["date"] == TODAY.isoformat():
                store.delete("dose", row["id"])
        add_medicines(
            store,
            [Medicine(name=MARKUP_NAME, date="2026-06-10", unit="mg", form="tablet")],
            [
                MedChange(
                    medicine_id=1, change="start", date="2026-06-10", strength=10, doses_per_day=2
                ),
                MedChange(
                    medicine_id=1, change="dose", date="2026-06-20", strength=20, doses_per_day=2
                ),
                Dose(
                    medicine_id=1,
                    date="2026-06-29",
                    time="21:00",
                    status="taken",
                    logged_at="2026-06-29T21:00:00",
                ),
            ],
        )
    return path


@pytest.fixture
def meds_db(meds_template, tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("TRACKER_TODAY", TODAY.isoformat())
    path = tmp_path / "diary.db"
    shutil.copy(meds_template, path)
    return path


def todays_doses(path: Path) -> list[dict]:
    return [row for row in rows(path, "dose") if row["date"] == TODAY.isoformat()]


async def test_dose_screen_marks_taken_and_skipped_by_key(meds_db):
    app = make_app(meds_db)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, DosesScreen)
        shown = screen_text(app)
        assert MARKUP_NAME in shown and "Pregabalin" in shown and "Paracetamol" in shown
        assert [s.key for s in screen.slots][:3] == ["4:1", "4:2", "1:0"]  # "[bold]x[/]" first

        # t: the highlighted dose ("[bold]x[/]" 1 of 2) taken at once; the cursor moves on.
        await pilot.press("t")
        await settle(pilot)
        (taken,) = todays_doses(meds_db)
        assert (taken["medicine_id"], taken["status"], taken["reason"]) == (4, "taken", None)
        assert taken["time"]
        assert any(n.startswith(f"{MARKUP_NAME} taken at ") for n in app.notices)
        assert screen.current_slot().key == "4:2"
        # t again on a logged dose is refused in words.
        await pilot.press("up", "t")
        assert "already logged taken" in screen.status_line()

        # s asks why (optional); enter saves the skip with the reason.
        await pilot.press("down", "s")
        assert isinstance(app.focused, Input)
        await pilot.press(*"nausea", "enter")
        await settle(pilot)
        skipped = [r for r in todays_doses(meds_db) if r["status"] == "skipped"]
        assert [(r["medicine_id"], r["reason"]) for r in skipped] == [(4, "nausea")]
        assert "✗ skipped" in screen_text(app)

        # The cursor went on to the next dose due (Pregabalin), past the as-needed line.
        assert screen.current_slot().key == "3:1"
        # The as-needed line: s is refused, t asks for the reason, then saves.
        await pilot.press("up")
        assert screen.current_slot().status == "as_needed"
        await pilot.press("s")
        assert "no dose due to skip" in screen.status_line()
        await pilot.press("t", *"headache", "enter")
        await settle(pilot)
        paracetamol = [r for r in todays_doses(meds_db) if r["medicine_id"] == 1]
        assert [(r["status"], r["reason"]) for r in paracetamol] == [("taken", "headache")]
        assert "taken 1 today" in screen_text(app)

        # A refusal: a reason over the limit is named on the status line, nothing written.
        await pilot.press("up", "t")
        screen.query_one("#dose-reason", Input).value = "y" * 600
        await pilot.press("enter")
        await settle(pilot)
        assert screen.status_line().startswith("Not saved: reason:")
        assert len(todays_doses(meds_db)) == 3
        await pilot.press("escape")  # closes the prompt, stays on the screen
        assert isinstance(app.screen, DosesScreen)

        # Typed without pauses: s and a reason with letters that are keys elsewhere (q quits,
        # b imports, h opens History) all reach the prompt, and enter saves that reason.
        screen.query_one(DoseTable).focus()
        await pilot.press("down")
        assert screen.current_slot().key == "3:1"
        burst(app, ["s", *"quite busy, had tea", "enter"])
        await settle(pilot)
        assert isinstance(app.screen, DosesScreen)
        latest = todays_doses(meds_db)[-1]
        assert (latest["medicine_id"], latest["status"], latest["reason"]) == (
            3,
            "skipped",
            "quite busy, had tea",
        )

        # ctrl+y: yesterday's list, where "[bold]x[/]" 1 of 2 was taken at 21:00.
        await pilot.press("ctrl+y")
        await settle(pilot)
        assert "Monday 29 June 2026 (yesterday)" in screen_text(app)
        assert (screen.slots[0].key, screen.slots[0].status) == ("4:1", "taken")


async def test_history_lists_edits_and_refuses_a_referenced_medicine(meds_db):
    app = make_app(meds_db)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("h")
        await settle(pilot)
        history = app.screen
        assert isinstance(history, HistoryScreen)
        assert {"medicine", "med_change", "dose", "side_effect"} <= {r.kind for r in history.rows}
        while history.kind_filter != "dose":
            await pilot.press("f")
        await settle(pilot)
        row = history.current_row()
        assert row is not None and row.kind == "dose"
        assert MARKUP_NAME in row.summary  # the newest dose: "[bold]x[/]" taken on the 29th, 21:00
        assert MARKUP_NAME in screen_text(app)

        await pilot.press("enter")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, DoseForm)
        await pilot.press("tab", "tab", "tab")  # status -> time -> amount -> reason
        assert app.focused is form.query_one("#reason", Input)
        await pilot.press(*"late", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)
        edited = next(r for r in rows(meds_db, "dose") if r["id"] == row.entry_id)
        assert edited["reason"] == "late" and edited["status"] == "taken"
        assert any(MARKUP_NAME in n for n in app.notices)

        # Each medicine kind opens its own form from History (and escape closes it).
        for kind, form_type in (
            ("side_effect", SideEffectForm),
            ("med_change", MedChangeForm),
            ("medicine", MedicineForm),
        ):
            history.kind_filter = kind  # as f does, without refilling every filter on the way
            await settle(pilot)
            await pilot.press("enter")
            await settle(pilot)
            assert isinstance(app.screen, form_type), kind
            await pilot.press("escape")
            await settle(pilot)
            assert app.screen is history

        # A medicine that doses refer to is not deleted: one line says why.
        before = len(rows(meds_db, "medicine"))
        await pilot.press("delete", "y")
        await settle(pilot)
        assert len(rows(meds_db, "medicine")) == before
        assert await wait_until(pilot, lambda: any("referred to" in n for n in app.notices))
        assert app.notices[-1].startswith("medicine #4 is still referred to by 2 medicine changes")


async def test_dashboard_shows_todays_doses_and_the_regimen_markers(meds_db):
    app = make_app(meds_db)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        shown = screen_text(app)
        assert "Doses today: 0 of 4 taken.  m: log doses" in shown
        assert f"20 Jun {MARKUP_NAME} dose up" in shown  # the chart's legend, verbatim
        assert f"10 Jun {MARKUP_NAME} started" in shown

        # A damaged regimen change: the dose line says so; the cards (another job's) stand.
        connection = sqlite3.connect(meds_db)
        connection.execute("PRAGMA ignore_check_constraints = 1")
        with connection:
            connection.execute("UPDATE med_change SET change = '[b]?' WHERE id = 1")
        connection.close()
        app.data_changed()
        await settle(pilot)
        shown = screen_text(app)
        assert "Doses today: not read (med_change row 1" in shown
        assert "not read" not in shown.replace("Doses today: not read", "")
        assert sum("med_change row 1" in n for n in app.notices) == 1


def test_dose_screen_80x24(snap_compare, meds_db):
    async def run_before(pilot) -> None:
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        await pilot.press("down", "down", "s")  # s on the as-needed line: refused in words

    assert snap_compare(make_app(meds_db), terminal_size=SMALL, run_before=run_before)


def test_dashboard_with_regimen_markers_80x24(snap_compare, meds_db):
    async def run_before(pilot) -> None:
        await settle(pilot)

    assert snap_compare(make_app(meds_db), terminal_size=SMALL, run_before=run_before)
