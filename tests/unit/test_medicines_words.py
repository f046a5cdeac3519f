"""The medicines in words, tips and the report section: what each sentence may and may not say,
names kept verbatim (markup included), tips on recent and complete changes from bounded rows,
and the guide topic's citation."""

from __future__ import annotations

import re

from test_medicines_analysis import (
    CHANGE_DAY,
    IBUPROFEN,
    PREGABALIN,
    TITRATION,
    change,
    dose,
    effect,
    pain_rows,
)

from tracker.analysis.calendar import shift
from tracker.analysis.medicine_use import medicine_summary
from tracker.analysis.medicines import compare_change, daily_measures
from tracker.exchange.report_medicines import change_cell, medicines_section
from tracker.guidance import get_topic, load_references, tips_for
from tracker.guidance.content import PLACEHOLDER, doors
from tracker.guidance.medicine_tips import (
    medicine_tip_texts,
    medicine_tips,
    merge_tips,
    tip_window_start,
)
from tracker.guidance.tips import Tip
from tracker.words.medicines import (
    ASSOCIATION,
    adherence_line,
    adherence_week_line,
    amount,
    as_needed_line,
    change_verdict,
    comparison_lines,
    medicine_lines,
    regimen_line,
    regimen_text,
    side_effect_line,
    too_soon_line,
)

HOSTILE = "[bold]Pregabalin[/bold] [/] {x} [link=file:///etc]"
TODAY = "2026-04-30"


def comparison(rows, today=TODAY, changes=TITRATION, medicine=PREGABALIN, which=1):
    meds = {1: medicine, 2: IBUPROFEN}
    return compare_change(changes[which], changes, meds, daily_measures(rows), today)


def numbers_in(text: str) -> list[str]:
    return re.findall(r"[-+]?\d+\.\d", text)


# ---- the change verdict -------------------------------------------------------------------------


def test_the_verdict_says_the_numbers_the_interval_the_days_and_the_caveat():
    c = comparison(pain_rows(6.0, 4.0))
    pain = c["measures"]["pain"]
    line = change_verdict(c)
    assert line.startswith(
        "After the dose of Pregabalin went from 75 to 150 mg twice daily on 3 Mar 2026: "
        f"average pain {pain['before_avg']:.1f} -> {pain['after_avg']:.1f} "
        f"({pain['points']:+.1f}, or {pain['pct']:+.0f}%; "
        f"95% interval {pain['low']:+.1f} to {pain['high']:+.1f}; 14 and 14 rated days)"
    )
    assert line.endswith(ASSOCIATION)
    assert "important reduction" in line and "IMMPACT" in line
    assert "caused" not in line and "helped" not in line


def test_no_effect_is_called_within_the_usual_variation():
    line = change_verdict(comparison(pain_rows(5.0, 5.0, seed=1)))
    assert "within your usual day-to-day variation" in line and "important" not in line
    assert line.endswith(ASSOCIATION)


def test_a_partial_comparison_says_so_far_and_a_rise_into_the_change_says_regression():
    partial = change_verdict(comparison(pain_rows(6.0, 4.0), today=shift(CHANGE_DAY, 15)))
    assert "14 and 9 rated days so far" in partial
    rows = pain_rows(5.0, 5.0, noise=0.0)
    for row in rows:
        if shift(CHANGE_DAY, -7) <= row["date"] < CHANGE_DAY:
            row["average"] = 8
    line = change_verdict(comparison(rows))
    assert "regression to the mean" in line and "not counted as an improvement" in line


def test_too_soon_and_too_few_lines_say_how_many_rated_days_are_needed():
    rows = pain_rows(6.0, 4.0)
    settling = comparison(rows, today=shift(CHANGE_DAY, 3))
    assert too_soon_line(settling) == (
        "too soon to compare (3 days ago). The first 7 days of a change (its own day included) "
        "are left out while it settles in; the comparison becomes meaningful after 7 more "
        "rated days from 10 Mar 2026."
    )
    collecting = change_verdict(comparison(rows, today=shift(CHANGE_DAY, 10)))
    assert collecting.endswith(
        "too soon to compare (10 days ago; 4 days rated since 10 Mar 2026): the comparison "
        "becomes meaningful after 3 more rated days."
    )
    skip = [shift("2026-03-10", i) for i in range(10)]
    too_few = change_verdict(comparison(pain_rows(6.0, 4.0, skip=skip)))
    assert "too few rated days to compare (14 before, 4 after" in too_few
    assert not numbers_in(too_few.split(":", 1)[1])  # no mean shown from 4 days


