"""The PDF report: it opens, it is short, and its extractable text holds the numbers."""

from __future__ import annotations

import datetime as dt

import pypdf
import pytest

from tracker.analysis import summarize
from tracker.exchange.report import latin1, printable_name, write_report
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
    pages, text = text_of(target)
    assert result.stdout == f"Wrote a {pages}-page report to {target}.\n"
    assert 2 <= pages <= 3
    assert "Period: 2024-05-01 to 2024-06-30" in flat(text)
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
    assert pages == count <= 3
    assert change_line(summary) in flat(text)
    assert f"{summary['baseline_avg']:.1f} -> {summary['recent_avg']:.1f}" in text
    assert f"{len(summary['flare_sessions'])} in the period" in text


def test_range_options_and_errors(halved, fixed_today, tmp_path, invoke):
    target = tmp_path / "june.pdf"
    assert invoke("report", str(target), "--from", "2024-06-01").exit_code == 0
    _, text = text_of(target)
    assert "Period: 2024-06-01 to 2024-06-30" in flat(text)
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


def page_one_text(path) -> str:
    return flat(pypdf.PdfReader(path).pages[0].extract_text())


def test_page_one_is_the_visit_summary(halved, fixed_today, tmp_path, invoke):
    """Name, birth date, period, pain with the verdict, exercise, flares and the marked notes,
    all on page 1; nothing rated says so (never 'n/a/10'), one week is never 'weeks'."""
    assert (
        invoke(
            "pain", "4", "--date", "2024-06-29", "--note", "[b]Sleep[/b] 日 bad", "--for-doctor"
        ).exit_code
        == 0
    )
    assert (
        invoke("exercise", "yoga", "20", "--date", "2024-06-28", "--note", "unmarked").exit_code
        == 0
    )
    target = tmp_path / "visit.pdf"
    result = invoke(
        "report", str(target), "--name", "Ana Díaz", "--born", "1961-04-09", "--from", "2024-06-24"
    )
    assert result.exit_code == 0, result.output
    page = page_one_text(target)
    assert "Patient: Ana Díaz" in page and "Born: 1961-04-09 (age 63)" in page
    assert "Period: 2024-06-24 to 2024-06-30 (7 days)" in page
    assert "% below your baseline (6.0 -> 3.1" in page  # the one verdict sentence
    assert "Least pain not rated not rated" in page  # least was never rated
    assert "Notes for this visit" in page
    assert "2024-06-29 pain 4/10: [b]Sleep[/b] ? bad" in page  # verbatim where the font allows
    assert "unmarked" not in page
    assert "Flares: 1 session followed by a flare" in page
    text = flat(text_of(target)[1])
    assert "n/a" not in text and "1 weeks" not in text
    assert "The last week " in text  # a one-week period's table


def test_name_and_birth_date_are_checked(halved, fixed_today, tmp_path, invoke):
    target = tmp_path / "r.pdf"
    for born, words in [
        ("2024-07-01", "not in the past"),
        ("09/04/1961", "YYYY-MM-DD"),
        ("1899-12-31", "before 1900"),
        ("2024-06-30", "not in the past"),
    ]:
        result = invoke("report", str(target), "--born", born)
        assert result.exit_code == 2 and words in result.stderr, result.stderr
    result = invoke("report", str(target), "--name", "Ana\x1b[2J")
    assert result.exit_code == 2 and "--name" in result.stderr
    assert not target.exists()


def test_names_outside_latin1_never_print_as_question_marks():
    assert printable_name("Ana Díaz") == ("Ana Díaz", True)
    assert printable_name("Łucja Dąb") == ("Lucja Dab", False)
    assert printable_name("Ἀλέξανδρος Παπαδόπουλος") == ("", False)
    assert printable_name("王秀英") == ("", False)


def test_a_name_the_font_cannot_spell_leaves_a_line_to_write_it(db_path, tmp_path):
    Store.open(db_path).close()
    with Store.open(db_path) as store:
        write_report(store, tmp_path / "e.pdf", today=TODAY, name="王秀英", born="1961-04-09")
    page = page_one_text(tmp_path / "e.pdf")
    assert "outside this PDF's font" in page and "?" not in page.split("Born")[0]
