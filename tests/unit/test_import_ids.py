"""Import and ids: already there is skipped, an edit is a conflict or an update, never a twin."""

from __future__ import annotations

import csv
import tempfile
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_import import refused, snapshot, write_csv

from tracker.exchange import csv_import
from tracker.exchange.csv_import import import_file
from tracker.models import validate_exercise
from tracker.store import Store


def diary(db_path: Path) -> Path:
    """Three exercise sessions: ids 1, 2 and 3."""
    with Store.open(db_path) as store:
        store.add_many(
            [],
            [
                validate_exercise(
                    {
                        "date": f"2024-03-0{day}",
                        "logged_at": f"2024-03-0{day}T18:00:00",
                        "activity": "walking",
                        "minutes": 30,
                        "note": "easy" if day == 2 else "",
                    }
                )
                for day in (1, 2, 3)
            ],
        )
    return db_path


def exported(invoke, path: Path) -> list[list[str]]:
    assert invoke("export", "--table", "exercise", str(path)).exit_code == 0
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def edited(rows: list[list[str]], row: int, **values: str) -> list[list[str]]:
    """A copy of the CSV rows with some cells of one data row changed (row 1 = line 2)."""
    header = rows[0]
    changed = [list(r) for r in rows]
    for name, value in values.items():
        changed[row][header.index(name)] = value
    return changed


def totals(db_path: Path) -> tuple[int, int]:
    """(sessions, minutes in all): what a silent duplicate would change."""
    with Store.open(db_path) as store:
        rows = store.exercise_rows()
    return len(rows), sum(row["minutes"] for row in rows)


def test_reimporting_an_export_skips_every_row(tmp_path, db_path, invoke):
    diary(db_path)
    path = tmp_path / "e.csv"
    exported(invoke, path)
    result = invoke("import", str(path))
    assert result.exit_code == 0
    assert result.stdout == (
        f"Imported 0 exercise sessions from {path}; skipped 3 already in the diary.\n"
    )
    assert totals(db_path) == (3, 90)


def test_an_edited_row_is_refused_naming_line_id_and_fields(tmp_path, db_path, invoke):
    diary(db_path)
    rows = exported(invoke, tmp_path / "e.csv")
    path = write_csv(tmp_path / "edited.csv", edited(rows, 2, minutes="45", note="harder"))
    refused(
        invoke,
        db_path,
        path,
        "line 3: id 2 is already in the diary with other values (minutes 30 -> 45, note); "
        "nothing was imported. Run with --update to apply the edits, or remove the id "
        "column to add the rows as new entries",
    )
    assert totals(db_path) == (3, 90)


def test_update_applies_the_edit_without_a_duplicate(tmp_path, db_path, invoke):
    diary(db_path)
    rows = exported(invoke, tmp_path / "e.csv")
    changes = {"minutes": "45", "note": "harder", "logged_at": "2024-03-02T19:30:00"}
    path = write_csv(tmp_path / "edited.csv", edited(rows, 2, **changes))
    result = invoke("import", "--update", str(path))
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        f"Imported 0 exercise sessions from {path}; updated 1; skipped 2 already in the diary.\n"
    )
    assert totals(db_path) == (3, 105)
    with Store.open(db_path) as store:
        row = store.get("exercise", 2)
    assert (row["minutes"], row["note"], row["logged_at"]) == (45, "harder", "2024-03-02T19:30:00")
    again = invoke("import", str(path))
    assert again.exit_code == 0 and "skipped 3" in again.stdout


def test_every_differing_column_is_named(tmp_path, db_path, invoke):
    diary(db_path)
    rows = exported(invoke, tmp_path / "e.csv")
    changes = {"date": "2024-03-04", "rpe": "5", "activity": "Yoga", "category": "mind_body"}
    path = write_csv(tmp_path / "edited.csv", edited(rows, 1, **changes))
    refused(
        invoke,
        db_path,
        path,
        "line 2: id 1 is already in the diary with other values (date 2024-03-01 -> "
        "2024-03-04, activity, category, rpe empty -> 5); nothing was imported.",
    )


def test_a_row_whose_id_is_gone_comes_back_under_it(tmp_path, db_path, invoke):
    diary(db_path)
    path = tmp_path / "e.csv"
    exported(invoke, path)
    with Store.open(db_path) as store:
        store.delete("exercise", 2)
    result = invoke("import", str(path))
    assert result.stdout == (
        f"Imported 1 exercise session from {path}; skipped 2 already in the diary.\n"
    )
    with Store.open(db_path) as store:
        assert store.get("exercise", 2)["note"] == "easy"
    assert totals(db_path) == (3, 90)


def test_an_export_into_an_empty_diary_keeps_its_ids_and_imports_once(tmp_path, invoke):
    source = diary(tmp_path / "source.db")
    with Store.open(source) as store:
        store.delete("exercise", 1)  # ids 2 and 3 left: a new diary would number them 1, 2
    path = tmp_path / "e.csv"
    with Store.open(source) as store:
        from tracker.exchange.csv_export import export_file

        export_file(store, "exercise", path)
    assert invoke("import", str(path)).stdout.startswith("Imported 2 ")
    assert invoke("import", str(path)).stdout.startswith("Imported 0 ")
    assert [row["id"] for row in snapshot(tmp_path / "tracker.db")["exercise"]] == [2, 3]


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        ("x", "line 2, id: must be a whole number from 1 to 9223372036854775807, not 'x'"),
        ("0", "line 2, id: must be from 1 to 9223372036854775807, not 0"),
        ("-4", "line 2, id: must be from 1 to 9223372036854775807, not -4"),
        (str(2**63), f"line 2, id: must be from 1 to 9223372036854775807, not {2**63}"),
        ("1_0", "line 2, id: must be a whole number"),
        ("1e3", "line 2, id: must be a whole number"),
    ],
)
def test_bad_ids_are_line_errors(tmp_path, db_path, invoke, cell, message):
    diary(db_path)
    rows = [["id", "date", "activity", "minutes"], [cell, "2024-01-01", "walk", "5"]]
    refused(invoke, db_path, write_csv(tmp_path / "bad.csv", rows), message)


