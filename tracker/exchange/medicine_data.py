"""The medicines of one period, read from the diary once for `tracker med stats` and the report.

`gather_medicines(store, start, end, today)` reads the medicine tables and only the pain rows
the before/after comparisons can use (from BEFORE_DAYS before the period, or everything when
the period is open), and returns `analysis.medicine_use.medicine_summary`'s result with the
regimen-change markers of the period (`analysis.markers`). No drawing, no words: the CLI prints
`words.medicines.medicine_lines(summary)`, the report draws `report_medicines.medicines_section`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from tracker.analysis.calendar import iso, shift
from tracker.analysis.markers import Marker, regimen_markers
from tracker.analysis.medicine_use import TREND_DAYS, MedicineSummary, medicine_summary
from tracker.analysis.medicines import BEFORE_DAYS, daily_measures
from tracker.store import Store

__all__ = ["MedicineData", "gather_medicines", "no_medicines"]


@dataclass(frozen=True)
class MedicineData:
    """A period's medicine summary, and its regimen changes as chart markers."""

    summary: MedicineSummary
    markers: list[Marker] = field(default_factory=list)
    #: Whether the diary holds any medicine at all (the report leaves the section out if not).
    any_medicine: bool = False


def gather_medicines(
    store: Store,
    start: str | None,
    end: str | None,
    today: dt.date,
    *,
    by: Literal["month", "week"] = "month",
) -> MedicineData:
    """The medicines of start..end (None: open) as of `today` (see the module docstring)."""
    from tracker.store import medicines as meds

    medicines = meds.medicines(store)
    changes = meds.changes(store)
    last = min(iso(end) or iso(today), iso(today))
    pain_from = None if start is None else shift(start, -BEFORE_DAYS)
    # Doses from the period's first day (adherence and as-needed use count only those days),
    # or the as-needed trend's 14 days to today when they begin earlier.
    doses_from = None if start is None else min(start, shift(today, -2 * TREND_DAYS))
    doses = meds.doses(store, doses_from, None) if medicines else []
    effects = meds.side_effects(store, start, last) if medicines else []
    pain = store.pain_rows(pain_from, None) if changes else []
    summary = medicine_summary(
        medicines,
        changes,
        doses,
        effects,
        daily_measures(pain),
        today=today,
        start=start,
        end=last,
        by=by,
    )
    first = start or (changes[0]["date"] if changes else last)
    return MedicineData(
        summary=summary,
        markers=regimen_markers(medicines, changes, first, last),
        any_medicine=bool(medicines),
    )


def no_medicines(start: str | None, end: str | None, today: dt.date) -> MedicineData:
    """The summary of a diary without medicines (or without a file): every list empty."""
    summary = medicine_summary(
        [], [], [], [], daily_measures([]), today=today, start=start, end=end
    )
    return MedicineData(summary=summary)
