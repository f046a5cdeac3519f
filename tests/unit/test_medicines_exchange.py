"""The medicine tables through CSV export and import, the workbook and the daily table."""

from __future__ import annotations

import csv
import datetime as dt

import pytest
from openpyxl import load_workbook

from tracker.exchange.csv_export import TABLES, export_file
from tracker.exchange.csv_import import import_file
from tracker.exchange.dictionary import TABLES as DICTIONARY
from tracker.exchange.xlsx_export import export_workbook
from tracker.models import (
    validate_dose,
    validate_med_change,
    validate_medicine,
    validate_side_effect,
)
from tracker.problems import UsageProblem
from tracker.store import Store
from tracker.store import medicines as meds

MED_TABLES = ("medicine", "med_change", "dose", "side_effect")
HOSTILE = '=HYPERLINK("x") [b]bold[/b]'


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    monkeypatch.setenv("TRACKER_TODAY", "2026-03-31")


def fill(path) -> None:
    """Pregabalin titrated 75 -> 150 mg, paracetamol as needed, doses and side effects."""
    with Store.open(path) as store:
        pregabalin = validate_medicine(
            {"name": "Pregabalin", "unit": "mg", "form": "capsule", "date": "2026-03-01",
             "reason": HOSTILE, "logged_at": "2026-03-01T09:00:00+01:00"}
        )  # fmt: skip
        paracetamol = validate_medicine(
            {"name": "Paracetamol", "unit": "mg", "schedule": "as_needed", "date": "2026-03-01",
             "logged_at": "2026-03-01T09:01:00"}
        )  # fmt: skip
        linked = [
            validate_med_change(
                {"medicine_id": 1, "change": "start", "strength": "75", "doses_per_day": "2",
                 "date": "2026-03-01", "logged_at": "2026-03-01T09:00:00+01:00"}
            ),
            validate_med_change(
                {"medicine_id": 2, "change": "start", "strength": "500", "date": "2026-03-01",
                 "logged_at": "2026-03-01T09:01:00"}
            ),
        ]  # fmt: skip
        first, second = meds.add_medicines(store, [pregabalin, paracetamol], linked)
        store.add_many(
            [
                validate_med_change(
                    {"medicine_id": first, "change": "dose", "strength": "37.5",
                     "doses_per_day": "4", "date": "2026-03-15", "reason": "more pain",
                     "logged_at": "2026-03-15T08:00:00"}
                )
            ],
            [
                validate_dose({"medicine_id": first, "date": "2026-03-02", "time": "08:00",
                               "logged_at": "2026-03-02T08:00:00"}),
                validate_dose({"medicine_id": first, "date": "2026-03-02", "time": "20:00",
                               "logged_at": "2026-03-02T20:00:00"}),
                validate_dose({"medicine_id": first, "date": "2026-03-03", "status": "skipped",
                               "reason": "-forgot", "logged_at": "2026-03-03T20:00:00"}),
                validate_dose({"medicine_id": second, "date": "2026-03-03", "amount": "1000",
                               "reason": "flare", "logged_at": "2026-03-03T14:00:00"}),
            ],
            [
                validate_side_effect({"medicine_id": first, "effects": "dizziness; dry-mouth",
                                      "bother": "4", "date": "2026-03-04",
                                      "logged_at": "2026-03-04T21:00:00"}),
                validate_side_effect({"other": HOSTILE, "bother": "1", "date": "2026-03-05",
                                      "logged_at": "2026-03-05T21:00:00"}),
            ],
        )  # fmt: skip


def stored(path) -> dict[str, list]:
    with Store.open(path) as store:
        return {name: store.rows(name) for name in MED_TABLES}


@pytest.fixture
def diary(tmp_path):
    path = tmp_path / "diary.db"
    fill(path)
    return path


def exported(diary, folder, **period) -> dict[str, object]:
    paths = {}
    with Store.open(diary) as store:
        for table in MED_TABLES:
            paths[table] = folder / f"{table}.csv"
            export_file(store, table, paths[table], **period)
    return paths


