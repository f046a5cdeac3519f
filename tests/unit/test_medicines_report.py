"""Medicines at the front doors: `tracker med stats`, the medicine tips in `tracker tips`,
the regimen markers on `tracker plot` and the report's chart, and the report's medicines
section (page 1 stays one page)."""

from __future__ import annotations

import datetime as dt
import json

import pypdf
import pytest

from tracker.analysis.markers import Marker, regimen_markers
from tracker.exchange.report import write_report
from tracker.models import (
    validate_dose,
    validate_med_change,
    validate_medicine,
    validate_pain,
)
from tracker.sample import write_sample
from tracker.store import Store
from tracker.store.medicines import add_medicines

TODAY = dt.date(2024, 6, 30)
#: A name and reason that look like markup: they must come out verbatim everywhere.
NAME = "[b]Pregabalin[/b] [left foot]"
REASON = "[red]burning[/red]"


def _day(offset: int) -> str:
    return (TODAY + dt.timedelta(days=offset)).isoformat()


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def fixed_today(monkeypatch):
    monkeypatch.setenv("TRACKER_TODAY", TODAY.isoformat())
    return TODAY


@pytest.fixture
def diary(db_path, fixed_today):
    """Pain 6/7 on alternate days until 2024-05-14, 3/4 from the dose change on 2024-05-15;
    NAME started 2024-04-01 (75 mg twice daily), raised to 150 mg on 2024-05-15, doses taken
    in June; Amitriptyline started 10 days before today (a recent change); paracetamol as
    needed, taken in the last days."""
    start = dt.date(2024, 4, 1)
    pain = []
    for index in range((TODAY - start).days + 1):
        day = start + dt.timedelta(days=index)
        high = day < dt.date(2024, 5, 15)
        average = (6 if high else 3) + index % 2
        pain.append(validate_pain({"date": day.isoformat(), "average": average}))
    medicines = [
        validate_medicine(
            {"name": NAME, "unit": "mg", "schedule": "scheduled", "reason": REASON,
             "date": "2024-04-01"}
        ),
        validate_medicine(
            {"name": "Amitriptyline", "unit": "mg", "schedule": "scheduled", "date": _day(-10)}
        ),
        validate_medicine(
            {"name": "Paracetamol", "unit": "mg", "schedule": "as_needed", "date": "2024-04-01"}
        ),
    ]  # fmt: skip
    changes = [
        validate_med_change(
            {"medicine_id": 1, "change": "start", "strength": 75, "doses_per_day": 2,
             "date": "2024-04-01"}
        ),
        validate_med_change(
            {"medicine_id": 1, "change": "dose", "strength": 150, "doses_per_day": 2,
             "reason": "more pain", "date": "2024-05-15"}
        ),
        validate_med_change(
            {"medicine_id": 2, "change": "start", "strength": 10, "doses_per_day": 1,
             "date": _day(-10)}
        ),
        validate_med_change(
            {"medicine_id": 3, "change": "start", "strength": 500, "date": "2024-04-01"}
        ),
    ]  # fmt: skip
    doses = [
        validate_dose({"medicine_id": 1, "status": "taken", "time": time, "date": _day(-n)})
        for n in range(14)
        for time in ("08:00", "20:00")
    ]
    doses += [
        validate_dose({"medicine_id": 3, "status": "taken", "reason": "flare", "date": _day(-n)})
        for n in (1, 3, 4)
    ]
    with Store.open(db_path) as store:
        store.add_many(pain)
        add_medicines(store, medicines, [*changes, *doses])
    return db_path


def test_med_stats_says_each_change_with_n_interval_and_caveat(diary, invoke):
    result = invoke("med", "stats")
    assert result.exit_code == 0, result.output
    text = flat(result.output)
    assert "Medicines on 30 Jun 2024:" in text
    assert f"{NAME}: 150 mg twice daily since 15 May 2024 (for {REASON})." in text
    assert (
        f"After the dose of {NAME} went from 75 to 150 mg twice daily on 15 May 2024: average "
        "pain 6.5 -> 3.5 (-3.0, or -46%; 95% interval" in text
    )
    assert "14 and 14 rated days" in text
    assert "this is an association, not proof the medicine did it" in text
    assert "After starting Amitriptyline (10 mg once daily) on 20 Jun 2024: too soon" in text
    assert f"{NAME}, week by week (the last 8 of 13 weeks):" in text
    assert "Week of 2024-06-24: 14 of 14 (100%)." in text
    assert "Paracetamol (as needed): 3 doses" in text
    assert "Taken for: flare (3)." in text
    assert text.endswith("talk to your prescriber before changing or stopping a medicine.")

    assert "Medicines: 3 in the diary. `tracker med stats` says" in invoke("stats").output

    later = flat(invoke("med", "stats", "--from", "2024-06-01").output)
    assert "From 2024-06-01 to 2024-06-30." in later
    assert "15 May 2024:" not in later and "20 Jun 2024:" in later


def test_med_stats_json_is_the_summary(diary, invoke):
    result = invoke("med", "stats", "--json")
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)
    assert set(summary) == {
        "today", "start", "end", "regimens", "changes", "adherence", "as_needed", "side_effects"
    }  # fmt: skip
    dose_up = next(c for c in summary["changes"] if c["date"] == "2024-05-15")
    pain = dose_up["measures"]["pain"]
    assert (pain["before_avg"], pain["after_avg"], pain["points"]) == (6.5, 3.5, -3.0)
    assert (pain["before_days"], pain["after_days"]) == (14, 14)
    assert dose_up["name"] == NAME and dose_up["status"] == "complete"
    assert [c["date"] for c in summary["changes"]] == ["2024-04-01", "2024-04-01", "2024-05-15",
                                                     "2024-06-20"]  # fmt: skip


