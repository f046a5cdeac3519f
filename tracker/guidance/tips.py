"""The tips engine: which tips apply to a diary now, written once for the CLI and the TUI.

`tips_for(summary)` reads the dict made by `tracker.analysis.summarize` (key names only, no
other import from analysis; only keys about today, so any period that covers the last
`analysis.window.WINDOW_DAYS` days gives the same tips) and returns the tips whose rule
holds. Each rule is a small function that returns the values its tip's text needs, or None
when it stays quiet. Every word the user sees is in `data/tips.toml`.

Priority: tips come in tiers, shown in this order, and a higher tier can silence a lower one,
so two tips never pull against each other.
1. Safety: `see-clinician`, when pain rose steeply (the mean of the last 7 days is
   STEEP_RISE_POINTS or more above the 7 days before) or a score of VERY_HIGH_PAIN or more was
   logged in the last 7 days (a day's pain, or a session's before or after). It repeats the
   safety topic's reasons to call a clinician and replaces `pain-rising`.
2. Caution: `pain-rising` (a rise of RISING_POINTS or more) and `flare-after-session` (a
   pattern of flares after exercise days, see `flare_after_session`).
3. Logging: `logging-stale`, `logging-gaps`.
4. Do more: `no-exercise-7-days`, `aerobic-below-target`, `add-balance`, `add-strength`.
   None of them shows while a tier 1 or 2 tip does: no "add a few minutes" while pain is
   rising or jumping after exercise. Each also needs enough diary to say what it says: the
   7-day tips need DIARY_DAYS_FOR_WEEK days since the first entry, the 14-day ones
   DIARY_DAYS_FOR_FORTNIGHT (no "nothing in 14 days" minutes after the first entry).
5. Progress: `substantial-change`, `meaningful-change` (the first replaces the second).
An empty diary gets `nothing-logged` and nothing else.

Tips say what happened, never what caused it: "pain was higher the day after 3 of your 10
exercise days", not "exercise flares your pain".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

from tracker.analysis.summary_type import Summary
from tracker.guidance.content import tip_texts

#: A week-on-week rise in mean pain of this many points (0-10 scale) or more is called rising:
#: IMMPACT's smallest change that matters for interference is 1 point.
RISING_POINTS = 1.0
#: ... and of this many, steep: about the change patients call important (Farrar 2001), in a
#: single week.
STEEP_RISE_POINTS = 2.0
#: A pain score of this or more in the last 7 days gets the safety tip.
VERY_HIGH_PAIN = 9
#: The flare tip needs this many exercise days followed by a flare in the last 14 days...
FLARE_MIN_DAYS = 2
#: ... making up at least this share of the exercise days that could be judged...
FLARE_MIN_SHARE = 0.25
#: ... and more than the share after rest days, when this many rest days could be judged.
MIN_REST_DAYS = 3
#: Days from the first entry to today (both counted) before a tip about the last 7 days...
DIARY_DAYS_FOR_WEEK = 7
#: ... and the last 14 days may show.
DIARY_DAYS_FOR_FORTNIGHT = 14
#: Days since the last pain rating before the diary counts as stale.
STALE_DAYS = 3
#: Days without a pain rating among the last 14 before gaps are pointed out.
GAP_DAYS = 5

Values = dict[str, object]
Rule = Callable[[Summary], Values | None]


@dataclass(frozen=True)
class Tip:
    """One tip: its id, the guide topic it links to, a title and the text, filled in."""

    id: str
    topic: str
    title: str
    text: str

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _number(value: float) -> str:
    """A number as people read it: 2.0 -> '2', 2.35 -> '2.4'."""
    return f"{value:.1f}".removesuffix(".0")


def _has_entries(summary: Summary) -> bool:
    """Anything logged up to today, whatever the summary's period (keys about today only)."""
    return (
        summary.get("last_pain_date") is not None or summary.get("last_exercise_date") is not None
    )


def nothing_logged(summary: Summary) -> Values | None:
    return None if _has_entries(summary) else {}


def diary_days(summary: Summary) -> int:
    """Days from the diary's first entry to today, both counted; 0 when either is unknown."""
    first, today = summary.get("diary_first_day"), summary.get("today")
    if not first or not today:
        return 0
    return (dt.date.fromisoformat(today) - dt.date.fromisoformat(first)).days + 1


def see_clinician(summary: Summary) -> Values | None:
    trend = summary.get("pain_trend_points")
    highest = summary.get("recent_highest_pain")
    steep = trend is not None and trend >= STEEP_RISE_POINTS
    very_high = highest is not None and highest >= VERY_HIGH_PAIN
    if not steep and not very_high:
        return None
    texts = tip_texts()["see-clinician"]
    what = []
    if trend is not None and steep:
        what.append(texts["steep"].format(points=_number(trend)))
    if highest is not None and very_high:
        what.append(texts["very_high"].format(score=_number(highest)))
    return {
        "what": " ".join(what),
        "why": texts["title_steep" if steep else "title_very_high"],
    }


def pain_rising(summary: Summary) -> Values | None:
    trend = summary.get("pain_trend_points")
    if trend is None or trend < RISING_POINTS or see_clinician(summary) is not None:
        return None
    return {"points": _number(trend)}


def _recent_share(summary: Summary, prefix: str) -> tuple[int, int]:
    """(days flared, days checked) over the last 14 days for `prefix` "exercise" or "rest"."""
    if prefix == "exercise":
        flared = summary.get("recent_exercise_days_flared")
        checked = summary.get("recent_exercise_days_checked")
    else:
        flared = summary.get("recent_rest_days_flared")
        checked = summary.get("recent_rest_days_checked")
    return flared or 0, checked or 0


