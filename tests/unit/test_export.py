"""CSV export: the three tables, gaps and aggregates, quoting, formula neutralising, dictionary."""

from __future__ import annotations

import codecs
import csv
import io
import subprocess
import sys

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from tracker.cli import cli
from tracker.exchange import cells
from tracker.exchange.csv_export import TABLES, default_filename, export_file, write_table
from tracker.exchange.dictionary import TABLES as DICTIONARY
from tracker.exchange.dictionary import render
from tracker.models import validate_exercise, validate_pain
from tracker.store import Store


def pain(**values):
    return validate_pain({"logged_at": f"{values['date']}T20:00:00", **values})


def session(**values):
    return validate_exercise({"logged_at": f"{values['date']}T10:00:00", **values})


def raw(result) -> str:
    """Standard output exactly as written (click's `Result.stdout` turns CRLF into LF)."""
    assert result.exit_code == 0, result.output
    return result.stdout_bytes.decode("utf-8")


def parse(result) -> list[dict]:
    return list(csv.DictReader(io.StringIO(raw(result), newline="")))


@pytest.fixture
def diary(db_path):
    """Four days by hand: two entries, a gap, exercise only, three entries without extras."""
    with Store.open(db_path) as store:
        store.add_many(
            [
                pain(
                    date="2024-03-01",
                    average=4,
                    worst=6,
                    least=2,
                    sleep_interference=3,
                    activity_interference=5,
                    enjoyment_interference=6,
                    symptoms=["tingling", "burning"],
                ),
                pain(
                    date="2024-03-01",
                    average=5,
                    worst=8,
                    least=3,
                    sleep_interference=4,
                    activity_interference=6,
                    enjoyment_interference=7,
                    symptoms=["numbness", "tingling"],
                ),
                pain(date="2024-03-04", average=3),
                pain(date="2024-03-04", average=3),
                pain(date="2024-03-04", average=4, symptoms=["cold"]),
            ],
            [
                session(date="2024-03-03", activity="walking", minutes=30),
                session(date="2024-03-03", activity="yoga", minutes=20),
                session(date="2024-03-03", activity="walking", minutes=10),
            ],
        )
    return db_path


def test_daily_has_every_day_with_hand_computed_aggregates(diary, invoke):
    lines = raw(invoke("export")).split("\r\n")
    assert lines[0] == ",".join(TABLES["daily"])
    assert lines[1:] == [
        # means: (4+5)/2, worst max, least min, sleep (3+4)/2, peg mean of 5 and 6
        "2024-03-01,4.5,8,2,3.5,5.5,burning; tingling; numbness,,,,,",
        "2024-03-02,,,,,,,,,,,",
        "2024-03-03,,,,,,,60,3,walking; yoga,,",
        # (3+3+4)/3 = 3.333 -> 3.33; nothing but the averages was given
        "2024-03-04,3.33,,,,,cold,,,,,",
        "",
    ]


def test_daily_range_options_clip_and_extend(diary, invoke):
    inside = parse(invoke("export", "--from", "2024-03-02", "--to", "2024-03-03"))
    assert [row["date"] for row in inside] == ["2024-03-02", "2024-03-03"]
    wider = parse(invoke("export", "--from", "2024-02-28"))
    assert [row["date"] for row in wider][:3] == ["2024-02-28", "2024-02-29", "2024-03-01"]
    assert wider[0]["pain_avg"] == "" and len(wider) == 6


def test_pain_and_exercise_tables_keep_the_contract_columns(diary, invoke):
    for table in ("pain", "exercise"):
        rows = list(csv.reader(io.StringIO(raw(invoke("export", "--table", table)))))
        assert tuple(rows[0]) == TABLES[table]
    pain_rows = parse(invoke("export", "--table", "pain"))
    assert pain_rows[0]["symptoms"] == "tingling; burning"
    assert pain_rows[0]["average"] == "4" and pain_rows[2]["worst"] == ""
    exercise_rows = parse(invoke("export", "--table", "exercise"))
    assert [row["minutes"] for row in exercise_rows] == ["30", "20", "10"]
    assert exercise_rows[0]["category"] == "aerobic"


