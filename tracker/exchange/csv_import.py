"""CSV import: a pain or exercise CSV in the export's format back into the diary.

- The kind is recognised from the header (pain has `average`, exercise has `activity` and
  `minutes`); column order is free, extra columns are ignored, names are matched without
  regard to case or surrounding spaces. `id` is optional and ignored: new rows get new ids.
- Every row goes through `models.validate_pain` / `validate_exercise` before anything is
  written; the first problem stops the import with its line number and field, for example
  "line 7, average: must be from 0 to 10, not 11". Then all rows go in one transaction.
- Each row keeps its `date` and its `logged_at` (ISO 8601; an empty `logged_at` becomes
  midnight of the row's date, so importing such a file twice still adds nothing).
- Rows already in the diary are skipped (the identity rule is `store.exchange.add_new`'s:
  same kind and same values in every column but the id).
- Text cells neutralised by export (a leading `'` before `=`, `+`, `-`, `@`, tab, CR) are
  restored exactly (`cells.restore`).
"""

from __future__ import annotations

import csv
import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from tracker.errors import UsageProblem
from tracker.exchange.cells import restore
from tracker.exchange.csv_export import DAILY_COLUMNS, FILE_ENCODING, TEXT_COLUMNS
from tracker.models import ValidationError, validate_exercise, validate_pain
from tracker.store import EXERCISE_COLUMNS, PAIN_COLUMNS, Store
from tracker.store import exchange as sql

COLUMNS = {"pain": PAIN_COLUMNS, "exercise": EXERCISE_COLUMNS}
REQUIRED = {"pain": ("date", "average"), "exercise": ("date", "activity", "minutes")}
#: Columns only one kind has: the header's fingerprint.
_ONLY = {
    "pain": set(PAIN_COLUMNS) - set(EXERCISE_COLUMNS),
    "exercise": set(EXERCISE_COLUMNS) - set(PAIN_COLUMNS),
}
_DAILY_ONLY = set(DAILY_COLUMNS) - set(PAIN_COLUMNS) - set(EXERCISE_COLUMNS)
_VALIDATE = {"pain": validate_pain, "exercise": validate_exercise}
_NOUNS = {
    "pain": ("pain entry", "pain entries"),
    "exercise": ("exercise session", "exercise sessions"),
}


@dataclass
class ImportResult:
    """What an import did."""

    kind: str
    rows: int
    added: int
    skipped: int

    def describe(self, path: str | os.PathLike) -> str:
        """One line for the user: what was imported and what was skipped."""
        noun = _NOUNS[self.kind][0 if self.added == 1 else 1]
        line = f"Imported {self.added} {noun} from {path}"
        if self.skipped:
            line += f"; skipped {self.skipped} already in the diary"
        return line + "."


def import_file(store: Store, path: str | os.PathLike) -> ImportResult:
    """Validate the whole CSV at `path`, then add its new rows in one transaction.

    Raises UsageProblem (one line, nothing imported) for a broken file or an invalid row.
    """
    kind, entries = read_entries(path)
    return add_entries(store, kind, entries)


def add_entries(store: Store, kind: str, entries: list) -> ImportResult:
    """Add validated entries of one kind, skipping those already stored, in one transaction."""
    added, skipped = sql.add_new(store, kind, entries)
    return ImportResult(kind, len(entries), added, skipped)


def read_entries(path: str | os.PathLike) -> tuple[str, list]:
    """(kind, validated entries in file order) from a pain or exercise CSV."""
    path = Path(path)
    reader = None
    try:
        with open(path, encoding=FILE_ENCODING, newline="") as handle:
            reader = csv.reader(handle, strict=True)
            header = next(reader, None)
            if not header or not any(cell.strip() for cell in header):
                raise UsageProblem(f"{path} is empty; expected a header row such as 'date,average'")
            kind, columns = _read_header(header)
            return kind, list(_entries(reader, kind, columns, len(header)))
    except UnicodeDecodeError as exc:
        raise UsageProblem(
            f"{path} is not UTF-8 text (byte {exc.start}); save it as 'CSV UTF-8' and try again"
        ) from None
    except csv.Error as exc:
        line = reader.line_num if reader else 1
        raise UsageProblem(f"line {line}: not valid CSV ({exc})") from None


def _read_header(header: list[str]) -> tuple[str, dict[str, int]]:
    """The kind and column name -> position, or a UsageProblem saying what is wrong."""
    names = [cell.strip().lower() for cell in header]
    duplicates = sorted({name for name in names if name and names.count(name) > 1})
    if duplicates:
        raise UsageProblem(f"line 1: column {duplicates[0]!r} appears more than once")
    kind = _kind(set(names))
    missing = [name for name in REQUIRED[kind] if name not in names]
    if missing:
        raise UsageProblem(
            f"line 1: a {kind} CSV needs the column(s) {', '.join(missing)}; "
            f"expected {','.join(COLUMNS[kind])}"
        )
    return kind, {name: names.index(name) for name in COLUMNS[kind] if name in names}


def _kind(names: set[str]) -> str:
    if names & _DAILY_ONLY and not names & {"average", "activity"}:
        raise UsageProblem(
            "line 1: this is the daily summary table, which cannot be imported; "
            "export with --table pain or --table exercise to move entries"
        )
    pain, exercise = bool(names & _ONLY["pain"]), bool(names & _ONLY["exercise"])
    if pain != exercise:
        return "pain" if pain else "exercise"
    if pain:
        raise UsageProblem("line 1: the header mixes pain and exercise columns; import one kind")
    raise UsageProblem(
        "line 1: not a tracker CSV; expected a pain header "
        f"({','.join(PAIN_COLUMNS)}) or an exercise header ({','.join(EXERCISE_COLUMNS)})"
    )


def _entries(reader, kind: str, columns: dict[str, int], width: int):
    """Validated entries, one per non-blank record; errors name the record's first line."""
    validate = _VALIDATE[kind]
    text = TEXT_COLUMNS[kind]
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
        data = {name: record[i] for name, i in columns.items() if name != "id"}
        for name in text:
            if name in data:
                data[name] = restore(data[name])
        try:
            yield validate(_with_times(data))
        except ValidationError as exc:
            raise UsageProblem(f"line {line}, {exc.field}: {exc.message}") from None


def _with_times(data: dict) -> dict:
    """`date` required as given; `logged_at` checked as ISO 8601, midnight of `date` if empty."""
    date = data.get("date", "").strip()
    if not date:
        raise ValidationError("date", "is required (YYYY-MM-DD)")
    stamp = data.get("logged_at", "").strip()
    if not stamp:
        data["logged_at"] = f"{date}T00:00:00"
        return data
    try:
        data["logged_at"] = dt.datetime.fromisoformat(stamp).isoformat()
    except ValueError:
        raise ValidationError(
            "logged_at", f"must be a date and time like 2024-05-01T20:15:00, not {stamp!r}"
        ) from None
    return data
