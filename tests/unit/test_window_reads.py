"""The bounded reads (analysis.window) give the numbers and tips of the whole history.

`tracker tips`, `tracker plot`, the report and the dashboard read a window, not every row; these
tests hold what they compute equal to what every row gives, on long generated diaries: a
diary kept up to today, one left alone for months, one with a gap and a fresh start, one whose
only exercise was long ago, and baselines set by `analysis.baseline_from` (in the middle, in a
gap, before the first entry, after the last).
"""

from __future__ import annotations

import datetime as dt

import pytest

from tracker.analysis import summarize
from tracker.analysis.calendar import shift
from tracker.analysis.window import WINDOW_DAYS, window_rows
from tracker.guidance import tips_for
from tracker.models import validate_exercise
from tracker.sample import generate, write_sample
from tracker.store import Store

pytestmark = pytest.mark.xdist_group("window_reads")

TODAY = dt.date(2026, 6, 30)


def _write(path, *histories, extra=()):
    with Store.open(path) as store:
        for pain, exercise in histories:
            store.add_many(pain, exercise)
        for entry in extra:
            store.add(entry)
    return path


@pytest.fixture(scope="module")
def diaries(tmp_path_factory):
    folder = tmp_path_factory.mktemp("window")
    thirty = folder / "thirty.db"
    write_sample(thirty, days=10950, seed=1, end=TODAY)
    alone = folder / "alone.db"
    write_sample(alone, days=1200, seed=2, end=TODAY - dt.timedelta(days=130))
    gap = _write(
        folder / "gap.db",
        generate(500, seed=3, end=TODAY - dt.timedelta(days=400)),
        generate(20, seed=4, end=TODAY - dt.timedelta(days=1)),
    )
    old_exercise = _write(
        folder / "old-exercise.db",
        ([], generate(60, seed=5, end=TODAY - dt.timedelta(days=300))[1]),
        (generate(10, seed=6, end=TODAY)[0], []),
        extra=[validate_exercise({"activity": "yoga", "minutes": 30, "date": "2026-06-25"})],
    )
    paths = {"thirty": thirty, "alone": alone, "gap": gap, "old_exercise": old_exercise}
    return {name: (path, _all_rows(path)) for name, path in paths.items()}


def _all_rows(path):
    with Store.open(path) as store:
        return store.pain_rows(), store.exercise_rows()


#: (diary, baseline_from): the settings' analysis.baseline_from in every kind of place.
CASES = [
    ("thirty", None),
    ("thirty", "2010-03-15"),
    ("alone", "2026-06-20"),  # a baseline not over yet
    ("alone", None),
    ("alone", "2025-01-01"),
    ("alone", "2026-05-01"),  # after the last entry: no baseline
    ("gap", None),
    ("gap", "2025-01-01"),  # in the gap: the baseline starts at the fresh start
    ("old_exercise", None),
    ("old_exercise", "1990-01-01"),  # before the first entry
]


@pytest.mark.parametrize(("name", "baseline_from"), CASES)
def test_tips_from_the_window_equal_tips_from_every_row(diaries, name, baseline_from):
    path, rows = diaries[name]
    with Store.open(path) as store:
        window = window_rows(store, TODAY.isoformat(), baseline_from=baseline_from)
    options = {"today": TODAY, "baseline_from": baseline_from, "weekly_target": 120}
    expected = tips_for(summarize(*rows, **options))
    shown = tips_for(summarize(*window, **options))
    assert [(t.id, t.text) for t in shown] == [(t.id, t.text) for t in expected]
    # `tracker tips` asks for the last WINDOW_DAYS only: the same tips again
    recent = summarize(*window, **options, start=shift(TODAY, -(WINDOW_DAYS - 1)))
    assert [(t.id, t.text) for t in tips_for(recent)] == [(t.id, t.text) for t in expected]
    assert len(window[0]) + len(window[1]) < 250


