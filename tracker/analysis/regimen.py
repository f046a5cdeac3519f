"""The regimen: which dose of a medicine is in force on a day, written once for every use.

The regimen on a day is the medicine's latest change (`med_change` row: id, date, medicine_id,
change 'start' | 'dose' | 'stop', strength, doses_per_day) dated on or before it, ties broken
by the highest id. A medicine is current on a day when that change is not a 'stop'.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TypedDict

from tracker.analysis.calendar import DayLike, calendar, iso
from tracker.models import Row


class Regimen(TypedDict):
    """A medicine's regimen on a day: the change in force then."""

    medicine_id: int
    change_id: int
    #: The day the change took effect.
    since: str
    change: str
    strength: float | None
    doses_per_day: int | None
    #: False after a 'stop'.
    current: bool


class MedicineRegimen(TypedDict):
    """A medicine with its regimen on a day (`current_regimens`)."""

    medicine_id: int
    name: str
    unit: str | None
    form: str | None
    schedule: str
    reason: str | None
    #: None before the first change.
    regimen: Regimen | None


def order(row: Row) -> tuple[str, int]:
    return (row["date"], int(row["id"]))


def regimen_row(row: Row) -> Regimen:
    return {
        "medicine_id": int(row["medicine_id"]),
        "change_id": int(row["id"]),
        "since": row["date"],
        "change": row["change"],
        "strength": row.get("strength"),
        "doses_per_day": row.get("doses_per_day"),
        "current": row["change"] != "stop",
    }


def changes_of(changes: Iterable[Row], medicine_id: int) -> list[Row]:
    """One medicine's changes, in the order they took effect (date, then id)."""
    return sorted((row for row in changes if row["medicine_id"] == medicine_id), key=order)


def regimen_on(changes: Iterable[Row], medicine_id: int, day: DayLike) -> Regimen | None:
    """The medicine's regimen on `day`: its latest change dated on or before it (ties: the
    highest id), or None before its first change."""
    wanted = iso(day)
    own = [row for row in changes if row["medicine_id"] == medicine_id and row["date"] <= wanted]
    return regimen_row(max(own, key=order)) if own else None


def current_regimens(
    medicines: Iterable[Row], changes: Sequence[Row], day: DayLike
) -> list[MedicineRegimen]:
    """Every medicine with its regimen on `day`, current ones first, then by name."""
    result: list[MedicineRegimen] = [
        {
            "medicine_id": int(med["id"]),
            "name": med["name"],
            "unit": med.get("unit"),
            "form": med.get("form"),
            "schedule": med["schedule"],
            "reason": med.get("reason"),
            "regimen": regimen_on(changes, int(med["id"]), day),
        }
        for med in medicines
    ]
    return sorted(
        result,
        key=lambda m: (not (m["regimen"] and m["regimen"]["current"]), m["name"].casefold()),
    )


def current_days(
    changes: Sequence[Row], medicine_id: int, first: str | None, last: str
) -> dict[str, int | None]:
    """ISO day -> doses a day (None for as-needed) for each day first..last on which the
    medicine's regimen is current; walks its changes once."""
    own = changes_of(changes, medicine_id)
    if not own:
        return {}
    start = max(first, own[0]["date"]) if first is not None else own[0]["date"]
    result: dict[str, int | None] = {}
    index, regimen = 0, None
    for day in calendar(start, last):
        while index < len(own) and own[index]["date"] <= day:
            regimen = own[index]
            index += 1
        if regimen is not None and regimen["change"] != "stop":
            result[day] = regimen.get("doses_per_day")
    return result
