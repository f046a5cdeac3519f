"""The bounded reads: what a view of a window needs from the store, never the whole history.

Every figure about "now" (the tips, the dashboard) looks at most WINDOW_DAYS back, and every
figure about a period looks at most LEAD_IN_DAYS before its first day; beyond those, only a
little state matters, and each piece is one indexed query:
- the baseline's rows: the first 14 rated days from its start (`analysis.change`), and with
  `measures` the same for the PEG and each interference item (`analysis.interference`);
- the first and the last day of each kind (the diary's first day decides which weeks are
  complete and which days count as missed; the last says how long ago anything was logged).

`summarize` over these rows gives the same numbers as over every row, for the keys about
today and for a period given by its first day (tests/unit/test_window_reads.py holds the two
equal on long generated diaries, left alone for months or with a baseline set by
`analysis.baseline_from`). A period with no first day (`tracker stats`, the report's default)
is the whole diary, and reads everything.

Rows are merged whole days at a time, so every day's mean is the mean of all its entries.
Used by `tracker tips`, `tracker plot`, the report and the app's dashboard.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from tracker.analysis.calendar import DayLike, iso, shift
from tracker.analysis.change import BASELINE_DAYS
from tracker.analysis.interference import ITEMS
from tracker.models import DAYS_AHEAD, Row

if TYPE_CHECKING:
    from tracker.store import Store

#: Days read back from today: every tip rule looks at most 14 days back, plus the 27 days
#: before an exercise day that the flare rule takes its usual level from, and the day before
#: those (did it follow a session?).
WINDOW_DAYS = 42
#: Days read before a period's first day, for the same reason (flares and their usual level).
LEAD_IN_DAYS = WINDOW_DAYS
#: The kinds the analysis reads.
KINDS_READ = ("pain", "exercise")
#: The columns a PEG needs (with `average`, which every entry has).
PEG_COLUMNS = ("activity_interference", "enjoyment_interference")


def window_rows(
    store: Store,
    today: DayLike,
    *,
    start: DayLike | None = None,
    end: DayLike | None = None,
    baseline_from: str | None = None,
    measures: bool = False,
) -> tuple[list[Row], list[Row]]:
    """(pain rows, exercise rows) enough for `summarize(..., today=today, start=start, end=end,
    baseline_from=baseline_from)`: the last WINDOW_DAYS to `today` (and a day ahead), the
    period start-LEAD_IN_DAYS..end+1 when `start` is given, the baselines and the edge days.
    `measures`: also the PEG's and the interference items' baselines (the report shows them)."""
    today_iso = iso(today) or ""
    spans = [(shift(today_iso, -(WINDOW_DAYS - 1)), shift(today_iso, DAYS_AHEAD))]
    start_iso = iso(start)
    if start_iso is not None:
        last = iso(end) or today_iso
        spans.append((shift(start_iso, -LEAD_IN_DAYS), shift(last, 1)))
    groups: dict[str, list[Iterable[Row]]] = {name: [] for name in KINDS_READ}
    for name in KINDS_READ:
        groups[name] += [store.rows(name, first, last) for first, last in spans]
        groups[name].append(store.edge_rows(name))
    groups["pain"].append(store.first_rated_days(BASELINE_DAYS, baseline_from))
    if measures:
        for having in (PEG_COLUMNS, *((column,) for column in ITEMS.values())):
            groups["pain"].append(store.first_rated_days(BASELINE_DAYS, baseline_from, having))
    merged = {name: merge(*rows) for name, rows in groups.items()}
    return merged["pain"], merged["exercise"]


def dashboard_rows(
    store: Store, today: str, baseline_from: str | None = None
) -> tuple[list[Row], list[Row]]:
    """The window the dashboard and `tracker tips` read: what the figures about `today` need."""
    return window_rows(store, today, baseline_from=baseline_from)


def merge(*groups: Iterable[Row | None]) -> list[Row]:
    """Rows from several reads, each once, in the store's order (day, time of logging, id)."""
    rows = {row["id"]: row for group in groups for row in group if row is not None}
    return sorted(rows.values(), key=lambda row: (row["date"], row["logged_at"], row["id"]))
