"""Flaredown's CSV export: the wide format, one row per check-in.

Header (rubyforgood/Flaredown `DataExportJob`): `Date`, then one column per condition, per
symptom and per treatment the person tracks (in that order: conditions, symptoms,
treatments; the header names them only, without saying which is which), then `Tags`,
`Foods` (lists `; `-joined), and in some exports weather columns.

Which column is which is read from the cells, using that order: conditions and symptoms
hold whole numbers 0-4, treatments a dose (`1mg`, `20 mg`), `Taken` or `Not Taken`. The
first column holding anything else is the first treatment, and every column after it up to
`Tags` is a treatment too (so a treatment whose doses are bare numbers is still one). A
treatment column with no such cell before it cannot be told from a symptom; it is read as
one (the README says so).

Taken: each rated condition and symptom -> a symptom rating on Flaredown's own 0-4 scale
(never a 0-10 score); each treatment cell -> a dose taken (`Taken`, or a dose whose number
and unit are kept when the unit is one of tracker's) or skipped (`Not Taken`).
Not taken (counted): Tags, Foods and weather.
The exact rendering of `Date` in real exports is UNVERIFIED: ISO dates and the common US
and UK forms are read (`import_diary_records.DayReader`); anything else stops the import.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

from tracker.exchange.import_diary_records import (
    DayReader,
    DiaryFound,
    DoseRecord,
    NotTaken,
    RatingRecord,
    rows_of,
    severity_of,
)
from tracker.models.med_vocab import UNIT_ALIASES, UNITS

SOURCE = "Flaredown"
SCALE = "flaredown 0-4"
_DOSE = re.compile(r"\+?([0-9]{1,6}(?:\.[0-9]{1,4})?|\.[0-9]{1,4})\s*([^\s0-9].*)?")
NOT_TAKEN = {
    "Tags": "Flaredown's tags: tracker has no place for them",
    "Foods": "Flaredown's foods: tracker has no place for them",
}
WEATHER = "weather: tracker keeps no weather"


def is_flaredown(header: list[str]) -> bool:
    names = [cell.strip() for cell in header]
    return (
        bool(names)
        and names[0] == "Date"
        and "Tags" in names
        and "Foods" in names
        and names.index("Foods") == names.index("Tags") + 1
    )


def read(path: Path) -> Iterator[DiaryFound]:
    rows = rows_of(path)
    _, header = next(rows, (1, []))
    names = [cell.strip() for cell in header]
    tags = names.index("Tags")
    body = list(rows)
    days = DayReader(path, [(line, cells[0] if cells else "") for line, cells in body])
    first_treatment = _first_treatment(body, tags)
    for line, cells in body:
        if not any(cell.strip() for cell in cells):
            continue
        where = f"{path.name} line {line}"
        day = days.read(cells[0], line)
        for index in range(1, tags):
            cell = cells[index].strip() if index < len(cells) else ""
            if not cell:
                continue
            name = names[index] or f"column {index + 1}"
            if index < first_treatment:
                severity = severity_of(cell)
                assert severity is not None  # every cell before the first treatment is 0-4
                yield RatingRecord(
                    source=SOURCE,
                    line=line,
                    where=where,
                    day=day,
                    name=name,
                    severity=severity,
                    scale=SCALE,
                    time=None,
                    says=f"{name}: {cell}",
                )
            else:
                yield _dose(where, line, day, name, cell)
        for index in range(tags, len(names)):
            if index < len(cells) and cells[index].strip():
                label = names[index] if names[index] in NOT_TAKEN else "weather"
                yield NotTaken(label, NOT_TAKEN.get(label, WEATHER))


def _first_treatment(body: list[tuple[int, list[str]]], tags: int) -> int:
    """The index of the first column holding anything but a 0-4 severity (`tags` if none)."""
    first = tags
    for _, cells in body:
        for index in range(1, min(first, len(cells))):
            cell = cells[index].strip()
            if cell and severity_of(cell) is None:
                first = index
                break
    return first


def _dose(where: str, line: int, day: dt.date, name: str, cell: str) -> DoseRecord:
    folded = cell.lower()
    amount: float | None = None
    unit: str | None = None
    if folded not in ("taken", "not taken"):
        match = _DOSE.fullmatch(cell)
        if match:
            word = (match[2] or "").strip().lower()
            unit = UNIT_ALIASES.get(word, word) if word else None
            if unit is None or unit in UNITS:
                number = float(match[1])
                amount = number if number > 0 else None
            else:
                unit = None
    return DoseRecord(
        source=SOURCE,
        line=line,
        where=where,
        day=day,
        name=name,
        unit=unit,
        amount=amount,
        taken=folded != "not taken",
        time=None,
        says=f"{name}: {cell}",
    )