def test_the_peg_and_sleep_get_no_verdict_and_confounders_are_named():
    changes = [*TITRATION, change(3, "2026-03-15", "start", 400.0, None, 2)]
    lines = comparison_lines(comparison(pain_rows(6.0, 3.0), changes=changes))
    also = next(line for line in lines if line.startswith("Also: "))
    assert "PEG" in also and "sleep interference" in also and "important" not in also
    assert lines[-1].startswith("Other medicine changes between 17 Feb 2026 and 23 Mar 2026: ")
    assert "ibuprofen started on 15 Mar 2026" in lines[-1]


def test_regimen_words():
    assert regimen_text(150.0, 2, "mg", "scheduled") == "150 mg twice daily"
    assert regimen_text(400.0, None, "mg", "as_needed") == "400 mg as needed"
    assert regimen_text(12.5, 6, "mcg", "scheduled") == "12.5 mcg 6 times daily"
    assert amount(2.0, "tablet") == "2 tablets" and amount(1.0, "patch") == "1 patch"
    assert amount(5.0, "%") == "5%" and amount(None, "mg") == ""
    start = comparison(pain_rows(6.0, 4.0), which=0)
    assert change_verdict(start).startswith("After starting Pregabalin (75 mg twice daily) on")
    per_day = [*TITRATION[:1], change(2, CHANGE_DAY, "dose", 75.0, 3)]
    c = comparison(pain_rows(6.0, 4.0), changes=per_day)
    assert "went from 75 mg twice daily to 75 mg three times daily" in change_verdict(c)
    assert change_cell(c) == "75 mg twice daily -> 75 mg three times daily"


# ---- names are text -----------------------------------------------------------------------------


def test_a_name_full_of_markup_is_kept_verbatim_everywhere():
    hostile = {**PREGABALIN, "name": HOSTILE, "reason": "[red]nerves[/red]"}
    rows = pain_rows(6.0, 4.0)
    changes = [*TITRATION, change(3, "2026-03-20", "start", 400.0, None, 2)]
    summary = medicine_summary(
        [hostile, {**IBUPROFEN, "name": "[/]"}],
        changes,
        [dose(1, "2026-03-05", reason="x"), dose(2, "2026-03-06", "skipped", reason="[i]sick")],
        [effect("2026-03-05", [], 3, other="[blink]odd[/blink]")],
        daily_measures(rows),
        today=TODAY,
        start="2026-03-01",
    )
    text = "\n".join(medicine_lines(summary))
    assert HOSTILE in text and "[red]nerves[/red]" in text and "[i]sick" in text
    assert '"[blink]odd[/blink]"' in text and "ibuprofen" not in text and "[/] (as needed)" in text
    section = medicines_section(summary)
    cells = [
        cell for table in (section.regimen, section.changes) for row in table.rows for cell in row
    ]
    assert HOSTILE in cells and "[/]" in cells
    assert any(HOSTILE in line for line in section.change_lines)
    tips = medicine_tips([hostile], TITRATION, rows, shift(CHANGE_DAY, 10))
    assert HOSTILE in tips[0].title and HOSTILE in tips[0].text


# ---- adherence, as-needed, side effects ---------------------------------------------------------


