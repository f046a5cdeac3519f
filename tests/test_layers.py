"""What the import-linter contracts (.importlinter) cannot see: that the front doors say the
same thing, and that the headless core loads no UI library even where lint-imports is not run.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

from tracker.sample import write_sample
from tracker.store import Store

TODAY = dt.date(2026, 6, 30)
HEADLESS = (
    "tracker.activities tracker.models tracker.store tracker.analysis tracker.exchange.csv_import "
    "tracker.exchange.report_data tracker.guidance tracker.words tracker.period "
    "tracker.problems tracker.safe_files tracker.paths tracker.plots tracker.plot_markers "
    "tracker.tui.data"
)
UI_LIBRARIES = ("click", "textual", "rich", "plotext", "textual_plotext", "fpdf")


@pytest.fixture
def diary(db_path, monkeypatch):
    monkeypatch.setenv("TRACKER_TODAY", TODAY.isoformat())
    write_sample(db_path, days=120, end=TODAY)
    return db_path


def test_trends_screen_says_what_stats_says(diary, invoke):
    from tracker.tui.screens import trends as screen
    from tracker.words import trends as words

    assert screen.pain_words is words.pain_words  # the screen writes no sentence itself
    with Store.open(diary) as store:
        shown = words.trends_words(screen.load_trends(store, "4", TODAY).summary)
    said = [line.strip() for line in invoke("stats").output.splitlines()]
    said = [line for line in said if not line.startswith("Most frequent symptoms")]
    assert len(said) >= 8
    assert [line for line in said if line not in shown] == []


def test_one_message_for_a_backwards_period(invoke, diary):
    stats = invoke("stats", "--from", "2026-06-20", "--to", "2026-06-10")
    export = invoke("export", "-", "--from", "2026-06-20", "--to", "2026-06-10")
    assert stats.exit_code == export.exit_code == 2
    # the same words; each command names the fields as its user typed them
    assert stats.stderr.replace("--from", "from").replace("--to", "to") == export.stderr


def test_the_report_says_the_change_in_the_words_stats_uses():
    import inspect

    from tracker.exchange import report, report_data, report_page_one
    from tracker.words import change

    # one wording: the report (its page 1 says the change) prints words.change's sentences
    # and has none of its own
    assert report_page_one.change_line is change.change_line
    assert report_page_one.baseline_line is change.baseline_line
    assert not hasattr(change, "change_verdict") and not hasattr(report_data, "change_verdict")
    for module in (report, report_page_one):
        assert "IMMPACT" not in inspect.getsource(module)


def test_headless_modules_load_no_ui_library():
    code = (
        f"import importlib, sys\nfor m in {HEADLESS.split()!r}: importlib.import_module(m)\n"
        f"bad = [m for m in {UI_LIBRARIES!r} if m in sys.modules]\nassert not bad, bad"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


def test_the_app_loads_no_cli_module():
    code = (
        "import sys, tracker.tui.app, tracker.tui.screens.trends, tracker.tui.screens.export\n"
        "bad = [m for m in sys.modules if m.startswith('tracker.cli') or m == 'click']\n"
        "assert not bad, bad"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
