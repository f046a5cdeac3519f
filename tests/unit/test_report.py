"""The PDF report: it opens, it is short, and its extractable text holds the numbers."""

from __future__ import annotations

import datetime as dt

import pypdf
import pytest

from tracker.analysis import summarize
from tracker.exchange.cells import number
from tracker.exchange.report import latin1, write_report
from tracker.exchange.report_data import change_verdict, gather, last_weeks
from tracker.models import validate_exercise, validate_pain
from tracker.sample import write_sample
from tracker.store import Store

TODAY = dt.date(2024, 6, 30)


def text_of(path) -> tuple[int, str]:
    reader = pypdf.PdfReader(path)
    return len(reader.pages), "\n".join(page.extract_text() for page in reader.pages)


@pytest.fixture
def fixed_today(monkeypatch):
    monkeypatch.setenv("TRACKER_TODAY", TODAY.isoformat())
    return TODAY


@pytest.fixture
def halved(db_path):
    """Pain 6 on 2024-05-01..14 (the baseline), 3 on 2024-06-24..30 (the recent week)."""
    days = [dt.date(2024, 5, 1) + dt.timedelta(days=i) for i in range(14)]
    recent = [dt.date(2024, 6, 24) + dt.timedelta(days=i) for i in range(7)]
    pain = [validate_pain({"date": d.isoformat(), "average": 6}) for d in days]
    pain += [
        validate_pain({"date": d.isoformat(), "average": 3, "symptoms": ["burning"]})
        for d in recent
    ]
    exercise = [
        validate_exercise(
            {
                "date": "2024-06-25",
                "activity": "Schwimmen \u2013 \u00d6lbad \u2265 1h \u65e5\u672c",
                "minutes": 30,
                "pain_before": 2,
                "pain_after": 5,
            }
        ),
        validate_exercise({"date": "2024-06-26", "activity": "yoga", "minutes": 45}),
    ]
    with Store.open(db_path) as store:
        store.add_many(pain, exercise)
    return db_path


def test_report_states_baseline_recent_and_the_change(halved, fixed_today, tmp_path, invoke):
    target = tmp_path / "report.pdf"
    result = invoke("report", str(target))
    assert result.exit_code == 0, result.output
    assert result.stdout == f"Wrote a 2-page report to {target}.\n"
    pages, text = text_of(target)
    assert pages == 2
    assert "Period: 2024-05-01 to 2024-06-30" in text
    assert "Baseline: 6/10" in text and "Recent: 3/10" in text
    assert "Change: -3 points (-50%)" in text
    assert "substantial reduction" in text and "Dworkin" in text
    assert "not a diagnosis" in text
    assert "burning" in text
    assert "Schwimmen - \u00d6lbad >= 1h ??" in text  # core fonts: Latin-1 kept, the rest spelled
    assert "7-day rolling mean" in text


def test_report_numbers_match_the_analysis_on_ten_years(tmp_path):
    db = tmp_path / "ten.db"
    write_sample(db, days=3650, seed=1, end=TODAY)
    with Store.open(db) as store:
        pages = write_report(store, tmp_path / "r.pdf", today=TODAY)
        summary = summarize(store.pain_rows(), store.exercise_rows(), today=TODAY)
    count, text = text_of(tmp_path / "r.pdf")
    assert pages == count <= 2
    assert f"Baseline: {number(summary['baseline_avg'])}/10" in text
    assert f"Recent: {number(summary['recent_avg'])}/10" in text
    assert f"({number(summary['change_pct'])}%)" in text
    assert f"{len(summary['flare_sessions'])} in the period" in text


def test_range_options_and_errors(halved, fixed_today, tmp_path, invoke):
    target = tmp_path / "june.pdf"
    assert invoke("report", str(target), "--from", "2024-06-01").exit_code == 0
    _, text = text_of(target)
    assert "Period: 2024-06-01 to 2024-06-30" in text
    assert "Not enough ratings to compare" in text
    backwards = invoke("report", str(target), "--from", "2024-06-10", "--to", "2024-06-01")
    assert backwards.exit_code == 2 and backwards.stderr.startswith("Error: to:")


def test_missing_database_is_one_line(tmp_path, invoke):
    result = invoke("report", str(tmp_path / "r.pdf"))
    assert result.exit_code == 1 and "does not exist" in result.stderr
    assert not (tmp_path / "r.pdf").exists()


def test_empty_diary_gives_a_one_page_report(db_path, tmp_path):
    Store.open(db_path).close()
    with Store.open(db_path) as store:
        assert write_report(store, tmp_path / "e.pdf", today=TODAY) == 1
    assert "The diary is empty" in text_of(tmp_path / "e.pdf")[1]


def test_gathered_weeks_are_the_last_six_iso_weeks(halved):
    with Store.open(halved) as store:
        data = gather(store, today=TODAY)
    assert [week["week"] for week in data.weeks] == [f"2024-W{n}" for n in range(21, 27)]
    last = data.weeks[-1]
    assert last["start"] == "2024-06-24" and last["days_rated"] == 7 and last["pain_avg"] == 3
    assert last["minutes"] == 75 and last["flares"] == 1
    assert last_weeks([], data.summary) == []
    assert data.symptoms == [("burning", 7)]


@pytest.mark.parametrize(
    ("pct", "meaningful", "substantial", "words"),
    [
        (None, None, None, "Not enough ratings"),
        (-55.0, True, True, "A substantial reduction"),
        (-30.0, True, False, "A moderately important reduction"),
        (-10.0, False, False, "Less than the 30% reduction"),
        (0.0, False, False, "No change"),
        (12.5, False, False, "Pain is higher than at baseline"),
    ],
)
def test_change_verdict_uses_immpact_thresholds(pct, meaningful, substantial, words):
    summary = {"change_pct": pct, "meaningful": meaningful, "substantial": substantial}
    assert change_verdict(summary).startswith(words)


def test_latin1_keeps_text_extractable():
    assert (
        latin1("pain \u2265 30% \u2013 caf\u00e9 \u201cok\u201d") == 'pain >= 30% - caf\u00e9 "ok"'
    )
    assert latin1("\u0141\u00f3d\u017a \u65e5") == "L\u00f3dz ?"
