"""Symptom frequency: how many pain entries mention each symptom quality."""

from __future__ import annotations

from collections.abc import Iterable

from tracker.analysis.calendar import DayLike, iso
from tracker.models import SYMPTOMS, Row


def symptom_counts(
    pain_rows: Iterable[Row], start: DayLike | None = None, end: DayLike | None = None
) -> dict[str, int]:
    """Symptom -> number of pain entries in start..end that mention it.

    Every symptom of the vocabulary is present (0 where never mentioned); the most frequent
    come first, ties in vocabulary order. A word outside the vocabulary (an old import) is
    counted too, after the vocabulary at equal counts.
    """
    first, last = iso(start), iso(end)
    counts = dict.fromkeys(SYMPTOMS, 0)
    for row in pain_rows:
        if (first is None or row["date"] >= first) and (last is None or row["date"] <= last):
            for symptom in row.get("symptoms") or ():
                counts[symptom] = counts.get(symptom, 0) + 1
    order = {name: i for i, name in enumerate(counts)}
    return dict(sorted(counts.items(), key=lambda item: (-item[1], order[item[0]])))
