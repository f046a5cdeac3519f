"""The tips engine: which tips apply to a diary now, written once for the CLI and the TUI.

`tips_for(summary)` reads the dict made by `tracker.analysis.summarize` (key names only, no
other import from analysis) and returns the tips whose rule holds. Each rule is a small
function that returns the values its tip's text needs, or None when it stays quiet. Every
word the user sees is in `data/tips.toml`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass

from tracker.guidance.content import tip_texts

#: A week-on-week rise in mean pain of this many points (0-10 scale) or more is called rising:
#: IMMPACT's smallest change that matters for interference is 1 point.
RISING_POINTS = 1.0
#: Days since the last pain rating before the diary counts as stale.
STALE_DAYS = 3
#: Days without a pain rating among the last 14 before gaps are pointed out.
GAP_DAYS = 5

Values = dict[str, object]
Rule = Callable[[dict], Values | None]


@dataclass(frozen=True)
class Tip:
    """One tip: its id, the guide topic it links to, a title and the text, filled in."""

    id: str
    topic: str
    title: str
    text: str

    def as_dict(self) -> dict:
        return asdict(self)


def _number(value: float) -> str:
    """A number as people read it: 2.0 -> '2', 2.35 -> '2.4'."""
    return f"{value:.1f}".removesuffix(".0")


def _has_entries(summary: dict) -> bool:
    return bool(summary.get("days_logged")) or summary.get("last_exercise_date") is not None


def nothing_logged(summary: dict) -> Values | None:
    return None if _has_entries(summary) else {}


def pain_rising(summary: dict) -> Values | None:
    trend = summary.get("pain_trend_points")
    if trend is None or trend < RISING_POINTS:
        return None
    return {"points": _number(trend)}


def flare_after_session(summary: dict) -> Values | None:
    flares = summary.get("recent_flare_sessions") or []
    if not flares:
        return None
    latest = max(flares, key=lambda flare: flare["date"])
    texts, count = tip_texts()["flare-after-session"], len(flares) - 1
    others = "" if count == 0 else texts["others_one" if count == 1 else "others"]
    return {
        "activity": latest["activity"],
        "date": latest["date"],
        "reason": latest["reason"],
        "others": others.format(count=count),
    }


def logging_stale(summary: dict) -> Values | None:
    days = summary.get("days_since_last_pain_entry")
    if days is None or days < STALE_DAYS:
        return None
    return {"days": days}


def logging_gaps(summary: dict) -> Values | None:
    missed = summary.get("missed_days_last_14") or 0
    if missed < GAP_DAYS or logging_stale(summary) is not None:
        return None
    return {"missed": missed}


def no_exercise_7_days(summary: dict) -> Values | None:
    if (summary.get("exercise_minutes_last_7_days") or 0) > 0:
        return None
    return {}


def aerobic_below_target(summary: dict) -> Values | None:
    target = summary.get("weekly_aerobic_target") or 0
    minutes = summary.get("aerobic_minutes_last_7_days") or 0
    exercising = (summary.get("exercise_minutes_last_7_days") or 0) > 0
    if not exercising or minutes >= target:
        return None
    return {"minutes": minutes, "target": target}


def _missing_category(summary: dict, category: str) -> Values | None:
    """Quiet unless other exercise was logged in the last 14 days and none of `category`."""
    minutes = summary.get("category_minutes_last_14_days") or {}
    others = sum(value for name, value in minutes.items() if name != category)
    if minutes.get(category, 0) > 0 or others == 0:
        return None
    return {}


def add_balance(summary: dict) -> Values | None:
    return _missing_category(summary, "balance")


def add_strength(summary: dict) -> Values | None:
    return _missing_category(summary, "strength")


def _change_values(summary: dict) -> Values:
    return {
        # Whole percent: the rule only fires at >= 30.0, so this never rounds below the threshold.
        "percent": round(abs(summary["change_pct"])),
        "recent": _number(summary["recent_avg"]),
        "baseline": _number(summary["baseline_avg"]),
    }


def substantial_change(summary: dict) -> Values | None:
    return _change_values(summary) if summary.get("substantial") else None


def meaningful_change(summary: dict) -> Values | None:
    if not summary.get("meaningful") or summary.get("substantial"):
        return None
    return _change_values(summary)


#: Tip id -> rule, in the order tips are shown: safety first, then logging, exercise, progress.
RULES: dict[str, Rule] = {
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


def make_tip(tip_id: str, values: Values) -> Tip:
    """The tip `tip_id` from tips.toml, its title and text filled in with `values`."""
    data = tip_texts()[tip_id]
    return Tip(
        id=tip_id,
        topic=data["topic"],
        title=data["title"].format(**values),
        text=data["text"].format(**values),
    )


def tips_for(summary: dict) -> list[Tip]:
    """The tips that apply to this summary now, most pressing first; [] when none does.

    An empty diary gets only the "nothing logged" tip: no other rule means anything yet.
    """
    values = nothing_logged(summary)
    if values is not None:
        return [make_tip("nothing-logged", values)]
    tips = []
    for tip_id, rule in RULES.items():
        values = rule(summary)
        if values is not None:
            tips.append(make_tip(tip_id, values))
    return tips
