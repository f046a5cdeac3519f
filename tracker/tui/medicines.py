"""What the app shows about medicines, read from a Store: run inside worker threads, no Textual.

- `load_doses(store, day)`: the dose screen's slots for a day (`analysis.dose_slots`).
- `load_medicines_glance(store, today, chart_start)`: the dashboard's and Trends' medicine
  part: today's dose counts, the regimen-change markers for the pain chart
  (`analysis.markers.regimen_markers`, the ones `tracker plot` and the report draw) and the
  medicine tips (`guidance.medicine_tips.medicine_tips`, the ones `tracker tips` prints), which
  the screens merge with the other tips (`merge_tips`).
A diary without medicines costs one small read and gives an empty glance.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from tracker.analysis.dose_slots import DayCounts, DoseSlot, day_counts, dose_slots
from tracker.analysis.markers import Marker, regimen_markers
from tracker.guidance.medicine_tips import medicine_tips, tip_window_start
from tracker.store import medicines as med_store

if TYPE_CHECKING:
    from tracker.guidance import Tip
    from tracker.store import Store


@dataclass
class MedicinesGlance:
    """The medicine part of a screen; empty when the diary has no medicines."""

    has_medicines: bool = False
    counts: DayCounts = field(default_factory=DayCounts)
    markers: list[Marker] = field(default_factory=list)
    tips: list[Tip] = field(default_factory=list)


def load_doses(store: Store, day: str) -> list[DoseSlot]:
    """The slots of `day` (an ISO day): every current medicine's doses, due or logged."""
    meds = med_store.medicines(store)
    if not meds:
        return []
    changes = med_store.changes(store, end=day)
    return dose_slots(meds, changes, med_store.doses(store, day, day), day)


def load_medicines_glance(store: Store, today: str, chart_start: str | None) -> MedicinesGlance:
    """Today's counts, the markers from `chart_start` (None: every change) to `today`, and
    the medicine tips as of `today`."""
    meds = med_store.medicines(store)
    if not meds:
        return MedicinesGlance()
    changes = med_store.changes(store)
    slots = dose_slots(meds, changes, med_store.doses(store, today, today), today)
    pain = store.pain_rows(tip_window_start(today), today)
    return MedicinesGlance(
        has_medicines=True,
        counts=day_counts(slots),
        markers=regimen_markers(meds, changes, chart_start, today),
        tips=medicine_tips(meds, changes, pain, today),
    )
