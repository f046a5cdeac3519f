"""Topics, the topic list and the sources, made ready for a terminal.

`topic_markdown` and the `*_text` functions are pure (strings in, strings out): the CLI prints
them (`tracker.cli.guide.render_topic` through rich), the app shows them as Markdown.

The texts are written once, for both front doors: a pointer to another part of tracker is a
placeholder ({guide:safety}, {do:pain}; `content.PLACEHOLDER`), and one small step per door
words it. `for_cli` prints shell commands ("`tracker guide safety`"), `for_app` names keys and
topics ("the Guide (g) > Exercising safely with neuropathy"), `for_app_markdown` makes a guide
pointer a link (`guide:safety`) that the Guide screen opens in place.
"""

from __future__ import annotations

import re
import shutil
import textwrap
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING

from tracker.guidance.content import (
    CITATION,
    PLACEHOLDER,
    Reference,
    Topic,
    doors,
    evidence_types,
    load_references,
    load_topics,
    messages,
    topic_title,
)

if TYPE_CHECKING:
    from tracker.guidance.tips import Tip

#: Longer lines are hard to read; wider terminals still get 100 columns.
MAX_WIDTH = 100
#: `code` spans in tip text, kept on one line when wrapping (textwrap does not split on NBSP).
CODE_SPAN = re.compile(r"`[^`]+`")
NBSP = "\u00a0"
#: The href scheme of a guide link in the app's Markdown: `guide:safety`.
GUIDE_LINK = "guide:"
#: How the app names the Guide: its title and the key that opens it.
APP_GUIDE = "the Guide (g)"

Render = Callable[[str], str]


def _word(text: str, guide: Render, door: str) -> str:
    """Replace each placeholder: {guide:ID} with guide(ID), {do:NAME} with its `door` wording."""

    def one(match: re.Match[str]) -> str:
        kind, name = match.groups()
        return guide(name) if kind == "guide" else doors()[name][door]

    return PLACEHOLDER.sub(one, text)


def for_cli(text: str) -> str:
    """Placeholders as shell commands: {guide:safety} -> `tracker guide safety`."""
    return _word(text, lambda topic: f"`tracker guide {topic}`", "cli")


def for_app(text: str) -> str:
    """Placeholders in the app's words, plain text: {guide:safety} -> the Guide (g) > Title."""
    return _word(text, lambda topic: f"{APP_GUIDE} > {topic_title(topic)}", "app")


def for_app_markdown(text: str) -> str:
    """Placeholders in the app's words, Markdown: {guide:safety} -> [Title](guide:safety)."""
    return _word(text, lambda topic: f"[{topic_title(topic)}]({GUIDE_LINK}{topic})", "app")


def expand_citations(text: str, references: Mapping[str, Reference] | None = None) -> str:
    """Replace [@key] and [@a; @b] with '(Chen et al. 2012)' and '(A 2012; B 2014)'."""
    references = load_references() if references is None else references

    def short(match: re.Match[str]) -> str:
        keys = [item.strip().lstrip("@") for item in match.group(1).split(";")]
        return "(" + "; ".join(references[key].short for key in keys) + ")"

    return CITATION.sub(short, text)


def topic_references(topic: Topic) -> list[Reference]:
    """The references a topic cites, in order of first citation, then any listed but not cited."""
    references = load_references()
    keys = list(topic.cited_keys) + [k for k in topic.sources if k not in topic.cited_keys]
    return [references[key] for key in keys]


def reference_line(reference: Reference) -> str:
    """One reference for the end of a topic: citation, address and kind of evidence."""
    kind = evidence_types().get(reference.evidence, reference.evidence)
    lines = [f"**{reference.short}**: {reference.citation(ids=False)}"]
    if reference.link:
        # <url>: an autolink; a bare URL before the "\" hard break swallows the backslash
        lines.append(f"<{reference.link}>")
    lines.append(f"*Evidence: {kind}.*" + (f" {reference.note}" if reference.note else ""))
    # A backslash at the end of a line is a Markdown hard break; continuation lines are indented
    # so they stay inside the numbered list item.
    return "\\\n    ".join(lines)


