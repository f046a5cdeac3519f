"""Validation: one place says what is valid, with hypothesis for the edges."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tracker import models
from tracker.models import ValidationError


@given(st.integers(min_value=0, max_value=10))
def test_every_score_in_range_is_accepted(value):
    assert models.parse_score("average", value) == value
    assert models.parse_score("average", str(value)) == value


@given(st.integers().filter(lambda n: n < 0 or n > 10))
def test_scores_out_of_range_are_refused_naming_the_field(value):
    with pytest.raises(ValidationError) as info:
        models.parse_score("worst", str(value))
    assert info.value.field == "worst"
    assert "0 to 10" in info.value.message


@given(st.text().filter(lambda s: s.strip() not in {str(n) for n in range(11)} and s.strip()))
def test_any_other_text_is_refused(text):
    try:
        value = models.parse_score("average", text)
    except ValidationError:
        return
    assert 0 <= value <= 10  # only things like "5.0" or " 7 " may pass, and then in range


def test_score_decimal_with_fraction_is_refused():
    with pytest.raises(ValidationError, match="whole number"):
        models.parse_score("average", "4.5")


def test_average_is_required():
    with pytest.raises(ValidationError, match="average: is required"):
        models.validate_pain({})


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"average": 5, "least": 6}, "least"),
        ({"average": 5, "worst": 4}, "worst"),
        ({"average": 5, "least": 3, "worst": 2}, "least"),
    ],
)
def test_least_average_worst_order(data, field):
    with pytest.raises(ValidationError) as info:
        models.validate_pain(data)
    assert info.value.field == field


def test_dates(monkeypatch):
    monkeypatch.setenv("TRACKER_TODAY", "2026-03-01")
    assert models.parse_date(None) == "2026-03-01"
    assert models.parse_date("today") == "2026-03-01"
    assert models.parse_date("Yesterday") == "2026-02-28"
    assert models.parse_date("2026-01-31") == "2026-01-31"
    assert models.parse_date("2026-03-02") == "2026-03-02"  # today in a zone ahead
    for bad in ["2026-03-03", "2099-01-01", "tomorrow", "2026-13-01", "01/02/2026", "2026-1-1"]:
        with pytest.raises(ValidationError) as info:
            models.parse_date(bad)
        assert info.value.field == "date"


def test_symptoms_vocabulary():
    assert models.parse_symptoms("burning; Tingling,touch sensitivity") == [
        "burning",
        "tingling",
        "touch_sensitivity",
    ]
    assert models.parse_symptoms(["burning", "burning"]) == ["burning"]
    with pytest.raises(ValidationError, match="unknown symptom 'zap'"):
        models.parse_symptoms(["zap"])


@pytest.mark.parametrize(
    ("activity", "category"),
    [
        ("walking", "aerobic"),
        ("Tai Chi", "mind_body"),
        ("resistance bands", "strength"),
        ("single-leg stance", "balance"),
        ("stretching", "flexibility"),
        ("gardening", "other"),
    ],
)
def test_category_is_inferred(activity, category):
    assert models.validate_exercise({"activity": activity, "minutes": 10}).category == category


def test_category_override_and_bad_category():
    session = models.validate_exercise(
        {"activity": "gardening", "minutes": 5, "category": "strength"}
    )
    assert session.category == "strength"
    with pytest.raises(ValidationError, match="category"):
        models.validate_exercise({"activity": "x", "minutes": 5, "category": "cardio"})


@pytest.mark.parametrize("minutes", ["0", "601", "-3", "abc", "", "2.5"])
def test_minutes_out_of_range(minutes):
    with pytest.raises(ValidationError) as info:
        models.validate_exercise({"activity": "walking", "minutes": minutes})
    assert info.value.field == "minutes"


@pytest.mark.parametrize("activity", ["", "   ", None])
def test_empty_activity_is_refused(activity):
    with pytest.raises(ValidationError, match="activity"):
        models.validate_exercise({"activity": activity, "minutes": 10})


def test_peg_score():
    assert models.peg_score(6, 3, 4) == pytest.approx(4.33, abs=0.01)
    assert models.peg_score(6, None, 4) is None


def test_today_defaults_to_the_real_clock():
    assert models.today() == dt.date.today()
