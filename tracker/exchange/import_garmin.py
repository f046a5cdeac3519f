"""Garmin Connect's "Export CSV" of the activities list -> `Activity` records.

See ../shared/formats.md. Garmin writes in the account's locale, so:
- the start is local time without an offset: `Date` ("2025-02-06 17:06:03"); older exports
  call the column `Start Time` (or `Begin Timestamp`) and write US dates, month first
  ("7/4/2020 15:36"); a dotted date ("04.07.2020 15:36") is day first;
- durations are `HH:MM:SS` (`Elapsed Time`, else `Time`), possibly with decimal seconds
  written with a comma ("00:45:12,3"), or plain seconds in the locale's number format;
- numbers may use decimal commas ("7,00") and thousands separators ("1,024"): `number`
  reads both; `--` (or an empty cell) means no value.
Taken: Activity Type, the start, the elapsed time, Title (verbatim). Garmin's CSV has no
activity id: the source id is the start as written plus the type, so the same activity in an
overlapping export is found again. Not taken: distance, calories, heart rate, training
effect (not an effort score on a 1-10 scale), everything else.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

from tracker.exchange.import_records import Activity, Found, Skipped, csv_records

#: Names of the start column, newest export first.
DATE_COLUMNS = ("Date", "Start Time", "Begin Timestamp", "Start")
#: Names of the duration column, preferred first.
TIME_COLUMNS = ("Elapsed Time", "Time", "Duration")
MISSING = ("", "--")
DATE_FORMATS = (
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%m/%d/%Y %H:%M:%S",
    "%m/%d/%Y %H:%M",
    "%m/%d/%Y %I:%M %p",
    "%m/%d/%Y %I:%M:%S %p",
    "%d.%m.%Y %H:%M:%S",
    "%d.%m.%Y %H:%M",
    "%a, %d %b %Y %H:%M",
)


def is_garmin(header: list[str]) -> bool:
    names = {cell.strip() for cell in header}
    return (
        "Activity Type" in names
        and "Activity ID" not in names
        and any(name in names for name in DATE_COLUMNS)
        and any(name in names for name in (*TIME_COLUMNS, "Title"))
    )


def read(path: Path) -> Iterator[Found]:
    """Every row of a Garmin activities CSV as an Activity, or Skipped naming its line."""
    for columns, line, record in csv_records(path, _columns):
        yield _activity(record, columns, line)


def _columns(header: list[str]) -> dict[str, int]:
    """Column name -> its position; a repeated name is read from its first column."""
    names = [cell.strip() for cell in header]
    return {name: names.index(name) for name in reversed(names)}


def _first(record: list[str], columns: dict[str, int], names: tuple[str, ...]) -> tuple[str, str]:
    """(column name, cell) of the first of `names` with a value; ('', '') if none has one."""
    for name in names:
        i = columns.get(name)
        if i is not None and i < len(record) and record[i].strip() not in MISSING:
            return name, record[i].strip()
    return "", ""


def _activity(record: list[str], columns: dict[str, int], place: str) -> Found:
    kind = _first(record, columns, ("Activity Type",))[1]
    date_name, raw_date = _first(record, columns, DATE_COLUMNS)
    if not raw_date:
        return Skipped(place, "no start date")
    start = parse_date(raw_date)
    if start is None:
        return Skipped(place, f"{date_name} {raw_date!r} is not a date and time Garmin writes")
    time_name, raw_time = _first(record, columns, TIME_COLUMNS)
    seconds = duration(raw_time) if raw_time else None
    if raw_time and seconds is None:
        return Skipped(place, f"{time_name} {raw_time!r} is not a duration (HH:MM:SS)")
    return Activity(
        source="garmin",
        source_id=f"{start.isoformat()} {kind}",
        kind=kind,
        start=start,
        seconds=seconds,
        where=place,
        title=_first(record, columns, ("Title",))[1] or None,
    )


def parse_date(raw: str) -> dt.datetime | None:
    """A Garmin start in local time (naive datetime), or None if unreadable."""
    for fmt in DATE_FORMATS:
        try:
            return dt.datetime.strptime(raw, fmt)
        except ValueError:
            continue
    return None


def duration(raw: str) -> float | None:
    """'1:02:03', '45:12', '00:45:12,3' or plain seconds ('2.712,5') -> seconds; None if not."""
    if raw.strip() in MISSING:
        return None
    parts = raw.strip().split(":")
    if len(parts) == 1:
        return number(parts[0])
    if len(parts) > 3 or not all(re.fullmatch(r"\d+", part) for part in parts[:-1]):
        return None
    last = number(parts[-1])
    if last is None:
        return None
    total = 0.0
    for part in parts[:-1]:
        total = total * 60 + int(part)
    return total * 60 + last


def number(raw: str) -> float | None:
    """A number in any common locale: '7,00' 7.0; '1,024' 1024; '1.234,5' 1234.5; '--' None.

    A lone comma followed by exactly three digits is a thousands separator ("1,024"); any
    other lone comma is a decimal comma ("7,00", "12,5"). With both marks, the last one is
    the decimal mark. Spaces (also narrow no-break) group thousands.
    """
    text = re.sub(r"[\s\u00a0\u202f']", "", raw.strip())
    if text in MISSING or not re.fullmatch(r"-?[\d.,]*\d[\d.,]*", text):
        return None  # also "nan", "inf", "1e5": not how Garmin writes a number
    if "," in text and "." in text:
        decimal = "," if text.rindex(",") > text.rindex(".") else "."
        text = text.replace("." if decimal == "," else ",", "").replace(",", ".")
    elif text.count(",") == 1 and not re.fullmatch(r"-?\d{1,3},\d{3}", text):
        text = text.replace(",", ".")
    else:
        text = text.replace(",", "")
    try:
        return float(text)
    except ValueError:
        return None
