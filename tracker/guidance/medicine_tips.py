"""The medicine tips: a change too recent to judge, and a change whose comparison is ready.

Kept apart from `tips.py` (which reads the analysis summary) and computed from bounded
inputs the caller passes: the medicine and change rows (small tables) and the pain rows from
`tip_window_start(today)` on. Nothing older can change what they say.

- `med-change-recent` (tier 3, beside the logging tips): a change in its settling-in week or
  still collecting its after days, when enough days are left to reach the minimum: "The dose
  of X changed 10 days ago; the comparison becomes meaningful after N more rated days".
- `med-change-ready` (tier 5, beside the progress tips): a change whose after window ended in
  the last READY_TIP_DAYS days with enough rated days on each side: the comparison itself in
  `words.medicines.change_verdict`'s sentence (with its interval, n and association caveat).
Neither tip advises on doses, and neither is a "do more" tip, so the tiers of `tips.py` hold:
no medicine tip contradicts a safety or caution tip. `merge_tips` puts them in their tiers.

Every word is in `data/medicine_tips.toml`.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from types import MappingProxyType
from typing import Any

from tracker.analysis.calendar import DayLike, iso, shift
from tracker.analysis.medicines import (
    AFTER_DAYS,
    BEFORE_DAYS,
    SETTLE_DAYS,
    ChangeComparison,
    compare_changes,
    daily_measures,
)
from tracker.guidance.content import _keep_placeholders, _read_toml
from tracker.guidance.tips import DO_MORE, Tip
from tracker.models import Row
from tracker.words.medicines import change_verdict, confounders_line, day_text
from tracker.words.units import plural

#: A complete comparison is offered as a tip for this many days after its window ends.
READY_TIP_DAYS = 14
#: The progress tips of `tips.py`: the "ready" tip goes after them.
PROGRESS = frozenset({"substantial-change", "meaningful-change"})
RECENT, READY = "med-change-recent", "med-change-ready"


def tip_window_start(today: DayLike) -> str:
    """The first day of pain rows the medicine tips can use: the before window of the oldest
    change a tip can still be about."""
    oldest_change = shift(today, -(SETTLE_DAYS + AFTER_DAYS - 1 + READY_TIP_DAYS))
    return shift(oldest_change, -BEFORE_DAYS)


@functools.cache
def medicine_tip_texts() -> MappingProxyType[str, dict[str, Any]]:
    """Tip id -> its strings from `data/medicine_tips.toml` (placeholders kept, as tips.toml)."""
    return MappingProxyType(
        {
            tip["id"]: {key: _keep_placeholders(value) for key, value in tip.items()}
            for tip in _read_toml("medicine_tips.toml")["tip"]
        }
    )


def _tip(tip_id: str, values: dict[str, object]) -> Tip:
    data = medicine_tip_texts()[tip_id]
    return Tip(
        id=tip_id,
        topic=data["topic"],
        title=data["title"].format(**values),
        text=data["text"].format(**values),
    )


def _what(c: ChangeComparison) -> str:
    template: str = medicine_tip_texts()[RECENT][c["change"]]
    return template.format(name=c["name"])


def recent_tip(c: ChangeComparison) -> Tip | None:
    """The "too soon" tip for a change settling in or collecting its after days."""
    if c["status"] not in ("settling", "collecting") or not c["reachable"]:
        return None
    what = _what(c)
    ago = f"{plural(c['days_since'], 'day')} ago" if c["days_since"] else "today"
    return _tip(
        RECENT,
        {
            "what": what,
            "ago": ago,
            "what_sentence": f"{what} {ago} ({day_text(c['date'])}).",
            "needed": plural(c["rated_needed"], "more rated day"),
            "after_start": day_text(c["after_start"]),
        },
    )


def ready_tip(c: ChangeComparison, today: DayLike) -> Tip | None:
    """The comparison of a change whose after window ended in the last READY_TIP_DAYS days."""
    if c["status"] != "complete" or iso(today) > shift(c["after_end"], READY_TIP_DAYS):
        return None
    what = _what(c)
    return _tip(
        READY,
        {
            "what": what[:1].lower() + what[1:] if c["change"] == "dose" else what,
            "date": day_text(c["date"]),
            "verdict": " ".join(filter(None, (change_verdict(c), confounders_line(c)))),
        },
    )


def medicine_tips(
    medicines: Sequence[Row], changes: Sequence[Row], pain_rows: Iterable[Row], today: DayLike
) -> list[Tip]:
    """The medicine tips now, recent changes first, then ready comparisons, oldest first.

    `pain_rows` need only reach back to `tip_window_start(today)`; older rows change nothing.
    """
    start = shift(tip_window_start(today), BEFORE_DAYS)
    window = [row for row in pain_rows if row["date"] >= tip_window_start(today)]
    found = compare_changes(medicines, changes, daily_measures(window), today=today, start=start)
    recent = [tip for c in found if (tip := recent_tip(c)) is not None]
    ready = [tip for c in found if (tip := ready_tip(c, today)) is not None]
    return recent + ready


def merge_tips(tips: Sequence[Tip], med_tips: Sequence[Tip]) -> list[Tip]:
    """`tips_for`'s tips with the medicine tips in their tiers: the recent-change tips after
    the logging tips (before any do-more or progress tip), the ready ones at the end."""
    recent = [tip for tip in med_tips if tip.id == RECENT]
    ready = [tip for tip in med_tips if tip.id == READY]
    later = DO_MORE | PROGRESS
    cut = next((i for i, tip in enumerate(tips) if tip.id in later), len(tips))
    return [*tips[:cut], *recent, *tips[cut:], *ready]
