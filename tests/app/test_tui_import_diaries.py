"""The import dialog (key m) with a Bearable export: the same preview and import as the CLI."""

from __future__ import annotations

from textual.widgets import Button, Input, Static
from tui_helpers import db_fixtures, make_app, settle

from tracker.store import Store
from tracker.tui.screens.import_dialog import ImportScreen

empty_db, sample_db = db_fixtures()
BEARABLE = (
    "date,weekday,time of day,category,rating/amount,detail,notes\n"
    "23rd Jul 2020,Thursday,am,Meds/Supplements,1000,Paracetamol (mg),\n"
    '23rd Jul 2020,Thursday,pm,Symptom,2,"[b]Neck[/b] pain (Moderate)",\n'
    "23rd Jul 2020,Thursday,pm,Mood,4,Good,\n"
)


async def test_a_bearable_preview_then_import(empty_db, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bearable.csv").write_text(BEARABLE, encoding="utf-8")
    app = make_app(empty_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("m")
        await settle(pilot)
        assert isinstance(app.screen, ImportScreen)
        app.screen.query_one("#import-path", Input).value = "bearable.csv"
        await pilot.press("ctrl+r")
        await settle(pilot)
        text = str(app.screen.query_one("#import-preview", Static).render())
        assert "would add 1 medicine (new), 1 dose, 1 symptom rating" in text
        assert "[b]Neck[/b] pain: 2/4 (Moderate), from Bearable" in text  # text, not markup
        assert "Mood: 1 (Bearable's mood score" in text
        with Store.open(empty_db) as store:
            assert store.count("symptom_rating") == 0 and store.count("medicine") == 0
        await pilot.click("#import-run")
        await settle(pilot)
        assert app.screen.query_one("#import-run", Button).disabled
    with Store.open(empty_db) as store:
        (rating,) = store.rows("symptom_rating")
        assert (rating["name"], rating["severity"]) == ("[b]Neck[/b] pain", 2)
        assert store.count("dose") == 1
