"""The Guide screen (key g): the topics in a list on the left, the chosen one as Markdown.

Every word comes from `tracker.guidance` (the same files `tracker guide` prints): a topic is
`topic_markdown(topic)`, citations and sources included; the last entry lists every reference,
grouped by kind of evidence as in `tracker guide sources`. Reading the files is the standard
library on small text (about 40 kB), so it runs on the UI thread.

The texts point to each other with {guide:TOPIC} placeholders: the CLI prints them as
`tracker guide TOPIC`, here they are links (`render.for_app_markdown`) that open the topic in
place; any other link (a DOI) opens in the browser.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Markdown, OptionList
from textual.widgets.option_list import Option

from tracker.guidance import (
    evidence_types,
    get_topic,
    load_references,
    load_topics,
    messages,
    topic_markdown,
)
from tracker.guidance.render import GUIDE_LINK, for_app_markdown, reference_line
from tracker.tui.commands import quiet_bindings
from tracker.tui.widgets.footer import KeyFooter

SOURCES = "sources"
SOURCES_LABEL = "Sources"


def sources_markdown() -> str:
    """Every confirmed reference as Markdown, grouped by kind of evidence, with its address."""
    text = messages()
    parts = [f"# {text['sources_title']}", "", for_app_markdown(text["sources_intro"]), ""]
    confirmed = [ref for ref in load_references().values() if ref.confirmed]
    for kind, label in evidence_types().items():
        group = [ref for ref in confirmed if ref.evidence == kind]
        if not group:
            continue
        parts += [f"## {label[0].upper()}{label[1:]}", ""]
        group.sort(key=lambda ref: (ref.short.lower(), ref.year or 0))
        parts += [f"- {reference_line(ref)}" for ref in group]
        parts.append("")
    parts += [text["sources_unused"], ""]
    return "\n".join(parts)


def guide_markdown(topic_id: str) -> str:
    """The Markdown for a topic id, or for the sources entry."""
    if topic_id == SOURCES:
        return sources_markdown()
    return topic_markdown(get_topic(topic_id), for_app_markdown)


class GuideScreen(Screen):
    """What the research says, topic by topic; `GuideScreen(topic="safety")` opens at one."""

    CSS_PATH = "guide.tcss"
    AUTO_FOCUS = "#guide-topics"
    BINDINGS = [
        Binding("escape", "back", "Back"),
        *quiet_bindings("log_pain", "log_exercise", "history", "trends", "guide", "export"),
    ]

    def __init__(self, topic: str | None = None) -> None:
        super().__init__(id="guide-screen")
        self.topic_ids = [topic.id for topic in load_topics()] + [SOURCES]
        wanted = (topic or "").strip().lower()
        self.unknown_topic = topic if wanted and wanted not in self.topic_ids else None
        self.topic = wanted if wanted in self.topic_ids else self.topic_ids[0]

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="guide-body"):
            options = [Option(topic.title, id=topic.id) for topic in load_topics()]
            yield OptionList(*options, None, Option(SOURCES_LABEL, id=SOURCES), id="guide-topics")
            with VerticalScroll(id="guide-scroll"):
                yield Markdown(id="guide-text", open_links=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#guide-topics").border_title = "Topics"
        if self.unknown_topic:
            self.notify(f"No guide topic {self.unknown_topic!r}; showing the first.")
        self.query_one(OptionList).highlighted = self.topic_ids.index(self.topic)
        self.show_topic(self.topic)

    def show_topic(self, topic_id: str) -> None:
        """Render one topic (or the sources) and scroll back to its top."""
        self.topic = topic_id
        self.query_one("#guide-text", Markdown).update(guide_markdown(topic_id))
        self.query_one("#guide-scroll").scroll_home(animate=False)

    @on(OptionList.OptionHighlighted, "#guide-topics")
    def _preview(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id is not None and event.option.id != self.topic:
            self.show_topic(event.option.id)

    @on(OptionList.OptionSelected, "#guide-topics")
    def _read(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None and event.option.id != self.topic:
            self.show_topic(event.option.id)
        self.query_one("#guide-scroll").focus()

    @on(Markdown.LinkClicked, "#guide-text")
    def _follow(self, event: Markdown.LinkClicked) -> None:
        """A guide link opens its topic here (the list follows); any other opens the browser."""
        event.stop()
        topic_id = event.href.removeprefix(GUIDE_LINK)
        if event.href == topic_id:
            self.app.open_url(event.href)
        elif topic_id in self.topic_ids:
            # Highlighting the list shows the topic (`_preview`), so list and text agree.
            self.query_one("#guide-topics", OptionList).highlighted = self.topic_ids.index(topic_id)

    def action_back(self) -> None:
        """Back to where the guide was opened from (a tip on Trends, or the dashboard)."""
        if len(self.app.screen_stack) > 1:
            self.app.pop_screen()
