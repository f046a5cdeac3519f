"""Topics, references and messages, read from the data files beside this module.

Standard library only (tomllib, importlib.resources): no Textual, no rich, no network. Each
file is parsed once per process; the topics are about 40 kB of text in all.
"""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from types import MappingProxyType
from typing import Any

#: Inline citations in a topic's text: [@key] or [@key1; @key2].
CITATION = re.compile(r"\[(@[\w-]+(?:\s*;\s*@[\w-]+)*)\]")
#: A pointer to another part of tracker in a topic, tip or message: {guide:TOPIC} (a guide
#: topic, or `sources`) or {do:NAME} (something to do, worded per front door in doors.toml).
#: Written once; `tracker.guidance.render` words it for the CLI or for the app.
PLACEHOLDER = re.compile(r"\{(guide|do):([\w-]+)\}")
#: The id of the guide's list of references (`tracker guide sources`), and its title.
SOURCES = "sources"
SOURCES_TITLE = "Sources"
FRONT_MATTER = "+++"
#: Past this many authors a citation shows the first three and "et al.".
MAX_LISTED_AUTHORS = 6


#: Name suffixes that follow the initials ("Young JP Jr").
SUFFIXES = ("Jr", "Sr")


def surname(author: str) -> str:
    """The surname in 'Surname Initials [Jr]': 'Hoeger Bement M' -> 'Hoeger Bement'."""
    words = author.split()
    while len(words) > 1 and words[-1] in SUFFIXES:
        words.pop()
    return " ".join(words[:-1]) if len(words) > 1 else author


@dataclass(frozen=True)
class Reference:
    """One published source; `confirmed` is False for a reference that could not be found."""

    key: str
    title: str
    authors: tuple[str, ...] = ()
    et_al: bool = False
    year: int | None = None
    journal: str = ""
    volume: str = ""
    pages: str = ""
    doi: str = ""
    pmc: str = ""
    url: str = ""
    evidence: str = ""
    confirmed: bool = True
    note: str = ""
    label: str = ""

    @property
    def short(self) -> str:
        """The name used inline, e.g. 'Chen et al. 2012' or 'Leitzelar & Koltyn 2021'."""
        if self.label:
            return self.label
        surnames = [surname(author) for author in self.authors]
        if len(surnames) == 1 and not self.et_al:
            names = surnames[0]
        elif len(surnames) == 2 and not self.et_al:
            names = f"{surnames[0]} & {surnames[1]}"
        else:
            names = f"{surnames[0]} et al."
        return f"{names} {self.year}" if self.year else names

    @property
    def link(self) -> str:
        """A stable address: the DOI, else the PubMed Central page, else the URL, else ''."""
        if self.doi:
            return f"https://doi.org/{self.doi}"
        if self.pmc:
            return f"https://pmc.ncbi.nlm.nih.gov/articles/{self.pmc}/"
        return self.url

    def citation(self, ids: bool = True) -> str:
        """The reference in one line: authors (year). Title. Journal volume:pages. DOI, PMC id.

        Without authors (a website): Title. Website, year. With `ids=False` the DOI and PMC id
        are left out (the caller shows `link` instead).
        """
        if not self.authors:
            return f"{self.title}. {self.journal}, {self.year or 'undated'}."
        parts = [f"{self._author_list()} ({self.year or 'undated'}).", f"{self.title}."]
        where = self.journal
        if self.volume:
            where += f" {self.volume}"
        if (
            self.pages
        ):  # "9(2):105-121"; a section in words after a comma ("CG173, recommendation 1.1.1")
            where += f", {self.pages}" if " " in self.pages else f":{self.pages}"
        if where:
            parts.append(f"{where}.")
        if ids and self.doi:
            parts.append(f"doi:{self.doi}")
        if ids and self.pmc:
            parts.append(self.pmc)
        return " ".join(parts)

    def _author_list(self) -> str:
        authors = list(self.authors)
        if len(authors) > MAX_LISTED_AUTHORS:
            authors, more = authors[:3], True
        else:
            more = self.et_al
        return ", ".join(authors) + (", et al." if more else "")


@dataclass(frozen=True)
class Topic:
    """One guide topic: front matter (id, title, summary, sources, order) and Markdown text."""

    id: str
    title: str
    summary: str
    sources: tuple[str, ...]
    body: str
    order: int = 0

    @property
    def cited_keys(self) -> tuple[str, ...]:
        """The reference keys cited inline, in order of first appearance."""
        keys: list[str] = []
        for match in CITATION.finditer(self.body):
            for item in match.group(1).split(";"):
                key = item.strip().lstrip("@")
                if key not in keys:
                    keys.append(key)
        return tuple(keys)


