"""A selectable list of tips: enter (or a click) on a tip opens the guide at its topic.

The guidance package decides which tips apply (`tracker.tui.tips.current_tips` in a worker);
this widget only shows them. A tip is any object with `.id`, `.title`, `.text` and `.topic`.
Its words are written once for both front doors; `for_app` names keys and guide topics where
`tracker tips` prints shell commands ("the Guide (g) > Title", not "`tracker guide safety`").
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tracker.guidance import messages
from tracker.guidance.content import topic_title
from tracker.guidance.render import for_app


class TipLike(Protocol):
    """What the list needs from a tip (`tracker.guidance.Tip` has all four); read-only, so a
    frozen dataclass fits."""

    @property
    def id(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def topic(self) -> str: ...


def tip_prompt(tip: TipLike) -> Text:
    """One option: the title in bold, the text (in the app's words), then where enter leads."""
    prompt = Text(for_app(tip.title), style="bold")
    prompt.append(f"\n{for_app(tip.text)}")
    prompt.append(f"\nEnter: read “{topic_title(tip.topic)}”", style="dim")
    return prompt


class TipList(OptionList):
    """The current tips, one option each; choosing one opens `GuideScreen(topic=tip.topic)`."""

    DEFAULT_CSS = """
    TipList {
        height: 1fr;
        max-height: 100%;
        border: none;
        padding: 0;
        background: transparent;
        /* Room for the scrollbar from the start: OptionList caches each tip's wrapped height,
           and a scrollbar that appears later narrows the text without clearing that cache
           (the separator lines went missing). */
        scrollbar-gutter: stable;
        scrollbar-size-vertical: 1;
        &:focus { border: none; background-tint: $foreground 0%; }
    }
    """
    BINDINGS = [Binding("enter", "select", "Read more")]

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.tips: list[TipLike] = []

    def on_mount(self) -> None:
        self.show_tips([])

    def show_tips(self, tips: Sequence[TipLike]) -> None:
        """Replace the list with these tips, in the order given; [] shows one quiet line."""
        self.tips = list(tips)
        if not self.tips:
            self.set_options([Option(Text(messages()["tips_none"], style="dim"), disabled=True)])
            return
        options: list[Option | None] = []
        for index, tip in enumerate(self.tips):
            if index:
                options.append(None)  # a separator line between tips
            options.append(Option(tip_prompt(tip), id=tip.id))
        self.set_options(options)
        self.highlighted = 0

    @property
    def highlighted_tip(self) -> TipLike | None:
        """The tip under the cursor, if any."""
        option = self.highlighted_option
        if option is None or option.id is None:
            return None
        return next((tip for tip in self.tips if tip.id == option.id), None)

    @on(OptionList.OptionSelected)
    def _open_topic(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        tip = next((tip for tip in self.tips if tip.id == event.option.id), None)
        if tip is None:
            return
        # Imported here: the guide's Markdown widgets are only loaded once someone reads it.
        from tracker.tui.screens.guide import GuideScreen

        self.app.push_screen(GuideScreen(topic=tip.topic))