def test_med_stats_refuses_a_bad_period_and_needs_no_diary(invoke, db_path, fixed_today):
    result = invoke("med", "stats", "--from", "2024-13-01")
    assert result.exit_code == 2 and "--from" in result.output + result.stderr
    assert "No medicines yet" in invoke("med", "stats").output
    empty = json.loads(invoke("med", "stats", "--json").output)
    assert empty["changes"] == [] and empty["end"] == TODAY.isoformat()
    assert not db_path.exists()


def test_tips_include_the_recent_change_in_its_tier(diary, invoke):
    tips = json.loads(invoke("tips", "--json").output)
    recent = [tip for tip in tips if tip["id"] == "med-change-recent"]
    assert len(recent) == 1
    assert "Amitriptyline" in recent[0]["title"] + recent[0]["text"]
    assert recent[0]["topic"] == "medicines"


def test_markers_say_each_change_in_the_window():
    medicines = [{"id": 1, "name": NAME, "unit": "mg"}, {"id": 2, "name": "Ami", "unit": None}]
    changes = [
        {"id": 1, "medicine_id": 1, "date": "2024-04-01", "change": "start", "strength": 75.0,
         "doses_per_day": 2},
        {"id": 2, "medicine_id": 1, "date": "2024-05-15", "change": "dose", "strength": 150.0,
         "doses_per_day": 2},
        {"id": 3, "medicine_id": 2, "date": "2024-05-20", "change": "stop", "strength": None,
         "doses_per_day": None},
        {"id": 4, "medicine_id": 1, "date": "2024-06-01", "change": "dose", "strength": 150.0,
         "doses_per_day": 3},
    ]  # fmt: skip
    assert regimen_markers(medicines, changes, "2024-05-01", "2024-06-30") == [
        Marker("2024-05-15", NAME, "dose", f"{NAME} 75 -> 150 mg"),
        Marker("2024-05-20", "Ami", "stop", "Ami stopped"),
        Marker("2024-06-01", NAME, "dose", f"{NAME} dose 150 mg 3x a day"),
    ]
    assert regimen_markers(medicines, changes, "2024-04-01", "2024-04-01")[0].label == (
        f"{NAME} started 75 mg"
    )


def test_plot_marks_the_changes_with_a_legend_entry(diary, invoke):
    result = invoke("plot", "--days", "90", "--width", "100")
    assert result.exit_code == 0, result.output
    assert "┆┆ medicine change (numbered below)" in result.output
    assert "┆" in result.output.split("Exercise minutes")[0].split("┆┆ medicine change")[0]
    text = flat(result.output)
    assert f"1 = 15 May 2024: {NAME} 75 -> 150 mg" in text
    assert "2 = 20 Jun 2024: Amitriptyline started 10 mg" in text


def _pages(path) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(path).pages]


def test_report_has_the_medicines_section_and_markers(diary, tmp_path):
    out = tmp_path / "visit.pdf"
    with Store.open(diary) as store:
        write_report(store, out, today=TODAY)
    pages = _pages(out)
    one = flat(pages[0])
    assert "Medicines (as logged by the patient)" in one
    assert NAME in one and REASON in one  # verbatim, brackets and all
    assert "150 mg twice daily" in one and "28 of 182 due taken (15%)" in one
    assert "75 -> 150 mg twice daily 6.5 3.5 -3.0" in one
    assert "Notes for this visit" in one and "Detail" not in one
    assert flat(pages[1]).startswith("Detail")
    rest = flat(" ".join(pages[1:]))
    assert "medicine change (numbered, listed under the chart)" in rest
    assert f"Medicine changes marked on the chart: 1 = 1 Apr 2024: {NAME} started 75 mg" in rest
    assert f"3 = 15 May 2024: {NAME} 75 -> 150 mg" in rest
    assert "Medicines in detail" in rest and "tracker gives no advice on doses" in rest


def test_report_without_medicines_has_no_section(db_path, tmp_path):
    with Store.open(db_path) as store:
        store.add_many([validate_pain({"date": "2024-06-29", "average": 4})])
        write_report(store, tmp_path / "r.pdf", today=TODAY)
    text = flat(" ".join(_pages(tmp_path / "r.pdf")))
    assert "Medicines" not in text and "medicine change" not in text


def test_a_busy_diary_keeps_page_one_one_page(tmp_path):
    """The sample (200 days: seven changes, three medicines, side effects) with a name and
    three long notes for the doctor: page 1 still ends with its notes, the detail on page 2."""
    path = tmp_path / "busy.db"
    write_sample(path, days=200, seed=1, end=TODAY, medicines=True)
    note = "Does the burning at night mean the dose should change? It wakes me at 3am. " * 2
    with Store.open(path) as store:
        store.add_many(
            [
                validate_pain({"date": _day(-n), "average": 5, "note": note, "for_doctor": True})
                for n in (1, 2, 3)
            ]
        )
        write_report(store, tmp_path / "busy.pdf", today=TODAY, name="Ana Díaz", born="1960-04-02")
    pages = _pages(tmp_path / "busy.pdf")
    one = flat(pages[0])
    assert "Medicines (as logged by the patient)" in one and "Pregabalin" in one
    assert one.count("wakes me at 3am") == 6 and "Page 1 of" in one
    assert flat(pages[1]).startswith("Detail")
    assert "Left out for space" in one  # the notes need the room: older changes give way
