"""Regimen changes as chart markers: "the dose went up here", for every pain chart.

One marker per medicine change (`med_change` row) dated inside a chart's window, oldest first
(date, then id), so `tracker plot`, the report's chart and the app's charts mark the same days.
Pure and headless: medicine and change rows in (the medicine schema's shape), `Marker`s out.
The label is a few plain words ("Pregabalin 75 -> 150 mg"); the name is the person's own text,
verbatim (front doors show it as text, never as markup).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from tracker.analysis.calendar import DayLike, iso
from tracker.analysis.regimen import order, regimen_on
from tracker.models import Row

__all__ = ["Marker", "regimen_markers"]


@dataclass(frozen=True)
class Marker:
    """A regimen change to mark on a chart: its day, the medicine's name, the change ('start',
    'dose' or 'stop') and a short label."""

    date: str
    medicine: str
    change: str
    label: str


def _amount(strength: float | None, unit: str | None) -> str:
    if strength is None:
        return ""
    shown = f"{strength:.2f}".rstrip("0").rstrip(".")
    if unit is None:
        return shown
    return f"{shown}%" if unit == "%" else f"{shown} {unit}"


def _label(change: Row, medicine: Row, changes: Sequence[Row]) -> str:
    name, unit = medicine["name"], medicine.get("unit")
    now = _amount(change.get("strength"), unit)
    if change["change"] == "stop":
        return f"{name} stopped"
    if change["change"] == "start":
        return f"{name} started {now}".rstrip()
    earlier = [
        row
        for row in changes
        if row["medicine_id"] == change["medicine_id"] and order(row) < order(change)
    ]
    before = regimen_on(earlier, int(change["medicine_id"]), change["date"])
    old = None if before is None or not before["current"] else before["strength"]
    if old is not None and now and old != change.get("strength"):
        return f"{name} {_amount(old, None)} -> {now}"
    per_day = change.get("doses_per_day")
    return f"{name} dose {now} {per_day}x a day" if per_day else f"{name} dose {now}".rstrip()


def regimen_markers(
    medicines: Iterable[Row], changes: Sequence[Row], start: DayLike, end: DayLike
) -> list[Marker]:
    """A marker for each change dated start..end (both included) of a known medicine, in the
    order the changes took effect (date, then id)."""
    by_id = {int(med["id"]): med for med in medicines}
    first, last = iso(start), iso(end)
    return [
        Marker(
            date=row["date"],
            medicine=by_id[int(row["medicine_id"])]["name"],
            change=row["change"],
            label=_label(row, by_id[int(row["medicine_id"])], changes),
        )
        for row in sorted(changes, key=order)
        if first <= row["date"] <= last and int(row["medicine_id"]) in by_id
    ]
