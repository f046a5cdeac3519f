"""CSV import: round trip, validation with line numbers, nothing half-imported, no duplicates."""

from __future__ import annotations

import csv
import datetime as dt
import io
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tracker.cli import cli
from tracker.exchange.csv_export import export_file
from tracker.exchange.csv_import import import_file
from tracker.models import SYMPTOMS, validate_exercise, validate_pain
from tracker.store import Store

FORMULA_LIKE = ['=HYPERLINK("x")', "+1", "-x", "@a", "'=q", 'a, "b"', "日本 é"]
#: Notes may also span lines and hold tabs (other fields are one printable line).
NOTE_LIKE = [*FORMULA_LIKE, "\tlead", 'a, "b"\nc\r\nd']
#: Printable text: no control characters (Cc: C0, DEL, C1) and no lone surrogates (Cs).
PRINTABLE = st.characters(blacklist_categories=("Cc", "Cs"))


def without_ids(path: Path) -> list[list[str]]:
    """A CSV file's rows with the id column dropped (import gives new ids)."""
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    at = rows[0].index("id")
    return [row[:at] + row[at + 1 :] for row in rows]


def snapshot(path: Path) -> dict[str, list[dict]]:
    """Every stored row of both kinds, for "nothing changed" checks."""
    with Store.open(path) as store:
        return {"pain": store.pain_rows(), "exercise": store.exercise_rows()}


def write_csv(path: Path, rows: list[list[str]], encoding: str = "utf-8") -> Path:
    with open(path, "w", encoding=encoding, newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def seeded(db_path: Path) -> Path:
    with Store.open(db_path) as store:
        store.add_many(
            [
                validate_pain(
                    {
                        "date": "2024-05-01",
                        "average": 5,
                        "note": "=1+1",
                        "logged_at": "2024-05-01T20:00:00",
                    }
                ),
                validate_pain({"date": "2024-05-02", "average": 4, "symptoms": "burning; cold"}),
            ],
            [validate_exercise({"date": "2024-05-01", "activity": "walking", "minutes": 30})],
        )
    return db_path


# ---- round trip ---------------------------------------------------------------------------

days = st.dates(dt.date(2000, 1, 1), dt.date(2020, 12, 31))
texts = st.one_of(st.none(), st.sampled_from(FORMULA_LIKE), st.text(PRINTABLE, max_size=60))
notes = st.one_of(
    st.none(),
    st.sampled_from(NOTE_LIKE),
    st.lists(st.one_of(st.text(PRINTABLE, max_size=8), st.sampled_from(["\n", "\t", "\r\n"])))
    .map("".join)
    .filter(lambda text: len(text) <= 400),
)


@st.composite
def pain_entries(draw):
    average = draw(st.integers(0, 10))
    day = draw(days)
    return validate_pain(
        {
            "date": day.isoformat(),
            "logged_at": f"{day.isoformat()}T{draw(st.integers(0, 23)):02d}:00:00",
            "average": average,
            "worst": draw(st.one_of(st.none(), st.integers(average, 10))),
            "least": draw(st.one_of(st.none(), st.integers(0, average))),
            "sleep_interference": draw(st.one_of(st.none(), st.integers(0, 10))),
            "activity_interference": draw(st.one_of(st.none(), st.integers(0, 10))),
            "enjoyment_interference": draw(st.one_of(st.none(), st.integers(0, 10))),
            "symptoms": draw(st.lists(st.sampled_from(SYMPTOMS), unique=True)),
            "locations": draw(texts),
            "note": draw(notes),
        }
    )


@st.composite
def sessions(draw):
    day = draw(days)
    return validate_exercise(
        {
            "date": day.isoformat(),
            "logged_at": f"{day.isoformat()}T09:{draw(st.integers(0, 59)):02d}:00",
            "activity": draw(
                st.one_of(
                    st.sampled_from(["walking", "-stairs", "@gym"]),
                    st.text(PRINTABLE, max_size=20).filter(str.strip),
                )
            ),
            "minutes": draw(st.integers(1, 600)),
            "rpe": draw(st.one_of(st.none(), st.integers(0, 10))),
            "pain_before": draw(st.one_of(st.none(), st.integers(0, 10))),
            "pain_after": draw(st.one_of(st.none(), st.integers(0, 10))),
            "note": draw(notes),
        }
    )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(pain_entries(), max_size=8), st.lists(sessions(), max_size=8))
