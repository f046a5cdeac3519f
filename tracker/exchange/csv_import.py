"""CSV import: a table of one kind in the export's format back into the diary.

Reading
- The kind is recognised from the header (pain has `average`, exercise has `activity` and
  `minutes`, medicine `name`, med_change `change`, dose `status`, side_effect `bother`:
  the columns only that kind has, `tracker.kinds`); column order is free, extra columns
  are ignored, names are matched without regard to case or surrounding spaces. UTF-8 with
  or without a byte-order mark (Excel's "CSV UTF-8"); a semicolon-separated file
  (European Excel) is refused, saying so.
- Every row goes through its kind's validator (`tracker.kinds`); the first problem
  stops the import with its line and field ("line 7, average: must be from 0 to 10, not 11").
- An empty `logged_at` becomes midnight of the row's `date` (so a second import matches).
  A `logged_at` keeps its UTC offset, and one without an offset stays without (the writer's
  local time), so export, import, export gives the same stamps (`models.parse_logged_at`).
- Text neutralised by export (a leading `'` before a formula start) is restored exactly.

Ids (the `id` column is optional; two rows are "identical" when they agree in every column
but the id)
- A row whose id is in the diary with identical values is skipped: it is already there.
- A row whose id is in the diary with other values is a conflict: the import is refused,
  naming the line, the id and the columns that differ. With `update` (`import --update`)
  the stored entry takes the file's values in every column, `date` and `logged_at`
  included, and keeps its id: the user edited the file, so the file is the newer word.
- A row whose id is not in the diary (deleted, or from another diary) is added under that
  id, which is free. Keeping it (rather than drawing a new one) makes importing the same
  export twice a no-op: a new id would be some other row's old id, and the second import
  would find a false conflict there.
- The same id on two rows of one file is refused.
- References (`medicine_id` in med_change, dose and side_effect) are kept as they are, so
  they need the medicine table imported first, with its ids: a row naming a medicine the
  diary does not have stops the import with its line. A medicine whose name another stored
  medicine has (whatever the case) is refused the same way.
- A row without an id (an empty cell, or no id column) is added unless an identical entry
  is in the diary, counted as a multiset: a file holding the same entry twice adds a second
  copy only if the diary has fewer than two. Never a silent duplicate.

Streaming, with bounded memory
1. `check_file` reads the whole file and validates every row, keeping nothing but a count:
   a bad row stops the import before the database is even opened.
2. `import_checked` reads it again inside ONE transaction, `BATCH` rows at a time: rows
   with an id (one primary-key query per batch), then rows without (one query per batch on
   the (date, logged_at) index; a third read, only for a file that mixes the two). Which
   stored rows the import has accounted for lives in a TEMP table (`store.exchange.TAKEN`),
   not in Python. Any problem (a conflict, a file changed between the reads) rolls the
   whole import back.
Peak RSS measured with `/usr/bin/time -v` (17.9 MB of it the interpreter and imports): 32 MB
importing 50 MB (451,067 rows, 23 s) and 32 MB importing 200 MB (1,784,194 rows, 96 s); the
importer before this one took 414 MB for the 50 MB file.
"""

from __future__ import annotations

import contextlib
import csv
import itertools
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from tracker.exchange.cells import restore
from tracker.exchange.csv_export import DAILY_COLUMNS
from tracker.kinds import KINDS, kind_named
from tracker.models import ID_MAX, Entry, ValidationError, is_blank
from tracker.problems import UsageProblem
from tracker.store import Store, imported
from tracker.store import exchange as sql

if TYPE_CHECKING:  # annotations only: sqlite3 itself is the store's business
    import sqlite3

T = TypeVar("T")

#: "utf-8-sig" reads UTF-8 with or without a byte-order mark (export and Excel write one).
READ_ENCODING = "utf-8-sig"
#: Rows per database round (one query and one executemany each); 500 keeps a batch's memory
#: small and SQLite's bound parameters (2 per row for the duplicate query) well under limits.
BATCH = 500
#: Columns only one kind has: the header's fingerprint (from the registry, `tracker.kinds`).
_ONLY = {
    name: set(of.columns).difference(*(o.columns for o in KINDS.values() if o is not of))
    for name, of in KINDS.items()
}
_ENTRY_COLUMNS = set().union(*(of.columns for of in KINDS.values()))
_DAILY_ONLY = set(DAILY_COLUMNS) - _ENTRY_COLUMNS
_KNOWN = _ENTRY_COLUMNS | set(DAILY_COLUMNS)


