"""The Excel workbook export: every table and the data dictionary in one .xlsx file.

Where the CSV is text a spreadsheet has to guess at, the workbook's cells are typed, so nothing
depends on the reader's locale or import settings:
- dates are dates and `logged_at` a date and time (local, as logged), shown as ISO 8601;
- numbers are numbers (3.5 stays 3.5 in a German locale; the daily means rounded to 2
  decimals, as in the CSV); an empty cell where nothing was logged, never 0;
- text is text: every text cell is stored as a string (data type "s"), so `=1+1` is shown as
  typed and never run, with no `'` in front (the CSV's formula guard is not needed here).
One sheet per table (`daily`, then one per registered kind, `tracker.kinds.KINDS`), then the
`dictionary` sheet; each sheet's header row is bold and frozen, and its columns have widths
fitted to what they hold.

Bounded memory: openpyxl's write-only mode streams each sheet's rows off the store's cursors
to a temporary file and zips them on save; nothing the size of the history is built. Ten years
of the sample history (12,300 rows) took about 4 s and 37 MB on a loaded 2-core machine; the
daily sheet's aggregation (shared with the CSV) is what grows with the span.
openpyxl (about 200 ms of CPU to import, bytecode compiled) loads only here, when a workbook
is written.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from typing import IO, TYPE_CHECKING, Any

from tracker.exchange.cells import LIST_SEPARATOR, restore
from tracker.exchange.csv_export import DAILY_COLUMNS, _daily_rows
from tracker.exchange.dictionary import SELF_REPORTED
from tracker.exchange.dictionary import TABLES as DICTIONARY
from tracker.kinds import KINDS, kind_named
from tracker.safe_files import atomic_output
from tracker.store import Store, StoreError
from tracker.store import exchange as sql

if TYPE_CHECKING:
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

SUFFIX = ".xlsx"
DICTIONARY_SHEET = "dictionary"
DICTIONARY_COLUMNS = ("table", "column", "meaning", "unit or scale", "standard")
#: What the dictionary sheet says about the workbook itself, before the columns.
WORKBOOK_NOTES = (
    "One sheet per table (daily, then one per kind of entry) and this dictionary; the first "
    "row of each sheet names its columns, in the same order as the CSV export's.",
    "Cells are typed: dates are dates, logged_at is a local date and time, numbers are "
    "numbers, text is text (never run as a formula, and shown without a leading ').",
    "An empty cell means nothing was logged, never zero. Daily means are rounded to 2 decimals.",
    f"Lists in one cell are separated by '{LIST_SEPARATOR}'.",
    SELF_REPORTED,
)
#: Column widths in characters: by name, else by what the column holds.
WIDTHS = {"date": 12, "logged_at": 20, "note": 60, "meaning": 70, "unit or scale": 50}
TEXT_WIDTH = 30
NUMBER_WIDTH = 9
#: Daily columns that hold numbers (the rest: the date, and the symptom and activity lists).
DAILY_NUMBERS = frozenset(DAILY_COLUMNS) - {"date", "symptoms", "activities"}
#: Characters XML 1.0 cannot hold (C0 controls but tab, line feed and carriage return).
#: tracker refuses them on every way in, so only a damaged diary has them.
_UNWRITABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
#: Text openpyxl would not store as a string by itself: its error codes (openpyxl.cell.cell).
_NOT_TEXT = frozenset(("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"))


def names_workbook(path: str | os.PathLike[str]) -> bool:
    """True when a file name asks for a workbook: it ends in .xlsx (any case)."""
    return os.fspath(path).lower().endswith(SUFFIX)


def default_filename(day: str) -> str:
    """The suggested file name for a workbook made on `day` (ISO): tracker-export-DAY.xlsx."""
    return f"tracker-export-{day}{SUFFIX}"


def export_workbook(
    store: Store,
    path: str | os.PathLike[str],
    start: str | None = None,
    end: str | None = None,
    *,
    force: bool = False,
) -> dict[str, int]:
    """Write every table to the workbook `path`; returns table -> number of data rows.

    Through `safe_files.atomic_output`, like every file tracker writes: a temporary file in the
    same folder, fsynced, renamed into place only when complete; 0600; never onto the diary or
    any SQLite file; an existing file only with `force` (OutputExists otherwise).
    """
    with atomic_output(path, force=force, binary=True, protect=[store.path]) as out:
        return write_workbook(store, out, start, end)


def write_workbook(
    store: Store, out: IO[bytes], start: str | None = None, end: str | None = None
) -> dict[str, int]:
    """Write the workbook to the binary stream `out` (a file, or standard output).

    `start`/`end` are ISO days (None = open), as for the CSV: the entry sheets hold the
    entries of the range, the daily sheet every calendar day of it.
    """
    from openpyxl import Workbook  # about 200 ms: only when a workbook is written

    book = Workbook(write_only=True)
    try:
        counts = {"daily": _fill(book, "daily", DAILY_COLUMNS, _daily(store, start, end))}
        for name, of in KINDS.items():
            counts[name] = _fill(book, name, of.columns, _entries(store, name, start, end))
        _fill(book, DICTIONARY_SHEET, DICTIONARY_COLUMNS, _dictionary_rows())
        book.save(out)  # zips the sheets and removes their temporary files
    except BaseException:
        _discard(book)
        raise
    return counts


def _discard(book: Any) -> None:
    """Remove the sheets' temporary files after a failed write (a damaged row, Ctrl-C).

    Write-only openpyxl streams each sheet to a temporary file (0600, in the system's
    temporary folder) and removes it on save; unsaved, it would stay until the process ends,
    which in the app is hours. `_writer` is openpyxl's own (3.1): best effort.
    """
    for sheet in book.worksheets:
        writer = getattr(sheet, "_writer", None)
        if writer is None:
            continue
        with contextlib.suppress(Exception):
            sheet.close()  # ends the sheet's XML stream, so nothing writes to the file later
        with contextlib.suppress(Exception):
            writer.cleanup()


def describe(counts: dict[str, int], path: str | os.PathLike[str]) -> str:
    """What was written, in one line (the CLI and the export dialog say the same)."""
    rows = ", ".join(f"{count} {table}" for table, count in counts.items())
    return f"Wrote a workbook to {os.fspath(path)}: {rows} rows, and the data dictionary"


def _fill(book: Any, title: str, columns: Iterable[str], rows: Iterator[list[Any]]) -> int:
    """A new sheet: a bold frozen header, fitted widths, then `rows`; returns their number."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    sheet = book.create_sheet(title)
    columns = list(columns)
    for number, name in enumerate(columns, 1):
        sheet.column_dimensions[get_column_letter(number)].width = _width(title, name)
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for name in columns:
        cell = WriteOnlyCell(sheet, value=name)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    count = 0
    for row in rows:
        sheet.append([_cell(sheet, value) for value in row])
        count += 1
    return count


