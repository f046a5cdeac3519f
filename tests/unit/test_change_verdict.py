"""The change from baseline on simulated diaries whose truth is known: what the words may and
may not say. Every front door prints the same sentence (`words.change.change_line`), so these
hold `tracker stats`, `plot`, the Trends screen, the tips and the PDF report at once."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from tracker.analysis import summarize
from tracker.guidance import tips_for
from tracker.models import PainEntry
from tracker.store import Store
from tracker.words import describe, trends_words
from tracker.words.change import baseline_line, change_line

TODAY = dt.date(2026, 6, 30)
DAYS = 90
IMPROVEMENT = ("moderately important", "substantially important")


def rows(values: list[float | None]) -> list[dict]:
    """One pain rating a day ending TODAY; None leaves the day unrated."""
    start = TODAY - dt.timedelta(days=len(values) - 1)
    return [
        PainEntry(
            average=int(v), date=(start + dt.timedelta(days=i)).isoformat(), logged_at="x"
        ).as_row()
        for i, v in enumerate(values)
        if v is not None
    ]


def noisy(rng: random.Random, level: float, sd: float) -> int:
    """A daily rating: the true level plus day-to-day noise, as a whole number 0-10."""
    return min(10, max(0, round(rng.gauss(level, sd))))


def flare_then_level(seed: int) -> list[float | None]:
    """A diary started in a flare (8 falling to 5 over a week), then its true level 4."""
    rng = random.Random(seed)
    return [8, 8, 7, 7, 6, 6, 5] + [noisy(rng, 4, 0.8) for _ in range(DAYS - 7)]


def real_drop(seed: int) -> list[float | None]:
    """A steady 6 for a month, then a real fall of 40% (to 3.6) over 8 weeks of exercise."""
    rng = random.Random(seed)
    level = [6.0] * 30 + [6 - 2.4 * min(1.0, i / 56) for i in range(DAYS - 30)]
    return [noisy(rng, value, 0.8) for value in level]


def no_change(seed: int) -> list[float | None]:
    """A true 5 throughout, with a lot of day-to-day noise."""
    rng = random.Random(seed)
    return [noisy(rng, 5, 1.5) for _ in range(DAYS)]


def said(values: list[float | None], **options) -> tuple[dict, str]:
    summary = summarize(rows(values), [], today=TODAY, **options)
    return summary, change_line(summary)


@pytest.mark.parametrize("seed", range(10))
def test_a_diary_started_in_a_flare_is_not_an_improvement(seed):
    summary, line = said(flare_then_level(seed))
    assert summary["meaningful"] is False and summary["substantial"] is False
    assert not any(word in line for word in IMPROVEMENT)
    assert "regression to the mean" in line or "within your usual" in line
    # the tips do not celebrate it either
    tips = {tip.id for tip in tips_for(summary)}
    assert not tips & {"meaningful-change", "substantial-change"}


def test_a_flare_start_is_named_and_a_later_baseline_is_fairer():
    summary, line = said(flare_then_level(0))
    assert summary["change_band"] == "regression" and summary["baseline_falling"] is True
    assert "already falling during the baseline" in line
    # from a day after the flare, the true level (4) is the baseline: no change to claim
    later, line = said(flare_then_level(0), baseline_from=summary["baseline_end"])
    assert later["change_band"] in ("variation", "none", "small") and later["meaningful"] is False


def test_a_low_baseline_halving_is_not_substantial():
    summary, line = said([2] * 30 + [1] * (DAYS - 30))
    assert (summary["change_pct"], summary["change_points"]) == (-50.0, -1.0)
    assert summary["substantial"] is False and summary["meaningful"] is False
    assert "substantial" not in line and "moderately" not in line
    assert "under the 2 points that count as clinically important" in line


@pytest.mark.parametrize("seed", range(10))
def test_a_low_baseline_with_noise_is_never_substantial(seed):
    rng = random.Random(seed)
    values = [noisy(rng, 2, 0.7) for _ in range(30)] + [noisy(rng, 1, 0.7) for _ in range(60)]
    summary, line = said(values)
    assert summary["substantial"] is False and summary["meaningful"] is False
    assert not any(word in line for word in IMPROVEMENT)


@pytest.mark.parametrize("seed", range(10))
def test_a_real_forty_percent_drop_is_called_important(seed):
    summary, line = said(real_drop(seed))
    assert summary["meaningful"] is True and summary["within_variation"] is False
    assert any(word in line for word in IMPROVEMENT)
    assert "within your usual" not in line
    assert summary["change_low"] <= summary["change_points"] <= summary["change_high"] < 0


def test_no_change_with_noise_is_within_the_usual_variation():
    verdicts = [said(no_change(seed)) for seed in range(30)]
    assert not any(summary["meaningful"] for summary, _ in verdicts)
    assert not any(word in line for _, line in verdicts for word in IMPROVEMENT)
    within = [line for _, line in verdicts if "within your usual day-to-day variation" in line]
    assert len(within) >= 27  # a 95% interval: nearly always


def test_the_words_never_contradict_the_printed_number():
    for seed in range(20):
        for make in (flare_then_level, real_drop, no_change):
            summary, line = said(make(seed))
            shown = f"{abs(summary['change_pct']):.0f}%"
            assert line.startswith(f"Pain is {shown}") or line.startswith("Pain is the same")
            if "less than the 30%" in line:
                assert abs(summary["change_pct"]) < 30


def test_every_front_door_says_the_same_sentence(db_path, invoke, tmp_path, monkeypatch):
    monkeypatch.setenv("TRACKER_TODAY", TODAY.isoformat())
    values = real_drop(1)
    with Store.open(db_path) as store:
        store.add_many([PainEntry(**{k: r[k] for k in ("date", "average")}, logged_at="x")
                        for r in rows(values)], [])  # fmt: skip
    summary, line = said(values)
    assert line in describe(summary) and line in trends_words(summary)
    assert line in invoke("stats").output.splitlines()
    last_30 = summarize(rows(values), [], today=TODAY, start=TODAY - dt.timedelta(days=29))
    assert change_line(last_30) == line  # the period never moves the baseline
    plot = invoke("plot", "--width", "1000").output
    assert line in plot.splitlines()
    report = tmp_path / "r.pdf"
    assert invoke("report", str(report), "--from", "2026-06-01").exit_code == 0
    import pypdf

    text = " ".join(" ".join(p.extract_text() for p in pypdf.PdfReader(report).pages).split())
    assert line in text and baseline_line(summary).strip() in text


def test_an_old_baseline_says_so():
    values: list[float | None] = [6] * 14 + [None] * 300 + [3] * 7
    summary = summarize(rows(values), [], today=TODAY)
    assert summary["baseline_stale"] is True
    assert "days old" in baseline_line(summary) and "--baseline-from" in baseline_line(summary)


def test_baseline_from_is_checked_like_from(invoke, db_path):
    Store.open(db_path).close()
    bad = invoke("stats", "--baseline-from", "last tuesday")
    assert bad.exit_code == 2 and "--baseline-from" in bad.stderr
