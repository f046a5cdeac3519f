"""Trends (key t): three charts over a chosen period, their numbers in words, and the tips."""

from __future__ import annotations

import datetime as dt

import pytest
from textual.app import App
from tui_helpers import SIZE, TODAY, db_fixtures, make_app, settle, wait_until

from tracker.analysis import baseline_and_change, pain_by_day, summarize
from tracker.guidance import Tip, tips_for
from tracker.models import ExerciseSession, PainEntry
from tracker.store import Store
from tracker.tui.messages import TrendsLoaded
from tracker.tui.screens.guide import GuideScreen
from tracker.tui.screens.trends import (
    PERIODS,
    TrendsScreen,
    load_trends,
    pain_words,
    response_words,
)
from tracker.tui.tips import current_tips
from tracker.tui.widgets.pain_chart import PainChart
from tracker.tui.widgets.tip_list import TipList
from tracker.tui.widgets.trend_charts import ExerciseTrendChart, ResponseTrendChart

empty_db, sample_db = db_fixtures()


@pytest.fixture
def fixed_today(monkeypatch):
    monkeypatch.setenv("TRACKER_TODAY", TODAY.isoformat())
    return TODAY


async def open_trends(pilot) -> TrendsScreen:
    await settle(pilot)
    await pilot.press("t")
    await settle(pilot)
    assert isinstance(pilot.app.screen, TrendsScreen)
    return pilot.app.screen


async def choose(pilot, key: str) -> TrendsScreen:
    await pilot.press(key)
    await settle(pilot)
    return pilot.app.screen


# ---- the data job (no Textual) ---------------------------------------------------------------
def test_load_trends_reads_the_period_with_the_diarys_own_baseline(sample_db):
    with Store.open(sample_db) as store:
        data = load_trends(store, "1", TODAY)
        pain = store.pain_rows()
    assert [day["date"] for day in data.daily][:1] == ["2026-06-01"]
    assert len(data.daily) == 30 and data.daily[-1]["date"] == "2026-06-30"
    # the lead-in days were read, so the rolling mean is filled in on the first day shown
    assert data.daily[0]["mean_7"] is not None
    diary = baseline_and_change(pain_by_day(pain), end=TODAY)
    assert data.baseline == diary["baseline_avg"]
    assert data.summary["baseline_avg"] == diary["baseline_avg"]
    assert data.summary["baseline_start"] == diary["baseline_start"] == "2026-03-03"
    assert data.summary["period_start"] == "2026-06-01"


def a_very_high_day(path) -> None:
    """The seeded sample gets no tip of its own: add a walk rated 8 before and 10 after today,
    so the safety tip shows."""
    walk = ExerciseSession(
        "walking", 20, date=TODAY.isoformat(), category="aerobic", pain_before=8, pain_after=10
    )
    with Store.open(path) as store:
        store.add(walk)


def test_current_tips_are_the_cli_tips(sample_db):
    a_very_high_day(sample_db)
    with Store.open(sample_db) as store:
        tips = current_tips(store)
        expected = tips_for(summarize(store.pain_rows(), store.exercise_rows(), today=TODAY))
    assert tips == expected and tips


def test_words_are_honest_about_too_little_data():
    summary = summarize(
        [PainEntry(average=5, date="2026-06-29").as_row()], [], today=TODAY, start="2026-06-29"
    )
    assert "Not enough data yet." in pain_words(summary)[2]
    assert "Not enough data yet." in response_words(summary)[0]


# ---- the screen ----------------------------------------------------------------------------
async def test_t_opens_trends_with_charts_and_words(sample_db):
    app = make_app(sample_db)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_trends(pilot)
        assert screen.period == "2"  # 90 days
        assert len(screen.query_one(PainChart).daily) == 90
        assert screen.query_one(ExerciseTrendChart).weekly
        assert screen.query_one(ResponseTrendChart).summary is screen.data.summary
        words = screen.words()
        assert "From 2026-04-02 to 2026-06-30" in words
        assert "below your baseline (6.8 -> 5.1, " in words
        assert "Association: mean pain on exercise days against rest days:" in words


async def test_period_keys_change_the_period_and_the_words(sample_db):
    app = make_app(sample_db)
    async with app.run_test(size=SIZE) as pilot:
        await open_trends(pilot)
        screen = await choose(pilot, "1")
        assert screen.period == "1" and screen.data.period == "1"
        assert len(screen.query_one(PainChart).daily) == 30
        assert "From 2026-06-01 to 2026-06-30" in screen.words()
        assert screen.query_one("#trends-period").active == "period-1"
        screen = await choose(pilot, "4")
        assert "From 2026-03-03 to 2026-06-30" in screen.words()
        assert len(screen.query_one(PainChart).daily) == 120
        screen = await choose(pilot, "3")
        assert "From 2025-07-01 to 2026-06-30" in screen.words()


async def test_clicking_a_period_tab_changes_the_period(sample_db):
    app = make_app(sample_db)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_trends(pilot)
        await pilot.click("#period-1")
        await settle(pilot)
        assert screen.period == "1"
        assert "From 2026-06-01" in screen.words()


async def test_every_binding_has_a_description(sample_db):
    for screen_type in (TrendsScreen, GuideScreen, TipList):
        for binding in screen_type.BINDINGS:
            assert binding.description, (screen_type.__name__, binding.key)
    assert [b.description for b in TrendsScreen.BINDINGS[:4]] == [p.label for p in PERIODS.values()]


