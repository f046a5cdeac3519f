"""The rules every door shares: one number rule, printable text only, a checked logged_at."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tracker import models
from tracker.models import ValidationError

SCORE = ("average", lambda value: models.parse_score("average", value))
MINUTES = ("minutes", models.parse_minutes)


def refusal(parse, value) -> ValidationError:
    with pytest.raises(ValidationError) as info:
        parse(value)
    return info.value


# ---- one number rule ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "score", "minutes"),
    [
        ("7", 7, 7),
        (" 7 ", 7, 7),
        ("\t10\n", 10, 10),
        ("+5", 5, 5),
        ("5.0", 5, 5),
        ("5.00", 5, 5),
        ("0010", 10, 10),
        ("30.0", None, 30),
        ("600", None, 600),
    ],
)
def test_whole_numbers_as_people_and_spreadsheets_write_them(text, score, minutes):
    if score is not None:
        assert models.parse_score("average", text) == score
    assert models.parse_minutes(text) == minutes


@pytest.mark.parametrize(
    "text",
    [
        "1_0",  # Python's int() reads 10
        "1e1",  # float() reads 10.0
        "1E1",
        "nan",
        "inf",
        "-inf",
        "٥",  # Arabic-Indic five: int() reads 5
        "５",  # fullwidth five
        "1٥",
        "0x5",
        "5.",
        ".5",
        "5.5",
        "5,0",
        "5 5",
        "\u00a05",  # a no-break space is not ASCII whitespace
        "\x1c5",  # str.strip() would quietly drop this control character
    ],
)
@pytest.mark.parametrize(("field", "parse"), [SCORE, MINUTES])
def test_anything_else_is_refused_naming_the_field(field, parse, text):
    error = refusal(parse, text)
    assert error.field == field
    low, high = (0, 10) if field == "average" else (1, 600)
    assert error.message == f"must be a whole number from {low} to {high}, not {text!r}"


@pytest.mark.parametrize(("field", "parse"), [SCORE, MINUTES])
def test_huge_numbers_are_out_of_range_not_a_traceback(field, parse):
    low, high = (0, 10) if field == "average" else (1, 600)
    twenty = "12345678901234567890"
    assert refusal(parse, twenty).message == f"must be from {low} to {high}, not {twenty}"
    assert refusal(parse, f"-{twenty}").message == f"must be from {low} to {high}, not -{twenty}"
    huge = refusal(parse, "9" * 5000)  # int() alone raises ValueError past 4,300 digits
    assert huge.message == f"must be from {low} to {high}, not {'9' * 20}…"
    assert refusal(parse, 10**30).field == field


@pytest.mark.parametrize(("field", "parse"), [SCORE, MINUTES])
def test_a_bool_is_refused(field, parse):
    assert refusal(parse, True).message.endswith("not True")
    assert refusal(parse, False).field == field


@given(st.integers(-(10**19), 10**19))
def test_text_and_numbers_read_the_same(value):
    if 1 <= value <= 600:
        assert models.parse_minutes(str(value)) == models.parse_minutes(value) == value
        return
    as_text = refusal(models.parse_minutes, str(value)).message
    assert (
        as_text
        == refusal(models.parse_minutes, value).message
        == f"must be from 1 to 600, not {value}"
    )


@given(st.text())
def test_every_accepted_text_is_ascii_digits(text):
    try:
        value = models.parse_minutes(text)
    except ValidationError as error:
        assert error.field == "minutes"
        return
    core = text.strip(" \t\r\n\f\v").lstrip("+")
    assert core.split(".")[0].isascii() and core.split(".")[0].isdigit()
    assert 1 <= value <= 600


def test_ids_are_positive_and_fit_sqlite():
    assert models.parse_id("6") == 6 and models.parse_id(" ") is None
    assert models.parse_id(str(models.ID_MAX)) == 2**63 - 1
    for bad in ["0", "-1", str(2**63), "abc", "1_0", "6.5"]:
        assert refusal(models.parse_id, bad).field == "id"


# ---- printable text only ----------------------------------------------------------------------

CONTROLS = ["\x00", "\x01", "\x07", "\x08", "\x0b", "\x0c", "\x1b", "\x1f", "\x7f", "\x80", "\x9b"]


@pytest.mark.parametrize("char", CONTROLS)
@pytest.mark.parametrize("field", ["note", "locations"])
def test_control_characters_are_refused_in_pain_text(field, char):
    error = refusal(models.validate_pain, {"average": 5, field: f"abc{char}d"})
    assert error.field == field
    assert error.message.startswith(f"contains a control character (U+{ord(char):04X}) at ")
    assert "at position 4; only printable text" in error.message


@pytest.mark.parametrize("char", CONTROLS)
@pytest.mark.parametrize("field", ["activity", "category", "note"])
def test_control_characters_are_refused_in_exercise_text(field, char):
    data = {"activity": "walking", "minutes": 10, field: f"x{char}"}
    assert refusal(models.validate_exercise, data).field == field


def test_the_message_names_field_character_and_position():
    error = refusal(models.validate_pain, {"average": 5, "note": "bad\x1b[31m"})
    assert str(error) == (
        "note: contains a control character (U+001B) at position 4; only printable text is allowed"
    )


def test_symptoms_are_checked_before_the_vocabulary():
    for value in ["burning\x1b", ["burning", "\x00"]]:
        assert refusal(models.validate_pain, {"average": 5, "symptoms": value}).field == "symptoms"


def test_lone_surrogates_are_refused():
    error = refusal(models.validate_pain, {"average": 5, "note": "caf\udce9"})
    assert error.message.startswith("contains an unpaired surrogate (U+DCE9) at position 4")
    assert refusal(models.parse_activity, "\ud800").field == "activity"


def test_notes_may_span_lines_and_hold_tabs_other_fields_may_not():
    note = "first line\n\tindented\r\nthird"
    assert models.validate_pain({"average": 5, "note": note}).note == note
    for text, what in [("a\nb", "a line break"), ("a\tb", "a tab"), ("a\r\nb", "a carriage")]:
        error = refusal(models.validate_pain, {"average": 5, "locations": text})
        assert error.message.startswith(f"contains {what}")
        assert error.message.endswith("only printable text on one line is allowed")
    lone = refusal(models.parse_note, "over\rwrite")
    assert lone.message.startswith("contains a carriage return (U+000D) at position 5")


@given(st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=50))
def test_printable_text_always_passes(text):
    models.parse_text("locations", text)
    models.parse_note(text)


@given(st.text(min_size=1, max_size=20))
def test_text_with_any_control_character_is_refused(text):
    bad = any(
        (ord(c) < 0x20 and c not in "\t\n") or 0x7F <= ord(c) <= 0x9F or 0xD800 <= ord(c) < 0xE000
        for c in text.replace("\r\n", "")
    )
    try:
        models.parse_note(text)
    except ValidationError as error:
        assert bad and error.field == "note"
        return
    assert not bad


# ---- logged_at --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given_value", "stored"),
    [
        ("2024-05-01T20:15:00", "2024-05-01T20:15:00"),
        ("2024-05-01 20:15:00", "2024-05-01T20:15:00"),
        ("2024-05-01T20:15", "2024-05-01T20:15:00"),
        ("2024-05-01T20:15:00.999999", "2024-05-01T20:15:00"),
        (" 2024-05-01T20:15:07,5 ", "2024-05-01T20:15:07"),
        ("2024-05-01T20:15:00Z", "2024-05-01T20:15:00+00:00"),
        ("2024-05-01T20:15:00+02:00", "2024-05-01T20:15:00+02:00"),
        ("2024-05-01T20:15:00-0130", "2024-05-01T20:15:00-01:30"),
        ("2024-05-01 20:15:00.5+14:00", "2024-05-01T20:15:00+14:00"),
        ("1900-01-01T00:00:00", "1900-01-01T00:00:00"),
    ],
)
def test_logged_at_is_normalised_to_seconds_keeping_its_offset(monkeypatch, given_value, stored):
    """An offset is kept as written (never converted to this computer's zone); a stamp without
    one stays without, as every entry written before offsets were kept is stored."""
    monkeypatch.setenv("TZ", "UTC")
    _tzset()
    assert models.parse_logged_at(given_value) == stored
    assert models.validate_pain({"average": 1, "logged_at": given_value}).logged_at == stored


def _tzset() -> None:
    import time

    if hasattr(time, "tzset"):
        time.tzset()


@pytest.fixture(autouse=True)
def _restore_timezone():
    yield
    _tzset()


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("0001-01-01T00:00:00", "0001-01-01T00:00:00 is before 1900"),
        ("1899-12-31T23:59:59", "1899-12-31T23:59:59 is before 1900"),
        ("9999-12-31T23:59:59", "9999-12-31T23:59:59 is in the future"),
        ("9999-12-31 00:00", "9999-12-31T00:00:00 is in the future"),
        ("2024-05-01", "must be a date and time like 2024-05-01T20:15:00"),
        ("2024-02-30T10:00:00", "must be a date and time like"),
        ("2024-05-01T24:00:00", "must be a date and time like"),
        ("2024-05-01T20:15:00+25:00", "must be a date and time like"),
        ("20240501T201500", "must be a date and time like"),
        ("2024-W18-3T10:00:00", "must be a date and time like"),
        ("٢٠٢٤-05-01T20:15:00", "must be a date and time like"),
        ("noon", "must be a date and time like"),
    ],
)
def test_bad_logged_at_is_refused(value, message):
    for validate, data in [
        (models.validate_pain, {"average": 5}),
        (models.validate_exercise, {"activity": "walking", "minutes": 5}),
    ]:
        error = refusal(validate, {**data, "logged_at": value})
        assert error.field == "logged_at" and error.message.startswith(message)


def test_logged_at_may_run_a_day_ahead_for_clock_skew():
    now = dt.datetime.now().replace(microsecond=0)
    soon = (now + dt.timedelta(hours=23)).isoformat()
    assert models.parse_logged_at(soon) == soon
    later = (now + dt.timedelta(days=1, hours=1)).isoformat()
    assert "in the future" in refusal(models.parse_logged_at, later).message


def test_a_fixed_today_moves_the_horizon(monkeypatch):
    monkeypatch.setenv("TRACKER_TODAY", "2090-01-01")
    assert models.parse_logged_at("2090-01-02T12:00:00") == "2090-01-02T12:00:00"


def test_empty_logged_at_is_now_with_its_offset():
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    stamp = dt.datetime.fromisoformat(models.validate_pain({"average": 3}).logged_at)
    assert before <= stamp <= dt.datetime.now(dt.UTC)
    assert stamp.utcoffset() == dt.datetime.now().astimezone().utcoffset()