def test_export_import_export_round_trips(pain, exercise):
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        with Store.open(root / "a.db") as store:
            store.add_many(pain, exercise)
            for kind in ("pain", "exercise"):
                export_file(store, kind, root / f"{kind}1.csv")
        with Store.open(root / "b.db") as store:
            for kind in ("pain", "exercise"):
                result = import_file(store, root / f"{kind}1.csv")
                assert result.skipped == 0
                export_file(store, kind, root / f"{kind}2.csv")
            assert store.count("pain") == len(pain) and store.count("exercise") == len(exercise)
        for kind in ("pain", "exercise"):
            assert without_ids(root / f"{kind}1.csv") == without_ids(root / f"{kind}2.csv")


def test_sample_history_round_trips_and_is_not_imported_twice(tmp_path, invoke):
    from click.testing import CliRunner

    from tracker.sample import write_sample

    source = tmp_path / "source.db"
    write_sample(source, days=120, seed=3)
    runner = CliRunner()
    for kind in ("pain", "exercise"):
        target = str(tmp_path / f"{kind}.csv")
        exported = runner.invoke(cli, ["--db", str(source), "export", "--table", kind, target])
        assert exported.exit_code == 0
        first = invoke("import", target)
        assert first.exit_code == 0 and first.stdout.startswith("Imported ")
        again = invoke("import", target)
        assert again.stdout.startswith("Imported 0 ") and "skipped" in again.stdout

    def no_ids(path):
        return {k: [row | {"id": None} for row in rows] for k, rows in snapshot(path).items()}

    assert no_ids(tmp_path / "tracker.db") == no_ids(source)


# ---- what the importer tolerates ----------------------------------------------------------


def test_column_order_extra_columns_no_id_and_header_case(tmp_path, db_path, invoke):
    path = write_csv(
        tmp_path / "p.csv",
        [
            ["Note", " AVERAGE ", "date", "mood", "symptoms"],
            ["'=SUM(1)", "6", "2024-02-02", "fine", "tingling; burning"],
            ["", "3", "2024-02-03", "x", ""],
        ],
    )
    result = invoke("import", str(path))
    assert result.exit_code == 0, result.output
    assert result.stdout == f"Imported 2 pain entries from {path}.\n"
    rows = snapshot(db_path)["pain"]
    assert rows[0]["note"] == "=SUM(1)" and rows[0]["symptoms"] == ["tingling", "burning"]
    assert rows[0]["logged_at"] == "2024-02-02T00:00:00"  # no logged_at: midnight of the date
    assert rows[1]["note"] is None
    assert invoke("import", str(path)).stdout.startswith("Imported 0 pain entries")


def test_identical_rows_count_as_a_multiset(tmp_path, db_path, invoke):
    row = ["2024-02-02", "2024-02-02T08:00:00", "5"]
    path = write_csv(tmp_path / "p.csv", [["date", "logged_at", "average"], row, row])
    assert invoke("import", str(path)).stdout.startswith("Imported 2 ")
    assert invoke("import", str(path)).stdout.startswith("Imported 0 ")
    one = write_csv(tmp_path / "one.csv", [["date", "logged_at", "average"], row, row, row])
    result = invoke("import", str(one))
    assert result.stdout == f"Imported 1 pain entry from {one}; skipped 2 already in the diary.\n"


def test_exercise_file_is_recognised(tmp_path, db_path, invoke):
    path = write_csv(
        tmp_path / "e.csv",
        [["minutes", "activity", "date", "rpe"], ["25", "Tai Chi", "2024-01-05", "3"]],
    )
    assert invoke("import", str(path)).stdout.startswith("Imported 1 exercise session ")
    assert snapshot(db_path)["exercise"][0]["category"] == "mind_body"


def test_import_accepts_a_file_without_bom(tmp_path, db_path):
    path = tmp_path / "p.csv"
    path.write_bytes(b"date,average\r\n2024-01-01,2\r\n")
    with Store.open(db_path) as store:
        assert import_file(store, path).added == 1


# ---- what it refuses, leaving the database as it was ---------------------------------------


def refused(invoke, db_path: Path, path: Path, message: str) -> None:
    before = snapshot(db_path)
    result = invoke("import", str(path))
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(f"Error: {message}"), result.stderr
    assert result.stderr.count("\n") == 1 and result.stdout == ""
    assert snapshot(db_path) == before