def _width(table: str, column: str) -> int:
    if column in WIDTHS:
        return WIDTHS[column]
    if table == DICTIONARY_SHEET:
        return TEXT_WIDTH if column == "standard" else len(column) + 10
    texts = {"symptoms", "activities", *(KINDS[table].text if table in KINDS else ())}
    return TEXT_WIDTH if column in texts else max(len(column) + 2, NUMBER_WIDTH)


def _cell(sheet: WriteOnlyWorksheet, value: object) -> object:
    """A value as openpyxl should store it: text always as a string (data type "s")."""
    if not isinstance(value, str) or (value[:1] != "=" and value not in _NOT_TEXT):
        return value  # numbers, dates, None, and text openpyxl already stores as a string
    from openpyxl.cell import WriteOnlyCell

    # openpyxl would store "=..." as a formula and "#N/A" as an error: say it is text.
    cell = WriteOnlyCell(sheet, value=value)
    cell.data_type = "s"
    return cell


def _entries(store: Store, kind: str, start: str | None, end: str | None) -> Iterator[list[Any]]:
    """The kind's rows as stored, typed: word lists '; '-separated, text verbatim."""
    of = kind_named(kind)
    date_at = of.columns.index("date")
    stamp_at = of.columns.index("logged_at")
    lists_at = [of.columns.index(name) for name in of.word_lists]
    if not of.ranged:  # every medicine, whatever the range: the other sheets refer to them
        start = end = None
    for raw in sql.entry_cursor(store, kind, start, end):
        row = list(raw)
        row[date_at] = _day(row[date_at])
        row[stamp_at] = _stamp(row[stamp_at])
        for i in lists_at:
            if row[i]:
                row[i] = row[i].replace(",", LIST_SEPARATOR)
        yield _checked(kind, row[0], row)


def _daily(store: Store, start: str | None, end: str | None) -> Iterator[list[Any]]:
    """The CSV's daily rows (the one daily aggregation, in csv_export) as typed cells: its
    text cells turned back into numbers, dates and text, the exact inverse of `cells.number`
    and `cells.neutralise`, so the workbook shows the CSV's very numbers."""
    kinds = [
        _day if name == "date" else _number if name in DAILY_NUMBERS else _text
        for name in DAILY_COLUMNS
    ]
    for row in _daily_rows(store, start, end):
        typed = [convert(value) for convert, value in zip(kinds, row, strict=True)]
        yield _checked("daily", row[0], typed)


def _checked(table: str, name: object, row: list[Any]) -> list[Any]:
    """The row, or StoreError naming it when a text cell cannot go into a workbook."""
    for value in row:
        if isinstance(value, str) and _UNWRITABLE.search(value):
            what = f"{table} row {name}" if table in KINDS else f"the daily row of {name}"
            raise StoreError(
                f"{what} holds a control character, which a workbook cannot hold "
                "(`tracker check` names damaged rows; the CSV export writes it as it is)"
            )
    return row


def _day(value: object) -> object:
    """An ISO day as a date; anything else (a damaged value) as it is stored."""
    try:
        return date.fromisoformat(value) if isinstance(value, str) else value
    except ValueError:
        return value


def _stamp(value: object) -> object:
    """An ISO local date and time as a datetime; with an offset, or damaged, as stored text
    (a workbook cell has no time zone)."""
    try:
        stamp = datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return value
    return value if stamp is None or stamp.tzinfo is not None else stamp


def _number(text: str) -> int | float | None:
    """A CSV number cell (`cells.number`) back as a number: "" -> None, "4" -> 4, "4.5" -> 4.5."""
    if text == "":
        return None
    return float(text) if "." in text else int(text)


def _text(text: str) -> str | None:
    """A CSV text cell back as typed: "" -> empty cell, the formula guard's `'` off."""
    return restore(text) if text else None


def _dictionary_rows() -> Iterator[list[Any]]:
    """The workbook notes, then every table's columns: table, column, meaning, unit, standard."""
    for note in WORKBOOK_NOTES:
        yield ["workbook", None, note, None, None]
    for table, (row_is, columns) in DICTIONARY.items():
        yield [table, None, f"Sheet {table}: {row_is}.", None, None]
        for column, info in columns.items():
            yield [table, column, info.meaning, info.unit, info.standard or None]
