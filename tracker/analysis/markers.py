"""Chart markers for regimen changes: "the dose went up here", written once for every chart.

The app's pain charts (dashboard, Trends), the CLI `plot` and the PDF report all draw the same
markers from `regimen_markers(medicines, changes, start, end)`: one `Marker` per regimen change
(`med_change` row) dated inside the window, oldest first (ties: the change's id). The label
is short and in our words ("started", "dose up", "dose down", "dose change", "stopped"); the
medicine's name is kept apart, as typed, so each front door shows it as text (never markup).

A 'dose' change is "up" or "down" when the daily amount (strength x doses a day) can be
compared with the regimen before it, on the same unit: both strengths known and, for
scheduled medicines, both doses a day known (as-needed regimens compare the strength alone).
Otherwise it is a "dose change".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from tracker.analysis.calendar import DayLike, iso
from tracker.models import Row

#: The short label of each kind of change (a 'dose' change also reads "dose up"/"dose down").
LABELS = {"start": "started", "dose": "dose change", "stop": "stopped"}


@dataclass(frozen=True)
class Marker:
    """One regimen change to mark on a chart."""

    #: ISO day the change took effect.
    date: str
    #: The medicine's name, as the person typed it (user text: show verbatim).
    medicine: str
    #: 'start' | 'dose' | 'stop'.
    change: str
    #: Short words for a legend: "started", "dose up", "dose down", "dose change", "stopped".
    label: str
    medicine_id: int = 0
    change_id: int = 0
    #: The change with its amounts, for a numbered list under a chart (`tracker plot`, the
    #: report): "Pregabalin 75 -> 150 mg", "Paracetamol started 500 mg", "X stopped".
    detail: str = field(default="", compare=False)

    @property
    def text(self) -> str:
        """Name and label together, e.g. "Pregabalin dose up" (plain text, not markup)."""
        return f"{self.medicine} {self.label}"


def _daily(row: Row) -> float | None:
    strength = row.get("strength")
    if strength is None:
        return None
    per_day = row.get("doses_per_day")
    return float(strength) * (int(per_day) if per_day is not None else 1)


def _label(row: Row, before: Row | None) -> str:
    change = str(row["change"])
    if change != "dose":
        return LABELS.get(change, change)
    if before is None or before["change"] == "stop":
        return LABELS["dose"]
    # Compare like with like: doses a day known on both sides, or on neither (as needed).
    if (row.get("doses_per_day") is None) != (before.get("doses_per_day") is None):
        return LABELS["dose"]
    now, then = _daily(row), _daily(before)
    if now is None or then is None or now == then:
        return LABELS["dose"]
    return "dose up" if now > then else "dose down"


def _amount(strength: float | None, unit: str | None) -> str:
    if strength is None:
        return ""
    shown = f"{float(strength):.2f}".rstrip("0").rstrip(".")
    if unit is None:
        return shown
    return f"{shown}%" if unit == "%" else f"{shown} {unit}"


def _detail(name: str, unit: str | None, row: Row, before: Row | None) -> str:
    now = _amount(row.get("strength"), unit)
    if row["change"] == "stop":
        return f"{name} stopped"
    if row["change"] == "start":
        return f"{name} started {now}".rstrip()
    old = None if before is None or before["change"] == "stop" else before.get("strength")
    if old is not None and now and old != row.get("strength"):
        return f"{name} {_amount(old, None)} -> {now}"
    per_day = row.get("doses_per_day")
    return f"{name} dose {now} {per_day}x a day" if per_day else f"{name} dose {now}".rstrip()


def regimen_markers(
    medicines: Iterable[Row],
    changes: Iterable[Row],
    start: DayLike | None,
    end: DayLike | None,
) -> list[Marker]:
    """A marker for each regimen change dated start..end (inclusive; None = open), oldest first.

    `medicines` and `changes` are store rows (`store.medicines.medicines`, `changes`); a change
    whose medicine is not among `medicines` is named "medicine #id". One pass over the changes
    after sorting them by (date, id).
    """
    first, last = iso(start), iso(end)
    names: dict[int, str] = {}
    units: dict[int, str | None] = {}
    for med in medicines:
        names[int(med["id"])] = str(med["name"])
        units[int(med["id"])] = med.get("unit")
    ordered = sorted(changes, key=lambda row: (row["date"], int(row["id"])))
    previous: dict[int, Row] = {}
    markers: list[Marker] = []
    for row in ordered:
        medicine_id = int(row["medicine_id"])
        before = previous.get(medicine_id)
        previous[medicine_id] = row
        day = row["date"]
        if (first is not None and day < first) or (last is not None and day > last):
            continue
        name = names.get(medicine_id, f"medicine #{medicine_id}")
        markers.append(
            Marker(
                date=day,
                medicine=name,
                change=str(row["change"]),
                label=_label(row, before),
                medicine_id=medicine_id,
                change_id=int(row["id"]),
                detail=_detail(name, units.get(medicine_id), row, before),
            )
        )
    return markers
