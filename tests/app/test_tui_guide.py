"""Guide (key g): the topics in a list, the chosen one as Markdown with its sources."""

from __future__ import annotations

from textual.widgets import Markdown, OptionList
from tui_helpers import SIZE, db_fixtures, make_app, settle

from tracker.guidance import get_topic, load_topics, topic_markdown
from tracker.guidance.render import for_app_markdown
from tracker.tui.screens.dashboard import DashboardScreen
from tracker.tui.screens.guide import SOURCES, GuideScreen, guide_markdown, sources_markdown

empty_db, sample_db = db_fixtures()


async def open_guide(pilot) -> GuideScreen:
    await settle(pilot)
    await pilot.press("g")
    await settle(pilot)
    assert isinstance(pilot.app.screen, GuideScreen)
    return pilot.app.screen


def shown(screen: GuideScreen) -> str:
    """The Markdown source the text pane shows."""
    return screen.query_one("#guide-text", Markdown).source


def text_on_screen(screen: GuideScreen) -> str:
    """The rendered words of the text pane, block by block."""
    blocks = screen.query_one("#guide-text", Markdown).query("MarkdownBlock")
    return "\n".join(str(block.content) for block in blocks)


def test_sources_list_every_confirmed_reference_with_its_address():
    text = sources_markdown()
    assert "Dworkin et al. 2008" in text and "https://doi.org/10.1016/j.jpain.2007.09.005" in text
    assert text.startswith("# Sources used by tracker's guidance")
    assert guide_markdown(SOURCES) == text


async def test_g_opens_the_guide_at_the_first_topic(empty_db):
    app = make_app(empty_db)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_guide(pilot)
        toc = screen.query_one("#guide-topics", OptionList)
        titles = [str(option.prompt) for option in toc.options]
        assert titles == [topic.title for topic in load_topics()] + ["Sources"]
        first = load_topics()[0]
        assert screen.topic == first.id and toc.highlighted == 0
        assert shown(screen) == topic_markdown(first, for_app_markdown)
        assert app.focused is toc


async def test_selecting_a_topic_shows_its_text_and_citations(empty_db):
    app = make_app(empty_db)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_guide(pilot)
        index = [topic.id for topic in load_topics()].index("safety")
        await pilot.press(*["down"] * index, "enter")
        await settle(pilot)
        assert screen.topic == "safety"
        assert shown(screen) == topic_markdown(get_topic("safety"), for_app_markdown)
        rendered = text_on_screen(screen)
        assert get_topic("safety").title in rendered
        assert "Sources" in rendered  # the topic's reference list, rendered
        assert app.focused is screen.query_one("#guide-scroll")  # enter moves to the text


async def test_the_sources_entry_shows_the_references(empty_db):
    app = make_app(empty_db)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_guide(pilot)
        await pilot.press("end")
        await settle(pilot)
        assert screen.topic == SOURCES
        assert "Dworkin et al. 2008" in text_on_screen(screen)


async def test_guide_opens_at_a_topic(empty_db):
    app = make_app(empty_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await app.push_screen(GuideScreen(topic="safety"))
        await settle(pilot)
        screen = app.screen
        assert screen.topic == "safety"
        assert screen.query_one(OptionList).highlighted_option.id == "safety"
        assert shown(screen) == topic_markdown(get_topic("safety"), for_app_markdown)


async def test_an_unknown_topic_opens_the_first_and_says_so(empty_db):
    app = make_app(empty_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await app.push_screen(GuideScreen(topic="nonsense"))
        await settle(pilot)
        assert app.screen.topic == load_topics()[0].id
        assert any("nonsense" in notice for notice in app.notices)


async def test_escape_goes_back_to_the_dashboard(empty_db):
    app = make_app(empty_db)
    async with app.run_test(size=SIZE) as pilot:
        await open_guide(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
