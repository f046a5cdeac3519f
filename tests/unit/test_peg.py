"""Interference and the PEG on simulated diaries whose truth is known: what `tracker stats`
(text and --json), the Trends screen's words and the PDF report may and may not say.

- PEG improving while pain is flat (the case the guide promises): the PEG's change is shown
  as lower, with its interval, and never judged important; pain is not called improved.
- PEG flat: no change beyond the usual variation.
- Too few entries with all three PEG items: the count is said, and no PEG figure is shown.
"""

from __future__ import annotations

import datetime as dt
import json
import random

import pypdf
import pytest

from tracker.analysis import summarize
from tracker.analysis.change import baseline_and_change
from tracker.analysis.interference import item_by_day, peg_by_day
from tracker.exchange.report_data import last_weeks
from tracker.models import PainEntry
from tracker.store import Store
from tracker.words import describe, trends_words
from tracker.words.change import change_line
from tracker.words.peg import PEG, RECALL, interference_line, peg_lines

TODAY = dt.date(2026, 6, 30)
DAYS = 90
VERDICTS = ("minimally important", "moderately important", "substantially important")


def clamp(value: float) -> int:
    return min(10, max(0, round(value)))


def diary(kind: str, seed: int = 1) -> list[dict]:
    """90 daily entries ending TODAY. Pain is a flat 5 throughout (with noise). Interference:
    - "improving": 6 for a month, then falling to 3 over 40 days (the guide's promise);
    - "flat": 6 throughout;
    - "few": like "flat" but with all three items on only 2 days;
    - "sparse": on only 3 days (a period mean, but no baseline)."""
    rng = random.Random(seed)
    start = TODAY - dt.timedelta(days=DAYS - 1)
    every = {"few": 45, "sparse": 30}.get(kind, 1)
    rows = []
    for i in range(DAYS):
        level = 6 - 3 * min(1.0, max(0, i - 30) / 40) if kind == "improving" else 6.0
        full = i % every == 0

        def item() -> int | None:
            return clamp(rng.gauss(level, 0.8)) if full else None  # noqa: B023

        rows.append(
            PainEntry(
                average=clamp(rng.gauss(5, 0.8)),
                sleep_interference=item(),
                activity_interference=item(),
                enjoyment_interference=item(),
                date=(start + dt.timedelta(days=i)).isoformat(),
                logged_at="x",
            ).as_row()
        )
    return rows


def summary_of(kind: str, seed: int = 1, **options) -> dict:
    return summarize(diary(kind, seed), [], today=TODAY, **options)


def peg_text(summary: dict) -> str:
    return "\n".join(peg_lines(summary))


# ---- the analysis ----------------------------------------------------------------------------
def test_peg_by_day_counts_only_entries_with_all_three_items():
    rows = [
        PainEntry(average=6, activity_interference=3, enjoyment_interference=3, date="2026-06-01"),
        PainEntry(average=6, activity_interference=3, date="2026-06-01"),  # no enjoyment: no PEG
        PainEntry(average=3, activity_interference=6, enjoyment_interference=0, date="2026-06-01"),
        PainEntry(average=6, sleep_interference=4, date="2026-06-02"),
    ]
    as_rows = [row.as_row() for row in rows]
    assert peg_by_day(as_rows) == {"2026-06-01": 3.5}  # mean of 4.0 and 3.0
    assert item_by_day(as_rows, "sleep_interference") == {"2026-06-02": 4.0}


def test_the_generalised_change_keeps_pains_numbers_and_drops_only_the_verdict():
    daily = {row["date"]: float(row["average"]) for row in diary("flat", 3)}
    daily.update({day: value - 2.5 for day, value in list(daily.items())[-20:]})
    judged = baseline_and_change(daily, end=TODAY)
    plain = baseline_and_change(daily, end=TODAY, thresholds=False)
    assert judged["change_band"] in ("moderate", "substantial", "minimal")
    assert plain["change_band"] == "lower"
    assert plain["minimal"] is plain["meaningful"] is plain["substantial"] is None
    verdict_keys = {"change_band", "minimal", "meaningful", "substantial"}
    assert {k: v for k, v in judged.items() if k not in verdict_keys} == {
        k: v for k, v in plain.items() if k not in verdict_keys
    }


@pytest.mark.parametrize("seed", range(10))
def test_peg_improving_while_pain_is_flat(seed):
    s = summary_of("improving", seed)
    peg = s["peg"]
    assert s["meaningful"] is False  # pain did not move
    assert peg["change_band"] == "lower" and peg["within_variation"] is False
    assert peg["change_high"] < 0 and peg["change_points"] <= -1.5
    assert peg["minimal"] is peg["meaningful"] is peg["substantial"] is None
    for item in s["interference"].values():
        assert item["change_points"] < 0 and item["within_variation"] is False
    text = peg_text(s)
    assert f"The PEG is {abs(peg['change_pct']):.0f}% below its baseline" in text
    assert "lower beyond your usual day-to-day variation" in text
    assert not any(word in text for word in VERDICTS)
    assert "IMMPACT" not in text and "Farrar" not in text


