"""`Summary` (the TypedDict every front door is checked against) is what summarize returns."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from tracker.analysis import summarize
from tracker.analysis.summary_type import Summary
from tracker.sample import generate

TODAY = dt.date(2026, 6, 30)


def rows(entries) -> list[dict]:
    return [{**entry.as_row(), "id": i + 1} for i, entry in enumerate(entries)]


@pytest.mark.parametrize("days", [0, 3, 120])
def test_summarize_returns_exactly_the_keys_of_summary(days):
    pain, exercise = generate(days, 1, TODAY) if days else ([], [])
    summary = summarize(rows(pain), rows(exercise), today=TODAY)
    assert set(summary) == set(Summary.__annotations__)
    assert not [key for key in summary if key.startswith("_")]  # nothing private leaks out
    json.dumps(summary)  # the stats --json contract: serialisable as it is