def topic_markdown(topic: Topic, render: Render = for_cli) -> str:
    """The whole topic as Markdown: title, text with short citations, then its sources.

    `render` words the placeholders: `for_cli` (the default) or `for_app_markdown`.
    """
    parts = [f"# {topic.title}", "", render(expand_citations(topic.body)).rstrip(), ""]
    cited = topic_references(topic)
    if cited:
        parts += ["## Sources", ""]
        parts += [f"{n}. {reference_line(ref)}" for n, ref in enumerate(cited, 1)]
        parts.append("")
    parts.append(f"*{render(messages()['topic_footer'])}*")
    return "\n".join(parts) + "\n"


def terminal_width() -> int:
    """The terminal's width, capped for reading; 80 when output is not a terminal."""
    return min(shutil.get_terminal_size((80, 24)).columns, MAX_WIDTH)


def topic_list_text() -> str:
    """One topic per line, id first, then its title; a closing line says how to read one."""
    topics = load_topics()
    pad = max(len(topic.id) for topic in topics) + 2
    lines = [f"{topic.id:<{pad}}{topic.title}" for topic in topics]
    lines += ["", messages()["topic_list_footer"]]
    return "\n".join(lines)


def sources_text(width: int | None = None) -> str:
    """Every confirmed reference, grouped by kind of evidence, each with its DOI or address."""
    width = width or terminal_width()
    text = messages()
    wrap = textwrap.TextWrapper(
        width=width,
        initial_indent="  ",
        subsequent_indent="    ",
        break_long_words=False,
        break_on_hyphens=False,
    )
    note = textwrap.TextWrapper(width=width, initial_indent="    ", subsequent_indent="    ")
    lines = [text["sources_title"], "", *textwrap.wrap(for_cli(text["sources_intro"]), width)]
    confirmed = [ref for ref in load_references().values() if ref.confirmed]
    for kind, label in evidence_types().items():
        group = [ref for ref in confirmed if ref.evidence == kind]
        if not group:
            continue
        lines += ["", f"{label[0].upper()}{label[1:]}:"]
        for ref in sorted(group, key=lambda r: (r.short.lower(), r.year or 0)):
            lines += wrap.wrap(f"{ref.short}. {ref.citation(ids=False)}")
            if ref.link:
                lines.append(f"    {ref.link}")
            if ref.note:
                lines += note.wrap(ref.note)
    lines += ["", *textwrap.wrap(text["sources_unused"], width)]
    return "\n".join(lines)


def tips_text(tips: Iterable[Tip], width: int | None = None) -> str:
    """Tips as plain text: a title line, the wrapped text and the topic to read, then a footer."""
    text = messages()
    if not tips:
        return text["tips_none"]
    wrap = textwrap.TextWrapper(
        width=width or terminal_width(), initial_indent="  ", subsequent_indent="  "
    )
    blocks = []
    for tip in tips:
        more = text["tips_more"].format(topic=tip.topic)
        blocks.append(
            "\n".join(
                [
                    f"* {for_cli(tip.title)}",
                    *_wrap_keeping_code(wrap, for_cli(tip.text)),
                    f"  {more}",
                ]
            )
        )
    footer = textwrap.wrap(text["tips_footer"], wrap.width)
    return "\n\n".join([*blocks, "\n".join(footer)])


def _wrap_keeping_code(wrap: textwrap.TextWrapper, text: str) -> list[str]:
    """Wrap text without breaking a `command` in backticks across two lines."""
    glued = CODE_SPAN.sub(lambda m: m.group(0).replace(" ", NBSP), text)
    return [line.replace(NBSP, " ") for line in wrap.wrap(glued)]
