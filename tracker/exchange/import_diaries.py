"""Symptom diaries from other apps (Bearable, Flaredown) -> medicines, doses and 0-4 symptom
ratings: what `tracker import FILE` does with such a file (`import_sessions.run` hands it
here), and the app's import dialog through the same function.

1. The reader (`import_bearable`, `import_flaredown`) reads the whole file first: a date it
   cannot read stops the import (naming the file and line) before anything is written.
2. Medicines: a dose names its medicine as the file does. A medicine of that name (any case)
   in the diary is used; otherwise one is added, as needed (neither app says how many doses
   a day are due, and a scheduled medicine would count every day without a dose as missed),
   with a 'start' on the first day the file records it. Its unit is the first unit of
   tracker's vocabulary the file gives for it.
3. Doses: taken (Bearable's meds rows; Flaredown's `Taken` or a dose) or skipped
   (Flaredown's `Not Taken`). The amount is kept when it is in the medicine's unit (or
   the medicine has none); otherwise (another unit, or none said for a medicine that has
   one) it is left empty and the note keeps it as written. The
   note always says where it came from and what the file says: "Bearable line 12: 1000
   Paracetamol (mg), pm".
4. Symptom ratings: on the app's own 0-4 scale, as they are (kind `symptom_rating`).
5. Duplicates: a dose is already in the diary when one of the same medicine, day, time,
   status and amount has a note saying the same apart from the line number (so a newer
   export whose lines moved adds nothing twice); a rating likewise (name, day, severity,
   scale, source, note). Identical lines within one file are kept as often as they occur:
   a re-import matches them one for one.
Everything is one transaction (a rolled-back one for a dry run).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from tracker.exchange import import_bearable, import_flaredown
from tracker.exchange.import_diary_records import DoseRecord, NotTaken, RatingRecord
from tracker.exchange.import_records import Skipped
from tracker.exchange.import_report import listed
from tracker.exchange.import_sessions import Report
from tracker.kinds import DOSE, MED_CHANGE, MEDICINE, SYMPTOM_RATING
from tracker.models import ValidationError, validate_dose, validate_med_change, validate_medicine
from tracker.models.medicines import Dose
from tracker.models.symptom_ratings import SymptomRating, validate_symptom_rating
from tracker.store import Store
from tracker.store import imported as rehearsals
from tracker.store import imported_diaries as sql

FORMATS = {
    "bearable": (import_bearable.read, "Bearable export"),
    "flaredown": (import_flaredown.read, "Flaredown export"),
}
FIRST = 10
#: The clock time of `logged_at` for a row without one (the slot, if any, is in the note).
NOON = dt.time(12, 0)
_LINE = re.compile(r"\A(\S+) line [0-9]+: ")


@dataclass
class DiaryReport(Report):
    """What a diary import did (or would do): the exercise import's report (the front doors
    read `lines()` and `added`) with the diary's own counts and words."""

    source: str = ""
    new_medicines: list[str] = field(default_factory=list)
    doses_taken: int = 0
    doses_skipped: int = 0
    ratings: int = 0
    not_taken: Counter[str] = field(default_factory=Counter)
    not_taken_why: dict[str, str] = field(default_factory=dict)

    def lines(self) -> list[str]:
        return report_lines(self)


def run(
    store: Store, path: Path, kind: str, *, zone: ZoneInfo | None, dry_run: bool, zone_text: str
) -> DiaryReport:
    """Import (or rehearse importing) a Bearable or Flaredown file; `kind` from import_sniff."""
    reader, what = FORMATS[kind]
    report = DiaryReport(str(path), dry_run, zone_text, source=what)
    report.formats[kind] += 1
    doses: list[tuple[DoseRecord, Dose]] = []
    ratings: list[tuple[RatingRecord, SymptomRating]] = []
    for item in reader(path):  # the whole file first: a bad date stops before any write
        report.read += 1
        if isinstance(item, NotTaken):
            report.not_taken[item.what] += 1
            report.not_taken_why.setdefault(item.what, item.reason)
        elif isinstance(item, Skipped):
            report.skip(item)
        elif isinstance(item, DoseRecord):
            made = _dose(item, zone)
            if isinstance(made, Skipped):
                report.skip(made)
            else:
                doses.append((item, made))
        else:
            rated = _rating(item, zone)
            if isinstance(rated, Skipped):
                report.skip(rated)
            else:
                ratings.append((item, rated))
    opened = rehearsals.rehearsal(store) if dry_run else store.transaction()
    with opened as conn:
        ids, units = _medicines(conn, doses, report)
        _add_doses(conn, doses, ids, units, report)
        _add_ratings(conn, ratings, report)
    return report


