"""Importing symptom diaries: Bearable's long CSV and Flaredown's wide CSV -> medicines, doses
and 0-4 symptom ratings (kind symptom_rating), never 0-10 scores.

The files are our own, small, written here from the documented formats (../shared/formats.md).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.exchange import import_sniff
from tracker.exchange.import_sessions import parse_zone, run
from tracker.kinds import KINDS
from tracker.models.symptom_ratings import validate_symptom_rating
from tracker.problems import UsageProblem
from tracker.store import Store
from tracker.store import medicines as med_store

LONDON = parse_zone("Europe/London")
HEADER = "date,weekday,time of day,category,rating/amount,detail,notes\n"
NEW_HEADER = "date,date formatted,weekday,time of day,category,rating/amount,detail,notes\n"
BEARABLE = HEADER + (
    "23rd Jul 2020,Thursday,am,Meds/Supplements,1000,Paracetamol (mg),\n"  # line 2
    "23rd Jul 2020,Thursday,08:30,Meds/Supplements,75,Pregabalin (mg),with food\n"
    "23rd Jul 2020,Thursday,pm,Symptom,2,Neck pain (Moderate),\n"
    "23rd Jul 2020,Thursday,pm,Mood,4,Good,\n"
    "24th Jul 2020,Friday,all day,Symptom,,Burning feet (Mild),\n"  # line 6: label only
    "24th Jul 2020,Friday,pm,Meds/Supplements,2,Magnesium (scoop),\n"
    "24th Jul 2020,Friday,,Sleep,7.5,,\n"
    "24th Jul 2020,Friday,pm,Symptom,7,Headache,\n"  # line 9: not 0-4
    "24th Jul 2020,Friday,am,Meds/Supplements,1000,Paracetamol (mg),\n"
    "24th Jul 2020,Friday,am,Meds/Supplements,1000,Paracetamol (mg),\n"  # taken twice
)
FLAREDOWN = (
    "Date,Fibromyalgia,Fatigue,Ibuprofen,Amitriptyline,Vitamin D,Tags,Foods,Temperature\n"
    "2020-07-23,3,2,200 mg,Taken,1000 IU,rainy; tired,Coffee; Bread,21\n"
    "2020-07-24,1,0,,Not Taken,2 scoops,,,\n"
    "2020-07-25,,4,400mg,Taken,,,Coffee,\n"
)


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def rows(db: Path, kind: str) -> list[dict]:
    with Store.open(db) as store:
        return store.rows(kind)


def imported(db: Path, path: Path, dry_run: bool = False):
    with Store.open(db) as store:
        return run(store, path, zone=LONDON, dry_run=dry_run)


def counts(db: Path) -> dict[str, int]:
    with Store.open(db) as store:
        return {name: store.count(name) for name in KINDS}


# ---- recognising the files ------------------------------------------------------------------


def test_both_diaries_are_recognised_from_their_headers(tmp_path):
    assert import_sniff.sniff(write(tmp_path, "a.csv", BEARABLE)) == "bearable"
    newer = NEW_HEADER + "23rd Jul 2020,2020-07-23,Thursday,am,Symptom,1,Neck pain (Mild),\n"
    assert import_sniff.sniff(write(tmp_path, "b.txt", newer)) == "bearable"
    assert import_sniff.sniff(write(tmp_path, "c.csv", FLAREDOWN)) == "flaredown"
    # a tracker CSV, or a CSV with a Date column but no Tags/Foods, is not taken for one
    assert import_sniff.sniff(write(tmp_path, "d.csv", "Date,Pain\n2020-07-23,3\n")) == (
        import_sniff.TRACKER_CSV
    )


def test_the_date_formatted_variant_is_read_like_the_older_one(tmp_path, db_path):
    newer = NEW_HEADER + "23rd Jul 2020,2020-07-23,Thursday,pm,Symptom,2,Neck pain (Moderate),\n"
    imported(db_path, write(tmp_path, "new.csv", newer))
    (rating,) = rows(db_path, "symptom_rating")
    assert (rating["date"], rating["name"], rating["severity"]) == ("2020-07-23", "Neck pain", 2)


# ---- Bearable ------------------------------------------------------------------------------


def test_bearable_meds_become_as_needed_medicines_and_doses(tmp_path, db_path):
    report = imported(db_path, write(tmp_path, "bearable.csv", BEARABLE))
    with Store.open(db_path) as store:
        paracetamol = med_store.find_medicine(store, "paracetamol")
        magnesium = med_store.find_medicine(store, "Magnesium (scoop)")  # unit not ours: kept
        (start,) = med_store.changes(store, paracetamol["id"])
        doses = med_store.doses(store, medicine_id=paracetamol["id"])
    assert paracetamol["unit"] == "mg" and paracetamol["schedule"] == "as_needed"
    assert magnesium["unit"] is None
    assert (start["change"], start["date"]) == ("start", "2020-07-23")
    assert [(d["date"], d["amount"], d["status"]) for d in doses] == [
        ("2020-07-23", 1000.0, "taken"),
        ("2020-07-24", 1000.0, "taken"),
        ("2020-07-24", 1000.0, "taken"),  # two identical lines: two doses
    ]
    assert doses[0]["note"] == "Bearable line 2: 1000 Paracetamol (mg), am"
    (pregabalin,) = [d for d in rows(db_path, "dose") if d["time"]]
    assert pregabalin["time"] == "08:30" and pregabalin["note"].endswith("; with food")
    assert pregabalin["logged_at"] == "2020-07-23T08:30:00+01:00"
    assert report.added == 3 + 5 + 2 and report.doses_taken == 5
    assert "Mood: 1 (Bearable's mood score: tracker keeps no mood score)" in "\n".join(
        report.lines()
    )
    assert any("Sleep: 1" in line for line in report.lines())
    assert {s.where: s.reason for s in report.skipped} == {
        "bearable.csv line 9": "severity '7' is not a whole number from 0 to 4"
    }


def test_an_existing_medicine_is_used_and_a_dose_in_another_unit_keeps_no_amount(
    tmp_path, db_path, invoke
):
    assert invoke("med", "add", "PARACETAMOL", "--unit", "g", "--as-needed").exit_code == 0
    imported(db_path, write(tmp_path, "bearable.csv", BEARABLE))
    with Store.open(db_path) as store:
        paracetamol = med_store.find_medicine(store, "paracetamol")
        doses = med_store.doses(store, medicine_id=paracetamol["id"])
        names = med_store.names(store)
    assert names.count("PARACETAMOL") == 1 and "Paracetamol" not in names
    assert [d["amount"] for d in doses] == [None, None, None]
    assert doses[0]["note"] == "Bearable line 2: 1000 Paracetamol (mg), am"


def test_severities_are_kept_0_to_4_labelled_and_shown_apart(tmp_path, db_path, invoke):
    imported(db_path, write(tmp_path, "bearable.csv", BEARABLE))
    ratings = rows(db_path, "symptom_rating")
    assert [(r["name"], r["severity"], r["scale"], r["source"]) for r in ratings] == [
        ("Neck pain", 2, "bearable 0-4", "Bearable"),
        ("Burning feet", 1, "bearable 0-4", "Bearable"),
    ]
    listed = invoke("list", "--days", "0").output
    assert "symptom rating #1 for 2020-07-23" in listed
    assert "Neck pain: 2/4 (Moderate), from Bearable" in listed
    assert "Burning feet: 1/4 (Mild), from Bearable" in listed
    assert "/10" not in "".join(line for line in listed.splitlines() if "symptom rating" in line)


def test_symptom_ratings_never_reach_pain_figures_or_tips(tmp_path, db_path, invoke, monkeypatch):
    monkeypatch.setenv("TRACKER_TODAY", "2020-07-28")
    for day in range(1, 29):
        invoke("pain", str(3 + day % 4), "--date", f"2020-07-{day:02d}")
    invoke("exercise", "walking", "30", "--date", "2020-07-20")
    before = [invoke(*args).output for args in (("stats", "--json"), ("tips", "--json"))]
    severe = HEADER + "".join(  # every day rated, from before the first pain entry on
        f"{day}th {month} 2020,Monday,pm,Symptom,4,Nerve pain (Extreme),\n"
        for month in ("Jun", "Jul")
        for day in range(4, 29)
    )
    report = imported(db_path, write(tmp_path, "severe.csv", severe))
    assert report.ratings == 50
    after = [invoke(*args).output for args in (("stats", "--json"), ("tips", "--json"))]
    assert after == before
    stats = json.loads(after[0])
    assert stats["days_logged"] == 28 and stats["recent_avg"] is not None
    assert isinstance(json.loads(after[1]), list)


# ---- Flaredown ----------------------------------------------------------------------------


def test_flaredown_treatments_severities_and_what_is_left_out(tmp_path, db_path):
    report = imported(db_path, write(tmp_path, "flaredown.csv", FLAREDOWN))
    ratings = rows(db_path, "symptom_rating")
    assert [(r["date"], r["name"], r["severity"]) for r in ratings] == [
        ("2020-07-23", "Fibromyalgia", 3),
        ("2020-07-23", "Fatigue", 2),
        ("2020-07-24", "Fibromyalgia", 1),
        ("2020-07-24", "Fatigue", 0),
        ("2020-07-25", "Fatigue", 4),
    ]
    assert {r["scale"] for r in ratings} == {"flaredown 0-4"}
    with Store.open(db_path) as store:
        named = med_store.with_medicine_names(store, store.rows("dose"))
        units = {row["name"]: row["unit"] for row in med_store.medicines(store)}
    doses = [(d["medicine_name"], d["date"], d["status"], d["amount"]) for d in named]
    assert doses == [
        ("Ibuprofen", "2020-07-23", "taken", 200.0),
        ("Amitriptyline", "2020-07-23", "taken", None),
        ("Vitamin D", "2020-07-23", "taken", 1000.0),
        ("Amitriptyline", "2020-07-24", "skipped", None),  # Not Taken
        ("Vitamin D", "2020-07-24", "taken", None),  # '2 scoops': kept in the note only
        ("Ibuprofen", "2020-07-25", "taken", 400.0),
        ("Amitriptyline", "2020-07-25", "taken", None),
    ]
    assert units == {"Ibuprofen": "mg", "Amitriptyline": None, "Vitamin D": "units"}
    assert named[4]["note"] == "Flaredown line 3: Vitamin D: 2 scoops"
    assert report.doses_skipped == 1
    text = "\n".join(report.lines())
    assert "Tags: 1" in text and "Foods: 2" in text and "weather: 1" in text


@pytest.mark.parametrize(
    ("dates", "stored"),
    [
        (("07/23/2020", "07/24/2020"), "2020-07-23"),  # US, month first
        (("23/07/2020", "24/07/2020"), "2020-07-23"),  # UK, day first
        (("Jul 23, 2020", "Jul 24, 2020"), "2020-07-23"),
    ],
)
def test_flaredown_dates_in_common_forms(tmp_path, db_path, dates, stored):
    text = "Date,Fatigue,Tags,Foods\n" + "".join(f'"{d}",2,,\n' for d in dates)
    imported(db_path, write(tmp_path, "f.csv", text))
    assert rows(db_path, "symptom_rating")[0]["date"] == stored


def test_a_bad_or_ambiguous_date_is_refused_naming_the_file_and_line(tmp_path, db_path):
    bad = BEARABLE + "32nd Jul 2020,Friday,am,Symptom,1,Neck pain (Mild),\n"
    with pytest.raises(UsageProblem, match=r"bearable\.csv line 12: date '32nd Jul 2020'"):
        imported(db_path, write(tmp_path, "bearable.csv", bad))
    ambiguous = "Date,Fatigue,Tags,Foods\n03/04/2020,2,,\n"
    with pytest.raises(UsageProblem, match="could be day first or month first"):
        imported(db_path, write(tmp_path, "f.csv", ambiguous))
    assert sum(counts(db_path).values()) == 0


# ---- safe by construction -----------------------------------------------------------------


def test_importing_again_adds_nothing_even_when_lines_moved(tmp_path, db_path):
    imported(db_path, write(tmp_path, "bearable.csv", BEARABLE))
    imported(db_path, write(tmp_path, "flaredown.csv", FLAREDOWN))
    first = counts(db_path)
    again = imported(db_path, tmp_path / "bearable.csv")
    assert again.added == 0 and again.already == 7
    # a newer export: one more line at the top, every other line moved down by one
    lines = BEARABLE.splitlines(keepends=True)
    newer = (
        lines[0] + "25th Jul 2020,Saturday,am,Symptom,3,Neck pain (Severe),\n" + "".join(lines[1:])
    )
    report = imported(db_path, write(tmp_path, "newer.csv", newer))
    assert report.added == 1 and report.ratings == 1
    assert imported(db_path, tmp_path / "flaredown.csv").added == 0
    assert counts(db_path)["dose"] == first["dose"]


def test_a_dry_run_writes_nothing_and_says_what_would_be_added(tmp_path, db_path):
    Store.open(db_path).close()
    report = imported(db_path, write(tmp_path, "bearable.csv", BEARABLE), dry_run=True)
    assert sum(counts(db_path).values()) == 0
    text = report.lines()
    assert text[0].startswith("Dry run of ") and text[0].endswith("Nothing was written.")
    assert "would add 3 medicines (new), 5 doses, 2 symptom ratings" in text[0]
    assert any("2020-07-23 Paracetamol taken, 1000 mg (bearable.csv line 2)" in t for t in text)


def test_the_cli_imports_a_diary_and_its_dry_run(tmp_path, invoke, db_path):
    path = write(tmp_path, "flaredown.csv", FLAREDOWN)
    dry = invoke("import", str(path), "--dry-run")
    assert dry.exit_code == 0 and "Nothing was written" in dry.output and not db_path.exists()
    done = invoke("import", str(path))
    assert done.exit_code == 0 and "added 3 medicines (new), 7 doses, 5 symptom ratings" in (
        done.output
    )
    bad = invoke("import", str(write(tmp_path, "bad.csv", "Date,X,Tags,Foods\nsoon,1,,\n")))
    assert bad.exit_code == 2 and "bad.csv line 2: date 'soon'" in bad.output + bad.stderr


def test_markup_like_names_are_stored_and_shown_verbatim(tmp_path, db_path, invoke):
    hostile = "[bold red]Pain[/] [link=x]"
    text = HEADER + (
        f'23rd Jul 2020,Thursday,pm,Symptom,2,"{hostile} (Moderate)",\n'
        f'23rd Jul 2020,Thursday,pm,Meds/Supplements,1,"[i]Pill[/i] (tablet)",\n'
    )
    imported(db_path, write(tmp_path, "b.csv", text))
    (rating,) = rows(db_path, "symptom_rating")
    assert rating["name"] == hostile
    with Store.open(db_path) as store:
        assert med_store.find_medicine(store, "[i]Pill[/i]")["unit"] == "tablet"
    listed = invoke("list", "--days", "0").output
    assert f"{hostile}: 2/4 (Moderate), from Bearable" in listed and "[i]Pill[/i]" in listed


def test_the_symptom_rating_validator_keeps_the_scale_apart():
    rating = validate_symptom_rating(
        {"name": "Neck pain", "severity": "4", "scale": "bearable 0-4", "date": "2020-07-23"}
    )
    assert rating.severity == 4
    for bad in ("5", "-1", "2.5", ""):
        with pytest.raises(ValueError, match="severity"):
            validate_symptom_rating({"name": "x", "severity": bad, "scale": "s"})


def test_ratings_are_edited_deleted_exported_and_imported_like_any_kind(tmp_path, invoke):
    invoke("import", str(write(tmp_path, "bearable.csv", BEARABLE)))
    edited = invoke("edit", "symptom_rating", "1", "--severity", "3")
    assert edited.exit_code == 0 and "Neck pain: 3/4 (Severe), from Bearable" in edited.output
    refused = invoke("edit", "symptom_rating", "1", "--severity", "7")
    assert refused.exit_code == 2 and "severity" in refused.output + refused.stderr
    out = tmp_path / "ratings.csv"
    assert invoke("export", "--table", "symptom_rating", str(out)).exit_code == 0
    header = out.read_text(encoding="utf-8-sig").splitlines()[0]
    assert header == "id,date,logged_at,name,severity,scale,source,note"
    assert invoke("delete", "symptom_rating", "2", "--yes").exit_code == 0
    back = invoke("import", str(out))
    assert back.exit_code == 0, back.output + back.stderr
    listed = invoke("list", "--days", "0").output
    assert listed.count("Burning feet: 1/4 (Mild)") == 1 and "Neck pain: 3/4" in listed


CELLS = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12
) | st.sampled_from(
    [
        "",
        "1000",
        "2",
        "4",
        "Taken",
        "Not Taken",
        "1mg",
        "pm",
        "08:30",
        "Symptom",
        "Meds/Supplements",
        "Neck pain (Mild)",
        "Paracetamol (mg)",
        "23rd Jul 2020",
        "2020-07-23",
        "99:99",
        "-1",
        "1e3",
    ]
)


@settings(max_examples=30, deadline=None)
@given(
    header=st.sampled_from([HEADER, NEW_HEADER, "Date,Fatigue,Ibuprofen,Tags,Foods,Wind\n"]),
    rows=st.lists(st.lists(CELLS, min_size=0, max_size=9), max_size=6),
)
def test_any_diary_file_is_imported_or_refused_in_one_line(header, rows):
    import csv
    import io
    import tempfile

    body = io.StringIO()
    csv.writer(body).writerows(rows)
    with tempfile.TemporaryDirectory() as folder:
        path = write(Path(folder), "x.csv", header + body.getvalue())
        with Store.open(Path(folder) / "t.db") as store:
            try:
                report = run(store, path, zone=LONDON, dry_run=True)
            except UsageProblem as exc:
                assert "\n" not in str(exc) and "x.csv" in str(exc)
                return
            assert store.count("dose") == 0 and store.count("symptom_rating") == 0
            assert report.lines()[0].startswith("Dry run of ")


def test_bearable_clock_times_and_unknown_slots(tmp_path, db_path):
    text = HEADER + (
        "23rd Jul 2020,Thursday,8:30 PM,Meds/Supplements,75,Pregabalin (mg),\n"
        "23rd Jul 2020,Thursday,evening,Meds/Supplements,75,Pregabalin (mg),\n"
        "23rd Jul 2020,Thursday,,Meds/Supplements,,Pregabalin (mg),\n"
    )
    imported(db_path, write(tmp_path, "b.csv", text))
    doses = sorted(rows(db_path, "dose"), key=lambda d: d["id"])
    assert [(d["time"], d["amount"]) for d in doses] == [
        ("20:30", 75.0),
        (None, 75.0),
        (None, None),
    ]
    assert doses[1]["note"] == "Bearable line 3: 75 Pregabalin (mg), evening"
    assert doses[2]["note"] == "Bearable line 4: Pregabalin (mg)"


def test_a_dose_without_the_medicines_unit_keeps_no_amount(tmp_path, db_path):
    text = "Date,Ibuprofen,Tags,Foods\n2020-07-23,200 mg,,\n2020-07-24,2,,\n2020-07-25,0.2 g,,\n"
    imported(db_path, write(tmp_path, "f.csv", text))
    doses = rows(db_path, "dose")
    assert [d["amount"] for d in doses] == [200.0, None, None]
    assert doses[1]["note"] == "Flaredown line 3: Ibuprofen: 2"
