"""Medicines in words: one wording for `tracker med` (report, stats), the app and the PDF report.

Every sentence here is said once and printed by every front door. The figures are judged in
`tracker.analysis.medicines` and `analysis.medicine_use`; here they are only said, from the
same rounded numbers the sentence prints. Medicine names, reasons and free-text side effects
are the person's own text: they are put in verbatim and returned as plain strings (front doors
show them as `rich.text.Text` / Content or with markup off, never parsed as markup).

The pain verdict of a before/after comparison is `words.change`'s own clause (IMMPACT's and
Farrar's thresholds); the PEG and sleep get no verdict on their size, as in `words.peg`. Each
comparison ends with the caveat that it is an association.
"""

from __future__ import annotations

from collections.abc import Sequence

from tracker.analysis.calendar import as_date
from tracker.analysis.change import MIN_DAYS
from tracker.analysis.medicine_use import (
    Adherence,
    AdherenceWeek,
    AsNeededUse,
    EffectSummary,
    MedicineSummary,
    ReasonCount,
)
from tracker.analysis.medicines import (
    AFTER_DAYS,
    BEFORE_DAYS,
    MIN_RATED_DAYS,
    SETTLE_DAYS,
    ChangeComparison,
    MeasureComparison,
    MedicineRegimen,
)
from tracker.words.change import verdict
from tracker.words.units import days, plural

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_TIMES = {1: "once daily", 2: "twice daily", 3: "three times daily", 4: "four times daily"}
#: Units written after a count, with their plural.
_COUNTED = {"tablet": "tablets", "patch": "patches"}

#: The caveat every before/after comparison ends with.
ASSOCIATION = "Other things change too: this is an association, not proof the medicine did it."
#: How the windows are chosen, said once wherever comparisons are shown.
WINDOWS = (
    f"How a change is compared: the {BEFORE_DAYS} days before it against the {AFTER_DAYS} days "
    f"after a settling-in week ({SETTLE_DAYS} days from the change, left out: the old dose is "
    "still wearing off and the new one building up; a week is tracker's own choice). Each "
    f"side needs {MIN_RATED_DAYS} rated days; the 95% interval comes from your own day-to-day "
    "variation and is a floor on the uncertainty."
)
#: What adherence counts, said once wherever adherence is shown.
ADHERENCE_NOTE = (
    "Adherence: doses logged as taken out of the doses due on the days the medicine was "
    "current, at most 100% a week. A dose with no entry counts as not taken: tracker cannot "
    "tell a missed dose from a missed entry."
)
#: The side effects' bother score covers every effect in one entry together.
BOTHER_NOTE = "Bother (0-10) is rated once per entry, for all the side effects in it together."
#: Said instead of any advice: tracker reads the diary, it does not dose.
NO_ADVICE = (
    "tracker gives no advice on doses: talk to your prescriber before changing or stopping "
    "a medicine."
)

_MEASURE_NAMES = {"peg": "PEG", "sleep": "sleep interference"}
_MEASURE_DAYS = {
    "pain": "rated days",
    "peg": "days with a PEG",
    "sleep": "days with a sleep rating",
}


# ---- small pieces ------------------------------------------------------------------------------


def day_text(day: str) -> str:
    """'3 Mar 2026' (the year always: a report can span a new year)."""
    date = as_date(day)
    return f"{date.day} {_MONTHS[date.month - 1]} {date.year}"