async def test_a_five_day_diary_says_not_enough_data(tmp_path, fixed_today):
    path = tmp_path / "short.db"
    with Store.open(path) as store:
        for back in range(5):
            day = (TODAY - dt.timedelta(days=back)).isoformat()
            store.add(PainEntry(average=5, date=day, logged_at=f"{day}T09:00:00"))
        walk = ExerciseSession("walking", 20, date=TODAY.isoformat(), category="aerobic")
        store.add(walk)  # a category: the store reads a session without one as damaged
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_trends(pilot)
        words = screen.words()
        assert "Not enough data yet. Baseline: not set yet" in words
        assert "Not enough data yet. Comparing needs 3 rated days" in words
        assert "From 2026-04-02 to 2026-06-30: 5 days with a pain rating" in words


async def test_an_empty_diary_shows_the_nothing_logged_tip(empty_db):
    app = make_app(empty_db)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_trends(pilot)
        assert "Not enough data yet. No pain ratings in this period" in screen.words()
        assert [tip.id for tip in screen.query_one(TipList).tips] == ["nothing-logged"]


async def test_tips_show_and_enter_opens_the_guide_at_the_tips_topic(sample_db):
    a_very_high_day(sample_db)
    app = make_app(sample_db)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_trends(pilot)
        tip_list = screen.query_one(TipList)
        assert [tip.id for tip in tip_list.tips] == ["see-clinician"]
        tip_list.focus()
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, GuideScreen)
        assert app.screen.topic == tip_list.tips[0].topic == "safety"
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen  # back to the trends, not to the dashboard


async def test_a_write_from_another_process_reloads_the_numbers(sample_db):
    app = make_app(sample_db)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_trends(pilot)
        before, words = screen.data.summary["pain_entries"], screen.words()
        with Store.open(sample_db) as other:  # as `tracker pain 0` in a shell would
            other.add(PainEntry(average=0, date=TODAY.isoformat(), logged_at="x"))
        # the app polls the file once a second; no sleep beyond that
        assert await wait_until(pilot, lambda: screen.data.summary["pain_entries"] == before + 1)
        await settle(pilot)
        recent = screen.data.summary["recent_avg"]
        assert screen.words() != words and f"(6.8 -> {recent:.1f}, " in screen.words()


async def test_an_overtaken_answer_is_ignored(sample_db):
    app = make_app(sample_db)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_trends(pilot)
        await pilot.press("1", "4")
        await settle(pilot)
        assert screen.period == "4" and screen.data.period == "4"
        assert "From 2026-03-03" in screen.words()
        with Store.open(sample_db) as store:
            old = load_trends(store, "1", TODAY)
        screen.post_message(TrendsLoaded(old, request=screen.requests - 1))
        await settle(pilot)
        assert screen.data.period == "4" and "From 2026-03-03" in screen.words()


# ---- the tip list on its own ---------------------------------------------------------------
class TipApp(App[None]):
    def compose(self):
        yield TipList()


async def test_tip_list_shows_tips_and_opens_their_topic(fixed_today):
    tips = [
        Tip("a", "safety", "First tip", "Do this."),
        Tip("b", "numbers", "Second tip", "Then that."),
    ]
    app = TipApp()
    async with app.run_test(size=(60, 20)) as pilot:
        tip_list = app.query_one(TipList)
        assert tip_list.option_count == 1 and tip_list.options[0].disabled  # "no tips" line
        tip_list.show_tips(tips)
        tip_list.focus()
        await pilot.pause()
        assert tip_list.highlighted_tip is tips[0]
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, GuideScreen)
        assert app.screen.topic == "numbers"


async def test_t_from_a_guide_opened_on_trends_goes_back_to_that_trends(sample_db):
    app = make_app(sample_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        trends = app.screen
        app.push_screen(GuideScreen(topic="safety"))
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        assert app.screen is trends
        assert sum(isinstance(s, TrendsScreen) for s in app.screen_stack) == 1


async def test_the_dashboard_and_trends_show_the_one_pain_chart(empty_db):
    """One widget, configured per screen: on an empty diary the dashboard keeps its dated axes
    and says how to log; Trends says the period has no ratings."""
    app = make_app(empty_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        home = app.screen.query_one("#pain-chart", PainChart)
        assert len(home.daily) == 30 and home.axes_when_unrated
        assert "Pain, last 30 days: no ratings yet (p logs one)" in home.render().plain
        screen = await open_trends(pilot)
        chart = screen.query_one("#pain-trend", PainChart)
        assert not chart.axes_when_unrated
        assert "Pain, 90 days: no ratings in this period" in chart.render().plain


async def test_the_peg_and_interference_are_in_the_words_once(sample_db):
    from tracker.words.change import change_line
    from tracker.words.peg import PEG, RECALL, interference_line

    app = make_app(sample_db)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_trends(pilot)
        words, s = screen.words(), screen.data.summary
        assert s["peg"]["period_avg"] is not None
        assert change_line(s["peg"], PEG) in words.splitlines()
        assert interference_line(s) in words.splitlines()
        assert words.count(RECALL) == 1  # the recall period, once on the screen
        peg = [line for line in words.splitlines() if "PEG" in line]
        assert not any("important reduction" in line for line in peg)
