"""The report dialog (key r): the PDF written through the app's store worker, replace asked."""

from __future__ import annotations

import pypdf
from textual.widgets import Input, Static
from tui_helpers import SIZE, TODAY, db_fixtures, make_app, settle, type_text

from tracker.tui.screens.confirm import ReplaceScreen
from tracker.tui.screens.report import ReportScreen, report_filename

empty_db, sample_db = db_fixtures()


def status(app) -> str:
    return str(app.screen.query_one("#report-status", Static).render())


async def test_r_writes_the_report_to_home_and_asks_before_replacing(sample_db, isolated_home):
    app = make_app(sample_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, ReportScreen)
        target = isolated_home / f"tracker-report-{TODAY.isoformat()}.pdf"
        assert app.screen.query_one("#report-path", Input).value == f"~/{target.name}"
        app.screen.query_one("#report-name", Input).focus()
        await type_text(pilot, "Ana Díaz")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert status(app) == f"Wrote {target}"
        first = pypdf.PdfReader(target).pages[0].extract_text()
        assert "Ana Díaz" in first and "Notes for this visit" in first
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ReplaceScreen)
        await pilot.press("y")
        await settle(pilot)
        assert status(app) == f"Wrote {target}"


async def test_a_bad_birth_date_or_a_refused_file_is_one_line(empty_db, isolated_home, tmp_path):
    app = make_app(empty_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        app.screen.query_one("#report-born", Input).value = "2030-01-01"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert status(app).startswith("Error: born: 2030-01-01 is not in the past")
        app.screen.query_one("#report-born", Input).value = ""
        app.screen.query_one("#report-path", Input).value = str(empty_db)
        await pilot.press("ctrl+s")
        await settle(pilot)
        line = status(app)
        assert line.startswith("Error: ") and "\n" not in line
        assert not list(isolated_home.glob("*.pdf"))


def test_the_demo_names_its_report():
    assert report_filename(demo=True).startswith("tracker-DEMO-report-")


async def test_the_forms_mark_a_note_for_the_doctor(empty_db):
    from tui_helpers import rows

    app = make_app(empty_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("p", "5")
        app.screen.query_one("#note", Input).value = "ask about sleep"
        app.screen.query_one("#for_doctor").focus()
        await pilot.press("space", "ctrl+s")
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        app.screen.query_one("#activity", Input).value = "walking"
        app.screen.query_one("#minutes", Input).value = "30"
        await pilot.press("ctrl+s")
        await settle(pilot)
    (pain,) = rows(empty_db, "pain")
    (session,) = rows(empty_db, "exercise")
    assert pain["for_doctor"] is True and pain["note"] == "ask about sleep"
    assert session["for_doctor"] is False
