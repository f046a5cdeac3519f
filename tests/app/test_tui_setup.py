"""The app's settings (theme, [keys]), the About screen and the key list (F1 / ?)."""

from __future__ import annotations

import os
from pathlib import Path

from tui_helpers import SIZE, db_fixtures, make_app, screen_text, settle, wait_until

from tracker import settings
from tracker.tui.commands import ACTIONS, TrackerCommands, check_key_overrides, key_name
from tracker.tui.screens.dashboard import DashboardScreen
from tracker.tui.screens.help import HelpScreen
from tracker.tui.screens.history import HistoryScreen
from tracker.tui.screens.info import InfoScreen

empty_db, sample_db = db_fixtures()


def config_file() -> Path:
    return Path(os.environ["TRACKER_CONFIG"])


async def test_the_theme_is_remembered_across_restarts(empty_db):
    app = make_app(empty_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        dark = app.current_theme.dark
        await pilot.press("ctrl+t")
        await settle(pilot)
        assert app.current_theme.dark is not dark
    assert settings.load().settings.theme == ("light" if dark else "dark")
    again = make_app(empty_db)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert again.current_theme.dark is not dark


async def test_a_damaged_settings_file_is_told_once_and_left_alone(empty_db):
    config_file().parent.mkdir(parents=True)
    config_file().write_text("[app\ntheme = 'light'\n", encoding="utf-8")
    before = config_file().read_bytes()
    app = make_app(empty_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        (notice,) = [n for n in app.notices if "not valid TOML" in n]
        assert "\n" not in notice
        await pilot.press("ctrl+t")  # switches, but never rewrites the damaged file
        await settle(pilot)
        assert any("The theme was not saved" in n for n in app.notices)
    assert config_file().read_bytes() == before


async def test_key_overrides_apply_and_bad_ones_are_named_in_one_line(empty_db):
    settings.set_value("keys.log_pain", "f2", config_file())
    settings.set_value("keys.history", "ctrl+l", config_file())
    settings.set_value("keys.trends", "p", config_file())  # pain's old key: now free
    settings.set_value("keys.guide", "e", config_file())  # exercise's key: refused
    settings.set_value("keys.fly", "z", config_file())  # no such action
    app = make_app(empty_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        problems = [n for n in app.notices if "keys." in n]
        assert len(problems) == 1 and "\n" not in problems[0]
        assert "keys.guide" in problems[0] and "keys.fly" in problems[0]
        await pilot.press("f2")
        await settle(pilot)
        assert type(app.screen).__name__ == "PainForm"
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("ctrl+l")
        await wait_until(pilot, lambda: isinstance(app.screen, HistoryScreen))
        assert isinstance(app.screen, HistoryScreen)
        await pilot.press("p")  # Trends now, from History too (its quiet keys follow)
        await settle(pilot)
        assert type(app.screen).__name__ == "TrendsScreen"


def test_key_names_and_checks():
    assert key_name("?") == "question_mark"
    assert key_name("Ctrl+L") == "ctrl+l"
    assert key_name("F5") == "f5"
    for bad in ("", "ctrl+", "ab", "x y", "ctrl+ctrl+a", "\x00", "hyper+"):
        assert key_name(bad) is None, bad
    valid, problems = check_key_overrides({"log_pain": "tab", "export": "f9"})
    assert valid == {"export": "f9"} and "reserved" in problems[0]
    swapped, problems = check_key_overrides({"log_pain": "e", "log_exercise": "p"})
    assert swapped == {"log_pain": "e", "log_exercise": "p"} and problems == []
    valid, problems = check_key_overrides({"help": "k"})
    assert valid == {} and "types text" in problems[0]
    assert check_key_overrides({"help": "f12"}) == ({"help": "f12"}, [])


async def test_the_about_screen_shows_what_tracker_info_prints(sample_db):
    app = make_app(sample_db)
    # Wide enough for a long temporary path on one line (at 80 columns it wraps, as it should).
    async with app.run_test(size=(200, 30)) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await wait_until(pilot, lambda: "Last backup" in screen_text(app), timeout=10)
        assert isinstance(app.screen, InfoScreen)
        text = screen_text(app)
        assert "About this diary" in text
        assert str(sample_db) in text
        assert "pain entries" in text and "Last backup" in text and "never" in text
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)


async def test_the_about_screen_shows_a_path_with_brackets_verbatim(tmp_path):
    from tracker.store import Store

    folder = tmp_path / "[bold]red [left foot]"
    folder.mkdir()
    path = folder / "diary.db"
    Store.open(path).close()
    app = make_app(path)
    async with app.run_test(size=(160, 30)) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await wait_until(pilot, lambda: "Last backup" in screen_text(app), timeout=10)
        assert "[bold]red [left foot]" in screen_text(app)


async def test_the_palette_opens_about_and_keys(empty_db):
    app = make_app(empty_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        provider = TrackerCommands(app.screen)
        titles = [hit.text async for hit in provider.discover()]
        assert "About this diary" in titles and "Keys" in titles
        await app.run_action("help")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)


async def test_the_key_list_names_every_key_of_the_screen_it_was_opened_on(sample_db):
    app = make_app(sample_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for key in ("f1", "question_mark"):
            await pilot.press(key)
            await settle(pilot)
            assert isinstance(app.screen, HelpScreen)
            words = dict(app.screen.rows)
            for action in ACTIONS:
                assert any(action.help == w for w in words.values()), action
            assert words["f1, ?"] == next(a.help for a in ACTIONS if a.action == "help")
            await pilot.press(key)  # the same key closes it
            await settle(pilot)
            assert isinstance(app.screen, DashboardScreen)
        await pilot.press("h")
        await wait_until(pilot, lambda: isinstance(app.screen, HistoryScreen))
        await settle(pilot)
        await pilot.press("f1")
        await settle(pilot)
        rows = dict((w, k) for k, w in app.screen.rows)
        assert "Keys on the history" in screen_text(app)
        assert rows.get("Filter") == "f" or any(k == "f" for k in rows.values())
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)


async def test_question_mark_in_a_form_is_text_not_help(empty_db):
    app = make_app(empty_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert not isinstance(app.screen, HelpScreen)
        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        assert "Save" in dict((w, k) for k, w in app.screen.rows) or any(
            "ctrl+s" in k or "^s" in k for k, _ in app.screen.rows
        )
