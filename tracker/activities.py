"""Which category an exercise session belongs to, read from the words of its activity.

The one place where inference is decided and explained (the README's table is `TABLE`):

1. The activity is split into words: case folded, apostrophes dropped ("farmer's" ->
   "farmers"), anything other than a letter (hyphens, digits, punctuation) separates words.
2. A word matches a table word in any of its common forms: "walks", "walked", "walking" all
   match "walking"; "bikes", "biked" match "biking"; "stretches" matches "stretching".
3. A two-word phrase of the table ("tai chi", "single leg", "cross trainer") is read as one
   term, before its words are read alone.
4. When terms of several categories match, the first in `PRECEDENCE` wins: a named practice
   (yoga, tai chi) over the moves inside it; balance and strength moves over the movement
   around them ("walking lunges" is strength); aerobic over stretching added to it ("walk and
   stretch" is aerobic). `other` is last: "gardening, then a walk" is aerobic.
5. Nothing matched: `other`. `suggest` then offers the closest table term, if one is close
   (difflib ratio at least `CLOSE_ENOUGH`): "walkng" -> "walking".

Stored rows keep the category they were stored with; this only decides new ones. Headless and
standard library only: the CLI, the app, import and the sample generator all call it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

#: Categories in the order they win when an activity names more than one (rule 4).
PRECEDENCE: tuple[str, ...] = (
    "mind_body",
    "balance",
    "strength",
    "aerobic",
    "flexibility",
    "other",
)

#: category -> the terms that put a session in it, as people type them. A term is one word
#: or a two-word phrase; each word also matches its plural, -ed and -ing forms.
TABLE: dict[str, tuple[str, ...]] = {
    "aerobic": (
        "walking", "running", "jogging", "hiking", "cycling", "biking", "bicycle", "spinning",
        "swimming", "rowing", "elliptical", "cross trainer", "treadmill", "stairs", "dancing",
        "zumba", "aerobics", "aquafit", "cardio", "skipping", "skiing", "skating",
    ),
    "strength": (
        "weights", "weightlifting", "lifting", "dumbbells", "kettlebell", "barbell",
        "resistance", "bands", "theraband", "bodyweight", "body weight", "strength",
        "squats", "lunges", "deadlift", "plank", "pushups", "push ups", "press ups", "sit ups",
        "calf raises", "heel raises", "chair stands", "calisthenics",
    ),
    "balance": (
        "balance", "single leg", "one leg", "tandem stance", "heel toe", "wobble board", "bosu",
        "otago",
    ),
    "flexibility": ("stretching", "mobility", "foam rolling", "foam roller"),
    "mind_body": ("yoga", "tai chi", "taichi", "qigong", "qi gong", "chi kung", "pilates"),
    "other": ("gardening", "housework", "cleaning", "chores", "physio", "physiotherapy"),
}  # fmt: skip

#: How alike (difflib's ratio, 0-1) a word must be to a term for `suggest` to offer it:
#: "walkng"/"walking" 0.92, "yogs"/"yoga" 0.75 (not offered), "morning"/"rowing" 0.62.
CLOSE_ENOUGH = 0.8


@dataclass(frozen=True)
class Suggestion:
    """A table term close to an activity that matched nothing, and its category."""

    term: str
    category: str

    def question(self) -> str:
        """'did you mean "walking"?' (the one wording of the hint)."""
        return f'did you mean "{self.term}"?'


def infer(activity: str) -> str:
    """The category of a session of `activity`: rules 1-5 of this module's docstring."""
    found = {category for _, category in matches(activity)}
    return next((c for c in PRECEDENCE if c in found), "other")


def matches(activity: str) -> list[tuple[str, str]]:
    """The table terms found in `activity`, in reading order, each with its category."""
    words = [forms(word) for word in split_words(activity)]
    found: list[tuple[str, str]] = []
    i = 0
    while i < len(words):
        pair = _phrase_at(words, i)
        if pair is not None:
            found.append(pair)
            i += 2
            continue
        single = next((_words()[form] for form in words[i] if form in _words()), None)
        if single is not None:
            found.append(single)
        i += 1
    return found


def suggest(activity: str) -> Suggestion | None:
    """The closest table term to a word (or two) of an activity that matched nothing."""
    if matches(activity):
        return None
    import difflib  # only for the rare activity that matched nothing

    words = split_words(activity)
    candidates = words + [" ".join(pair) for pair in zip(words, words[1:], strict=False)]
    best: tuple[float, str] | None = None
    for text in candidates:
        for term in difflib.get_close_matches(text, _terms(), n=1, cutoff=CLOSE_ENOUGH):
            score = difflib.SequenceMatcher(None, text, term).ratio()
            if best is None or score > best[0]:
                best = (score, term)
    return None if best is None else Suggestion(best[1], _term_categories()[best[1]])


def split_words(activity: str) -> list[str]:
    """Rule 1: 'Nordic-Walking, 5 km' -> ['nordic', 'walking', 'km']."""
    text = unicodedata.normalize("NFKC", activity).casefold()
    return re.findall(r"[^\W\d_]+", re.sub(r"['\u2019]", "", text))


def forms(word: str) -> frozenset[str]:
    """Rule 2: the word and the stems it may stand for ('running' -> run, runn, runne)."""
    found = {word}
    for suffix in ("ing", "ed"):
        base = word[: -len(suffix)]
        if word.endswith(suffix) and len(base) >= 3:
            found |= {base, base + "e"}
            if base[-1] == base[-2] and base[-1] not in "aeiouls":
                found.add(base[:-1])  # running -> run, jogged -> jog
    if word.endswith("ies") and len(word) >= 5:
        found.add(word[:-3] + "y")
    elif word.endswith("es") and len(word) >= 5:
        found |= {word[:-1], word[:-2]}  # lunges -> lunge, stretches -> stretch
    elif word.endswith("s") and not word.endswith("ss") and len(word) >= 3:
        found.add(word[:-1])
    return frozenset(found)


def _phrase_at(words: list[frozenset[str]], i: int) -> tuple[str, str] | None:
    """Rule 3: the table phrase made of words i and i+1, if there is one."""
    if i + 1 >= len(words):
        return None
    for term, category, (first, second) in _phrases():
        if words[i] & first and words[i + 1] & second:
            return term, category
    return None


@cache
def _words() -> dict[str, tuple[str, str]]:
    """Every form of every one-word term -> (term, category)."""
    index: dict[str, tuple[str, str]] = {}
    for category, terms in TABLE.items():
        for term in terms:
            if " " not in term:
                index.update(dict.fromkeys(forms(term), (term, category)))
    return index


@cache
def _phrases() -> tuple[tuple[str, str, tuple[frozenset[str], frozenset[str]]], ...]:
    """Every two-word term with its category and the forms of each of its words."""
    return tuple(
        (term, category, (forms(first), forms(second)))
        for category, terms in TABLE.items()
        for term in terms
        if " " in term
        for first, second in [term.split()]
    )


@cache
def _terms() -> tuple[str, ...]:
    """The terms `suggest` may offer: not `other`'s, which would change nothing."""
    return tuple(term for term, category in _term_categories().items() if category != "other")


@cache
def _term_categories() -> dict[str, str]:
    return {term: category for category, terms in TABLE.items() for term in terms}
