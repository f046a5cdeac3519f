"""The App: keys and their descriptions (footer and palette), sections, themes, DEMO, live
refresh from another process, and the messages the workers post."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import types

import pytest
from textual.screen import Screen
from textual.widgets import Footer, Label
from textual.widgets._footer import FooterKey
from tui_helpers import SIZE, db_fixtures, make_app, rows, settle, type_text, wait_until

from tracker import models
from tracker.store import Store
from tracker.tui import app as app_module
from tracker.tui.commands import ACTIONS, TrackerCommands
from tracker.tui.messages import DashboardLoaded, DataChanged, EntrySaved
from tracker.tui.screens.dashboard import DashboardScreen
from tracker.tui.screens.history import HistoryScreen
from tracker.tui.tips import tips_for_rows
from tracker.tui.widgets.tip_list import TipList

empty_db, sample_db = db_fixtures()


def footer_texts(app) -> dict[str, str]:
    return {key.key: key.description for key in app.screen.query_one(Footer).query(FooterKey)}


# ---- keys, footer, palette ------------------------------------------------------------------
def test_every_action_has_a_key_and_words():
    assert len({a.key for a in ACTIONS}) == len(ACTIONS)
    for action in ACTIONS:
        assert action.footer and action.title and action.help, action
        assert hasattr(app_module.TrackerApp, f"action_{action.action}"), action.action
    keys = {a.key: a.action for a in ACTIONS}
    for key, action in {
        "p": "log_pain",
        "e": "log_exercise",
        "h": "history",
        "t": "trends",
        "g": "guide",
        "x": "export",
        "d": "dashboard",
        "q": "quit",
    }.items():
        assert keys[key] == action


async def test_the_footer_shows_every_app_key_on_the_dashboard(empty_db):
    app = make_app(empty_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        shown = footer_texts(app)
        for action in ACTIONS:
            if action.show and action.action != "dashboard":  # you are already home
                assert shown.get(action.key) == action.footer, action


@pytest.mark.parametrize("size", [(80, 24), SIZE])
async def test_the_footer_fits_on_every_screen(sample_db, size):
    """Every footer key is fully on screen (at 80 columns too), on each of our screens."""
    app = make_app(sample_db)
    async with app.run_test(size=size) as pilot:
        steps = ([], ["tab"], ["h"], ["p"], ["escape", "e"], ["escape", "delete"], ["n", "d"])
        for keys in steps:
            await settle(pilot)
            for key in keys:
                await pilot.press(key)
                await settle(pilot)
            footer = app.screen.query_one(Footer)
            palette = footer.query(".-command-palette")
            limit = palette.first().region.x if palette else footer.region.right
            for key in footer.query(FooterKey).exclude(".-command-palette"):
                assert key.region.right <= limit, (app.screen, key.description)
            assert footer_texts(app), app.screen


async def test_forms_and_history_describe_their_keys(sample_db):
    app = make_app(sample_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("h")
        await settle(pilot)
        assert (
            footer_texts(app).items()
            >= {"f": "Filter", "delete": "Delete", "enter": "Edit"}.items()
        )
        await pilot.press("p")
        await settle(pilot)
        assert footer_texts(app) == {
            "ctrl+s": "Save",
            "escape": "Cancel",
            "ctrl+y": "Today/yesterday",
        }


async def test_the_palette_lists_every_action_and_runs_it(empty_db):
    app = make_app(empty_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        provider = TrackerCommands(app.screen)
        found = [hit.text async for hit in provider.discover()]
        assert found == [a.title for a in ACTIONS]
        for action in ACTIONS:
            hits = [hit async for hit in provider.search(action.title)]
            assert hits and hits[0].help == action.help, action
        await pilot.press("ctrl+p")
        await settle(pilot)
        await type_text(pilot, "history")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, HistoryScreen))
        assert isinstance(app.screen, HistoryScreen)


async def test_navigation_waits_while_a_form_is_open(empty_db):
    app = make_app(empty_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        form = app.screen
        for action in ("history", "dashboard", "log_exercise", "trends"):
            await app.run_action(action)
            await settle(pilot)
            assert app.screen is form
        assert "Save (ctrl+s) or cancel" in app.notices[-1]


async def test_theme_toggles_between_light_and_dark(empty_db):
    app = make_app(empty_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        dark = app.current_theme.dark
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert app.current_theme.dark is not dark
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert app.current_theme.dark is dark


async def test_demo_says_demo_in_the_title(sample_db):
    app = make_app(sample_db, demo=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "DEMO" in app.title
        assert "DEMO" in app.screen.query_one("HeaderTitle").render().plain
    plain = make_app(sample_db)
    assert "DEMO" not in plain.title


# ---- sections imported when first opened ---------------------------------------------------
def test_sections_are_not_imported_at_start_up():
    """Trends, the guide and export load when first opened, not with the app."""
    code = (
        "import sys, tracker.tui.app;"
        "names = ('trends', 'guide', 'export');"
        "early = [n for n in names if f'tracker.tui.screens.{n}' in sys.modules];"
        "assert not early, early"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


async def test_a_section_is_imported_when_first_asked_for(empty_db, monkeypatch):
    class FakeGuide(Screen):
        def compose(self):
            yield Label("guide")

    module = types.ModuleType("tracker.tui.screens.guide")
    module.GuideScreen = FakeGuide
    monkeypatch.setitem(sys.modules, "tracker.tui.screens.guide", module)
    app = make_app(empty_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("g")
        await settle(pilot)
        assert isinstance(app.screen, FakeGuide)
        await pilot.press("h")  # one section replaces another over the dashboard
        await settle(pilot)
        assert [type(s) for s in app.screen_stack] == [DashboardScreen, HistoryScreen]


# ---- messages and live refresh --------------------------------------------------------------
async def test_a_save_posts_entry_saved_then_data_changed(empty_db):
    seen: list = []
    app = make_app(empty_db)
    async with app.run_test(size=SIZE, message_hook=seen.append) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        await type_text(pilot, "4")
        await pilot.press("ctrl+s")
        await settle(pilot)
    saved = [m for m in seen if isinstance(m, EntrySaved)]
    assert [(m.kind, m.day, m.updated) for m in saved] == [("pain", "2026-06-30", False)]
    changed = [m for m in seen if isinstance(m, DataChanged)]
    assert changed and changed[0].origin == "app"
    assert seen.index(saved[0]) < seen.index(changed[0])
    assert sum(isinstance(m, DashboardLoaded) for m in seen) >= 2


async def test_an_entry_written_by_another_connection_appears_within_two_seconds(empty_db):
    app = make_app(empty_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        card = app.screen.query_one("#card-pain")
        assert "—" in str(card.content)
        with Store.open(empty_db) as other:
            other.add(models.validate_pain({"average": 6}))
        assert await wait_until(pilot, lambda: "6/10" in str(card.content), timeout=2.0)


async def test_a_shell_log_shows_up_in_the_open_history(empty_db):
    app = make_app(empty_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("h")
        await settle(pilot)
        history = app.screen
        assert history.query_one("DataTable").row_count == 0
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "tracker", "--db", str(empty_db), "pain", "5"
        )
        assert await process.wait() == 0
        assert await wait_until(
            pilot, lambda: history.query_one("DataTable").row_count == 1, timeout=2.0
        )
        assert history.visible_rows()[0].summary == "pain 5/10"


async def test_sessions_this_week_and_the_seven_day_mean(sample_db):
    app = make_app(sample_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        data = app.screen.data
        week = [r for r in rows(sample_db, "exercise") if "2026-06-29" <= r["date"] <= "2026-06-30"]
        assert data.week_minutes == sum(r["minutes"] for r in week)
        assert data.week_sessions == len(week)
        assert data.pain_7day is not None and data.baseline is not None
        assert len(data.daily) == 30 and data.daily[-1]["date"] == "2026-06-30"


def a_tip_to_show(path) -> None:
    """The seeded sample gets no tip of its own: log a walk rated 8 before and 10 after today,
    so the safety tip shows."""
    walk = models.ExerciseSession(
        "walking", 20, date=models.today().isoformat(), category="aerobic", pain_before=8,
        pain_after=10,
    )  # fmt: skip
    with Store.open(path) as store:
        store.add(walk)


async def test_the_tips_panel_shows_the_tips_that_apply(sample_db):
    a_tip_to_show(sample_db)
    expected = [
        tip.title for tip in tips_for_rows(rows(sample_db, "pain"), rows(sample_db, "exercise"))
    ]
    assert expected
    app = make_app(sample_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        panel = app.screen.query_one("#guidance-panel", TipList)
        assert [tip.title for tip in panel.tips] == expected
        tip = types.SimpleNamespace(id="x", title="Start low", text="Ten minutes.", topic="why")
        app.screen.show_tips([tip])
        await pilot.pause()
        assert panel.tips == [tip]


async def test_enter_on_a_tip_opens_the_guide_at_its_topic(sample_db):
    guide = pytest.importorskip("tracker.tui.screens.guide")
    a_tip_to_show(sample_db)
    app = make_app(sample_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("tab")
        assert app.focused is app.screen.query_one("#guidance-panel")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, guide.GuideScreen)
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)


def test_the_worker_side_loaders_import_without_textual():
    """tracker.tui.data runs in worker threads and in benchmarks: it must stay headless."""
    code = (
        "import sys, tracker.tui.data;"
        "heavy = [m for m in sys.modules if m.split('.')[0] in ('textual', 'plotext')];"
        "assert not heavy, heavy[:5]"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


def test_run_app_opens_the_app_on_the_given_file(tmp_path, monkeypatch):
    opened = []
    monkeypatch.setattr(
        app_module.TrackerApp, "run", lambda self: opened.append((self.db_path, self.demo))
    )
    app_module.run_app(tmp_path / "x.db", demo=True)
    assert opened == [(tmp_path / "x.db", True)]


def test_tracker_demo_opens_a_sample_and_not_the_diary(invoke, db_path, monkeypatch):
    seen = []

    def fake_run(self):
        with Store.open(self.db_path) as store:
            seen.append((self.demo, self.db_path, store.count("pain")))

    monkeypatch.setattr(app_module.TrackerApp, "run", fake_run)
    result = invoke("demo", "--days", "30")
    assert result.exit_code == 0, result.output
    [(demo, path, pain)] = seen
    assert demo and path != db_path and pain > 20
    assert not path.exists()  # the temporary sample is removed on exit
    assert not db_path.exists()