@dataclass
class ImportResult:
    """What an import did: rows read, entries added, entries updated, rows already there."""

    kind: str
    rows: int
    added: int = 0
    updated: int = 0
    skipped: int = 0

    def describe(self, path: str | os.PathLike[str]) -> str:
        """One line for the user: what was imported, updated and skipped."""
        line = f"Imported {kind_named(self.kind).count(self.added)} from {path}"
        if self.updated:
            line += f"; updated {self.updated}"
        if self.skipped:
            line += f"; skipped {self.skipped} already in the diary"
        return line + "."


@dataclass(frozen=True)
class CheckedFile:
    """A file the first pass found valid: its kind and row count, none of its rows."""

    path: Path
    kind: str
    rows: int


def import_file(
    store: Store, path: str | os.PathLike[str], *, update: bool = False
) -> ImportResult:
    """Check the whole CSV at `path`, then import it in one transaction (see the module doc).

    Raises UsageProblem (one line, nothing imported) for a broken file, an invalid row or a
    conflicting id.
    """
    return import_checked(store, check_file(path), update=update)


def check_file(path: str | os.PathLike[str]) -> CheckedFile:
    """The first pass: every row validated, nothing kept, nothing written."""
    path = Path(path)
    with _reading(path) as reading:
        rows = sum(1 for _ in reading.rows)
    return CheckedFile(path, reading.kind, rows)


def import_checked(store: Store, checked: CheckedFile, *, update: bool = False) -> ImportResult:
    """The second pass: the checked file into the diary, in one transaction, in batches."""
    result = ImportResult(checked.kind, 0)
    with store.transaction() as conn, sql.taken_ids(conn):
        if _import_with_ids(conn, checked, update, result):
            _import_without_ids(conn, checked, result)
    result.rows = result.added + result.updated + result.skipped
    return result


# ---- reading --------------------------------------------------------------------------------


@dataclass
class _Reading:
    """An open file: its kind, whether it has an id column, and (line, entry) pairs."""

    kind: str
    has_id: bool
    rows: Iterator[tuple[int, Entry]]


@contextlib.contextmanager
def _reading(path: Path) -> Iterator[_Reading]:
    """The file opened and its header read; decoding and CSV errors become one line."""
    reader = None
    try:
        with open(path, encoding=READ_ENCODING, newline="") as handle:
            reader = csv.reader(handle, strict=True)
            header = next(reader, None)
            if not header or not any(cell.strip() for cell in header):
                raise UsageProblem(f"{path} is empty; expected a header row such as 'date,average'")
            kind, columns = _read_header(header)
            yield _Reading(kind, "id" in columns, _entries(reader, kind, columns, len(header)))
    except UnicodeDecodeError:
        where = f" (after line {reader.line_num})" if reader and reader.line_num > 1 else ""
        raise UsageProblem(
            f"{path} is not UTF-8 text{where}; save it as 'CSV UTF-8' and try again"
        ) from None
    except csv.Error as exc:
        line = reader.line_num if reader else 1
        raise UsageProblem(f"line {line}: not valid CSV ({exc})") from None


def _read_header(header: list[str]) -> tuple[str, dict[str, int]]:
    """The kind and column name -> position, or a UsageProblem saying what is wrong."""
    _refuse_semicolons(header)
    names = [cell.strip().lower() for cell in header]
    duplicates = sorted({name for name in names if name and names.count(name) > 1})
    if duplicates:
        raise UsageProblem(f"line 1: column {duplicates[0]!r} appears more than once")
    kind = _kind(set(names))
    columns = kind_named(kind).columns
    missing = [name for name in kind_named(kind).required if name not in names]
    if missing:
        raise UsageProblem(
            f"line 1: a {kind} CSV needs the column(s) {', '.join(missing)}; "
            f"expected {','.join(columns)}"
        )
    return kind, {name: names.index(name) for name in columns if name in names}


