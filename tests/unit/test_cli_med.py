"""`tracker med ...`, and `list`/`edit`/`delete` on the medicine kinds: CliRunner, real SQLite."""

from __future__ import annotations

import json

import pytest

from tracker.store import Store
from tracker.store import medicines as meds


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    monkeypatch.setenv("TRACKER_TODAY", "2026-11-22")


def snapshot(db_path) -> dict[str, list]:
    with Store.open(db_path) as store:
        return {
            name: store.rows(name) for name in ("medicine", "med_change", "dose", "side_effect")
        }


def refused(invoke, db_path, *args: str, says: str) -> None:
    before = snapshot(db_path)
    result = invoke(*args)
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and says in lines[0], result.stderr
    assert "Traceback" not in result.output
    assert snapshot(db_path) == before


@pytest.fixture
def diary(invoke, db_path):
    """Pregabalin 75 mg twice a day from 2026-11-01, paracetamol as needed."""
    ok = invoke(
        "med", "add", "Pregabalin", "--strength", "75", "--unit", "mg", "--form", "capsule",
        "--doses-per-day", "2", "--reason", "nerve pain", "--date", "2026-11-01",
    )  # fmt: skip
    assert ok.exit_code == 0, ok.output
    ok = invoke("med", "add", "Paracetamol", "--strength", "500", "--unit", "mg", "--as-needed",
                "--date", "2026-11-01")  # fmt: skip
    assert ok.exit_code == 0, ok.output
    return db_path


def test_add_writes_the_medicine_and_its_start_together(diary, invoke):
    data = snapshot(diary)
    assert [m["name"] for m in data["medicine"]] == ["Pregabalin", "Paracetamol"]
    first, second = data["med_change"]
    assert (first["change"], first["strength"], first["doses_per_day"]) == ("start", 75.0, 2)
    assert (second["strength"], second["doses_per_day"]) == (500.0, None)
    assert first["date"] == data["medicine"][0]["date"] == "2026-11-01"


def test_add_refuses_in_one_line_and_writes_nothing(diary, invoke):
    refused(invoke, diary, "med", "add", "PREGABALIN", "--doses-per-day", "1",
            says="a medicine called 'Pregabalin' is already in the diary")  # fmt: skip
    refused(invoke, diary, "med", "add", "Gabapentin", says="--doses-per-day N")
    refused(invoke, diary, "med", "add", "Gabapentin", "--as-needed", "--doses-per-day", "2",
            says="as-needed medicine has no doses a day")  # fmt: skip
    refused(invoke, diary, "med", "add", "Gabapentin", "--doses-per-day", "3", "--unit", "kg",
            says="unit: unknown unit 'kg'")  # fmt: skip
    refused(invoke, diary, "med", "add", "Gabapentin", "--doses-per-day", "3", "--strength", "-1",
            says="strength: must be a number above 0")  # fmt: skip
    refused(invoke, diary, "med", "add", "", "--doses-per-day", "3", says="name: must not be empty")


def test_change_keeps_what_was_not_given_and_stop_ends_the_regimen(diary, invoke):
    result = invoke("med", "change", "pregabalin", "--strength", "150", "--reason", "more pain",
                    "--date", "2026-11-15")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Pregabalin: dose changed to 150 mg twice a day (more pain)" in result.output
    assert invoke("med", "stop", "1", "--reason", "side effects").exit_code == 0
    with Store.open(diary) as store:
        on = meds.regimen_on(store, 1, "2026-11-20")
        assert (on["strength"], on["doses_per_day"]) == (150.0, 2)
        assert [c["change"] for c in meds.changes(store, 1)] == ["start", "dose", "stop"]
    refused(invoke, diary, "med", "change", "pregabalin", "--strength", "300",
            says="was stopped on")  # fmt: skip
    refused(invoke, diary, "med", "stop", "pregabalin", says="was stopped on")
    restarted = invoke("med", "start", "pregabalin")
    assert restarted.exit_code == 0 and "started, 150 mg twice a day" in restarted.output


def test_change_and_name_refusals(diary, invoke):
    refused(invoke, diary, "med", "change", "pregablin", "--strength", "150",
            says="no medicine called 'pregablin'; did you mean 'Pregabalin'?")  # fmt: skip
    refused(invoke, diary, "med", "change", "pregabalin", says="--strength N, --doses-per-day N")
    refused(invoke, diary, "med", "change", "paracetamol", "--doses-per-day", "2",
            says="taken as needed")  # fmt: skip
    refused(invoke, diary, "med", "change", "pregabalin", "--strength", "150",
            "--date", "2026-10-01", says="was not started by 2026-10-01")  # fmt: skip
    refused(invoke, diary, "med", "take", "zzz", says="tracker med list shows them")


