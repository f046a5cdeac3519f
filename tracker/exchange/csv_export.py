"""CSV export: the daily summary, the pain entries or the exercise sessions, for the doctor.

The format (a contract; `tracker export --dictionary` explains every column):
- UTF-8, comma-separated, a header row, RFC 4180 quoting (csv.writer, QUOTE_MINIMAL) and
  CRLF line ends (RFC 4180; Excel, LibreOffice, pandas and python's csv read them as they are).
  Files start with a UTF-8 byte order mark so Excel opens accents and non-Latin text correctly
  on a double-click; standard output gets none (pipes). Import accepts both.
- ISO 8601 dates (YYYY-MM-DD) and times (YYYY-MM-DDTHH:MM:SS).
- Numbers plain: whole numbers without ".0", others rounded to 2 decimals without trailing
  zeros (4.5, 4.33); an empty cell where nothing was logged, never 0.
- Lists in one cell separated by "; " (symptoms, activities).
- Text that a spreadsheet would run as a formula gets a leading `'` (see `cells`).
Rows stream off a sqlite3 cursor into the writer: nothing the size of the history is built.
"""

from __future__ import annotations

import csv
import itertools
import os
from collections.abc import Iterable, Iterator
from itertools import groupby
from typing import IO, Any

from tracker.exchange.cells import SUSPECT_FIRST, join_list, neutralise, number
from tracker.kinds import KINDS, kind_named
from tracker.models import SYMPTOMS, amount_text
from tracker.safe_files import atomic_output
from tracker.store import Store
from tracker.store import exchange as sql

DAILY_COLUMNS = (
    "date",
    "pain_avg",
    "pain_worst",
    "pain_least",
    "sleep_interference",
    "peg",
    "symptoms",
    "exercise_minutes",
    "sessions",
    "activities",
    "doses_taken",
    "as_needed_doses",
)
#: Table name -> its columns, in order (a contract: scripts read these by position too).
TABLES: dict[str, tuple[str, ...]] = {
    "daily": DAILY_COLUMNS,
    **{name: of.columns for name, of in KINDS.items()},
}
LINE_END = "\r\n"
#: Files: UTF-8 with a byte-order mark. Without one, Excel (on a double-click) and LibreOffice
#: (its default import) read the file as Windows-1252: "café" shows as "cafÃ©". Programs
#: open it with "utf-8-sig" to drop the mark (tracker import does; plain "utf-8" in python's
#: csv module would read the first header as "\ufeffdate").
#: Standard output gets no mark (`write_table` on a stream): a pipe's reader expects plain UTF-8.
FILE_ENCODING = "utf-8-sig"
_SYMPTOM_ORDER = {name: i for i, name in enumerate(SYMPTOMS)}


def write_table(
    store: Store, table: str, out: IO[str], start: str | None = None, end: str | None = None
) -> int:
    """Write one table as CSV to the text stream `out`; returns the number of data rows.

    `start`/`end` are ISO days (None = open). The entry tables hold the entries of the range;
    the daily table has a row for every calendar day of the range, which defaults to the
    first and last logged day. `out` should be opened with newline="".
    """
    if table not in TABLES:
        raise ValueError(f"unknown table {table!r}; expected one of {', '.join(TABLES)}")
    writer = csv.writer(out, lineterminator=LINE_END)
    writer.writerow(TABLES[table])
    rows = (
        _daily_rows(store, start, end)
        if table == "daily"
        else _entry_rows(store, table, start, end)
    )
    # One writerows call (about 5% faster than a writerow per row); zip stops on the rows
    # before it draws from the counter, so the counter's next value is the row count.
    counter = itertools.count()
    writer.writerows(row for row, _ in zip(rows, counter, strict=False))
    return next(counter)


def export_file(
    store: Store,
    table: str,
    path: str | os.PathLike[str],
    start: str | None = None,
    end: str | None = None,
    *,
    force: bool = False,
) -> int:
    """Write one table to the file `path` (UTF-8 with a BOM); returns the number of data rows.

    Through `safe_files.atomic_output`: a temporary file in the same folder, fsynced, renamed
    into place only when complete; 0600; never onto the diary or any SQLite file; an existing
    file only with `force` (OutputExists otherwise).
    """
    with atomic_output(path, force=force, encoding=FILE_ENCODING, protect=[store.path]) as out:
        return write_table(store, table, out, start, end)


