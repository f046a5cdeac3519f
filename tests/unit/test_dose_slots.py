"""A day's dose slots (`analysis.dose_slots`) and the dashboard's line about them."""

from __future__ import annotations

from tracker.analysis.dose_slots import DayCounts, day_counts, dose_slots
from tracker.words.medicines import doses_today_line

DAY = "2026-06-30"
MEDS = [
    {"id": 1, "name": "pregabalin", "unit": "mg", "schedule": "scheduled"},
    {"id": 2, "name": "Ibuprofen", "unit": "mg", "schedule": "as_needed"},
    {"id": 3, "name": "Amitriptyline", "unit": "mg", "schedule": "scheduled"},
    {"id": 4, "name": "Later", "unit": None, "schedule": "scheduled"},
]
CHANGES = [
    {"id": 1, "date": "2026-06-01", "medicine_id": 1, "change": "start", "strength": 75.0,
     "doses_per_day": 2},
    {"id": 2, "date": "2026-06-01", "medicine_id": 2, "change": "start", "strength": 400.0,
     "doses_per_day": None},
    {"id": 3, "date": "2026-06-01", "medicine_id": 3, "change": "start", "strength": 10.0,
     "doses_per_day": 1},
    {"id": 4, "date": "2026-06-20", "medicine_id": 3, "change": "stop", "strength": None,
     "doses_per_day": None},
    {"id": 5, "date": "2026-07-01", "medicine_id": 4, "change": "start", "strength": 1.0,
     "doses_per_day": 1},
]  # fmt: skip


def dose(id_: int, med: int, status: str, time: str | None, day: str = DAY) -> dict:
    return {"id": id_, "date": day, "medicine_id": med, "status": status, "time": time,
            "logged_at": f"{day}T12:00:00", "reason": None}  # fmt: skip


def test_slots_fill_in_time_order_with_extras_and_as_needed() -> None:
    doses = [
        dose(1, 1, "taken", "20:00"),
        dose(2, 1, "skipped", "08:00"),
        dose(3, 1, "taken", "22:30"),  # a third dose of a twice-a-day medicine: extra
        dose(4, 2, "taken", "14:00"),
        dose(5, 2, "taken", "09:00"),
        dose(6, 3, "taken", None),  # stopped, but logged: still shown, as extra
        dose(7, 1, "taken", "08:00", day="2026-06-29"),  # another day
    ]
    slots = dose_slots(MEDS, CHANGES, doses, DAY)
    shown = [(s.name, s.slot, s.status, s.extra) for s in slots]
    assert shown == [
        ("Amitriptyline", 1, "taken", True),
        ("Ibuprofen", 0, "as_needed", False),
        ("pregabalin", 1, "skipped", False),
        ("pregabalin", 2, "taken", False),
        ("pregabalin", 3, "taken", True),
    ]
    assert [row["id"] for row in slots[1].taken] == [5, 4]
    assert slots[2].strength == 75.0 and slots[2].doses_per_day == 2
    counts = day_counts(slots)
    assert counts == DayCounts(due=2, taken=1, skipped=1, as_needed=2, any_current=True)
    assert doses_today_line(counts) == "Doses today: 1 of 2 taken, 1 skipped; as needed: 2 taken."


def test_nothing_logged_and_nothing_scheduled() -> None:
    slots = dose_slots(MEDS, CHANGES, [], DAY)
    expected = [("Ibuprofen", "as_needed"), ("pregabalin", "due"), ("pregabalin", "due")]
    assert [(s.name, s.status) for s in slots] == expected
    assert doses_today_line(day_counts(slots)) == "Doses today: 0 of 2 taken."
    only_as_needed = dose_slots(MEDS[1:2], CHANGES, [], DAY)
    assert doses_today_line(day_counts(only_as_needed)) == "Doses today: none scheduled."
    assert dose_slots(MEDS, CHANGES, [], "2026-05-01") == []