def test_take_skip_and_effect(diary, invoke):
    assert invoke("med", "take", "PREGABALIN", "--time", "8:05").exit_code == 0
    skipped = invoke("med", "skip", "pregabalin", "--time", "20:00", "--reason", "forgot")
    assert "Pregabalin skipped at 20:00 (forgot)" in skipped.output
    taken = invoke("med", "take", "paracetamol", "--amount", "1000", "--reason", "[b]flare[/b]")
    assert "Paracetamol taken, 1000 mg ([b]flare[/b])" in taken.output
    effect = invoke("med", "effect", "pregabalin", "dizziness", "dry", "mouth", "--bother", "4")
    assert effect.exit_code == 0, effect.output
    unsure = invoke("med", "effect", "--other", "odd taste", "--bother", "2")
    assert unsure.exit_code == 0, unsure.output
    data = snapshot(diary)
    assert [(d["status"], d["time"], d["amount"]) for d in data["dose"]] == [
        ("taken", "08:05", None),
        ("skipped", "20:00", None),
        ("taken", None, 1000.0),
    ]
    first, second = data["side_effect"]
    assert first["effects"] == ["dizziness", "dry-mouth"] and first["medicine_id"] == 1
    assert second["medicine_id"] is None and second["other"] == "odd taste"
    refused(invoke, diary, "med", "effect", "nausea", says="bother: is required")
    refused(invoke, diary, "med", "effect", "--bother", "3", says="at least one side effect")
    refused(invoke, diary, "med", "effect", "pregablin", "nausea", "--bother", "3",
            says="did you mean 'Pregabalin'?")  # fmt: skip
    refused(invoke, diary, "med", "take", "pregabalin", "--time", "25:00", says="time: must be")
    refused(invoke, diary, "med", "take", "pregabalin", "--date", "2999-01-01", says="future")


def test_list_shows_current_then_stopped_and_json(diary, invoke):
    invoke("med", "stop", "paracetamol", "--reason", "not needed")
    text = invoke("med", "list").output.splitlines()
    assert text[0] == "Taking now:"
    assert text[1].startswith("  #1 Pregabalin (capsule, mg): 75 mg twice a day since 2026-11-01")
    assert text[2] == "Stopped or not started:"
    assert "#2 Paracetamol (mg): stopped on" in text[3] and "(not needed)" in text[3]
    data = json.loads(invoke("med", "list", "--json").output)
    assert [m["name"] for m in data["current"]] == ["Pregabalin"]
    assert data["current"][0]["regimen"]["strength"] == 75.0
    assert data["stopped"][0]["regimen"]["change"] == "stop"
    before = json.loads(invoke("med", "list", "--json", "--date", "2026-10-01").output)
    assert before["current"] == [] and before["stopped"][0]["regimen"] is None


def test_list_edit_and_delete_cover_the_medicine_kinds(diary, invoke):
    invoke("med", "take", "pregabalin")
    invoke("med", "effect", "nausea", "--bother", "3")
    listing = invoke("list", "--days", "0")
    assert "dose #1 for" in listing.output and "Pregabalin taken" in listing.output
    assert "medicine #1 for 2026-11-01" in listing.output
    data = json.loads(invoke("list", "--days", "0", "--json").output)
    assert len(data["dose"]) == 1 and len(data["medicine"]) == 2
    edited = invoke("edit", "dose", "1", "--status", "skipped", "--reason", "felt sick")
    assert edited.exit_code == 0 and "Pregabalin skipped (felt sick)" in edited.output
    assert invoke("edit", "side_effect", "1", "--medicine", "pregabalin").exit_code == 0
    assert invoke("edit", "medicine", "2", "--name", "Acetaminophen").exit_code == 0
    assert invoke("edit", "med_change", "1", "--strength", "50").exit_code == 0
    refused(invoke, diary, "edit", "medicine", "2", "--name", "PREGABALIN", says="already in")
    refused(invoke, diary, "edit", "dose", "1", "--amount", "5", says="a skipped dose has no")
    refused(invoke, diary, "edit", "med_change", "1", "--change", "stop", says="a stop has no")
    refused(invoke, diary, "delete", "medicine", "1", "--yes",
            says="still referred to by 1 medicine change, 1 dose, 1 side effect entry")  # fmt: skip
    deleted = invoke("delete", "dose", "1", "--yes")
    assert deleted.exit_code == 0 and "Deleted dose #1" in deleted.output
    data = snapshot(diary)
    assert data["medicine"][1]["name"] == "Acetaminophen"
    assert data["med_change"][0]["strength"] == 50.0 and data["dose"] == []
    assert data["side_effect"][0]["medicine_id"] == 1


def test_a_dose_logged_today_silences_remind_a_medicine_does_not(invoke):
    assert "nothing logged today" in invoke("remind").output
    invoke("med", "add", "Duloxetine", "--doses-per-day", "1", "--date", "today")
    assert "nothing logged today" in invoke("remind").output
    invoke("med", "take", "duloxetine")
    assert invoke("remind").output == ""


@pytest.mark.parametrize(
    "args",
    [
        ("med", "take", "Pregabalin"),
        ("med", "skip", "Pregabalin"),
        ("med", "change", "Pregabalin", "--strength", "150"),
        ("med", "stop", "Pregabalin"),
        ("edit", "pain", "3", "--note", "x"),
        ("edit", "dose", "1", "--reason", "x"),
        ("delete", "pain", "3", "--yes"),
    ],
)
def test_changing_what_is_logged_in_no_diary_creates_none(invoke, db_path, args):
    result = invoke(*args)
    assert result.exit_code == 2, result.output
    assert result.stderr.strip().splitlines() == [
        f"Error: there is no diary at {db_path} yet, so nothing to change; logging an entry "
        "creates it"
    ]
    assert not db_path.exists()