def _data() -> Traversable:
    return resources.files("tracker.guidance") / "data"


def _read_toml(name: str) -> dict[str, Any]:
    return tomllib.loads((_data() / name).read_text(encoding="utf-8"))


def parse_topic(text: str) -> Topic:
    """A Topic from a file: TOML front matter between '+++' lines, then the Markdown body."""
    lines = text.splitlines()
    if not lines or lines[0].strip() != FRONT_MATTER:
        raise ValueError("a topic file must start with a '+++' front-matter line")
    try:
        end = next(i for i, line in enumerate(lines[1:], 1) if line.strip() == FRONT_MATTER)
    except StopIteration:
        raise ValueError("a topic file's front matter must end with a '+++' line") from None
    meta = tomllib.loads("\n".join(lines[1:end]))
    return Topic(
        id=meta["id"],
        title=meta["title"],
        summary=meta["summary"],
        sources=tuple(meta.get("sources", ())),
        body="\n".join(lines[end + 1 :]).strip() + "\n",
        order=int(meta.get("order", 0)),
    )


@functools.cache
def load_topics() -> tuple[Topic, ...]:
    """Every topic in `data/topics/*.md`, in their `order`."""
    folder = _data() / "topics"
    topics = [
        parse_topic(entry.read_text(encoding="utf-8"))
        for entry in folder.iterdir()
        if entry.name.endswith(".md")
    ]
    return tuple(sorted(topics, key=lambda topic: (topic.order, topic.id)))


def topic_ids() -> list[str]:
    """The topic ids in display order."""
    return [topic.id for topic in load_topics()]


def get_topic(topic_id: str) -> Topic:
    """The topic with this id (case-insensitive); KeyError when there is none."""
    wanted = topic_id.strip().lower()
    for topic in load_topics():
        if topic.id == wanted:
            return topic
    raise KeyError(topic_id)


def topic_title(topic_id: str) -> str:
    """A topic's title ('Sources' for the references), or the id when there is no such topic."""
    if topic_id == SOURCES:
        return SOURCES_TITLE
    try:
        return get_topic(topic_id).title
    except KeyError:
        return topic_id


@functools.cache
def load_references() -> MappingProxyType[str, Reference]:
    """Every reference in `data/references.toml`, by key (read-only), in file order."""
    references: dict[str, Reference] = {}
    for raw in _read_toml("references.toml")["reference"]:
        fields = dict(raw)
        fields["authors"] = tuple(fields.get("authors", ()))
        reference = Reference(**fields)
        if reference.key in references:
            raise ValueError(f"duplicate reference key {reference.key!r}")
        references[reference.key] = reference
    return MappingProxyType(references)


@functools.cache
def evidence_types() -> MappingProxyType[str, str]:
    """Evidence type key -> its label in plain words, in the order the sources list shows them."""
    return MappingProxyType(dict(_read_toml("references.toml")["evidence_types"]))


@functools.cache
def messages() -> MappingProxyType[str, str]:
    """The fixed sentences `tracker guide` and `tracker tips` print around the content."""
    return MappingProxyType(_read_toml("messages.toml"))


@functools.cache
def doors() -> MappingProxyType[str, dict[str, str]]:
    """{do:NAME} -> {"cli": ..., "app": ...}: how each front door words it (`data/doors.toml`)."""
    return MappingProxyType(_read_toml("doors.toml")["do"])


def _keep_placeholders(value: object) -> object:
    """A template with its {guide:...} and {do:...} braces doubled, so that str.format (which
    fills a tip's numbers) leaves them in place for the front door to word."""
    if not isinstance(value, str):
        return value
    return PLACEHOLDER.sub(lambda match: "{" + match.group(0) + "}", value)


@functools.cache
def tip_texts() -> MappingProxyType[str, dict[str, Any]]:
    """Tip id -> {topic, title, text} from `data/tips.toml` (the rules live in tips.py).

    The templates keep their placeholders through `.format(...)`: a Tip's text holds
    {guide:TOPIC} and {do:NAME} until `render.for_cli` or `render.for_app` words it.
    """
    return MappingProxyType(
        {
            tip["id"]: {key: _keep_placeholders(value) for key, value in tip.items()}
            for tip in _read_toml("tips.toml")["tip"]
        }
    )