# ---- validation: each record through the kind's own validator ------------------------------


def _logged_at(day: dt.date, time: str | None, zone: ZoneInfo | None) -> str:
    clock = dt.time(int(time[:2]), int(time[3:])) if time else NOON
    moment = dt.datetime.combine(day, clock)
    moment = moment.replace(tzinfo=zone) if zone is not None else moment.astimezone()
    return moment.isoformat(timespec="seconds")


def _note(record: DoseRecord | RatingRecord) -> str:
    return f"{record.source} line {record.line}: {record.says}"


def _dose(record: DoseRecord, zone: ZoneInfo | None) -> Dose | Skipped:
    try:
        validate_medicine({"name": record.name, "date": record.day.isoformat()})
        return validate_dose(
            {
                "medicine_id": 1,  # a placeholder: the medicine is found or added later
                "date": record.day.isoformat(),
                "time": record.time,
                "status": "taken" if record.taken else "skipped",
                "amount": record.amount if record.taken else None,
                "note": _note(record),
                "logged_at": _logged_at(record.day, record.time, zone),
            }
        )
    except ValidationError as exc:
        return Skipped(record.where, f"{exc.field}: {exc.message}")


def _rating(record: RatingRecord, zone: ZoneInfo | None) -> SymptomRating | Skipped:
    try:
        return validate_symptom_rating(
            {
                "name": record.name,
                "severity": record.severity,
                "scale": record.scale,
                "source": record.source,
                "date": record.day.isoformat(),
                "note": _note(record),
                "logged_at": _logged_at(record.day, record.time, zone),
            }
        )
    except ValidationError as exc:
        return Skipped(record.where, f"{exc.field}: {exc.message}")


# ---- writing ---------------------------------------------------------------------------------


def _medicines(
    conn: Any, doses: list[tuple[DoseRecord, Dose]], report: DiaryReport
) -> tuple[dict[str, int], dict[str, str | None]]:
    """Folded name -> the medicine's id and unit: found in the diary, or added (as needed,
    started on the first day the file records it)."""
    stored = sql.medicines_by_name(conn)
    ids: dict[str, int] = {}
    units: dict[str, str | None] = {}
    groups: dict[str, list[DoseRecord]] = {}
    for record, _ in doses:
        groups.setdefault(record.name.strip().casefold(), []).append(record)
    for folded, records in groups.items():
        if folded in stored:
            ids[folded] = stored[folded]["id"]
            units[folded] = stored[folded]["unit"]
            continue
        first = min(records, key=lambda r: (r.day, r.line))
        unit = next((r.unit for r in records if r.unit), None)
        day = first.day.isoformat()
        origin = f"added by importing {first.source} (first on {first.where})"
        medicine = validate_medicine(
            {
                "name": records[0].name,
                "date": day,
                "unit": unit,
                "schedule": "as_needed",
                "note": origin,
            }
        )
        medicine_id = sql.insert(conn, "medicine", MEDICINE.stored_values(medicine))
        start = validate_med_change(
            {"medicine_id": medicine_id, "change": "start", "date": day, "note": origin}
        )
        sql.insert(conn, "med_change", MED_CHANGE.stored_values(start))
        ids[folded], units[folded] = medicine_id, unit
        report.added += 1
        report.new_medicines.append(MEDICINE.describe(medicine.as_row()))
    return ids, units


def _dose_key(row: dict[str, Any]) -> tuple[Any, ...]:
    return (
        row["medicine_id"],
        row["date"],
        row["time"],
        row["status"],
        row["amount"],
        _LINE.sub(r"\1: ", row["note"] or ""),
    )


