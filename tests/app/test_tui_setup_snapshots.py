"""The key list (F1) and the About screen as SVG snapshots at 80x24, on the seeded sample.

Regenerate with `uv run pytest tests/app/test_tui_setup_snapshots.py --snapshot-update` and look
at the SVGs in tests/app/__snapshots__/ before committing them.
"""

from __future__ import annotations

from tui_helpers import db_fixtures, make_app, settle

SMALL = (80, 24)

empty_db, sample_db = db_fixtures()


def after(*keys: str):
    async def run_before(pilot) -> None:
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)

    return run_before


def test_key_list_on_the_dashboard_80x24(snap_compare, sample_db):
    assert snap_compare(make_app(sample_db), terminal_size=SMALL, run_before=after("f1"))


def test_key_list_on_the_pain_form_80x24(snap_compare, sample_db):
    assert snap_compare(make_app(sample_db), terminal_size=SMALL, run_before=after("p", "f1"))
