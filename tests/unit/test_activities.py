"""Which category an activity's words put a session in, the "did you mean" for a near miss,
and the hint line `tracker exercise` prints."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tracker import activities
from tracker.activities import PRECEDENCE, TABLE, Suggestion, infer, suggest
from tracker.models import CATEGORIES, KNOWN_ACTIVITIES, infer_category
from tracker.store import Store

README = Path(__file__).parents[2] / "README.md"


@pytest.mark.parametrize(
    ("activity", "category"),
    [
        ("walk", "aerobic"),
        ("brisk walk", "aerobic"),
        ("nordic walking", "aerobic"),
        ("Nordic-Walking, 5 km", "aerobic"),
        ("walked", "aerobic"),
        ("bike", "aerobic"),
        ("exercise bike", "aerobic"),
        ("aqua aerobics", "aerobic"),
        ("morning swim", "aerobic"),
        ("swiming", "aerobic"),  # "swim" + "ing" is a form of swimming
        ("ran", "other"),  # irregular forms are not guessed
        ("chair yoga", "mind_body"),
        ("Tai Chi", "mind_body"),
        ("yoga stretches", "mind_body"),
        ("squats", "strength"),
        ("resistance band squats", "strength"),
        ("push-ups", "strength"),
        ("farmer's walk with dumbbells", "strength"),
        ("walking lunges", "strength"),
        ("single-leg stance", "balance"),
        ("heel toe walk", "balance"),
        ("hamstring stretches", "flexibility"),
        ("walk and stretch", "aerobic"),
        ("spine stretch", "flexibility"),  # "spine" is not "spinning"
        ("gardening", "other"),
        ("gardening, then a walk", "aerobic"),
        ("walkng", "other"),
        ("", "other"),
        ("tai", "other"),
    ],
)
def test_infer(activity, category):
    assert infer(activity) == category
    assert infer_category(activity) == category  # models' name for it calls this module


@pytest.mark.parametrize("activity", list(KNOWN_ACTIVITIES))
def test_the_old_known_activities_keep_their_category(activity):
    assert infer(activity) == KNOWN_ACTIVITIES[activity]


@pytest.mark.parametrize(
    ("activity", "suggestion"),
    [
        ("walkng", Suggestion("walking", "aerobic")),
        ("cyclig", Suggestion("cycling", "aerobic")),
        ("Streching!", Suggestion("stretching", "flexibility")),
        ("slow pilattes", Suggestion("pilates", "mind_body")),
        ("tai chai", Suggestion("tai chi", "mind_body")),
        ("walking", None),  # known: nothing to suggest
        ("walkng and squats", None),  # squats is known, so the category is not `other`
        ("gardning", None),  # `other` terms are never offered: they change nothing
        ("paddleboarding", None),
        ("yogs", None),  # too short to be close enough (0.75)
        ("", None),
    ],
)
def test_suggest(activity, suggestion):
    assert suggest(activity) == suggestion


def test_the_question_is_worded_once():
    assert Suggestion("walking", "aerobic").question() == 'did you mean "walking"?'


def test_the_table_is_consistent():
    assert set(TABLE) == set(PRECEDENCE) == set(CATEGORIES)
    terms = [term for group in TABLE.values() for term in group]
    assert len(terms) == len(set(terms))
    assert all(len(term.split()) in (1, 2) and term == term.lower() for term in terms)
    for category, group in TABLE.items():  # every term infers its own row, no form is shared
        assert all(infer(term) == category for term in group), category


def test_the_readme_shows_the_table_in_precedence_order():
    rows = re.findall(r"^\| (\w+) \| (.+) \|$", README.read_text(), re.MULTILINE)
    shown = [(category, words) for category, words in rows if category in CATEGORIES]
    assert shown == [(c, ", ".join(TABLE[c])) for c in PRECEDENCE]


def test_forms():
    assert {"run", "running"} <= activities.forms("running")
    assert {"hike"} <= activities.forms("hiking") and {"hike"} <= activities.forms("hiked")
    assert {"lunge", "stretch"} <= activities.forms("lunges") | activities.forms("stretches")
    assert activities.forms("press") == {"press"}
    assert activities.split_words("Farmer\u2019s WALK-12x") == ["farmers", "walk", "x"]


@given(st.text())
def test_infer_and_suggest_never_raise(text):
    assert infer(text) in CATEGORIES
    found = suggest(text)
    assert found is None or (found.term in activities._terms() and found.category != "other")


@given(st.lists(st.sampled_from([*activities._terms(), "walkng", "the", "-", " "]), max_size=6))
def test_infer_of_table_words_never_raises(words):
    assert infer(" ".join(words)) in CATEGORIES


# ---- the CLI ---------------------------------------------------------------------------------
def stored(db_path):
    with Store.open(db_path) as store:
        return [(row["activity"], row["category"]) for row in store.exercise_rows()]


def test_a_near_miss_is_stored_verbatim_with_a_hint(invoke, db_path):
    result = invoke("exercise", "walkng", "30")
    assert result.exit_code == 0, result.output
    stored_line, hint = result.output.splitlines()
    assert stored_line.startswith("Stored exercise session #1 for ")
    assert hint == 'Category: other (did you mean "walking"? use --category aerobic)'
    assert stored(db_path) == [("walkng", "other")]


def test_an_unknown_activity_says_it_is_other(invoke, db_path):
    result = invoke("exercise", "Paddleboarding [b]", "30")
    assert result.output.splitlines()[1] == (
        "Category: other (not a known activity; --category sets another)"
    )
    assert stored(db_path) == [("Paddleboarding [b]", "other")]


@pytest.mark.parametrize(
    ("args", "category"),
    [
        (["brisk walk", "30"], "aerobic"),
        (["chair yoga", "20"], "mind_body"),
        (["gardening", "45"], "other"),  # known as other: nothing to say
        (["walkng", "30", "--category", "aerobic"], "aerobic"),  # the user decided
    ],
)
def test_a_known_word_or_a_chosen_category_prints_one_line(invoke, db_path, args, category):
    result = invoke("exercise", *args)
    assert result.exit_code == 0, result.output
    assert len(result.output.splitlines()) == 1
    assert stored(db_path) == [(args[0], category)]
