"""The PDF report: it opens, it is short, and its extractable text holds the numbers."""

from __future__ import annotations

import datetime as dt

import pypdf
import pytest

from tracker.analysis import summarize
from tracker.exchange.report import latin1, write_report
from tracker.exchange.report_data import gather, last_weeks
from tracker.models import validate_exercise, validate_pain
from tracker.sample import write_sample
from tracker.store import Store
from tracker.words.change import change_line

TODAY = dt.date(2024, 6, 30)


def text_of(path) -> tuple[int, str]:
    reader = pypdf.PdfReader(path)
    return len(reader.pages), "\n".join(page.extract_text() for page in reader.pages)


def flat(text: str) -> str:
    """Text with every run of whitespace as one space (the PDF wraps long sentences)."""
    return " ".join(text.split())


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
    # the one wording of the change, the very sentence `tracker stats` prints
    said = (
        "Pain is 50% below your baseline (6.0 -> 3.0, -3.0 points; no day-to-day variation): "
        "a substantially important reduction (50% or more, IMMPACT, Dworkin et al. 2008; and "
        "at least 2 points, Farrar et al. 2001)."
    )
    assert said in flat(text)
    assert invoke("stats").output.splitlines()[1] == said
    assert "Baseline: 14 rated days from 2024-05-01 to 2024-05-14" in flat(text)
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
    assert change_line(summary) in flat(text)
    assert f"{summary['baseline_avg']:.1f} -> {summary['recent_avg']:.1f}" in text
    assert f"{len(summary['flare_sessions'])} in the period" in text


def test_range_options_and_errors(halved, fixed_today, tmp_path, invoke):
    target = tmp_path / "june.pdf"
    assert invoke("report", str(target), "--from", "2024-06-01").exit_code == 0
    _, text = text_of(target)
    assert "Period: 2024-06-01 to 2024-06-30" in text
    # --from moves the period, never the baseline: the same change as the whole diary's
    assert "Pain is 50% below your baseline (6.0 -> 3.0" in flat(text)
    assert invoke("report", str(target), "--force", "--baseline-from", "2024-06-20").exit_code == 0
    assert "Baseline: not set yet" in flat(text_of(target)[1])  # 7 rated days so far, window open
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


def test_report_and_stats_say_the_same_for_any_period_and_baseline(halved, fixed_today, invoke):
    with Store.open(halved) as store:
        for start, base in [(None, None), ("2024-06-01", None), (None, "2024-05-05")]:
            data = gather(store, start=start, today=TODAY, baseline_from=base)
            args = ["stats", *(["--from", start] if start else [])]
            args += ["--baseline-from", base] if base else []
            assert change_line(data.summary) in invoke(*args).output.splitlines()


def test_latin1_keeps_text_extractable():
    assert (
        latin1("pain \u2265 30% \u2013 caf\u00e9 \u201cok\u201d") == 'pain >= 30% - caf\u00e9 "ok"'
    )
    assert latin1("\u0141\u00f3d\u017a \u65e5") == "L\u00f3dz ?"
