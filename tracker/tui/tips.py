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

    `since`: the rows hold every entry from that day on, at least the last WINDOW_DAYS (a
    bounded window, `analysis.window`). The summary's period then starts there, as `tracker
    tips`'s does: the tips read only figures about today, and the period's weekly figures
    then cover the window rather than every week since the diary began (a cost that grew with
    the years). Tests hold the tips equal to those of every row.
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
    return tips_for(summary)