def test_file_is_utf8_with_a_bom_crlf_and_reads_back_with_csv(diary, tmp_path, invoke):
    target = tmp_path / "daily.csv"
    result = invoke("export", str(target))
    assert result.exit_code == 0
    assert "Wrote 4 rows of the daily table" in result.stderr
    raw = target.read_bytes()
    assert raw.startswith(codecs.BOM_UTF8 + b"date,pain_avg,")
    assert raw.count(b"\r\n") == 5 and b"\n" not in raw.replace(b"\r\n", b"")
    with open(target, encoding="utf-8-sig", newline="") as handle:
        assert next(csv.reader(handle))[0] == "date"
    assert list(tmp_path.glob("*.part")) == []
    # Standard output is for pipes: no mark there.
    assert not invoke("export").stdout_bytes.startswith(codecs.BOM_UTF8)


ACCENTS = "Füßen – naïve café"


def test_accented_text_reads_back_as_a_spreadsheet_reads_it(db_path, tmp_path, invoke):
    """A spreadsheet takes the mark as "this is UTF-8" and drops it: so does utf-8-sig."""
    with Store.open(db_path) as store:
        store.add_many(
            [pain(date="2024-03-01", average=3, locations=ACCENTS, note="日本語 ok")],
            [session(date="2024-03-01", activity=ACCENTS, minutes=20)],
        )
    for table, column, text in (
        ("pain", "locations", ACCENTS),
        ("pain", "note", "日本語 ok"),
        ("exercise", "activity", ACCENTS),
        ("daily", "activities", ACCENTS),
    ):
        target = tmp_path / f"{table}.csv"
        assert invoke("export", "--table", table, str(target), "--force").exit_code == 0
        with open(target, encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.DictReader(handle))
        assert list(rows[0]) == list(TABLES[table])  # no "\ufeffdate" or "\ufeffid"
        assert rows[0][column] == text
        # Read as Windows-1252, as a spreadsheet does without the mark: the garbling the mark
        # prevents (the test would pass without the mark only if the text were ASCII).
        assert text not in target.read_bytes().decode("cp1252", errors="replace")


def test_a_bom_file_round_trips_through_import(db_path, tmp_path, invoke):
    """export -> import into a fresh diary -> export gives the same bytes, mark and all."""
    with Store.open(db_path) as store:
        store.add_many(
            [pain(date="2024-03-01", average=3, locations=ACCENTS, note="=1+1 [b]x[/b]")],
            [session(date="2024-03-02", activity=ACCENTS, minutes=20, note="'@home")],
        )
    fresh = tmp_path / "fresh.db"
    runner = CliRunner()
    for table in ("pain", "exercise"):
        first, second = tmp_path / f"{table}-1.csv", tmp_path / f"{table}-2.csv"
        assert invoke("export", "--table", table, str(first)).exit_code == 0
        assert first.read_bytes().startswith(codecs.BOM_UTF8)
        imported = runner.invoke(cli, ["--db", str(fresh), "import", str(first)])
        assert imported.exit_code == 0, imported.output
        again = runner.invoke(cli, ["--db", str(fresh), "export", "--table", table, str(second)])
        assert again.exit_code == 0, again.output
        assert second.read_bytes() == first.read_bytes()


def test_empty_diary_gives_the_header_only(db_path, invoke):
    Store.open(db_path).close()
    for table, columns in TABLES.items():
        assert raw(invoke("export", "--table", table)) == ",".join(columns) + "\r\n"


