"""Import streams: bounded memory, one transaction over every batch, indexed duplicate checks.

Measured outside the suite (generated pain CSVs, `/usr/bin/time -v`, peak RSS of the whole
process): 32 MB for 50 MB (451,067 rows) and 32 MB for 200 MB (1,784,194 rows); the
importer before streaming took 414 MB for the 50 MB file. Here, tracemalloc (Python's heap,
not SQLite's page cache, which `cache_size` bounds) proves the same on a smaller scale.
"""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest
from test_import import snapshot, write_csv

from tracker.errors import UsageProblem
from tracker.exchange import csv_import
from tracker.exchange.csv_import import check_file, import_checked, import_file
from tracker.store import Store
from tracker.store import exchange as sql

HEADER = "id,date,logged_at,average,note\n"


def generated(path: Path, rows: int) -> Path:
    """A pain CSV of `rows` rows; every other row has no id (both import paths run)."""
    with open(path, "w", encoding="utf-8", newline="") as out:
        out.write(HEADER)
        for i in range(1, rows + 1):
            day = f"2000-{i % 12 + 1:02d}-{i % 28 + 1:02d}"
            stamp = f"{day}T{i % 24:02d}:{i // 24 % 60:02d}:{i // 1440 % 60:02d}"
            out.write(f"{i if i % 2 else ''},{day},{stamp},{i % 11},a note about day {i}\n")
    return path


def peak_of_import(store: Store, path: Path) -> int:
    """Bytes of Python heap at the import's peak (tracemalloc)."""
    tracemalloc.start()
    try:
        import_file(store, path)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_memory_does_not_grow_with_the_file(tmp_path, monkeypatch):
    """4x the rows, about the same peak: nothing the size of the file is held.

    The importer before streaming held every entry and a Counter of the stored rows, about
    1 kB a row: for 10,000 rows its peak was about 9 MB above that for 1,000. Batches of 50
    (the real BATCH is 500) let 1,000 and 4,000 rows show the same thing in under half the
    time (tracemalloc slows every allocation): holding the rows would add about 3 MB; the
    streaming importer's peak sits at 0.5-0.8 MB from 1,000 rows on (SQLite's and the csv
    module's own buffers). (200,000 rows at the real batch size measure the same ~1 MB peak
    as 20,000, but take a minute under tracemalloc: too slow for the suite.)
    """
    monkeypatch.setattr(csv_import, "BATCH", 50)
    warm = write_csv(tmp_path / "warm.csv", [["id", "date", "average"], ["1", "2000-01-01", "1"]])
    with Store.open(tmp_path / "warm.db") as store:
        import_file(store, warm)
    peaks = {}
    for rows in (1_000, 4_000):
        path = generated(tmp_path / f"{rows}.csv", rows)
        with Store.open(tmp_path / f"{rows}.db") as store:
            first = peak_of_import(store, path)
            again = peak_of_import(store, path)  # every row skipped: the lookups' peak
            assert store.count("pain") == rows
        peaks[rows] = max(first, again)
    assert peaks[4_000] < peaks[1_000] + 1_000_000, peaks
    assert peaks[4_000] < 3_000_000, peaks


def test_a_bad_last_row_writes_nothing_however_many_batches_came_before(
    tmp_path, db_path, monkeypatch
):
    monkeypatch.setattr(csv_import, "BATCH", 7)
    path = generated(tmp_path / "p.csv", 100)
    with open(path, "a", encoding="utf-8") as out:
        out.write(",2000-01-01,2000-01-01T00:00:00,11,\n")
    with Store.open(db_path) as store, pytest.raises(UsageProblem, match="line 102, average"):
        import_file(store, path)
    assert snapshot(db_path)["pain"] == []


def test_a_file_changed_between_the_passes_is_rolled_back(tmp_path, db_path, monkeypatch):
    monkeypatch.setattr(csv_import, "BATCH", 5)
    path = generated(tmp_path / "p.csv", 40)
    checked = check_file(path)
    with open(path, "a", encoding="utf-8") as out:
        out.write("41,2000-01-01,2000-01-01T00:00:00,x,\n")
    with Store.open(db_path) as store:
        with pytest.raises(UsageProblem, match="line 42, average"):
            import_checked(store, checked)
        path.write_text("date,activity,minutes\n2000-01-01,walk,5\n", encoding="utf-8")
        with pytest.raises(UsageProblem, match="changed while it was imported"):
            import_checked(store, checked)
        assert snapshot(db_path) == {"pain": [], "exercise": []}
        result = import_file(store, generated(tmp_path / "p2.csv", 40))
        assert result.added == 40  # the same connection imports cleanly afterwards


def test_the_taken_table_is_gone_after_an_import_and_after_a_failure(tmp_path, db_path):
    good = generated(tmp_path / "good.csv", 10)
    clash = write_csv(tmp_path / "clash.csv", [["id", "date", "average"], ["1", "2000-01-01", "9"]])
    with Store.open(db_path) as store:
        import_file(store, good)
        with pytest.raises(UsageProblem, match="id 1 is already in the diary"):
            import_file(store, clash)
        temp = store.conn.execute("SELECT name FROM temp.sqlite_master").fetchall()
        assert temp == []
        assert import_file(store, clash, update=True).updated == 1


@pytest.mark.parametrize("kind", ["pain", "exercise"])
def test_the_duplicate_query_searches_the_date_index(db_path, kind):
    with Store.open(db_path) as store, store.transaction() as conn, sql.taken_ids(conn):
        plan = conn.execute(
            "EXPLAIN QUERY PLAN " + sql.twins_query(kind, 3), ["2000-01-01", "x"] * 3 + [10]
        ).fetchall()
    details = " | ".join(row[-1] for row in plan)
    assert f"USING COVERING INDEX {kind}_date" in details or f"INDEX {kind}_date" in details
    assert f"SCAN {kind}" not in details and "SCAN t" not in details, details