def test_every_table_round_trips_through_csv(diary, tmp_path):
    paths = exported(diary, tmp_path)
    with open(paths["dose"], encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == list(TABLES["dose"])
    assert rows[3][6] == "1000" and rows[4][7] == "'-forgot"  # plain numbers, formula guard
    with open(paths["med_change"], encoding="utf-8-sig", newline="") as handle:
        assert [row[5] for row in csv.reader(handle)][1:] == ["75", "500", "37.5"]
    copy = tmp_path / "copy.db"
    with Store.open(copy) as store:
        results = [import_file(store, paths[table]) for table in MED_TABLES]
    assert [r.added for r in results] == [2, 3, 4, 2]
    assert stored(copy) == stored(diary)
    with Store.open(copy) as store:  # the same files again: everything is already there
        assert [import_file(store, paths[t]).skipped for t in MED_TABLES] == [2, 3, 4, 2]
    assert stored(copy) == stored(diary)


def test_a_dose_file_before_its_medicines_fails_in_one_line(diary, tmp_path):
    paths = exported(diary, tmp_path)
    copy = tmp_path / "copy.db"
    with Store.open(copy) as store:
        for table in ("dose", "med_change", "side_effect"):
            with pytest.raises(UsageProblem, match="medicine_id: no medicine has id 1 in this "
                               "diary; import the medicine table first"):  # fmt: skip
                import_file(store, paths[table])
    assert all(rows == [] for rows in stored(copy).values())


def test_references_in_a_file_without_ids_are_checked_too(diary, tmp_path):
    paths = exported(diary, tmp_path)
    text = paths["dose"].read_text(encoding="utf-8-sig").replace("\r\n", "\n")
    lines = [line.split(",", 1)[1] for line in text.splitlines()]  # the id column dropped
    lines[1] = lines[1].replace(",1,", ",9,", 1)
    no_ids = tmp_path / "no-ids.csv"
    no_ids.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with Store.open(diary) as store:
        with pytest.raises(UsageProblem, match="line 2, medicine_id: no medicine has id 9"):
            import_file(store, no_ids)
        assert store.count("dose") == 4


def test_a_medicine_name_taken_by_another_id_is_refused(diary, tmp_path):
    other = tmp_path / "other.csv"
    other.write_text("date,name\n2026-03-02,PREGABALIN\n", encoding="utf-8")
    with Store.open(diary) as store:
        with pytest.raises(UsageProblem, match="line 2, name: a medicine called 'Pregabalin'"):
            import_file(store, other)
        assert store.count("medicine") == 2


def test_a_range_keeps_every_medicine_and_narrows_the_rest(diary, tmp_path):
    paths = exported(diary, tmp_path, start="2026-03-03", end="2026-03-04")
    counts = {}
    for table, path in paths.items():
        with open(path, encoding="utf-8-sig", newline="") as handle:
            counts[table] = len(list(csv.reader(handle))) - 1
    assert counts == {"medicine": 2, "med_change": 0, "dose": 2, "side_effect": 1}


def test_the_workbook_has_the_four_sheets_typed(diary, tmp_path):
    target = tmp_path / "book.xlsx"
    with Store.open(diary) as store:
        counts = export_workbook(store, target)
    assert [counts[t] for t in MED_TABLES] == [2, 3, 4, 2]
    book = load_workbook(target)
    rows = {t: list(book[t].iter_rows(values_only=True)) for t in MED_TABLES}
    assert rows["dose"][0] == TABLES["dose"]
    assert rows["dose"][1][1] == dt.datetime(2026, 3, 2) and rows["dose"][3][6] == 1000
    assert rows["med_change"][3][5] == 37.5 and rows["med_change"][3][6] == 4
    assert rows["medicine"][1][7] == HOSTILE  # text stays text, no formula, no guard
    assert rows["side_effect"][1][4] == "dizziness; dry-mouth"
    dictionary = {(r[0], r[1]) for r in book["dictionary"].iter_rows(values_only=True)}
    assert {("dose", c) for c in TABLES["dose"]} <= dictionary
    daily = list(book["daily"].iter_rows(values_only=True))
    assert daily[0][-2:] == ("doses_taken", "as_needed_doses")


def test_the_daily_table_counts_doses_taken(diary, tmp_path):
    target = tmp_path / "daily.csv"
    with Store.open(diary) as store:
        store.add(validate_medicine({"name": "unused", "date": "2020-01-01"}))
        export_file(store, "daily", target, start="2026-03-01", end="2026-03-04")
    with open(target, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["date"], r["doses_taken"], r["as_needed_doses"]) for r in rows] == [
        ("2026-03-01", "", ""),
        ("2026-03-02", "2", ""),
        ("2026-03-03", "", "1"),  # the scheduled dose was skipped
        ("2026-03-04", "", ""),
    ]
    with Store.open(diary) as store:  # a medicine's old date does not stretch the diary
        assert store.date_span() == ("2026-03-02", "2026-03-05")


def test_the_dictionary_describes_every_new_column():
    for table in MED_TABLES:
        _, columns = DICTIONARY[table]
        assert list(columns) == list(TABLES[table])
        assert all(column.meaning and column.unit for column in columns.values())