def _refuse_semicolons(header: list[str]) -> None:
    """A header whose cells hold tracker's column names between semicolons: say so."""
    parts = {part.strip().lower() for cell in header if ";" in cell for part in cell.split(";")}
    if parts & _KNOWN:
        raise UsageProblem(
            "line 1: this file is separated by semicolons; tracker reads comma-separated CSV "
            "(export again with commas, or open it in LibreOffice Calc and save it as "
            "Text CSV with ',' as the field delimiter)"
        )


def _kind(names: set[str]) -> str:
    """The one kind whose own columns the header has."""
    matching = [name for name, only in _ONLY.items() if names & only]
    if names & _DAILY_ONLY and not matching:
        tables = " or ".join(f"--table {name}" for name in KINDS)
        raise UsageProblem(
            "line 1: this is the daily summary table, which cannot be imported; "
            f"export with {tables} to move entries"
        )
    if len(matching) == 1:
        return matching[0]
    known = names & _ENTRY_COLUMNS
    if not matching and known:  # only shared columns ("date,name"): the kind they fit best,
        # the one missing fewest of its required columns (a medicine needs fewer than a rating)
        missing = {
            name: len(set(of.required) - names)
            for name, of in KINDS.items()
            if known <= set(of.columns)
        }
        fewest = [name for name, n in missing.items() if n == min(missing.values(), default=0)]
        if len(fewest) == 1:
            return fewest[0]
    if matching:
        raise UsageProblem(
            f"line 1: the header mixes {' and '.join(matching)} columns; import one kind"
        )
    expected = " or ".join(
        f"{'an' if name[0] in 'aeiou' else 'a'} {name} header ({','.join(of.columns)})"
        for name, of in KINDS.items()
    )
    raise UsageProblem(f"line 1: not a tracker CSV; expected {expected}")


def _entries(
    reader: Any, kind: str, columns: dict[str, int], width: int
) -> Iterator[tuple[int, Entry]]:
    """(line, validated entry), one per non-blank record; errors name the record's first line."""
    validate = kind_named(kind).validate
    text = kind_named(kind).text
    previous_end = reader.line_num
    for record in reader:
        line, previous_end = previous_end + 1, reader.line_num
        if not record:
            continue
        if len(record) != width:
            raise UsageProblem(
                f"line {line}: {len(record)} cells where the header has {width} "
                "(a quote left open, or a stray comma?)"
            )
        data = {name: record[i] for name, i in columns.items()}
        for name in text:
            if name in data:
                data[name] = restore(data[name])
        try:
            yield line, validate(_with_times(data))
        except ValidationError as exc:
            raise UsageProblem(f"line {line}, {exc.field}: {exc.message}") from None


def _with_times(data: dict[str, Any]) -> dict[str, Any]:
    """`date` required as given; an empty `logged_at` becomes midnight of `date`.

    Both are then checked by models (`parse_date`, `parse_logged_at`).
    """
    date = data.get("date", "").strip()
    if not date:
        raise ValidationError("date", "is required (YYYY-MM-DD)")
    if is_blank(data.get("logged_at")):
        data["logged_at"] = f"{date}T00:00:00"
    return data


def _same_file(reading: _Reading, checked: CheckedFile) -> None:
    """Refuse a file whose kind changed between the two passes (someone saved over it)."""
    if reading.kind != checked.kind:
        raise UsageProblem(f"{checked.path} changed while it was imported; nothing was imported")


def _batches(items: Iterable[T], size: int = BATCH) -> Iterator[list[T]]:
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


# ---- rows that carry an id ------------------------------------------------------------------


def _import_with_ids(
    conn: sqlite3.Connection, checked: CheckedFile, update: bool, result: ImportResult
) -> bool:
    """Rows with an id, a batch at a time; True when the file has rows without one too."""
    with _reading(checked.path) as reading:
        _same_file(reading, checked)
        if not reading.has_id:
            return True
        without = 0
        for batch in _batches(reading.rows):
            carrying = [(line, entry) for line, entry in batch if entry.id is not None]
            without += len(batch) - len(carrying)
            if carrying:
                _apply_ids(conn, checked.kind, carrying, update, result)
    return without > 0