def _add_doses(
    conn: Any,
    doses: list[tuple[DoseRecord, Dose]],
    ids: dict[str, int],
    units: dict[str, str | None],
    report: DiaryReport,
) -> None:
    days = sorted({dose.date for _, dose in doses})
    stored = Counter(_dose_key(row) for row in sql.rows_on(conn, "dose", days))
    for record, dose in doses:
        folded = record.name.strip().casefold()
        dose.medicine_id = ids[folded]
        unit = units[folded]
        if unit and record.unit != unit:
            dose.amount = None  # not (or not said to be) in the medicine's unit: in the note
        values = DOSE.stored_values(dose)
        key = _dose_key(values)
        if stored[key]:
            stored[key] -= 1
            _already(report, record.where, "this dose is already in the diary")
            continue
        sql.insert(conn, "dose", values)
        report.added += 1
        if dose.status == "taken":
            report.doses_taken += 1
        else:
            report.doses_skipped += 1
        described = DOSE.describe({**values, "medicine_name": record.name, "unit": unit})
        _first(report, f"{dose.date} {described} ({record.where})")


def _rating_key(row: dict[str, Any]) -> tuple[Any, ...]:
    return (
        row["date"],
        row["name"],
        row["severity"],
        row["scale"],
        row["source"],
        _LINE.sub(r"\1: ", row["note"] or ""),
    )


def _add_ratings(
    conn: Any, ratings: list[tuple[RatingRecord, SymptomRating]], report: DiaryReport
) -> None:
    days = sorted({rating.date for _, rating in ratings})
    stored = Counter(_rating_key(row) for row in sql.rows_on(conn, "symptom_rating", days))
    for record, rating in ratings:
        values = SYMPTOM_RATING.stored_values(rating)
        key = _rating_key(values)
        if stored[key]:
            stored[key] -= 1
            _already(report, record.where, "this rating is already in the diary")
            continue
        sql.insert(conn, "symptom_rating", values)
        report.added += 1
        report.ratings += 1
        _first(report, f"{rating.date} {SYMPTOM_RATING.describe(values)} ({record.where})")


def _already(report: DiaryReport, where: str, reason: str) -> None:
    report.already += 1
    if len(report.examples_already) < 5:
        report.examples_already.append(Skipped(where, reason))


def _first(report: DiaryReport, text: str) -> None:
    if len(report.first) < FIRST:
        report.first.append(text)


# ---- the report's words ----------------------------------------------------------------------


def report_lines(report: DiaryReport) -> list[str]:
    """Headline, what was (or would be) added, the first rows, duplicates, what is not
    taken and why, and every line skipped with its reason. Plain text: names inside are
    the file's, verbatim, never markup."""
    counts = [
        MEDICINE.count(len(report.new_medicines)) + " (new)",
        DOSE.count(report.doses_taken + report.doses_skipped),
        SYMPTOM_RATING.count(report.ratings),
    ]
    read = f"{report.read} {'item' if report.read == 1 else 'items'} read"
    if report.dry_run:
        head = (
            f"Dry run of {report.path} ({report.source}): {read}; would add "
            f"{', '.join(counts)}. Nothing was written."
        )
    else:
        head = f"Imported from {report.path} ({report.source}): added {', '.join(counts)}; {read}."
    lines = [head]
    if report.new_medicines:
        lines.append(
            "New medicines (as needed: the file says nothing of a schedule): "
            + "; ".join(report.new_medicines)
        )
    if report.doses_taken or report.doses_skipped:
        lines.append(f"Doses: {report.doses_taken} taken, {report.doses_skipped} not taken.")
    if report.ratings:
        source = report.source.split()[0]
        lines.append(
            f"Symptom ratings: on {source}'s own 0-4 scale (0 None to 4 Extreme), kept apart "
            "from tracker's 0-10 pain ratings and never converted into them."
        )
    if report.first:
        lines.append("First rows:")
        lines += [f"  {text}" for text in report.first]
    lines += listed(
        "Already in the diary (not added again)", report.already, report.examples_already
    )
    if report.not_taken:
        lines.append(f"Not taken: {sum(report.not_taken.values())}")
        lines += [
            f"  {what}: {n} ({report.not_taken_why[what]})"
            for what, n in report.not_taken.most_common()
        ]
    lines += listed("Skipped", report.skipped_count, report.skipped)
    return lines
