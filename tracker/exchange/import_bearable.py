"""Bearable's CSV export: the long format, one row per item logged.

Header `date,weekday,time of day,category,rating/amount,detail,notes` (newer files add
`date formatted` after `date`). Dates like `23rd Jul 2020`; `time of day` a slot (pre, am,
mid, pm, all day), a clock time HH:MM, or empty.

Taken:
- `Meds/Supplements` rows: `rating/amount` the amount, `detail` the name and unit
  (`Paracetamol (mg)`) -> a dose taken that day (a clock time kept as the dose's time);
- `Symptom` rows: `detail` the symptom and its label (`Neck pain (Mild)`), `rating/amount`
  its 0-4 severity -> a symptom rating on Bearable's own 0-4 scale (never a 0-10 score).
Not taken (counted by category, with the reason): every other category (mood, energy,
sleep, factors, ...): tracker has no place for them, and their scales are Bearable's own.
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
from tracker.exchange.import_records import Skipped
from tracker.models.med_vocab import UNIT_ALIASES, UNITS
from tracker.problems import UsageProblem

SOURCE = "Bearable"
SCALE = "bearable 0-4"
_NEEDED = ("date", "weekday", "time of day", "category", "rating/amount", "detail")
_MEDS = {"meds/supplements", "meds", "medication", "medications", "supplements"}
_SYMPTOMS = {"symptom", "symptoms"}
#: Bearable's severity words, read as the 0-4 step they name.
LABELS = {"none": 0, "mild": 1, "moderate": 2, "severe": 3, "unbearable": 4, "extreme": 4}
SLOTS = ("pre", "am", "mid", "pm", "all day")
_TRAILING = re.compile(r"(.*?)\s*\(([^()]*)\)\s*")
_CLOCK = re.compile(r"([01]?[0-9]|2[0-3]):([0-5][0-9])(?::[0-5][0-9])?\s*([AaPp][Mm])?")
_AMOUNT = re.compile(r"\+?(?:[0-9]{1,6}(?:\.[0-9]{1,4})?|\.[0-9]{1,4})")
#: Why each other category is not taken.
NOT_TAKEN = {
    "mood": "Bearable's mood score: tracker keeps no mood score",
    "energy": "Bearable's energy score: tracker keeps no energy score",
    "sleep": "hours of sleep: tracker keeps sleep only as pain's interference with it (0-10)",
    "sleep quality": "Bearable's own sleep scale, not tracker's 0-10 sleep interference",
    "factors": "factors (things done or felt): tracker has no place for them",
}
OTHER_REASON = "tracker has no place for this category"


def _names(header: list[str]) -> list[str]:
    return [cell.strip().lower() for cell in header]


def is_bearable(header: list[str]) -> bool:
    names = _names(header)
    return bool(names) and names[0] == "date" and all(name in names for name in _NEEDED)


def read(path: Path) -> Iterator[DiaryFound]:
    rows = rows_of(path)
    _, header = next(rows, (1, []))
    names = _names(header)
    column = {name: names.index(name) for name in reversed(names)}  # the first of each name
    body = list(rows)
    dated = [(line, _cell(cells, column["date"])) for line, cells in body]
    formatted = column.get("date formatted")
    days = DayReader(path, [*dated, *[(n, _cell(c, formatted)) for n, c in body if formatted]])
    for line, cells in body:
        if not any(cell.strip() for cell in cells):
            continue
        where = f"{path.name} line {line}"
        text = _cell(cells, column["date"])
        try:
            day = days.read(text, line)
        except UsageProblem:
            if formatted is None or not _cell(cells, formatted).strip():
                raise
            day = days.read(_cell(cells, formatted), line)
        category = _cell(cells, column["category"]).strip()
        slot = _cell(cells, column["time of day"]).strip()
        amount = _cell(cells, column["rating/amount"]).strip()
        detail = _cell(cells, column["detail"]).strip()
        notes = _cell(cells, column["notes"]).strip() if "notes" in column else ""
        folded = category.lower()
        if folded in _MEDS:
            yield _dose(where, line, day, slot, amount, detail, notes)
        elif folded in _SYMPTOMS:
            yield _rating(where, line, day, slot, amount, detail, notes)
        else:
            yield NotTaken(category or "(no category)", NOT_TAKEN.get(folded, OTHER_REASON))


def _cell(cells: list[str], index: int | None) -> str:
    return cells[index] if index is not None and index < len(cells) else ""


def _clock(slot: str) -> str | None:
    """'08:30', '8:30', '20:30:00', '8:30 PM' -> 'HH:MM'; None for a slot (pre, am, mid, pm,
    all day) or anything else, which the note keeps as written."""
    match = _CLOCK.fullmatch(slot.strip())
    if match is None:
        return None
    hour = int(match[1])
    if match[3]:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if match[3].lower() == "pm" else 0)
    return f"{hour:02d}:{match[2]}"


def _says(first: str, slot: str, notes: str) -> str:
    text = first
    if slot:
        text += f", {slot}"
    if notes:
        text += f"; {notes}"
    return text


def split_unit(detail: str) -> tuple[str, str | None]:
    """'Paracetamol (mg)' -> ('Paracetamol', 'mg'); a unit tracker does not know stays in
    the name ('Magnesium (scoop)', None), as does a detail without one."""
    match = _TRAILING.fullmatch(detail)
    if match and match[1]:
        word = match[2].strip().lower()
        unit = UNIT_ALIASES.get(word, word)
        if unit in UNITS:
            return match[1], unit
    return detail, None


def _dose(
    where: str, line: int, day: dt.date, slot: str, amount: str, detail: str, notes: str
) -> DoseRecord | Skipped:
    if not detail:
        return Skipped(where, "a Meds/Supplements line without a name (detail)")
    if amount and _AMOUNT.fullmatch(amount) is None:
        return Skipped(where, f"amount {amount!r} is not a number such as 1000 or 0.5")
    name, unit = split_unit(detail)
    value = float(amount) if amount else None
    return DoseRecord(
        source=SOURCE,
        line=line,
        where=where,
        day=day,
        name=name,
        unit=unit,
        amount=value if value else None,
        taken=True,
        time=_clock(slot),
        says=_says(f"{amount} {detail}" if amount else detail, slot, notes),
    )


def _rating(
    where: str, line: int, day: dt.date, slot: str, amount: str, detail: str, notes: str
) -> RatingRecord | Skipped:
    if not detail:
        return Skipped(where, "a Symptom line without a name (detail)")
    name, label = detail, None
    match = _TRAILING.fullmatch(detail)
    if match and match[1] and match[2].strip().lower() in LABELS:
        name, label = match[1], LABELS[match[2].strip().lower()]
    severity = severity_of(amount) if amount else label
    if amount and severity is None:
        return Skipped(where, f"severity {amount!r} is not a whole number from 0 to 4")
    if severity is None:
        return Skipped(where, "a Symptom line without a severity (0-4)")
    if label is not None and label != severity:
        return Skipped(
            where, f"severity {amount} does not match its label in {detail!r}; not guessed"
        )
    return RatingRecord(
        source=SOURCE,
        line=line,
        where=where,
        day=day,
        name=name,
        severity=severity,
        scale=SCALE,
        time=_clock(slot),
        says=_says(f"{detail}: {amount}" if amount else detail, slot, notes),
    )