def number(value: float) -> str:
    """75.0 -> '75', 12.5 -> '12.5', 0.25 -> '0.25'."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def amount(strength: float | None, unit: str | None) -> str:
    """'75 mg', '2 tablets', '5%', or the bare number without a unit ('' without either)."""
    if strength is None:
        return ""
    shown = number(strength)
    if unit is None:
        return shown
    if unit == "%":
        return f"{shown}%"
    if unit in _COUNTED and strength != 1:
        return f"{shown} {_COUNTED[unit]}"
    return f"{shown} {unit}"


def how_often(doses_per_day: int | None, schedule: str) -> str:
    """'twice daily', '6 times daily', 'as needed'."""
    if schedule == "as_needed" or doses_per_day is None:
        return "as needed"
    return _TIMES.get(doses_per_day, f"{doses_per_day} times daily")


def regimen_text(
    strength: float | None, doses_per_day: int | None, unit: str | None, schedule: str
) -> str:
    """'150 mg twice daily', '400 mg as needed', 'twice daily' (no strength given)."""
    return " ".join(
        part for part in (amount(strength, unit), how_often(doses_per_day, schedule)) if part
    )


def _reasons(label: str, reasons: Sequence[ReasonCount]) -> str:
    if not reasons:
        return ""
    listed = "; ".join(f"{r['reason']} ({r['doses']})" for r in reasons)
    return f" {label}: {listed}."


# ---- the regimen -------------------------------------------------------------------------------


def regimen_line(m: MedicineRegimen) -> str:
    """'Pregabalin: 150 mg twice daily since 3 Mar 2026 (capsule; for nerve pain).'"""
    regimen = m["regimen"]
    if regimen is None:
        return f"{m['name']}: no start recorded."
    if not regimen["current"]:
        return f"{m['name']}: stopped on {day_text(regimen['since'])}."
    text = regimen_text(regimen["strength"], regimen["doses_per_day"], m["unit"], m["schedule"])
    extra = [part for part in (m["form"], f"for {m['reason']}" if m["reason"] else None) if part]
    details = f" ({'; '.join(extra)})" if extra else ""
    return f"{m['name']}: {text} since {day_text(regimen['since'])}{details}."


# ---- a change, before and after ---------------------------------------------------------------


def change_what(c: ChangeComparison) -> str:
    """What changed, in a phrase: 'the dose of Pregabalin went from 75 to 150 mg twice daily'."""
    name, unit, schedule = c["name"], c["unit"], c["schedule"]
    now = regimen_text(c["strength"], c["doses_per_day"], unit, schedule)
    if c["change"] == "stop":
        return f"stopping {name}"
    if c["change"] == "start":
        return f"starting {name} ({now})" if now else f"starting {name}"
    if c["from_strength"] is None and c["from_doses_per_day"] is None:
        return f"the dose of {name} was set to {now}"
    if c["from_doses_per_day"] == c["doses_per_day"] and None not in (
        c["from_strength"],
        c["strength"],
    ):
        assert c["from_strength"] is not None and c["strength"] is not None
        old = number(c["from_strength"])
        return f"the dose of {name} went from {old} to {now}"
    before = regimen_text(c["from_strength"], c["from_doses_per_day"], unit, schedule)
    return f"the dose of {name} went from {before} to {now}"


def change_heading(c: ChangeComparison) -> str:
    """'After the dose of Pregabalin went from 75 to 150 mg twice daily on 3 Mar 2026'."""
    return f"After {change_what(c)} on {day_text(c['date'])}"


def _numbers(m: MeasureComparison, status: str) -> str:
    assert m["before_avg"] is not None and m["after_avg"] is not None and m["points"] is not None
    low, high = m["low"], m["high"]
    spread = (
        f"95% interval {low:+.1f} to {high:+.1f}"
        if low is not None and high is not None and low != high
        else "no day-to-day variation"
    )
    so_far = " so far" if status == "partial" else ""
    counts = f"{m['before_days']} and {m['after_days']} {_MEASURE_DAYS[m['measure']]}{so_far}"
    change = f"{m['points']:+.1f}"
    if m["measure"] == "pain" and m["pct"] is not None and m["points"]:
        change += f", or {m['pct']:+.0f}%"  # the verdict is judged on this shown percent
    return f"{m['before_avg']:.1f} -> {m['after_avg']:.1f} ({change}; {spread}; {counts})"


def _pain_verdict(m: MeasureComparison) -> str:
    band = m["band"]
    if band == "none":
        return "no change."
    if band == "regression":
        return (
            "not counted as an improvement, because pain was rising into the change "
            f"({m['before_first_half']:.1f} in the first half of the {BEFORE_DAYS} days before "
            f"it, {m['before_second_half']:.1f} in the second): pain that has just risen tends "
            "to settle back by chance (regression to the mean)."
        )
    return verdict({"change_band": band, "change_pct": m["pct"]})


def _plain_verdict(m: MeasureComparison) -> str:
    band = m["band"]
    if band == "none":
        return "no change"
    if band == "variation":
        return "within your usual day-to-day variation"
    if band == "worse":
        return "higher beyond your usual day-to-day variation"
    if band == "regression":
        return "lower, but it was rising into the change (regression to the mean is likely)"
    return "lower beyond your usual day-to-day variation"


def change_verdict(c: ChangeComparison) -> str:
    """The change's one sentence: the pain before and after with its interval, n and verdict
    and the association caveat; or why there is no comparison (yet)."""
    pain, status = c["measures"]["pain"], c["status"]
    head = change_heading(c)
    if status in ("partial", "complete"):
        return f"{head}: average pain {_numbers(pain, status)}: {_pain_verdict(pain)} {ASSOCIATION}"
    if status == "no_before":
        return (
            f"{head}: too few rated days in the {BEFORE_DAYS} days before it to compare "
            f"({pain['before_days']}; {MIN_RATED_DAYS} needed)."
        )
    if status == "too_few":
        return (
            f"{head}: too few rated days to compare ({pain['before_days']} before, "
            f"{pain['after_days']} after the settling-in week; {MIN_RATED_DAYS} needed on each "
            "side)."
        )
    return f"{head}: {too_soon_line(c)}"


def too_soon_line(c: ChangeComparison) -> str:
    """Why a recent change has no comparison yet, and when it will: 'the comparison becomes
    meaningful after N more rated days'."""
    ago = plural(c["days_since"], "day")
    needed = plural(c["rated_needed"], "more rated day")
    if c["status"] == "settling":
        line = (
            f"too soon to compare ({ago} ago). The first {SETTLE_DAYS} days of a change (its "
            "own day included) are left out while it settles in; the comparison becomes "
            "meaningful after "
            f"{needed} from {day_text(c['after_start'])}."
        )
    else:
        line = (
            f"too soon to compare ({ago} ago; {days(c['measures']['pain']['after_days'])} "
            f"rated since {day_text(c['after_start'])}): the comparison becomes meaningful "
            f"after {needed}."
        )
    if not c["reachable"]:
        line += (
            f" Fewer days are left before {day_text(c['after_end'])}, the end of its "
            "after days, so this change may not get a comparison."
        )
    return line