def test_notes_with_commas_quotes_newlines_and_formulas(db_path, invoke):
    notes = [
        'said "keep going", then left',
        "line one\nline two\r\nline three",
        '=HYPERLINK("http://x","click")',
        "+1",
        "-x",
        "@a",
        "'=already quoted",
        "'just a quote",
        "café 日本",
    ]
    with Store.open(db_path) as store:
        store.add_many([pain(date="2024-01-01", average=2, note=n) for n in notes])
        store.add_many([], [session(date="2024-01-01", activity="-stairs", minutes=5)])
    rows = parse(invoke("export", "--table", "pain"))
    assert [row["note"] for row in rows] == [
        'said "keep going", then left',
        "line one\nline two\r\nline three",
        '\'=HYPERLINK("http://x","click")',
        "'+1",
        "'-x",
        "'@a",
        "''=already quoted",
        "'just a quote",
        "café 日本",
    ]
    assert all(row["average"] == "2" for row in rows)
    assert parse(invoke("export", "--table", "exercise"))[0]["activity"] == "'-stairs"
    assert parse(invoke("export"))[0]["activities"] == "'-stairs"


def test_cells_neutralise_every_formula_start():
    for text in ("=1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"):
        assert cells.neutralise(text) == "'" + text
        assert cells.restore(cells.neutralise(text)) == text
    for text in ("", "walking", "'x", "1-2", "a=b"):
        assert cells.neutralise(text) == text


@given(st.text())
def test_restore_undoes_neutralise_exactly(text):
    assert cells.restore(cells.neutralise(text)) == text


@given(st.text())
def test_neutralised_text_never_starts_a_formula(text):
    assert cells.neutralise(text)[:1] not in cells.FORMULA_STARTS


def test_numbers_are_plain():
    assert [cells.number(v) for v in (None, 0, 7, 4.0, 4.5, 4.333333, 3.999, 0.004)] == [
        "",
        "0",
        "7",
        "4",
        "4.5",
        "4.33",
        "4",
        "0",
    ]


def test_write_table_and_export_file_agree(diary, tmp_path):
    with Store.open(diary) as store:
        buffer = io.StringIO(newline="")
        count = write_table(store, "pain", buffer, "2024-03-04", None)
        path = tmp_path / "pain.csv"
        assert export_file(store, "pain", path, "2024-03-04") == count == 3
    assert path.read_text(encoding="utf-8-sig") == buffer.getvalue().replace("\r\n", "\n")
    assert default_filename("pain", "2024-03-05") == "tracker-export-2024-03-05-pain.csv"


def test_errors_are_one_line(db_path, tmp_path, invoke):
    missing = invoke("export")
    assert missing.exit_code == 1 and "does not exist" in missing.stderr
    Store.open(db_path).close()
    nowhere = invoke("export", str(tmp_path / "no" / "such" / "x.csv"))
    assert nowhere.exit_code == 2 and nowhere.stderr.count("\n") == 1
    backwards = invoke("export", "--from", "2024-03-05", "--to", "2024-03-01")
    assert backwards.exit_code == 2
    assert backwards.stderr.startswith("Error: to: 2024-03-01 is before")
    bad = invoke("export", "--table", "sleep")
    assert bad.exit_code == 2 and "Traceback" not in bad.output


def test_dictionary_covers_every_column_with_its_standard(invoke):
    for table, columns in TABLES.items():
        assert tuple(DICTIONARY[table][1]) == columns
    text = invoke("export", "--dictionary").stdout
    for words in ("LOINC 72514-3", "Krebs", "Borg CR10", "ISO 8601", "Brief Pain Inventory"):
        assert words in text
    only_pain = invoke("export", "--dictionary", "--table", "pain").stdout
    assert "Table pain" in only_pain and "Table daily" not in only_pain
    assert text == render()


def test_dictionary_can_go_to_a_file(tmp_path, invoke):
    target = tmp_path / "columns.txt"
    assert invoke("export", "--dictionary", str(target)).exit_code == 0
    assert target.read_text(encoding="utf-8") == render()


def test_exchange_imports_without_textual_or_fpdf():
    code = (
        "import sys, tracker.exchange.csv_export, tracker.exchange.csv_import,"
        " tracker.exchange.dictionary, tracker.exchange.xlsx_export, tracker.cli.exchange;"
        "heavy = [m for m in ('textual', 'fpdf', 'plotext', 'openpyxl') if m in sys.modules];"
        "assert not heavy, heavy"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