def _apply_ids(
    conn: sqlite3.Connection,
    kind: str,
    batch: list[tuple[int, Entry]],
    update: bool,
    result: ImportResult,
) -> None:
    """Skip, add, update or refuse each row by what the diary holds under its id."""
    _refuse_repeated_ids(conn, batch)
    sql.take(conn, [(_id(entry), line) for line, entry in batch])
    stored = sql.stored_by_id(conn, kind, [_id(entry) for _, entry in batch])
    new: list[tuple[Any, ...]] = []
    edits: list[tuple[Any, ...]] = []
    for line, entry in batch:
        entry_id, row = _id(entry), sql.identity(kind, entry)
        if entry_id not in stored:
            new.append((entry_id, *row))
        elif not (changes := _differences(kind, stored[entry_id], row)):
            result.skipped += 1
        elif update:
            edits.append((entry_id, *row))
        else:
            raise UsageProblem(_conflict(line, entry_id, changes))
    lines = {_id(entry): line for line, entry in batch}
    _check_links(conn, kind, [(lines[row[0]], row) for row in (*new, *edits)])
    sql.insert_with_ids(conn, kind, new)
    sql.update_by_id(conn, kind, edits)
    result.added += len(new)
    result.updated += len(edits)


def _refuse_repeated_ids(conn: sqlite3.Connection, batch: list[tuple[int, Entry]]) -> None:
    """One id on two rows of the file: which of them is meant cannot be told."""
    first: dict[int, int] = {}
    for line, entry in batch:
        entry_id = _id(entry)
        if entry_id in first:
            raise UsageProblem(_repeated(line, entry_id, first[entry_id]))
        first[entry_id] = line
    earlier = sql.lines_of_taken(conn, list(first))
    for line, entry in batch:
        if _id(entry) in earlier:
            raise UsageProblem(_repeated(line, _id(entry), earlier[_id(entry)]))


def _id(entry: Entry) -> int:
    """The id of an entry from the rows that carry one (the caller kept only those)."""
    assert entry.id is not None
    return entry.id


def _repeated(line: int, entry_id: int, first: int) -> str:
    return f"line {line}: id {entry_id} is on line {first} too; nothing was imported"


def _conflict(line: int, entry_id: int, changes: list[str]) -> str:
    return (
        f"line {line}: id {entry_id} is already in the diary with other values "
        f"({', '.join(changes)}); nothing was imported. Run with --update to apply the "
        "edits, or remove the id column to add the rows as new entries"
    )


def _differences(kind: str, stored: tuple[Any, ...], row: tuple[Any, ...]) -> list[str]:
    """'minutes 30 -> 45' for each changed value; text columns by name only (they can be long)."""
    changes = []
    for name, before, after in zip(sql.IDENTITY_COLUMNS[kind], stored, row, strict=True):
        before, after = _or_none(before), _or_none(after)
        if before == after:
            continue
        if name in kind_named(kind).text:
            changes.append(name)
        else:
            changes.append(f"{name} {_shown(before)} -> {_shown(after)}")
    return changes


def _or_none(value: object) -> object:
    """An empty text and no value are the same thing to a CSV (both an empty cell)."""
    return None if value == "" else value


def _shown(value: object) -> str:
    return "empty" if value is None else str(value)


# ---- rows without an id ---------------------------------------------------------------------


def _import_without_ids(
    conn: sqlite3.Connection, checked: CheckedFile, result: ImportResult
) -> None:
    """Rows without an id: matched against untaken identical entries, else added."""
    with _reading(checked.path) as reading:
        _same_file(reading, checked)
        below = sql.next_id(conn, checked.kind)
        fresh = itertools.count(below)
        entries = ((line, entry) for line, entry in reading.rows if entry.id is None)
        for batch in _batches(entries):
            _add_or_skip(conn, checked.kind, batch, below, fresh, result)