def measure_line(m: MeasureComparison, status: str) -> str:
    """The PEG or sleep before and after, without a verdict on its size."""
    name = _MEASURE_NAMES.get(m["measure"], m["measure"])
    if m["points"] is None:
        return (
            f"{name}: too few {_MEASURE_DAYS[m['measure']]} to compare ({m['before_days']} "
            f"before, {m['after_days']} after; {MIN_RATED_DAYS} needed on each side)"
        )
    return f"{name} {_numbers(m, status)}: {_plain_verdict(m)}"


def confounders_line(c: ChangeComparison) -> str:
    """The other regimen changes inside the comparison's days, or '' when there are none."""
    if not c["confounders"]:
        return ""
    listed = "; ".join(
        f"{other['name']} {_CHANGE_NOUNS.get(other['change'], other['change'])} on "
        f"{day_text(other['date'])}"
        for other in c["confounders"]
    )
    return (
        f"Other medicine changes between {day_text(c['before_start'])} and "
        f"{day_text(c['after_end'])}: {listed}. The figures mix these changes, so they "
        "cannot be put down to this one."
    )


_CHANGE_NOUNS = {"start": "started", "dose": "dose changed", "stop": "stopped"}


def comparison_lines(c: ChangeComparison) -> list[str]:
    """Everything about one change: the verdict sentence, the PEG and sleep (when compared),
    and the other changes inside its days."""
    lines = [change_verdict(c)]
    if c["status"] in ("partial", "complete"):
        others = [measure_line(c["measures"][name], c["status"]) for name in ("peg", "sleep")]
        lines.append("Also: " + "; ".join(others) + ".")
    lines.append(confounders_line(c))
    return [line for line in lines if line]


# ---- adherence, as-needed use, side effects ---------------------------------------------------


def adherence_line(a: Adherence) -> str:
    """'Pregabalin: 80 of 84 doses due were logged as taken (95%) over 42 days; ...'"""
    if not a["doses_due"]:
        return f"{a['name']}: no doses were due in this period."
    line = (
        f"{a['name']}: {a['taken_counted']} of {a['doses_due']} doses due were logged as taken "
        f"({a['pct']:.0f}%) over {days(a['days_due'])}; {a['skipped']} marked skipped, "
        f"{a['not_logged']} not logged."
    )
    return line + _reasons("Skipped because", a["skip_reasons"])


