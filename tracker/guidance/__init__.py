"""Guidance beside the charts: topics, references and tips, all read from `data/`.

Headless and light: the standard library only (`tracker guide` prints through rich in the CLI).

- `load_topics()`, `get_topic(id)`, `topic_ids()`: the guide topics (`Topic`).
- `load_references()`: every reference by key (`Reference`), `confirmed` False where unfound.
- `topic_markdown(topic)`, `topic_list_text()`,
  `sources_text(width=None)`: what `tracker guide` prints; `tips_text(tips)`: `tracker tips`.
- `tips_for(summary) -> list[Tip]`: the tips for a `tracker.analysis.summarize` result.
- `medicine_tips.medicine_tips(...)`: the medicine tips (a recent change, a comparison ready)
  from bounded rows; `medicine_tips.merge_tips` puts them among `tips_for`'s in their tiers.
"""

from tracker.guidance.content import (
    Reference,
    Topic,
    evidence_types,
    get_topic,
    load_references,
    load_topics,
    messages,
    topic_ids,
)
from tracker.guidance.render import (
    sources_text,
    tips_text,
    topic_list_text,
    topic_markdown,
)
from tracker.guidance.tips import RULES, Tip, tips_for

__all__ = [
    "RULES",
    "Reference",
    "Tip",
    "Topic",
    "evidence_types",
    "get_topic",
    "load_references",
    "load_topics",
    "messages",
    "sources_text",
    "tips_for",
    "tips_text",
    "topic_ids",
    "topic_list_text",
    "topic_markdown",
]
