"""The app speaks the app's words: tips name keys and guide topics, never shell commands, and
a guide cross-reference is a link that opens its topic in place (the CLI keeps its commands)."""

from __future__ import annotations

import types

from textual.widgets import Markdown, OptionList
from tui_helpers import SIZE, db_fixtures, make_app, settle

from tracker.guidance import get_topic
from tracker.tui.screens.guide import GuideScreen
from tracker.tui.widgets.tip_list import TipList

empty_db, sample_db = db_fixtures()


def prompts(panel: TipList) -> list[str]:
    """The words each tip option shows."""
    return [option.prompt.plain for option in panel.options if option.id]


async def test_the_first_day_tip_names_keys_not_commands(empty_db):
    app = make_app(empty_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        [words] = prompts(app.screen.query_one("#guidance-panel", TipList))
        assert "(press p)" in words and "(press e)" in words
        assert "`" not in words and "tracker pain" not in words and "{" not in words


async def test_a_guide_pointer_in_a_tip_reads_as_the_guide_key_and_topic_and_opens_it(empty_db):
    tip = types.SimpleNamespace(
        id="x", title="Careful", text="Read {guide:safety} first.", topic="safety"
    )
    app = make_app(empty_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.screen.show_tips([tip])
        await pilot.pause()
        panel = app.screen.query_one("#guidance-panel", TipList)
        title = get_topic("safety").title
        assert f"Read the Guide (g) > {title} first." in prompts(panel)[0]
        panel.focus()
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, GuideScreen) and app.screen.topic == "safety"


async def test_a_guide_link_opens_its_topic_in_place(empty_db):
    app = make_app(empty_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await app.push_screen(GuideScreen(topic="about"))
        await settle(pilot)
        screen = app.screen
        text = screen.query_one("#guide-text", Markdown)
        assert "[Exercising safely with neuropathy](guide:safety)" in text.source
        assert "tracker guide" not in text.source and "`" not in text.source
        text.post_message(Markdown.LinkClicked(text, "guide:safety"))
        await settle(pilot)
        assert screen.topic == "safety" and app.screen is screen
        assert screen.query_one(OptionList).highlighted_option.id == "safety"
        assert text.source.startswith("# Exercising safely with neuropathy")


async def test_other_links_still_open_in_the_browser(empty_db, monkeypatch):
    app = make_app(empty_db)
    opened: list[str] = []
    monkeypatch.setattr(app, "open_url", lambda url, **kw: opened.append(url))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await app.push_screen(GuideScreen(topic="about"))
        await settle(pilot)
        text = app.screen.query_one("#guide-text", Markdown)
        text.post_message(Markdown.LinkClicked(text, "https://doi.org/10.1/x"))
        await settle(pilot)
        assert opened == ["https://doi.org/10.1/x"] and app.screen.topic == "about"