def adherence_week_line(w: AdherenceWeek) -> str:
    """'Week of 2026-03-02: 12 of 14 (86%), 5 days due' (the days only for a partial week)."""
    if not w["doses_due"]:
        return f"Week of {w['start']}: no doses due."
    counted = min(w["taken"], w["doses_due"])
    part = f", {days(w['days_due'])} due" if w["days_due"] < 7 else ""
    extra = f", {w['extra']} more logged than due" if w["extra"] else ""
    return f"Week of {w['start']}: {counted} of {w['doses_due']} ({w['pct']:.0f}%){part}{extra}."


def as_needed_line(u: AsNeededUse) -> str:
    """The doses taken over the period, the last 7 days against the 7 before, the reasons."""
    taken = plural(u["doses"], "dose")
    with_dose = sum(week["days_with_dose"] for week in u["weeks"])
    line = (
        f"{u['name']} (as needed): {taken} on {with_dose} of the {days(u['days_current'])} "
        f"it was current. {trend_text(u)}"
    )
    return line + _reasons("Taken for", u["reasons"])


def trend_text(u: AsNeededUse) -> str:
    """The week-on-week trend of as-needed doses, or why there is none."""
    trend = u["trend_per_week"]
    if trend is None:
        return (
            "Too few days to compare the last 7 days with the 7 before "
            f"({u['last_days']} and {u['prior_days']} days it was current; {MIN_DAYS} needed "
            "in each)."
        )
    counts = (
        f"{plural(u['last_doses'], 'dose')} in the last 7 days, {u['prior_doses']} in the 7 before"
    )
    if trend == 0:
        return f"{counts}: the same."
    direction = "more" if trend > 0 else "fewer"
    low, high = u["trend_low"], u["trend_high"]
    spread = f"95% interval {low:+.1f} to {high:+.1f}" if low != high else "no variation"
    size = f"{number(abs(trend))} {direction} a week ({spread})"
    if u["within_variation"]:
        return f"{counts}: {size}, within your usual day-to-day variation."
    return f"{counts}: {size}."


def effect_name(e: EffectSummary) -> str:
    """A vocabulary word as words ('Dry mouth'); free text verbatim, in quotes."""
    if e["other"]:
        return f'"{e["effect"]}"'
    text = e["effect"].replace("-", " ")
    return text[:1].upper() + text[1:]


def side_effect_line(e: EffectSummary) -> str:
    """'Dizziness: 3 days from 3 Mar 2026 to 2 Apr 2026, mean bother 5.0/10; by month: ...'"""
    when = (
        f"on {day_text(e['first'])}"
        if e["first"] == e["last"]
        else f"on {days(e['days'])} from {day_text(e['first'])} to {day_text(e['last'])}"
    )
    bother = f", mean bother {e['bother_avg']:.1f}/10" if e["bother_avg"] is not None else ""
    line = f"{effect_name(e)}: reported {when}{bother}"
    if len(e["periods"]) > 1:
        parts = [
            f"{p['period']} {days(p['days'])} ({p['bother_avg']:.1f})"
            for p in e["periods"]
            if p["bother_avg"] is not None
        ]
        line += "; by period (days, mean bother): " + ", ".join(parts)
    return line + "."


# ---- everything, for `tracker med stats` --------------------------------------------------------


def medicine_lines(s: MedicineSummary) -> list[str]:
    """Every sentence of the medicines summary, in the order `med stats` prints them."""
    lines = ["Medicines on " + day_text(s["end"]) + ":"]
    lines += ["  " + regimen_line(m) for m in s["regimens"]] or ["  none recorded."]
    if s["changes"]:
        lines.append("Changes in this period:")
        lines += ["  " + line for c in s["changes"] for line in comparison_lines(c)]
        lines.append(WINDOWS)
    if s["adherence"]:
        lines.append("Scheduled doses:")
        lines += ["  " + adherence_line(a) for a in s["adherence"]]
        lines.append(ADHERENCE_NOTE)
    if s["as_needed"]:
        lines.append("As-needed doses:")
        lines += ["  " + as_needed_line(u) for u in s["as_needed"]]
    if s["side_effects"]:
        lines.append("Side effects:")
        lines += ["  " + side_effect_line(e) for e in s["side_effects"]]
        lines.append(BOTHER_NOTE)
    lines.append(NO_ADVICE)
    return lines
