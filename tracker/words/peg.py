"""The PEG and the interference items in words: one wording for `tracker stats`, the Trends
screen and the PDF report.

The PEG's change is said by `words.change.change_line` with the `PEG` measure, so it follows
the pain sentence's rules word for word, without a verdict on its size (no threshold for the
PEG is confirmed in the project's fact sheet). `RECALL` says, once wherever a PEG figure is
shown, that tracker's ratings are about the last 24 hours while the published PEG asks about
the past week. Nothing is shown under its minimum number of days: the count is said instead.
"""

from __future__ import annotations

from tracker.analysis.change import MIN_DAYS
from tracker.analysis.summary_type import Summary
from tracker.models import Row
from tracker.words.change import Measure, baseline_line, change_line
from tracker.words.units import days, plural

PEG = Measure(
    name="The PEG",
    noun="the PEG",
    its="its",
    baseline="PEG baseline",
    ratings="days with all three PEG ratings",
    rated=" with a PEG",
    rated_days="{n} days with a PEG",
    first_days="days with all three PEG ratings",
    zero="a PEG of 0 at baseline",
    thresholds=False,
)

#: What the PEG is here, and why it is not the published questionnaire's score.
RECALL = (
    "About the PEG here: the mean of average pain, interference with enjoyment of life and "
    "interference with general activity (0-10), from entries that have all three. Each rating "
    "is about the last 24 hours, while the published PEG asks about the past week, so this is "
    "a daily version of it."
)

#: The interference items as the sentences name them, in the summary's order.
ITEM_LABELS = {"sleep": "sleep", "activity": "general activity", "enjoyment": "enjoyment"}


def peg_lines(s: Summary, now: bool = True) -> list[str]:
    """The PEG over the period, its change from baseline, its week-on-week trend (when the
    period ends today) and the recall note; or only how many days there were, when too few."""
    peg = s["peg"]
    if peg["period_avg"] is None:
        return [
            "PEG (pain, enjoyment and activity interference): too few days with all three "
            f"ratings in this period to show ({peg['period_days']} of {MIN_DAYS} needed; "
            f"{plural(peg['entries'], 'entry', 'entries')}). Rate enjoyment and activity "
            "interference with your pain to see it."
        ]
    lines = [
        f"PEG over the period: {peg['period_avg']:.1f} "
        f"({days(peg['period_days'])}, {plural(peg['entries'], 'entry', 'entries')}).",
        change_line(peg, PEG),
        baseline_line(peg, PEG).strip(),
        peg_trend_line(peg) if now else "",
        RECALL,
    ]
    return [line for line in lines if line]


def peg_trend_line(peg: Row) -> str:
    trend = peg["trend_points"]
    if trend is None:
        return ""
    direction = "up" if trend > 0 else "down" if trend < 0 else "unchanged"
    amount = f" {abs(trend):.1f} point{'s' if abs(trend) != 1 else ''}" if trend else ""
    return f"This week against last week: PEG {direction}{amount}."


def interference_line(s: Summary) -> str:
    """Each interference item's last 7 days against its own baseline, with the days behind
    each mean; empty when none was rated in the period."""
    items = s["interference"]
    if not any(item["period_days"] for item in items.values()):
        return ""
    parts = [_item(ITEM_LABELS[name], item) for name, item in items.items()]
    return (
        "Interference (0-10), the last 7 days against each one's baseline: "
        + "; ".join(parts)
        + "."
    )


def _item(label: str, item: Row) -> str:
    recent, base = item["recent_avg"], item["baseline_avg"]
    if recent is None:
        return f"{label}: too few days ({item['recent_days']} of {MIN_DAYS} needed)"
    now = f"{label} {recent:.1f} ({days(item['recent_days'])})"
    if base is None:
        return f"{now}, baseline not set ({days(item['baseline_days'])} so far)"
    text = f"{now} against {base:.1f} ({days(item['baseline_days'])})"
    if item["change_points"] is None:
        return text
    spread = ", within your usual variation" if item["within_variation"] else ""
    return f"{text}, {item['change_points']:+.1f}{spread}"
