"""The Excel workbook export: typed cells read back with openpyxl, sheets, options, safe writes."""

from __future__ import annotations

import io
import sqlite3
import stat
import tempfile
from datetime import date, datetime

import pytest
from openpyxl import load_workbook

from tracker.exchange.csv_export import TABLES
from tracker.exchange.dictionary import TABLES as DICTIONARY
from tracker.exchange.xlsx_export import (
    DICTIONARY_COLUMNS,
    WORKBOOK_NOTES,
    export_workbook,
    names_workbook,
)
from tracker.kinds import KINDS
from tracker.models import validate_exercise, validate_pain
from tracker.safe_files import OutputExists, OutputRefused
from tracker.store import Store

ACCENTS = "Füßen – naïve café"
FORMULA = "=1+1"
MARKUP = "[b]x[/b]"
NO_MEDICINES = {
    "medicine": 0,
    "med_change": 0,
    "dose": 0,
    "side_effect": 0,
    "symptom_rating": 0,
}


@pytest.fixture
def diary(db_path):
    """Two pain entries on one day (mean 3.5, PEG 4.5 and 5), a gap, then a session."""
    with Store.open(db_path) as store:
        store.add_many(
            [
                validate_pain(
                    {
                        "date": "2024-03-01",
                        "logged_at": "2024-03-01T08:15:00",
                        "average": 3,
                        "worst": 6,
                        "activity_interference": 4,
                        "enjoyment_interference": 5,  # PEG (3+4+5)/3 = 4
                        "symptoms": ["tingling", "burning"],
                        "locations": ACCENTS,
                        "note": FORMULA,
                    }
                ),
                validate_pain(
                    {
                        "date": "2024-03-01",
                        "logged_at": "2024-03-01T20:00:00",
                        "average": 4,
                        "activity_interference": 5,
                        "enjoyment_interference": 6,  # PEG 5
                        "note": MARKUP,
                    }
                ),
            ],
            [
                validate_exercise(
                    {
                        "date": "2024-03-03",
                        "logged_at": "2024-03-03T10:30:00",
                        "activity": ACCENTS,
                        "minutes": 25,
                        "note": "#N/A",
                    }
                )
            ],
        )
    return db_path


def workbook(path):
    return load_workbook(path)  # not read_only: freeze panes and widths are read too


def rows(sheet) -> list[list]:
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def test_cells_come_back_as_their_types(diary, tmp_path, invoke):
    target = tmp_path / "visit.xlsx"
    result = invoke("export", str(target))  # the suffix chooses the workbook
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        f"Wrote a workbook to {target}: 3 daily, 2 pain, 1 exercise, 0 medicine, "
        "0 med_change, 0 dose, 0 side_effect, 0 symptom_rating rows, "
        "and the data dictionary.\n"
    )
    book = workbook(target)
    assert book.sheetnames == ["daily", *KINDS, "dictionary"]

    daily = book["daily"]
    assert rows(daily)[0] == list(TABLES["daily"])
    first = dict(zip(TABLES["daily"], rows(daily)[1], strict=True))
    assert first["pain_avg"] == 3.5 and isinstance(first["pain_avg"], float)
    assert first["peg"] == 4.5 and isinstance(first["peg"], float)
    assert first["pain_worst"] == 6 and isinstance(first["pain_worst"], int)
    assert first["symptoms"] == "burning; tingling"
    assert first["exercise_minutes"] is None  # nothing logged: empty, never 0
    gap = dict(zip(TABLES["daily"], rows(daily)[2], strict=True))
    assert gap["pain_avg"] is None and gap["sessions"] is None
    last = dict(zip(TABLES["daily"], rows(daily)[3], strict=True))
    assert (last["exercise_minutes"], last["sessions"], last["activities"]) == (25, 1, ACCENTS)

    # A date cell: a day with a date-only format (openpyxl reads every date cell as a datetime).
    day_cell = daily["A2"]
    assert day_cell.is_date and day_cell.number_format == "yyyy-mm-dd"
    assert day_cell.value.date() == date(2024, 3, 1) and day_cell.value.time().hour == 0

    pain = book["pain"]
    assert rows(pain)[0] == list(KINDS["pain"].columns)
    entry = dict(zip(KINDS["pain"].columns, rows(pain)[1], strict=True))
    assert entry["id"] == 1 and entry["average"] == 3 and entry["least"] is None
    assert entry["date"] == datetime(2024, 3, 1)
    assert entry["logged_at"] == datetime(2024, 3, 1, 8, 15)
    assert pain["C2"].is_date and "h:mm:ss" in pain["C2"].number_format
    assert entry["locations"] == ACCENTS
    assert entry["symptoms"] == "tingling; burning"
    # Text stays text: no formula, no guard quote, markup verbatim.
    assert entry["note"] == FORMULA and pain["L2"].data_type == "s"
    assert rows(pain)[2][KINDS["pain"].columns.index("note")] == MARKUP

    exercise = dict(zip(KINDS["exercise"].columns, rows(book["exercise"])[1], strict=True))
    assert exercise["activity"] == ACCENTS and exercise["minutes"] == 25
    assert exercise["note"] == "#N/A" and book["exercise"]["J2"].data_type == "s"