def test_the_largest_id_sqlite_stores_is_accepted(tmp_path, db_path, invoke):
    rows = [["id", "date", "activity", "minutes"], [str(2**63 - 1), "2024-01-01", "walk", "5"]]
    result = invoke("import", str(write_csv(tmp_path / "big.csv", rows)))
    assert result.exit_code == 0, result.output
    assert snapshot(db_path)["exercise"][0]["id"] == 2**63 - 1


def test_one_id_twice_in_a_file_is_refused(tmp_path, db_path, invoke):
    diary(db_path)
    rows = [["id", "date", "activity", "minutes"]]
    rows += [
        [str(i), f"2024-01-0{day}", "walk", "5"] for day, i in enumerate([9, 10, 11, 12, 9], 1)
    ]
    refused(
        invoke,
        db_path,
        write_csv(tmp_path / "twice.csv", rows),
        "line 6: id 9 is on line 2 too; nothing was imported",
    )


def test_one_id_twice_across_batches_is_refused(tmp_path, db_path, monkeypatch):
    monkeypatch.setattr(csv_import, "BATCH", 2)
    rows = [["id", "date", "activity", "minutes"]]
    rows += [[str(i), "2024-01-01", "walk", str(i)] for i in (1, 2, 3, 4, 2)]
    with Store.open(db_path) as store, pytest.raises(Exception, match="line 6: id 2 is on line 3"):
        import_file(store, write_csv(tmp_path / "twice.csv", rows))
    assert snapshot(db_path)["exercise"] == []


def test_a_conflict_in_a_late_batch_undoes_the_early_ones(tmp_path, db_path, monkeypatch):
    diary(db_path)
    monkeypatch.setattr(csv_import, "BATCH", 2)
    rows = [["id", "date", "activity", "minutes"]]
    rows += [[str(10 + i), "2024-02-01", "new", "5"] for i in range(6)]
    rows.append(["3", "2024-03-03", "walking", "31"])
    before = snapshot(db_path)
    with Store.open(db_path) as store, pytest.raises(Exception, match="line 8: id 3 is already"):
        import_file(store, write_csv(tmp_path / "late.csv", rows))
    assert snapshot(db_path) == before


def test_rows_with_and_without_ids_are_counted_apart(tmp_path, db_path, invoke):
    """Session 1, named by its id, is not also the twin of an id-less copy of itself."""
    diary(db_path)
    rows = exported(invoke, tmp_path / "e.csv")
    header, first = rows[0], rows[1]
    copy = ["" if name == "id" else cell for name, cell in zip(header, first, strict=True)]
    path = write_csv(tmp_path / "mixed.csv", [header, copy, first])
    result = invoke("import", str(path))
    assert result.stdout == (
        f"Imported 1 exercise session from {path}; skipped 1 already in the diary.\n"
    )
    assert totals(db_path) == (4, 120)
    assert invoke("import", str(path)).stdout.startswith("Imported 0 ")
    assert totals(db_path) == (4, 120)


def test_without_ids_identical_rows_stay_a_multiset_across_batches(tmp_path, db_path, monkeypatch):
    monkeypatch.setattr(csv_import, "BATCH", 2)
    row = ["2024-02-02", "2024-02-02T08:00:00", "swim", "20"]
    header = ["date", "logged_at", "activity", "minutes"]
    other = ["2024-02-03", "", "run", "10"]
    path = write_csv(tmp_path / "e.csv", [header, row, other, row, other, row])
    with Store.open(db_path) as store:
        assert import_file(store, path).added == 5
        again = import_file(store, path)
        assert (again.added, again.skipped) == (0, 5)
        more = write_csv(tmp_path / "more.csv", [header, row, row, row, row, other])
        result = import_file(store, more)
        assert (result.added, result.skipped) == (1, 4)
        assert store.count("exercise") == 6


def _row(value: int) -> list[str]:
    """Four different pain rows; 0 and 1 share a (date, logged_at) key, as do 2 and 3."""
    return ["2024-01-01", f"2024-01-01T0{8 + value // 2}:00:00", str(value)]


@settings(max_examples=60, deadline=None)
@given(
    stored=st.lists(st.integers(0, 3), max_size=8),
    filed=st.lists(st.integers(0, 3), max_size=12),
    batch=st.integers(1, 4),
)
def test_id_less_rows_follow_multiset_arithmetic(stored, filed, batch):
    """Each value is added as often as the file holds it more times than the diary does."""
    header = ["date", "logged_at", "average"]
    with tempfile.TemporaryDirectory() as folder, mock.patch.object(csv_import, "BATCH", batch):
        root = Path(folder)
        with Store.open(root / "d.db") as store:
            import_file(store, write_csv(root / "s.csv", [header, *map(_row, stored)]))
            result = import_file(store, write_csv(root / "f.csv", [header, *map(_row, filed)]))
            averages = [row["average"] for row in store.pain_rows()]
    extra = {v: max(0, filed.count(v) - stored.count(v)) for v in range(4)}
    assert (result.added, result.skipped) == (sum(extra.values()), len(filed) - sum(extra.values()))
    assert all(averages.count(v) == max(stored.count(v), filed.count(v)) for v in range(4))