def test_adherence_as_needed_and_side_effect_lines():
    summary = medicine_summary(
        [PREGABALIN, IBUPROFEN],
        [
            change(1, "2026-03-02", "start", 75.0, 2),
            change(2, "2026-03-02", "start", 400.0, None, 2),
        ],
        [dose(i, shift("2026-03-02", i // 2)) for i in range(12)]
        + [dose(20, "2026-03-08", "skipped", reason="Too drowsy")]
        + [dose(30, "2026-03-04", medicine_id=2, reason="bad night")],
        [effect("2026-03-03", ["dry-mouth"], 4), effect("2026-04-03", ["dry-mouth"], 6)],
        daily_measures([]),
        today="2026-04-05",
        start="2026-03-02",
        end="2026-03-08",
    )
    [adherence] = summary["adherence"]
    assert adherence_week_line(adherence["weeks"][0]) == "Week of 2026-03-02: 12 of 14 (86%)."
    pregabalin = next(m for m in summary["regimens"] if m["name"] == "Pregabalin")
    assert regimen_line(pregabalin) == "Pregabalin: 75 mg twice daily since 2 Mar 2026 (capsule)."
    assert adherence_line(adherence) == (
        "Pregabalin: 12 of 14 doses due were logged as taken (86%) over 7 days; 1 marked "
        "skipped, 1 not logged. Skipped because: Too drowsy (1)."
    )
    line = as_needed_line(summary["as_needed"][0])
    assert line.startswith("ibuprofen (as needed): 1 dose on 1 of the 7 days it was current.")
    assert "Taken for: bad night (1)." in line
    [dry] = summary["side_effects"]
    assert side_effect_line(dry) == "Dry mouth: reported on 3 Mar 2026, mean bother 4.0/10."
    text = "\n".join(medicine_lines(summary))
    assert "no advice on doses" in text and "counts as not taken" in text


# ---- tips ---------------------------------------------------------------------------------------


def test_a_recent_change_gets_the_too_soon_tip():
    rows = pain_rows(6.0, 4.0)
    [tip] = medicine_tips([PREGABALIN], TITRATION, rows, shift(CHANGE_DAY, 10))
    assert tip.id == "med-change-recent" and tip.topic == "medicines"
    assert tip.title == "The dose of Pregabalin changed 10 days ago: keep rating"
    assert "The dose of Pregabalin changed 10 days ago (3 Mar 2026)." in tip.text
    assert "the comparison becomes meaningful after 3 more rated days from 10 Mar 2026" in tip.text
    assert "no advice on doses" in tip.text


def test_a_complete_comparison_gets_the_ready_tip_for_two_weeks_then_nothing():
    rows = pain_rows(6.0, 4.0)
    done = shift(CHANGE_DAY, 20)
    [tip] = medicine_tips([PREGABALIN], TITRATION, rows, done)
    assert tip.id == "med-change-ready"
    assert tip.title == "Before and after: the dose of Pregabalin changed on 3 Mar 2026"
    c = comparison(rows, today=done)
    assert tip.text.startswith(change_verdict(c)) and ASSOCIATION in tip.text
    assert medicine_tips([PREGABALIN], TITRATION, rows, shift(done, 14))
    mixed = [*TITRATION, change(3, "2026-03-15", "start", 400.0, None, 2)]
    tips = medicine_tips([PREGABALIN, IBUPROFEN], mixed, rows, done)
    assert [t.id for t in tips] == ["med-change-recent", "med-change-ready"]
    assert "ibuprofen started on 15 Mar 2026" in tips[1].text and "mix" in tips[1].text
    assert medicine_tips([PREGABALIN], TITRATION, rows, shift(done, 15)) == []


def test_no_tip_when_the_comparison_cannot_be_made():
    before = [shift(CHANGE_DAY, -i) for i in range(1, 15)]
    rows = pain_rows(6.0, 4.0, skip=before)
    assert medicine_tips([PREGABALIN], TITRATION, rows, shift(CHANGE_DAY, 10)) == []


def test_tips_need_only_the_bounded_window_of_rows():
    rows = pain_rows(6.0, 4.0)
    for today in (shift(CHANGE_DAY, d) for d in (2, 10, 20, 30, 34, 40)):
        start = tip_window_start(today)
        bounded = [row for row in rows if row["date"] >= start]
        assert medicine_tips([PREGABALIN], TITRATION, bounded, today) == medicine_tips(
            [PREGABALIN], TITRATION, rows, today
        )
    assert tip_window_start("2026-04-30") == "2026-03-13"


def test_medicine_tips_go_in_their_tiers():
    general = [
        Tip("logging-gaps", "numbers", "t", "x"),
        Tip("add-balance", "kinds", "t", "x"),
        Tip("meaningful-change", "numbers", "t", "x"),
    ]
    med = [Tip("med-change-recent", "medicines", "t", "x"), Tip("med-change-ready", "m", "t", "x")]
    assert [t.id for t in merge_tips(general, med)] == [
        "logging-gaps",
        "med-change-recent",
        "add-balance",
        "meaningful-change",
        "med-change-ready",
    ]
    assert merge_tips(tips_for({}), []) == tips_for({})


def test_medicine_tip_texts_point_to_real_topics_and_name_no_unconfirmed_source():
    for tip in medicine_tip_texts().values():
        assert tip["topic"] == "medicines" and get_topic(tip["topic"])
        for text in (v for v in tip.values() if isinstance(v, str)):
            for kind, name in PLACEHOLDER.findall(text):
                assert name in doors() if kind == "do" else get_topic(name)
            assert "`tracker" not in text and "should take" not in text


# ---- the guide topic ----------------------------------------------------------------------------


def test_the_medicines_topic_gives_no_dosing_advice_and_cites_only_nice_cg173():
    topic = get_topic("medicines")
    assert topic.cited_keys == ("nice2013",) and topic.sources == ("nice2013",)
    nice = load_references()["nice2013"]
    assert nice.confirmed and nice.url == "https://www.nice.org.uk/guidance/cg173"
    assert nice.year == 2013 and "CG173" in nice.citation() and "September 2020" in nice.citation()
    body = " ".join(topic.body.lower().split())
    assert "no advice on medicines" in body and "talk to them before changing or stopping" in body
    for point in ("missed", "side effects", "as-needed", "every change, and why"):
        assert point in body
    assert "association" in body and "14 days" in body and "settling-in week" in body
    assert "mg" not in body  # no dose is named anywhere