def test_a_bad_row_names_its_line_and_field_and_imports_nothing(tmp_path, db_path, invoke):
    seeded(db_path)
    rows = [["date", "average", "note"]]
    rows += [[f"2024-01-{day:02d}", "4", "fine"] for day in range(1, 6)]
    rows.append(["2024-01-06", "11", ""])
    refused(
        invoke,
        db_path,
        write_csv(tmp_path / "p.csv", rows),
        "line 7, average: must be from 0 to 10, not 11",
    )


def test_line_numbers_count_physical_lines(tmp_path, db_path, invoke):
    seeded(db_path)
    rows = [["date", "average", "note"], ["2024-01-01", "4", "two\nlines"], ["2024-01-02", "x", ""]]
    refused(invoke, db_path, write_csv(tmp_path / "p.csv", rows), "line 4, average: must be")


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([["date", "average"], ["2024-01-01", "5", "6"]], "line 2: 3 cells where the header has 2"),
        ([["date", "average"], ["", "5"]], "line 2, date: is required"),
        ([["date", "average"], ["2999-01-01", "5"]], "line 2, date: 2999-01-01 is in the future"),
        ([["date", "average", "logged_at"], ["2024-01-01", "5", "noon"]], "line 2, logged_at:"),
        ([["date", "average", "worst"], ["2024-01-01", "5", "3"]], "line 2, worst:"),
        ([["date", "average", "symptoms"], ["2024-01-01", "5", "itchy"]], "line 2, symptom:"),
        ([["date", "activity", "minutes"], ["2024-01-01", "walk", "0"]], "line 2, minutes:"),
        ([["average", "note"], ["5", ""]], "line 1: a pain CSV needs the column(s) date"),
        ([["date", "activity"], ["2024-01-01", "walk"]], "line 1: a exercise CSV needs"),
        ([["title", "value"], ["a", "1"]], "line 1: not a tracker CSV"),
        ([["name", "value"], ["a", "1"]], "line 1: a medicine CSV needs the column(s) date"),
        ([["date", "average", "minutes"], ["2024-01-01", "1", "2"]], "line 1: the header mixes"),
        ([["date", "average", "Date"], ["2024-01-01", "1", "2"]], "line 1: column 'date' appears"),
        ([["date", "pain_avg", "exercise_minutes"]], "line 1: this is the daily summary table"),
    ],
)
def test_broken_files_are_refused_in_one_line(tmp_path, db_path, invoke, rows, message):
    seeded(db_path)
    refused(invoke, db_path, write_csv(tmp_path / "bad.csv", rows), message)


def test_wrong_encoding_empty_file_binary_and_open_quote(tmp_path, db_path, invoke):
    seeded(db_path)
    latin = write_csv(
        tmp_path / "latin.csv", [["date", "average", "note"], ["2024-01-01", "2", "café"]], "cp1252"
    )
    refused(invoke, db_path, latin, f"{latin} is not UTF-8 text")
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    refused(invoke, db_path, empty, f"{empty} is empty")
    binary = tmp_path / "photo.csv"
    binary.write_bytes(bytes(range(256)) * 4)
    refused(invoke, db_path, binary, f"{binary} is not UTF-8 text")
    quote = tmp_path / "quote.csv"
    quote.write_text('date,average,note\n2024-01-01,2,"never closed\n', encoding="utf-8")
    refused(invoke, db_path, quote, "line 2: not valid CSV (unexpected end of data)")


def test_missing_file_is_a_usage_error(tmp_path, invoke):
    result = invoke("import", str(tmp_path / "nope.csv"))
    assert result.exit_code == 2 and "does not exist" in result.stderr


def test_cli_import_reads_the_file_before_creating_a_database(tmp_path, db_path, invoke):
    bad = write_csv(tmp_path / "bad.csv", [["x"], ["1"]])
    assert invoke("import", str(bad)).exit_code == 2
    assert not db_path.exists()


def test_header_only_file_imports_nothing(tmp_path, db_path, invoke):
    path = write_csv(tmp_path / "p.csv", [["date", "average"]])
    assert invoke("import", str(path)).stdout == f"Imported 0 pain entries from {path}.\n"


def test_read_back_with_csv_module_matches_store(tmp_path, db_path):
    seeded(db_path)
    with Store.open(db_path) as store:
        export_file(store, "pain", tmp_path / "p.csv")
    text = (tmp_path / "p.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert [row["note"] for row in rows] == ["'=1+1", ""]
    assert rows[1]["symptoms"] == "burning; cold"
