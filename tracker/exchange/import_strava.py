"""Strava's bulk export `activities.csv` -> `Activity` records (see ../shared/formats.md).

- The header repeats names (`Elapsed Time`, `Distance`, ...): columns are found by the FIRST
  cell of each name; a second `Elapsed Time` is used only where the first is empty.
- `Activity Date` ("Oct 7, 2020, 2:43:11 PM") is UTC: read as UTC, turned into a local day
  later (`import_sessions`, `--tz`).
- Taken: Activity ID (the source id), Activity Date, Activity Type, Activity Name (the title,
  verbatim), Elapsed Time (seconds), Perceived Exertion (Strava's 1-10 effort, often empty).
  Not taken: distances, speeds, heart rate, the description, gear, media, everything else.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

from tracker.exchange.import_records import Activity, Found, Skipped, csv_records, effort_score

#: The columns that make a file Strava's (`import_sniff` checks them in the header).
SIGNATURE = ("Activity ID", "Activity Date", "Activity Type", "Elapsed Time")
DATE_FORMATS = ("%b %d, %Y, %I:%M:%S %p", "%b %d, %Y, %H:%M:%S", "%d %b %Y, %H:%M:%S")


def is_strava(header: list[str]) -> bool:
    names = {cell.strip() for cell in header}
    return all(name in names for name in SIGNATURE)


def positions(header: list[str]) -> dict[str, list[int]]:
    """Column name -> every position it has (first first): the header repeats names."""
    found: dict[str, list[int]] = {}
    for i, cell in enumerate(header):
        found.setdefault(cell.strip(), []).append(i)
    return found


def read(path: Path) -> Iterator[Found]:
    """Every row of an activities.csv as an Activity, or Skipped naming its line."""
    for where, line, record in csv_records(path, positions):
        yield _activity(record, where, line)


def _cell(record: list[str], where: dict[str, list[int]], name: str) -> str:
    """The first non-empty cell of the columns called `name` ('' if none)."""
    for i in where.get(name, []):
        if i < len(record) and record[i].strip():
            return record[i].strip()
    return ""


def _activity(record: list[str], where: dict[str, list[int]], place: str) -> Found:
    activity_id = _cell(record, where, "Activity ID")
    if not activity_id:
        return Skipped(place, "no Activity ID")
    raw_date = _cell(record, where, "Activity Date")
    start = parse_date(raw_date)
    if start is None:
        return Skipped(
            place, f"Activity Date {raw_date!r} is not a date such as 'Oct 7, 2020, 2:43:11 PM'"
        )
    raw_seconds = _cell(record, where, "Elapsed Time")
    try:
        seconds = float(raw_seconds) if raw_seconds else None
    except ValueError:
        return Skipped(place, f"Elapsed Time {raw_seconds!r} is not a number of seconds")
    try:
        effort = effort_score(_cell(record, where, "Perceived Exertion"))
    except ValueError as exc:
        return Skipped(place, f"Perceived Exertion: {exc}")
    return Activity(
        source="strava",
        source_id=activity_id,
        kind=_cell(record, where, "Activity Type"),
        start=start,
        seconds=seconds,
        where=place,
        title=_cell(record, where, "Activity Name") or None,
        effort=effort,
        effort_from="Strava",
    )


def parse_date(raw: str) -> dt.datetime | None:
    """'Oct 7, 2020, 2:43:11 PM' (UTC) -> an aware datetime in UTC; None if unreadable."""
    for fmt in DATE_FORMATS:
        try:
            return dt.datetime.strptime(raw, fmt).replace(tzinfo=dt.UTC)
        except ValueError:
            continue
    try:
        parsed = dt.datetime.fromisoformat(raw)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)