def test_peg_flat_is_within_the_usual_variation():
    summaries = [summary_of("flat", seed) for seed in range(30)]
    quiet = [s for s in summaries if s["peg"]["change_band"] in ("none", "variation")]
    assert len(quiet) >= 27  # a 95% interval: nearly always
    for s in quiet:
        text = peg_text(s)
        assert "lower beyond" not in text
        assert "same as its baseline" in text or "within your usual day-to-day variation" in text
    assert not any(word in peg_text(s) for s in summaries for word in VERDICTS)


def test_too_few_peg_entries_shows_no_figure_only_the_count():
    s = summary_of("few")
    peg = s["peg"]
    assert (peg["period_days"], peg["entries"], peg["period_avg"]) == (2, 2, None)
    assert peg["baseline_avg"] is None and peg["recent_avg"] is None
    assert peg["change_points"] is None and peg["trend_points"] is None
    (line,) = peg_lines(s)
    assert "too few days with all three ratings in this period to show (2 of 3 needed; " in line
    assert "2 entries" in line
    assert RECALL not in describe(s)  # no PEG figure, so nothing to qualify
    assert "too few days (0 of 3 needed)" in interference_line(s)


def test_a_period_mean_without_a_baseline_says_why():
    s = summary_of("sparse")
    assert s["peg"]["period_days"] == 3 and s["peg"]["period_avg"] is not None
    assert s["peg"]["baseline_avg"] is None
    text = peg_text(s)
    assert "PEG over the period: " in text and "(3 days, 3 entries)" in text
    assert "PEG baseline: not set: only 1 day with a PEG in the 28 days from 2026-04-02" in text
    assert "% below its baseline" not in text


def test_the_peg_baseline_follows_baseline_from_like_pain():
    late = summary_of("improving", baseline_from="2026-05-15")
    assert late["peg"]["baseline_start"] == late["baseline_start"] == "2026-05-15"
    assert late["peg"]["baseline_from"] == "2026-05-15"
    # a baseline inside the fall is lower, so the change since is smaller
    assert late["peg"]["change_points"] > summary_of("improving")["peg"]["change_points"]


def test_the_recall_period_is_said_once_per_front_door():
    s = summary_of("improving")
    for lines in (describe(s), trends_words(s)):
        assert sum(RECALL in line for line in lines) == 1
    assert "last 24 hours" in RECALL and "past week" in RECALL


def test_the_change_sentence_is_the_pains_with_the_peg_named():
    s = summary_of("improving")
    line = change_line(s["peg"], PEG)
    assert line in describe(s) and line in trends_words(s)
    assert line.startswith("The PEG is ")


def test_the_weeks_table_shows_a_peg_only_from_three_days():
    from tracker.analysis import daily_series

    for kind, expected in (("improving", True), ("few", False)):
        s = summary_of(kind)
        weeks = last_weeks(daily_series(diary(kind), s["period_start"], s["period_end"]), s)
        full = [w for w in weeks if w["days"] == 7]
        assert all((w["peg_avg"] is not None) is expected for w in full)
        assert all(w["peg_avg"] is None for w in weeks if w["peg_days"] < 3)


# ---- the front doors -------------------------------------------------------------------------
def store_diary(db_path, kind: str) -> None:
    with Store.open(db_path) as store:
        entries = [
            PainEntry(**{k: v for k, v in row.items() if k not in ("id", "logged_at")})
            for row in diary(kind)
        ]
        store.add_many(entries, [])


def pdf_pages(path) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in pypdf.PdfReader(path).pages]


def test_stats_text_json_and_report_on_an_improving_peg(db_path, invoke, tmp_path, monkeypatch):
    monkeypatch.setenv("TRACKER_TODAY", TODAY.isoformat())
    store_diary(db_path, "improving")
    s = summary_of("improving")
    stats = invoke("stats").output.splitlines()
    for line in (change_line(s["peg"], PEG), RECALL, interference_line(s)):
        assert line in stats
    data = json.loads(invoke("stats", "--json").output)
    assert data["peg"]["change_band"] == "lower" and data["peg"] == s["peg"]
    assert set(data["interference"]) == {"sleep", "activity", "enjoyment"}
    report = tmp_path / "r.pdf"
    assert invoke("report", str(report)).exit_code == 0
    pages = pdf_pages(report)
    assert len(pages) <= 2
    assert change_line(s["peg"], PEG) in pages[0]
    assert sum(page.count(RECALL) for page in pages) == 1
    assert not any(word in pages[0].split("Interference and the PEG")[1] for word in VERDICTS)


def test_stats_and_report_on_too_few_peg_entries(db_path, invoke, tmp_path, monkeypatch):
    monkeypatch.setenv("TRACKER_TODAY", TODAY.isoformat())
    store_diary(db_path, "few")
    stats = invoke("stats").output
    assert "PEG over the period" not in stats and "(2 of 3 needed; 2 entries)" in stats
    assert json.loads(invoke("stats", "--json").output)["peg"]["period_avg"] is None
    report = tmp_path / "r.pdf"
    assert invoke("report", str(report)).exit_code == 0
    text = " ".join(pdf_pages(report))
    assert "(2 of 3 needed; 2 entries)" in text
    assert "PEG over the period" not in text and RECALL not in text
