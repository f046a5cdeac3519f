"""Whole-screen snapshots of Trends and Guide on the seeded 120-day sample, at fixed sizes.

Regenerate with `uv run pytest tests/app/test_tui_trends_snapshots.py --snapshot-update`, then look
at the SVGs under tests/app/__snapshots__/test_tui_trends_snapshots/ before committing them.
"""

from __future__ import annotations

from tui_helpers import db_fixtures, make_app, settle

empty_db, sample_db = db_fixtures()


def pressing(*keys: str):
    """A `run_before` that waits for the first load, presses `keys`, then waits for workers."""

    async def run_before(pilot) -> None:
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)

    return run_before


def test_trends_at_100x32(sample_db, snap_compare):
    assert snap_compare(make_app(sample_db), terminal_size=(100, 32), run_before=pressing("t"))


def test_trends_at_80x24(sample_db, snap_compare):
    assert snap_compare(make_app(sample_db), terminal_size=(80, 24), run_before=pressing("t"))


def test_trends_all_time_at_120x40(sample_db, snap_compare):
    assert snap_compare(make_app(sample_db), terminal_size=(120, 40), run_before=pressing("t", "4"))


def test_guide_at_100x32(sample_db, snap_compare):
    assert snap_compare(make_app(sample_db), terminal_size=(100, 32), run_before=pressing("g"))


def test_guide_on_a_topic_at_80x24(sample_db, snap_compare):
    keys = ("g", "down", "down", "down", "down")  # "Exercising safely with neuropathy"
    assert snap_compare(make_app(sample_db), terminal_size=(80, 24), run_before=pressing(*keys))