def test_every_sheet_has_a_frozen_bold_header_and_set_widths(diary, tmp_path):
    target = tmp_path / "visit.xlsx"
    with Store.open(diary) as store:
        assert export_workbook(store, target) == {
            "daily": 3,
            "pain": 2,
            "exercise": 1,
            **NO_MEDICINES,
        }
    book = workbook(target)
    for sheet in book:
        assert sheet.freeze_panes == "A2"
        assert all(cell.font.bold for cell in sheet[1])
        widths = [sheet.column_dimensions[cell.column_letter].width for cell in sheet[1]]
        assert all(width >= 8 for width in widths), (sheet.title, widths)
    pain = book["pain"]
    assert pain.column_dimensions["L"].width == 60  # the note
    assert pain.column_dimensions["B"].width == 12  # the date


def test_the_dictionary_sheet_describes_every_column(diary, tmp_path):
    target = tmp_path / "visit.xlsx"
    with Store.open(diary) as store:
        export_workbook(store, target)
    table = rows(workbook(target)["dictionary"])
    assert table[0] == list(DICTIONARY_COLUMNS)
    assert [row[2] for row in table[1 : 1 + len(WORKBOOK_NOTES)]] == list(WORKBOOK_NOTES)
    described = {(row[0], row[1]): row[2:] for row in table if row[1]}
    for name, (_, columns) in DICTIONARY.items():
        for column, info in columns.items():
            assert described[(name, column)][:2] == [info.meaning, info.unit]
    assert ("pain", "average") in described and "LOINC 72514-3" in described[("pain", "average")][2]


def test_range_and_an_empty_diary(diary, db_path, tmp_path, invoke):
    target = tmp_path / "march.xlsx"
    ranged = invoke("export", "--from", "2024-03-02", "--to", "2024-03-03", str(target))
    assert ranged.exit_code == 0, ranged.output
    book = workbook(target)
    assert [row[0].date() for row in rows(book["daily"])[1:]] == [
        date(2024, 3, 2),
        date(2024, 3, 3),
    ]
    assert len(rows(book["pain"])) == 1 and len(rows(book["exercise"])) == 2

    empty = tmp_path / "empty.db"
    Store.open(empty).close()
    with Store.open(empty) as store:
        assert export_workbook(store, tmp_path / "empty.xlsx") == {
            "daily": 0,
            "pain": 0,
            "exercise": 0,
            **NO_MEDICINES,
        }
    assert rows(workbook(tmp_path / "empty.xlsx")["pain"]) == [list(KINDS["pain"].columns)]


def test_format_option_and_suffix(diary, tmp_path, invoke):
    assert names_workbook("a.XLSX") and not names_workbook("a.csv")
    named = tmp_path / "for-the-doctor"
    assert invoke("export", "--format", "xlsx", str(named)).exit_code == 0
    with open(named, "rb") as handle:  # openpyxl goes by the suffix unless given a handle
        assert load_workbook(handle).sheetnames[0] == "daily"
    csv_anyway = tmp_path / "odd.xlsx"
    assert invoke("export", "--format", "csv", str(csv_anyway)).exit_code == 0
    assert csv_anyway.read_bytes().startswith(b"\xef\xbb\xbfdate,")
    # Standard output: the workbook's bytes, for a pipe.
    piped = invoke("export", "--format", "xlsx", "-")
    assert piped.exit_code == 0
    assert load_workbook(io.BytesIO(piped.stdout_bytes)).sheetnames[-1] == "dictionary"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--table", "pain"], "--table: a workbook holds every table"),
        (["--dictionary"], "--dictionary: a workbook holds the dictionary as a sheet"),
    ],
)
def test_csv_only_options_are_refused_for_a_workbook(diary, tmp_path, invoke, args, message):
    result = invoke("export", *args, str(tmp_path / "x.xlsx"))
    assert result.exit_code == 2 and message in result.stderr
    assert list(tmp_path.glob("*.xlsx")) == []


def test_written_safely(diary, tmp_path, invoke):
    target = tmp_path / "visit.xlsx"
    assert invoke("export", str(target)).exit_code == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    before = target.read_bytes()
    again = invoke("export", str(target))
    assert again.exit_code == 2 and "already exists" in again.stderr
    assert target.read_bytes() == before
    assert invoke("export", str(target), "--force").exit_code == 0
    with Store.open(diary) as store:
        with pytest.raises(OutputExists):
            export_workbook(store, target)
        with pytest.raises(OutputRefused, match="diary database"):
            export_workbook(store, diary, force=True)
    assert list(tmp_path.glob("*.part")) == []


def test_a_control_character_in_a_damaged_row_is_one_line(diary, tmp_path, invoke, monkeypatch):
    scratch = tmp_path / "scratch"  # where openpyxl keeps each sheet while it is written
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    with sqlite3.connect(diary) as conn:
        conn.execute("UPDATE pain SET note = 'bad\x01note' WHERE id = 2")
    conn.close()
    target = tmp_path / "visit.xlsx"
    result = invoke("export", str(target))
    assert result.exit_code == 1, result.output
    assert result.stderr.count("\n") == 1 and "pain row 2 holds a control character" in (
        result.stderr
    )
    assert not target.exists() and list(tmp_path.glob("*.part")) == []
    assert list(scratch.iterdir()) == []  # the daily sheet's temporary file is gone too
