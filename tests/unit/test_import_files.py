"""What files and values every door refuses or accepts: BOMs, semicolons, controls, numbers."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from test_import import refused, seeded, snapshot, write_csv

from tracker.store import Store

BOM = "\ufeff"


# ---- byte-order mark and separators ---------------------------------------------------------


@pytest.mark.parametrize(
    "header",
    [
        ["id", "date", "average", "note"],
        ["note", "average", "date"],
        ["average", "date", "id"],
        [" Date ", "AVERAGE"],
    ],
)
def test_a_byte_order_mark_is_accepted_whatever_the_column_order(tmp_path, db_path, header):
    values = {"id": "", "date": "2024-01-05", "average": "4", "note": "with BOM"}
    row = [values[name.strip().lower()] for name in header]
    path = write_csv(tmp_path / "excel.csv", [header, row], encoding="utf-8-sig")
    assert path.read_bytes().startswith(BOM.encode("utf-8"))
    with Store.open(db_path) as store:
        from tracker.exchange.csv_import import import_file

        assert import_file(store, path).added == 1
    stored = snapshot(db_path)["pain"][0]
    assert (stored["date"], stored["average"]) == ("2024-01-05", 4)


def test_an_excel_export_with_bom_and_crlf_imports_through_the_cli(tmp_path, db_path, invoke):
    path = tmp_path / "Book1.csv"
    path.write_bytes(f"{BOM}minutes,date,activity\r\n30.0,2024-01-05,walking\r\n".encode())
    result = invoke("import", str(path))
    assert result.exit_code == 0, result.output
    assert snapshot(db_path)["exercise"][0]["minutes"] == 30


@pytest.mark.parametrize(
    "text",
    [
        "date;average;note\r\n2024-01-05;4;fine\r\n",
        f"{BOM}id;date;logged_at;activity;category;minutes\n",
        'date;average;note\n2024-01-05;4;"a, b"\n',
    ],
)
def test_a_semicolon_file_is_named_as_such(tmp_path, db_path, invoke, text):
    seeded(db_path)
    path = tmp_path / "european.csv"
    path.write_text(text, encoding="utf-8")
    refused(
        invoke,
        db_path,
        path,
        "line 1: this file is separated by semicolons; tracker reads comma-separated CSV "
        "(export again with commas, or",
    )


def test_a_semicolon_inside_a_comma_header_is_not_mistaken(tmp_path, db_path, invoke):
    path = write_csv(tmp_path / "p.csv", [["date", "average", "a;b"], ["2024-01-05", "4", "x"]])
    assert invoke("import", str(path)).exit_code == 0


# ---- control characters ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["pain", "5", "--note", "a\x1bb"], "note: contains a control character (U+001B)"),
        (["pain", "5", "--note", "a\x00b"], "note: contains a control character (U+0000)"),
        (["pain", "5", "--where", "left\nfoot"], "locations: contains a line break (U+000A)"),
        (
            ["pain", "5", "--symptom", "burning\x07"],
            "symptoms: contains a control character (U+0007)",
        ),
        (["exercise", "walk\x9bing", "30"], "activity: contains a control character (U+009B)"),
        (
            ["exercise", "walking", "30", "--note", "\x7f"],
            "note: contains a control character (U+007F)",
        ),
        (
            ["exercise", "x", "5", "--category", "other\x1b"],
            "category: contains a control character (U+001B)",
        ),
    ],
)
def test_the_cli_refuses_control_characters_in_one_line(db_path, invoke, args, message):
    result = invoke(*args)
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(f"Error: {message} at position ")
    assert result.stderr.count("\n") == 1 and result.stdout == ""
    assert not db_path.exists() or snapshot(db_path) == {"pain": [], "exercise": []}


def test_a_real_shell_argument_with_escape_is_refused_without_echoing_it(tmp_path):
    """`tracker pain 5 --note $'a\\x1bb'` as a shell runs it: the ESC never reaches stderr."""
    env = {**os.environ, "TRACKER_DB": str(tmp_path / "real.db"), "NO_COLOR": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "tracker", "pain", "5", "--note", "a\x1bb"],
        capture_output=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 2 and done.stdout == b""
    assert done.stderr == (
        b"Error: note: contains a control character (U+001B) at position 2; "
        b"only printable text is allowed\n"
    )


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        ("a\x00b", "line 3, note: contains a control character (U+0000) at position 2"),
        ("ok\x1b[2J", "line 3, note: contains a control character (U+001B) at position 3"),
        ("\x85", "line 3, note: contains a control character (U+0085) at position 1"),
        ("one\rtwo", "line 3, note: contains a carriage return (U+000D) at position 4"),
    ],
)
def test_import_refuses_control_characters_in_a_note(tmp_path, db_path, invoke, cell, message):
    seeded(db_path)
    rows = [["date", "average", "note"], ["2024-01-01", "4", "fine"], ["2024-01-02", "5", cell]]
    refused(invoke, db_path, write_csv(tmp_path / "p.csv", rows), message)


def test_import_keeps_multi_line_notes_with_tabs(tmp_path, db_path, invoke):
    note = "first\n\tsecond\r\nthird"
    path = write_csv(tmp_path / "p.csv", [["date", "average", "note"], ["2024-01-01", "4", note]])
    assert invoke("import", str(path)).exit_code == 0
    assert snapshot(db_path)["pain"][0]["note"] == note


# ---- numbers and write times, through every door ---------------------------------------------


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        ("1_0", "line 2, average: must be a whole number from 0 to 10, not '1_0'"),
        ("1e1", "line 2, average: must be a whole number from 0 to 10, not '1e1'"),
        ("٥", "line 2, average: must be a whole number from 0 to 10, not '٥'"),
        ("５", "line 2, average: must be a whole number from 0 to 10, not '５'"),
        ("nan", "line 2, average: must be a whole number from 0 to 10, not 'nan'"),
        ("12345678901234567890", "line 2, average: must be from 0 to 10, not 12345678901234567890"),
    ],
)
def test_import_applies_the_number_rule(tmp_path, db_path, invoke, cell, message):
    seeded(db_path)
    rows = [["date", "average"], ["2024-01-01", cell]]
    refused(invoke, db_path, write_csv(tmp_path / "p.csv", rows), message)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["pain", "1_0"], "average: must be a whole number from 0 to 10, not '1_0'"),
        (["pain", "5", "--worst", "1e1"], "worst: must be a whole number from 0 to 10, not '1e1'"),
        (["pain", "٥"], "average: must be a whole number from 0 to 10, not '٥'"),
        (["exercise", "walking", "５"], "minutes: must be a whole number from 1 to 600, not '５'"),
        (["exercise", "walking", "99999999999999999999"], "minutes: must be from 1 to 600, not"),
        (["exercise", "walking", "inf"], "minutes: must be a whole number from 1 to 600"),
    ],
)
def test_the_cli_applies_the_number_rule(db_path, invoke, args, message):
    result = invoke(*args)
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(f"Error: {message}") and result.stderr.count("\n") == 1
    assert "Traceback" not in result.output


def test_whole_decimals_are_whole_numbers_everywhere(tmp_path, db_path, invoke):
    assert invoke("exercise", "walking", "30.0", "--rpe", "4.00").exit_code == 0
    assert invoke("pain", "5.0").exit_code == 0
    rows = [["date", "activity", "minutes", "pain_after"], ["2024-01-01", "swim", "45.0", "+3"]]
    assert invoke("import", str(write_csv(tmp_path / "e.csv", rows))).exit_code == 0
    stored = snapshot(db_path)
    assert [(row["minutes"], row["rpe"]) for row in stored["exercise"]] == [(45, None), (30, 4)]
    assert stored["exercise"][0]["pain_after"] == 3 and stored["pain"][0]["average"] == 5


@pytest.mark.parametrize(
    ("stamp", "message"),
    [
        ("0001-01-01T00:00:00", "line 2, logged_at: 0001-01-01T00:00:00 is before 1900"),
        ("9999-12-31T23:59:59", "line 2, logged_at: 9999-12-31T23:59:59 is in the future"),
        ("2024-13-01T00:00:00", "line 2, logged_at: must be a date and time like"),
    ],
)
def test_import_refuses_impossible_write_times(tmp_path, db_path, invoke, stamp, message):
    seeded(db_path)
    rows = [["date", "logged_at", "average"], ["2024-01-01", stamp, "3"]]
    refused(invoke, db_path, write_csv(tmp_path / "p.csv", rows), message)


def test_import_normalises_write_times(tmp_path, db_path, invoke):
    rows = [["date", "logged_at", "average"], ["2024-01-01", "2024-01-01 20:15:30.25", "3"]]
    assert invoke("import", str(write_csv(tmp_path / "p.csv", rows))).exit_code == 0
    assert snapshot(db_path)["pain"][0]["logged_at"] == "2024-01-01T20:15:30"


def test_the_help_names_update(invoke):
    text = invoke("import", "--help").stdout
    assert "--update" in text and "id" in text