def default_filename(table: str, day: str) -> str:
    """The suggested file name for an export made on `day` (ISO): tracker-export-DAY-TABLE.csv."""
    return f"tracker-export-{day}-{table}.csv"


def _entry_rows(store: Store, kind: str, start: str | None, end: str | None) -> Iterator[list[Any]]:
    """The kind's rows as stored; word lists '; '-separated, free text (the only cells that can
    start like a formula: ids and scores are integers, dates validated ISO) neutralised,
    decimals plain (75, not 75.0). A kind that is not `ranged` (medicine) is written whole."""
    of = kind_named(kind)
    text_at = [of.columns.index(name) for name in of.text]
    lists_at = [of.columns.index(name) for name in of.word_lists]
    decimals_at = [of.columns.index(name) for name in of.decimals]
    if not of.ranged:
        start = end = None
    for raw in sql.entry_cursor(store, kind, start, end):
        row = list(raw)
        for i in decimals_at:
            if isinstance(row[i], float):
                row[i] = amount_text(row[i])
        for i in lists_at:
            if row[i]:
                row[i] = row[i].replace(",", "; ")
        for i in text_at:
            value = row[i]
            if value and value[0] in SUSPECT_FIRST:
                row[i] = neutralise(value)
        yield row


def _daily_rows(store: Store, start: str | None, end: str | None) -> Iterator[list[Any]]:
    """One row per calendar day, from the analysis daily series joined with symptoms and
    exercise by day (three cursors walked in date order, side by side)."""
    first, last = _daily_range(store, start, end)
    if first is None or first > last:
        return
    from tracker.analysis import daily_series

    series = daily_series(sql.daily_pain_rows(store, first, last), first, last)
    symptoms = _by_day(sql.symptom_days(store, first, last))
    exercise = _by_day(sql.exercise_days(store, first, last))
    doses = sql.dose_days(store, first, last)
    next_symptoms, next_exercise = next(symptoms, None), next(exercise, None)
    next_doses = next(doses, None)
    for day in series:
        date = day["date"]
        day_symptoms = day_sessions = None
        day_doses: tuple[Any, ...] = (date, 0, 0)
        if next_symptoms and next_symptoms[0] == date:
            day_symptoms, next_symptoms = next_symptoms[1], next(symptoms, None)
        if next_exercise and next_exercise[0] == date:
            day_sessions, next_exercise = next_exercise[1], next(exercise, None)
        while next_doses and next_doses[0] < date:  # a damaged date cannot stall the walk
            next_doses = next(doses, None)
        if next_doses and next_doses[0] == date:
            day_doses, next_doses = next_doses, next(doses, None)
        yield [*_daily_row(day, day_symptoms, day_sessions), *_dose_cells(day_doses)]


def _daily_range(store: Store, start: str | None, end: str | None) -> tuple[str | None, str]:
    if start is not None and end is not None:
        return start, end
    span = store.date_span()
    if span is None:
        return None, ""
    return start or span[0], end or span[1]


def _by_day(cursor: Iterable[tuple[Any, ...]]) -> Iterator[tuple[str, list[tuple[Any, ...]]]]:
    """(date, [rows of that date]) from a cursor ordered by date, one day at a time."""
    for date, rows in groupby(cursor, key=lambda row: row[0]):
        yield date, list(rows)


def _daily_row(
    day: dict[str, Any], symptom_rows: list[Any] | None, sessions: list[Any] | None
) -> list[Any]:
    activities: list[str] = []
    for _, _, activity in sessions or ():
        if activity not in activities:
            activities.append(activity)
    return [
        day["date"],
        number(day["average"]),
        number(day["worst"]),
        number(day["least"]),
        number(day["sleep_interference"]),
        number(day["peg"]),
        join_list(_symptom_union(symptom_rows or ())),
        number(sum(row[1] for row in sessions)) if sessions else "",
        number(len(sessions)) if sessions else "",
        neutralise(join_list(activities)),
    ]


def _dose_cells(day: tuple[Any, ...]) -> list[str]:
    """doses_taken and as_needed_doses: counts, empty where none was taken."""
    return [number(day[1]) if day[1] else "", number(day[2]) if day[2] else ""]


def _symptom_union(rows: Iterable[tuple[Any, ...]]) -> list[str]:
    """Every symptom named that day, once, in vocabulary order (unknown words last)."""
    names = {name for _, stored in rows for name in stored.split(",") if name}
    return sorted(names, key=lambda name: (_SYMPTOM_ORDER.get(name, len(SYMPTOMS)), name))