def _add_or_skip(
    conn: sqlite3.Connection,
    kind: str,
    batch: list[tuple[int, Entry]],
    below: int,
    fresh: Iterator[int],
    result: ImportResult,
) -> None:
    """Each entry takes one stored identical entry (skipped) or a fresh id (added).

    Fresh ids count up from `below`, the id after the largest stored when this pass began,
    so the duplicate query can leave out everything this import added (`id < below`).
    """
    rows = [(line, sql.identity(kind, entry)) for line, entry in batch]
    twins = _twins(conn, kind, [row for _, row in rows], below)
    new: list[tuple[Any, ...]] = []  # (fresh id, *identity row)
    new_lines: list[int] = []
    matched: list[tuple[int, int | None]] = []
    for line, row in rows:
        waiting = twins.get(_comparable(row))
        if waiting:
            matched.append((waiting.pop(), None))
        else:
            new.append((next(fresh), *row))
            new_lines.append(line)
    if new and new[-1][0] > ID_MAX:
        raise UsageProblem(f"no id is left for new entries (the diary uses {ID_MAX})")
    _check_links(conn, kind, list(zip(new_lines, new, strict=True)))
    _refuse_taken_sources(conn, kind, list(zip(new_lines, new, strict=True)))
    sql.take(conn, matched)
    sql.insert_with_ids(conn, kind, new)
    result.added += len(new)
    result.skipped += len(matched)


def _check_links(
    conn: sqlite3.Connection, kind: str, rows: list[tuple[int, tuple[Any, ...]]]
) -> None:
    """Before (line, (id, *identity)) rows are written: every reference they hold names a
    stored row (a dose's medicine must be in the diary: import the medicine table first),
    and a medicine's name is not another medicine's (names are unique whatever the case)."""
    of = kind_named(kind)
    columns = sql.IDENTITY_COLUMNS[kind]
    for column, target in of.references:
        at = columns.index(column) + 1
        wanted = {row[at] for _, row in rows if row[at] is not None}
        missing = sql.missing_ids(conn, target, wanted)
        if missing:
            line = next(line for line, row in rows if row[at] in missing)
            value = next(row[at] for _, row in rows if row[at] in missing)
            raise UsageProblem(
                f"line {line}, {column}: no {kind_named(target).noun} has id {value} in this "
                f"diary; import the {target} table first. Nothing was imported"
            )
    if kind == "medicine":
        _check_names(conn, rows, columns.index("name") + 1)


def _check_names(
    conn: sqlite3.Connection, rows: list[tuple[int, tuple[Any, ...]]], at: int
) -> None:
    taken = {
        name.strip().casefold(): (entry_id, name) for entry_id, name in sql.medicine_names(conn)
    }
    for line, row in rows:
        folded = row[at].strip().casefold()
        other = taken.get(folded)
        if other is not None and other[0] != row[0]:
            raise UsageProblem(
                f"line {line}, name: a medicine called {other[1]!r} is already in the diary "
                f"(#{other[0]}); names are unique whatever their case. Nothing was imported"
            )
        taken[folded] = (row[0], row[at])


def _refuse_taken_sources(
    conn: sqlite3.Connection, kind: str, rows: list[tuple[int, tuple[Any, ...]]]
) -> None:
    """Before (line, (id, *identity)) rows are written: an imported session (source and
    source id) that the diary holds with other values is refused by its line, rather than as
    the unique index's error (another app's activity is one session, `tracker import`)."""
    if kind != "exercise" or not rows:
        return
    columns = sql.IDENTITY_COLUMNS[kind]
    at_source, at_id = columns.index("source") + 1, columns.index("source_id") + 1
    by_source: dict[str, set[str]] = {}
    for _, row in rows:
        if row[at_source] and row[at_id]:
            by_source.setdefault(row[at_source], set()).add(row[at_id])
    for source, ids in by_source.items():
        taken = imported.known_ids(conn, source, sorted(ids))
        for line, row in rows:
            if row[at_source] == source and row[at_id] in taken:
                raise UsageProblem(
                    f"line {line}, source_id: the {source} activity {row[at_id]!r} is already "
                    "in the diary with other values; nothing was imported. Export with the id "
                    "column and import with --update to change it"
                )


def _twins(
    conn: sqlite3.Connection, kind: str, rows: list[tuple[Any, ...]], below: int
) -> dict[tuple[Any, ...], list[int]]:
    """Identity -> ids of stored, untaken entries with it, lowest id last (popped first)."""
    keys = {(row[0], row[1]) for row in rows}
    twins: dict[tuple[Any, ...], list[int]] = {}
    for entry_id, *stored in sql.untaken_twins(conn, kind, keys, below):
        twins.setdefault(_comparable(tuple(stored)), []).append(entry_id)
    return twins


def _comparable(row: tuple[Any, ...]) -> tuple[Any, ...]:
    return tuple(_or_none(value) for value in row)
