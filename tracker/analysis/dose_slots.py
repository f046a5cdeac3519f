"""A day's doses, slot by slot: what the app's dose screen lists and the dashboard counts.

A scheduled medicine whose regimen is current on the day is due `doses_per_day` doses (the
schema's "doses due"); each is a slot. The day's logged doses of that medicine (taken or
skipped, by time, then time of logging) fill its slots in order; a slot left over is "due"; a
dose logged beyond the regimen's count is an "extra" slot (shown, never hidden). An as-needed
medicine current on the day has one line, whatever its doses that day. A medicine not current
(not started, or stopped) is left out, unless doses were logged for it that day: those still
show, as extra slots, so nothing logged is hidden.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from tracker.analysis.calendar import DayLike, iso
from tracker.analysis.regimen import Regimen, regimen_on
from tracker.models import Row


@dataclass
class DoseSlot:
    """One line of the dose screen."""

    medicine_id: int
    #: The medicine's name as typed (user text: show verbatim).
    name: str
    unit: str | None
    schedule: str
    strength: float | None
    doses_per_day: int | None
    #: 1-based slot number of a scheduled dose (0 for an as-needed line).
    slot: int
    #: 'due', 'taken', 'skipped', or 'as_needed' (the as-needed line).
    status: str
    #: The dose row filling the slot (None while due, and for the as-needed line).
    dose: Row | None = None
    #: An as-needed line's doses taken that day (their rows, oldest first).
    taken: list[Row] = field(default_factory=list)
    #: True for a dose logged beyond the regimen's count (or with no current regimen).
    extra: bool = False

    @property
    def key(self) -> str:
        return f"{self.medicine_id}:{self.slot}"


@dataclass(frozen=True)
class DayCounts:
    """The day's doses in numbers: scheduled taken / due, skipped, as-needed doses taken."""

    due: int = 0
    taken: int = 0
    skipped: int = 0
    as_needed: int = 0
    #: True when any medicine is current (the dashboard says nothing otherwise).
    any_current: bool = False


def _dose_order(row: Row) -> tuple[str, str, int]:
    return (row.get("time") or "99:99", row.get("logged_at") or "", int(row["id"]))


def dose_slots(
    medicines: Iterable[Row], changes: Sequence[Row], doses: Iterable[Row], day: DayLike
) -> list[DoseSlot]:
    """The day's slots, medicine by medicine (by name, case aside), slots in order."""
    on = iso(day)
    by_medicine: dict[int, list[Row]] = {}
    for row in doses:
        if row["date"] == on:
            by_medicine.setdefault(int(row["medicine_id"]), []).append(row)
    slots: list[DoseSlot] = []
    for med in sorted(medicines, key=lambda m: (str(m["name"]).casefold(), int(m["id"]))):
        medicine_id = int(med["id"])
        regimen = regimen_on(changes, medicine_id, on)
        current = regimen is not None and regimen["current"]
        logged = sorted(by_medicine.get(medicine_id, []), key=_dose_order)
        if not current and not logged:
            continue
        in_force = regimen if current else None
        slot = functools.partial(_slot, med, in_force)
        if current and med["schedule"] == "as_needed":
            line = slot(0, "as_needed")
            line.taken = [row for row in logged if row["status"] == "taken"]
            slots.append(line)
            skipped = [row for row in logged if row["status"] != "taken"]
            slots.extend(slot(i, row["status"], row, True) for i, row in enumerate(skipped, 1))
            continue
        due = (in_force["doses_per_day"] or 1) if in_force else 0
        for number in range(1, max(due, len(logged)) + 1):
            dose = logged[number - 1] if number <= len(logged) else None
            status = dose["status"] if dose is not None else "due"
            slots.append(slot(number, status, dose, extra=number > due))
    return slots


def _slot(
    med: Row,
    regimen: Regimen | None,
    number: int,
    status: str,
    dose: Row | None = None,
    extra: bool = False,
) -> DoseSlot:
    return DoseSlot(
        medicine_id=int(med["id"]),
        name=str(med["name"]),
        unit=med.get("unit"),
        schedule=str(med["schedule"]),
        strength=regimen["strength"] if regimen else None,
        doses_per_day=regimen["doses_per_day"] if regimen else None,
        slot=number,
        status=status,
        dose=dose,
        extra=extra,
    )


def day_counts(slots: Iterable[DoseSlot]) -> DayCounts:
    """Scheduled doses due and taken (extra doses are not counted against the due ones),
    skipped, and as-needed doses taken."""
    due = taken = skipped = as_needed = 0
    current = False
    for s in slots:
        if s.status == "as_needed":
            as_needed += len(s.taken)
            current = True
            continue
        if s.extra:
            continue
        current = True
        due += 1
        taken += s.status == "taken"
        skipped += s.status == "skipped"
    return DayCounts(due, taken, skipped, as_needed, current)
