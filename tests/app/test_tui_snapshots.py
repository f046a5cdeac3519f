"""Whole screens as SVG snapshots, on the seeded 120-day sample ending 2026-06-30.

Regenerate with `uv run pytest tests/app/test_tui_snapshots.py --snapshot-update` and look at the
SVGs in tests/app/__snapshots__/ before committing them. The clock is fixed (TRACKER_TODAY), the
cursor does not blink, and each shot is taken after every worker has finished.
"""

from __future__ import annotations

from test_tui_safety_markup import markup_diary
from tui_helpers import SIZE, db_fixtures, make_app, settle

SMALL = (80, 24)

empty_db, sample_db = db_fixtures()


def after(*keys: str, theme: str | None = None):
    """A run_before that waits for the data, presses `keys` and waits again."""

    async def run_before(pilot) -> None:
        if theme:
            pilot.app.theme = theme
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)

    return run_before


def test_dashboard(snap_compare, sample_db):
    assert snap_compare(make_app(sample_db), terminal_size=SIZE, run_before=after())


def test_dashboard_80x24(snap_compare, sample_db):
    assert snap_compare(make_app(sample_db), terminal_size=SMALL, run_before=after())


def test_dashboard_light_demo(snap_compare, sample_db):
    app = make_app(sample_db, demo=True)
    assert snap_compare(app, terminal_size=SIZE, run_before=after(theme="textual-light"))


def test_pain_form(snap_compare, sample_db):
    assert snap_compare(make_app(sample_db), terminal_size=SIZE, run_before=after("p"))


def test_pain_form_error_80x24(snap_compare, sample_db):
    run_before = after("p", "1", "1", "tab", "ctrl+y")
    assert snap_compare(make_app(sample_db), terminal_size=SMALL, run_before=run_before)


def test_exercise_form(snap_compare, sample_db):
    keys = ("e", *"walking", "tab", "3", "0")
    assert snap_compare(make_app(sample_db), terminal_size=SIZE, run_before=after(*keys))


def test_history(snap_compare, sample_db):
    assert snap_compare(make_app(sample_db), terminal_size=SIZE, run_before=after("h"))


def test_history_edit_form(snap_compare, sample_db):
    run_before = after("h", "down", "enter")
    assert snap_compare(make_app(sample_db), terminal_size=SIZE, run_before=run_before)


def test_confirm_delete(snap_compare, sample_db):
    run_before = after("h", "delete")
    assert snap_compare(make_app(sample_db), terminal_size=SIZE, run_before=run_before)


def test_empty_diary_80x24(snap_compare, empty_db):
    assert snap_compare(make_app(empty_db), terminal_size=SMALL, run_before=after())


def test_discard_dialog(snap_compare, sample_db):
    run_before = after("p", "5", "escape")
    assert snap_compare(make_app(sample_db), terminal_size=SIZE, run_before=run_before)


def test_history_with_markup_80x24(snap_compare, empty_db):
    """Notes and activities that look like markup, shown exactly as typed."""
    markup_diary(empty_db)
    assert snap_compare(make_app(empty_db), terminal_size=SMALL, run_before=after("h"))