@pytest.mark.parametrize(("name", "baseline_from"), CASES[1:])
def test_a_period_from_the_window_equals_it_from_every_row(diaries, name, baseline_from):
    """The whole summary of a period with a first day (plot, the report with --from)."""
    path, rows = diaries[name]
    with Store.open(path) as store:
        for days, end in ((90, None), (30, shift(TODAY, -20)), (400, None)):
            start = shift(TODAY, -(days - 1))
            window = window_rows(
                store,
                TODAY.isoformat(),
                start=start,
                end=end,
                baseline_from=baseline_from,
                measures=True,
            )
            options = {"today": TODAY, "start": start, "end": end, "baseline_from": baseline_from}
            expected = summarize(*rows, **options)
            assert summarize(*window, **options) == expected
            # Without the measures' baselines (`tracker plot`): every figure but the PEG's.
            pain_only = window_rows(
                store, TODAY.isoformat(), start=start, end=end, baseline_from=baseline_from
            )
            summary = summarize(*pain_only, **options)
            for key in ("peg", "interference"):
                summary.pop(key)  # type: ignore[misc]
                expected.pop(key)  # type: ignore[misc]
            assert summary == expected


def test_the_tips_command_reads_the_window(diaries, monkeypatch):
    """`tracker tips` prints the tips of every row; the same window as the dashboard."""
    from click.testing import CliRunner

    from tracker import models
    from tracker.cli import cli

    monkeypatch.setattr(models, "today", lambda: TODAY)
    path, rows = diaries["alone"]
    expected = tips_for(summarize(*rows, today=TODAY))
    result = CliRunner().invoke(cli, ["--db", str(path), "tips", "--json"])
    assert result.exit_code == 0, result.output
    assert [tip["id"] for tip in __import__("json").loads(result.output)] == [
        tip.id for tip in expected
    ]


def test_plot_draws_from_the_window_what_every_row_draws(diaries, monkeypatch):
    from click.testing import CliRunner

    from tracker import models
    from tracker.cli import cli
    from tracker.cli.trends import build_charts

    monkeypatch.setattr(models, "today", lambda: TODAY)
    monkeypatch.setenv("NO_COLOR", "1")
    path, rows = diaries["gap"]
    args = ["--db", str(path), "plot", "--days", "30", "--width", "80", "--height", "12"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    start = shift(TODAY, -29)
    charts = build_charts(*rows, today=TODAY, start=start, width=80, height=12)
    assert result.output.startswith("\n".join(charts))


def test_the_report_of_a_period_reads_the_window(diaries, monkeypatch):
    """The report's data for --from is the same from the window as from every row."""
    from tracker.exchange import report_data

    path, _ = diaries["alone"]
    start = shift(TODAY, -399)
    with Store.open(path) as store:
        shown = report_data.gather(store, start, today=TODAY, baseline_from="2024-02-01")
        monkeypatch.setattr(
            report_data,
            "window_rows",
            lambda store, *args, **options: (store.pain_rows(), store.exercise_rows()),
        )
        assert report_data.gather(store, start, today=TODAY, baseline_from="2024-02-01") == shown


def _shapes_drawn(series) -> dict[str, int]:
    from fpdf import FPDF

    from tracker.exchange import report_chart

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica")
    counted = {"rect": 0, "polyline": 0}
    for name in counted:
        real = getattr(pdf, name)

        def counting(*args, _name=name, _real=real, _counted=counted, **options):
            _counted[_name] += 1
            return _real(*args, **options)

        setattr(pdf, name, counting)
    report_chart.pain_chart(pdf, 10, 10, 180, 56, series)
    return counted


def test_the_report_chart_draws_bands_for_a_long_series():
    """At most MAX_BANDS bands and one line, however many days; a dot a day when short."""
    from tracker.analysis import daily_series
    from tracker.exchange import report_chart

    pain, _ = generate(5000, seed=7, end=TODAY)
    rows = [{**entry.as_row(), "id": index} for index, entry in enumerate(pain)]
    series = daily_series(rows, shift(TODAY, -4999), TODAY.isoformat())
    for days, unit in ((100, "day"), (400, "week"), (3650, "month"), (5000, "quarter")):
        assert report_chart.chart_unit(series[-days:]) == unit
    rated = sum(day["average"] is not None for day in series[-100:])
    assert _shapes_drawn(series[-100:])["rect"] == rated + 1  # a dot a day, and the legend's
    for days in (400, 3650, 5000):
        drawn = _shapes_drawn(series[-days:])
        assert drawn["rect"] <= report_chart.MAX_BANDS + 5 and drawn["polyline"] <= 40