def flare_after_session(summary: Summary) -> Values | None:
    """A pattern, not one bad day: FLARE_MIN_DAYS exercise days or more in the last 14 were
    followed by a flare, at least FLARE_MIN_SHARE of those that could be judged, and a larger
    share than after rest days (when there are MIN_REST_DAYS of them to compare with)."""
    flares = summary.get("recent_flare_sessions") or []
    flared, checked = _recent_share(summary, "exercise")
    if not flares or flared < FLARE_MIN_DAYS or flared < FLARE_MIN_SHARE * checked:
        return None
    rest_flared, rest_checked = _recent_share(summary, "rest")
    comparable = rest_checked >= MIN_REST_DAYS
    if comparable and flared / checked <= rest_flared / rest_checked:
        return None  # pain jumped as often (or more) after days without exercise
    latest = max(flares, key=lambda flare: flare["date"])
    texts = tip_texts()["flare-after-session"]
    rest = texts["rest"] if comparable else texts["no_rest"]
    return {
        "flared": flared,
        "checked": checked,
        "activity": latest["activity"],
        "date": latest["date"],
        "reason": latest["reason"],
        "rest": rest.format(flared=rest_flared, checked=rest_checked),
    }


def logging_stale(summary: Summary) -> Values | None:
    days = summary.get("days_since_last_pain_entry")
    if days is None or days < STALE_DAYS:
        return None
    return {"days": days}


def logging_gaps(summary: Summary) -> Values | None:
    missed = summary.get("missed_days_last_14") or 0
    if missed < GAP_DAYS or logging_stale(summary) is not None:
        return None
    return {"missed": missed}


def no_exercise_7_days(summary: Summary) -> Values | None:
    if diary_days(summary) < DIARY_DAYS_FOR_WEEK:
        return None
    if (summary.get("exercise_minutes_last_7_days") or 0) > 0:
        return None
    return {}


def aerobic_below_target(summary: Summary) -> Values | None:
    target = summary.get("weekly_aerobic_target") or 0
    # moderate-equivalent minutes (a vigorous minute counts twice): the figure every front door
    # compares with the target (words.exercise)
    minutes = summary.get("aerobic_equivalent_minutes_last_7_days") or 0
    exercising = (summary.get("exercise_minutes_last_7_days") or 0) > 0
    if not exercising or minutes >= target or diary_days(summary) < DIARY_DAYS_FOR_WEEK:
        return None
    return {"minutes": minutes, "target": target}


def _missing_category(summary: Summary, category: str) -> Values | None:
    """Quiet unless other exercise was logged in the last 14 days and none of `category`, in a
    diary at least DIARY_DAYS_FOR_FORTNIGHT days old."""
    if diary_days(summary) < DIARY_DAYS_FOR_FORTNIGHT:
        return None
    minutes = summary.get("category_minutes_last_14_days") or {}
    others = sum(value for name, value in minutes.items() if name != category)
    if minutes.get(category, 0) > 0 or others == 0:
        return None
    return {}


def add_balance(summary: Summary) -> Values | None:
    return _missing_category(summary, "balance")


def add_strength(summary: Summary) -> Values | None:
    return _missing_category(summary, "strength")


def _change_values(summary: Summary) -> Values:
    """The numbers of a change tip; only asked when the summary has a change (all three set)."""
    pct, recent, baseline = summary["change_pct"], summary["recent_avg"], summary["baseline_avg"]
    assert pct is not None and recent is not None and baseline is not None
    return {
        # Whole percent: the rule only fires at >= 30.0, so this never rounds below the threshold.
        "percent": round(abs(pct)),
        "recent": _number(recent),
        "baseline": _number(baseline),
    }


def substantial_change(summary: Summary) -> Values | None:
    return _change_values(summary) if summary.get("substantial") else None


def meaningful_change(summary: Summary) -> Values | None:
    if not summary.get("meaningful") or summary.get("substantial"):
        return None
    return _change_values(summary)


#: Tip id -> rule, in the order tips are shown (the tiers of the module docstring).
RULES: dict[str, Rule] = {
    "see-clinician": see_clinician,
    "pain-rising": pain_rising,
    "flare-after-session": flare_after_session,
    "logging-stale": logging_stale,
    "logging-gaps": logging_gaps,
    "no-exercise-7-days": no_exercise_7_days,
    "aerobic-below-target": aerobic_below_target,
    "add-balance": add_balance,
    "add-strength": add_strength,
    "substantial-change": substantial_change,
    "meaningful-change": meaningful_change,
}
#: Tier 1 and 2: while any of these shows, no DO_MORE tip does.
CAUTION = frozenset({"see-clinician", "pain-rising", "flare-after-session"})
#: Tier 4: tips that suggest more exercise.
DO_MORE = frozenset({"no-exercise-7-days", "aerobic-below-target", "add-balance", "add-strength"})


def make_tip(tip_id: str, values: Values) -> Tip:
    """The tip `tip_id` from tips.toml, its title and text filled in with `values`."""
    data = tip_texts()[tip_id]
    return Tip(
        id=tip_id,
        topic=data["topic"],
        title=data["title"].format(**values),
        text=data["text"].format(**values),
    )


def tips_for(summary: Summary) -> list[Tip]:
    """The tips that apply to this summary now, most pressing first; [] when none does.

    An empty diary gets only the "nothing logged" tip: no other rule means anything yet. While
    a CAUTION tip shows, no DO_MORE tip does (the priority order in the module docstring).
    """
    values = nothing_logged(summary)
    if values is not None:
        return [make_tip("nothing-logged", values)]
    tips: list[Tip] = []
    for tip_id, rule in RULES.items():
        if tip_id in DO_MORE and any(tip.id in CAUTION for tip in tips):
            continue
        values = rule(summary)
        if values is not None:
            tips.append(make_tip(tip_id, values))
    return tips
