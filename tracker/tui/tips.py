"""The tips for the diary as it is now: run inside a store job (a worker thread), no Textual.

The rules and every word of the tips are in `tracker.guidance`; this only feeds them the same
summary `tracker tips` does (all rows, relative to `models.today()`).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from tracker import models
from tracker.analysis import DEFAULT_WEEKLY_TARGET, summarize
from tracker.guidance import Tip, tips_for

if TYPE_CHECKING:
    from tracker.store import Store


def current_tips(store: Store, target: int = DEFAULT_WEEKLY_TARGET) -> list[Tip]:
    """The tips that apply now, most pressing first; call it inside `app.run_store_job`.

    `target` is the weekly aerobic target (the settings' `exercise.weekly_target`).
    """
    return tips_for_rows(store.pain_rows(), store.exercise_rows(), target=target)


def tips_for_rows(
    pain_rows: list[dict],
    exercise_rows: list[dict],
    today: dt.date | None = None,
    *,
    target: int = DEFAULT_WEEKLY_TARGET,
    baseline_from: str | None = None,
    since: str | None = None,
) -> list[Tip]:
    """The same, from rows already read (the trends job reads them once for both).

    `since`: the rows are a bounded window (`data.bounded_rows`) holding every entry from that
    day on, at least 6 weeks before today. The summary's period then starts there, so its
    weekly figures cover the window rather than every week since the diary began (a cost that
    grew with the years); the tips read none of the period's figures but two, whether any day
    is logged and the first logged day, which are taken here over every row given, as the
    whole history gives them (tests hold the tips equal to `tracker tips`'s).
    """
    day = today or models.today()
    summary = summarize(
        pain_rows,
        exercise_rows,
        today=day,
        start=since,
        weekly_target=target,
        baseline_from=baseline_from,
    )
    if since is not None:
        last = summary["today"]
        pain_days = {row["date"] for row in pain_rows if row["date"] <= last}
        logged = [row["date"] for row in (*pain_rows, *exercise_rows) if row["date"] <= last]
        summary["days_logged"] = len(pain_days)
        summary["first_day"] = min(logged, default=None)
    return tips_for(summary)
