"""The data dictionary: what each exported column means, its unit or scale, and its standard.

The texts are data, kept here only; `tracker export --dictionary` prints them and a test keeps
the columns in step with the CSV headers.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from tracker.kinds import KINDS


@dataclass(frozen=True)
class Column:
    """One column of an exported table."""

    meaning: str
    #: The unit, the scale and its anchors, or the shape of the text.
    unit: str
    #: The standard or instrument the column follows ("" for plain free text).
    standard: str = ""


NRS = "0-10 Numeric Rating Scale (NRS)"
LOINC_PAIN = "LOINC 72514-3 (pain severity, 0-10 verbal numeric rating, reported)"
#: A day's mean is computed by tracker from coded entries; it is not itself a 72514-3 observation.
LOINC_PAIN_DERIVED = (
    "derived: the mean of the day's entries coded LOINC 72514-3; the mean itself is not a "
    "72514-3 observation and carries no LOINC code"
)
PAIN_SCALE = "whole number 0-10 (0 = no pain, 10 = pain as bad as you can imagine)"
INTERFERENCE_SCALE = "whole number 0-10 (0 = does not interfere, 10 = completely interferes)"
DAILY_MEAN = "0-10, mean of the day's entries, up to 2 decimals; empty = no entry that day"
BPI = "Brief Pain Inventory (BPI) interference item"
PEG = "PEG scale (Krebs et al., J Gen Intern Med 2009)"
ISO_DAY = "ISO 8601 calendar date"
SYMPTOM_LIST = (
    "burning, tingling, numbness, electric, stabbing, pressing, cold, touch_sensitivity, "
    "itching; several separated by '; '"
)
SYMPTOM_SOURCE = "symptom descriptors of the DN4, NPSI and painDETECT questionnaires"

ENTRY_COMMON = {
    "id": Column("The entry's number in this diary (new numbers are given on import).", "integer"),
    "date": Column("The day the entry is about.", "YYYY-MM-DD", ISO_DAY),
    "logged_at": Column(
        "When the entry was written down: the writer's local time and its offset from UTC"
        " (entries written before offsets were kept have none: the writer's local time).",
        "YYYY-MM-DDTHH:MM:SS+HH:MM",
        "ISO 8601 date and time with UTC offset",
    ),
}

FOR_DOCTOR = Column(
    "1 if the patient marked this entry's note for the next clinic visit (the report lists "
    "it on page 1); 0 otherwise. Files without this column import as 0.",
    "1 or 0",
)

PAIN = {
    **ENTRY_COMMON,
    "average": Column(
        "Average pain intensity over the last 24 hours.",
        PAIN_SCALE,
        f"{NRS}; {LOINC_PAIN}; BPI item 5",
    ),
    "worst": Column("Worst pain in the last 24 hours.", PAIN_SCALE, f"{NRS}; BPI item 3"),
    "least": Column("Least pain in the last 24 hours.", PAIN_SCALE, f"{NRS}; BPI item 4"),
    "sleep_interference": Column(
        "How much pain interfered with sleep.", INTERFERENCE_SCALE, f"{BPI} (sleep)"
    ),
    "activity_interference": Column(
        "How much pain interfered with general activity.",
        INTERFERENCE_SCALE,
        f"{BPI} (general activity); the G of the {PEG}",
    ),
    "enjoyment_interference": Column(
        "How much pain interfered with enjoyment of life.",
        INTERFERENCE_SCALE,
        f"{BPI} (enjoyment of life); the E of the {PEG}",
    ),
    "symptoms": Column("What the pain felt like.", SYMPTOM_LIST, SYMPTOM_SOURCE),
    "locations": Column(
        "Where it hurt, in the patient's words.", "free text, up to 200 characters"
    ),
    "note": Column("The patient's note.", "free text, up to 2000 characters"),
    "for_doctor": FOR_DOCTOR,
}

EXERCISE = {
    **ENTRY_COMMON,
    "activity": Column("What the patient did, e.g. walking.", "free text, up to 200 characters"),
    "category": Column(
        "The kind of exercise, inferred from the activity unless the patient chose it.",
        "aerobic, strength, balance, flexibility, mind_body or other",
    ),
    "minutes": Column("How long the session lasted.", "whole minutes, 1-600"),
    "rpe": Column(
        "Rating of perceived exertion: how hard the session felt.",
        "whole number 0-10 (0 = rest, 10 = maximal effort; modified anchor wording)",
        "Borg CR10 scale; the anchor words above are a modified wording, not Borg's original",
    ),
    "pain_before": Column("Pain just before the session.", PAIN_SCALE, NRS),
    "pain_after": Column("Pain just after the session.", PAIN_SCALE, NRS),
    "note": Column("The patient's note.", "free text, up to 2000 characters"),
    "for_doctor": FOR_DOCTOR,
    "source": Column(
        "Where an imported session came from (tracker import); empty for a session typed in "
        "tracker.",
        "strava, garmin, apple_health, gpx, tcx or fit",
    ),
    "source_id": Column(
        "The source's own id of the activity (Strava's Activity ID; the start time and type "
        "where the source has no id), so importing the same file again adds nothing.",
        "text, up to 200 characters, as the source wrote it",
    ),
    "started_at": Column(
        "When the imported activity started, as the source gave it: with its UTC offset, or "
        "without one where the source keeps local time only (Garmin Connect's CSV).",
        "YYYY-MM-DDTHH:MM:SS+HH:MM",
        "ISO 8601 date and time",
    ),
}

MEDICINE_ID = Column(
    "The id of the medicine this row is about (the id column of the medicine table).",
    "integer",
)
REASON = Column("Why, in the patient's words.", "free text, up to 200 characters")
NOTE = Column("The patient's note.", "free text, up to 2000 characters")
AMOUNT = "a number above 0 (up to 4 decimals), in the medicine's unit"

MEDICINE = {
    "id": Column(
        "The medicine's number in this diary; the other medicine tables refer to it "
        "(import keeps it, so import the medicine table first).",
        "integer",
    ),
    "date": Column("The day the medicine was added to the diary.", "YYYY-MM-DD", ISO_DAY),
    "logged_at": ENTRY_COMMON["logged_at"],
    "name": Column(
        "The medicine's name as the patient writes it (a brand or generic name, as typed; "
        "unique in the diary whatever its case).",
        "free text, 1-80 characters",
    ),
    "unit": Column(
        "The unit its strength and doses are given in; empty = not given.",
        "mg, mcg, g, ml, units, %, drops, puffs, patch or tablet",
    ),
    "form": Column(
        "What form it comes in; empty = not given.",
        "tablet, capsule, liquid, patch, cream, gel, spray, injection or other",
    ),
    "schedule": Column(
        "Taken on a schedule (a number of doses a day) or only as needed.",
        "scheduled or as_needed",
    ),
    "reason": Column("What it is for, in the patient's words.", "free text, up to 200 characters"),
    "note": NOTE,
}

MED_CHANGE = {
    **ENTRY_COMMON,
    "date": Column("The day the change took effect.", "YYYY-MM-DD", ISO_DAY),
    "medicine_id": MEDICINE_ID,
    "change": Column(
        "What changed: start (also a restart), dose (the strength or the doses a day), or "
        "stop. The regimen on a day is the latest change dated on or before it.",
        "start, dose or stop",
    ),
    "strength": Column(
        "The amount per dose from this day on; empty for a stop, or when not given.", AMOUNT
    ),
    "doses_per_day": Column(
        "Scheduled doses a day from this day on; empty for an as-needed medicine and a stop.",
        "whole number 1-12",
    ),
    "reason": Column(
        "Why it changed, in the patient's words (e.g. more pain, side effects).",
        "free text, up to 200 characters",
    ),
    "note": NOTE,
}

DOSE = {
    **ENTRY_COMMON,
    "date": Column("The day of the dose.", "YYYY-MM-DD", ISO_DAY),
    "medicine_id": MEDICINE_ID,
    "time": Column(
        "The local clock time the dose was taken (or was due); empty = not given.",
        "HH:MM, 24-hour clock",
        "ISO 8601 local time",
    ),
    "status": Column("Whether the dose was taken or skipped.", "taken or skipped"),
    "amount": Column(
        "The amount taken, when it differs from the regimen's strength; empty = the "
        "regimen's strength (and always empty for a skipped dose).",
        AMOUNT,
    ),
    "reason": Column(
        "Why an as-needed dose was taken, or why a dose was skipped, in the patient's words.",
        "free text, up to 200 characters",
    ),
    "note": NOTE,
}

SIDE_EFFECT = {
    **ENTRY_COMMON,
    "date": Column("The day the side effects were felt.", "YYYY-MM-DD", ISO_DAY),
    "medicine_id": Column(
        "The id of the medicine the patient thinks caused them; empty = not sure which.",
        "integer",
    ),
    "effects": Column(
        "Side effects from a fixed list.",
        "drowsiness, dizziness, nausea, dry-mouth, constipation, weight-gain, swelling, "
        "blurred-vision; several separated by '; '",
    ),
    "other": Column(
        "Any other side effect, in the patient's words (effects or other is always given).",
        "free text, up to 200 characters",
    ),
    "bother": Column(
        "How much the side effects bothered the patient.",
        "whole number 0-10 (0 = not at all, 10 = as much as you can imagine)",
    ),
    "note": NOTE,
}

DAILY = {
    "date": Column(
        "The day; every calendar day of the range has a row, so days without entries show.",
        "YYYY-MM-DD",
        ISO_DAY,
    ),
    "pain_avg": Column(
        "Mean of the day's average pain ratings.", DAILY_MEAN, f"{NRS}; {LOINC_PAIN_DERIVED}"
    ),
    "pain_worst": Column(
        "Highest worst-pain rating of the day.", "whole number 0-10; empty = none given", NRS
    ),
    "pain_least": Column(
        "Lowest least-pain rating of the day.", "whole number 0-10; empty = none given", NRS
    ),
    "sleep_interference": Column(
        "Mean of the day's sleep interference ratings.", DAILY_MEAN, f"{BPI} (sleep)"
    ),
    "peg": Column(
        "Mean of the day's PEG scores; each is the mean of average pain, enjoyment "
        "interference and general activity interference, for entries that have all three.",
        DAILY_MEAN,
        PEG,
    ),
    "symptoms": Column("Every symptom named that day, once.", SYMPTOM_LIST, SYMPTOM_SOURCE),
    "exercise_minutes": Column(
        "Total minutes of exercise that day.", "whole minutes; empty = no session logged"
    ),
    "sessions": Column("Exercise sessions logged that day.", "count; empty = none logged"),
    "activities": Column(
        "The day's activities, each once, in the order done.", "free text, separated by '; '"
    ),
    "doses_taken": Column(
        "Doses of scheduled medicines taken that day (every medicine together).",
        "count; empty = no scheduled dose logged",
    ),
    "as_needed_doses": Column(
        "Doses of as-needed medicines taken that day (every medicine together).",
        "count; empty = none logged",
    ),
}

SYMPTOM_RATING = {
    **ENTRY_COMMON,
    "date": Column("The day the other app's rating is for.", "YYYY-MM-DD", ISO_DAY),
    "name": Column(
        "The symptom or condition, exactly as the other app named it (e.g. Neck pain).",
        "free text, up to 80 characters",
    ),
    "severity": Column(
        "Its severity on the other app's own 0-4 scale (0 None, 1 Mild, 2 Moderate, "
        "3 Severe, 4 Extreme). Not a 0-10 pain rating and never converted into one.",
        "whole number 0-4",
    ),
    "scale": Column(
        "Whose 0-4 scale the severity is on.", "text, e.g. bearable 0-4, flaredown 0-4"
    ),
    "source": Column(
        "The app the rating came from (tracker import).", "text, e.g. Bearable, Flaredown"
    ),
    "note": Column(
        "Where in the imported file it came from (file and line), then the app's own note, "
        "verbatim.",
        "free text, up to 2000 characters",
    ),
}

#: Table name -> (what one row is, its columns in CSV order).
#: Each kind's columns are documented in KIND_COLUMNS (a test holds every column of every
#: registered kind to having a description).
KIND_COLUMNS: dict[str, dict[str, Column]] = {
    "pain": PAIN,
    "exercise": EXERCISE,
    "medicine": MEDICINE,
    "med_change": MED_CHANGE,
    "dose": DOSE,
    "side_effect": SIDE_EFFECT,
    "symptom_rating": SYMPTOM_RATING,
}
TABLES: dict[str, tuple[str, dict[str, Column]]] = {
    "daily": ("one row per calendar day, the day's entries summarised", DAILY),
    **{
        name: (f"one row per {of.noun}, as logged", KIND_COLUMNS[name])
        for name, of in KINDS.items()
    },
}

SELF_REPORTED = (
    "This is the patient's own diary: self-reported, not a clinical measurement or a diagnosis."
)
#: The CSV format (`tracker export`); the workbook (`--format xlsx`) states its own notes in
#: its dictionary sheet (tracker.exchange.xlsx_export.WORKBOOK_NOTES).
FORMAT_NOTES = (
    "UTF-8 text, comma-separated, one header row, fields quoted as RFC 4180 says, CRLF line "
    "ends. Files start with a UTF-8 byte order mark, so Excel and LibreOffice open accented "
    "text correctly; standard output has none.",
    "Dates and times are ISO 8601. An empty cell means nothing was logged, never zero.",
    "Numbers are plain: whole numbers without a decimal point, others rounded to 2 decimals "
    "without trailing zeros (4.5, 4.33), with a decimal point whatever the locale (for typed "
    "cells in any locale, export a workbook: tracker export --format xlsx).",
    "Lists in one cell are separated by '; '.",
    "Text that a spreadsheet would run as a formula (starting with =, +, -, @, a tab or a "
    "carriage return) is prefixed with ' and shows as text; tracker import removes it.",
    SELF_REPORTED,
)


def render(tables: list[str] | None = None, width: int = 100) -> str:
    """The dictionary as plain text wrapped to `width`, for the named tables (default: all)."""
    lines = ["tracker export: data dictionary", "", "Format:"]
    for note in FORMAT_NOTES:
        lines += textwrap.wrap(note, width, initial_indent="  - ", subsequent_indent="    ")
    for name in tables or list(TABLES):
        row_is, columns = TABLES[name]
        lines += ["", f"Table {name} (tracker export --table {name}): {row_is}."]
        for column, info in columns.items():
            lines += _column_lines(column, info, width)
    return "\n".join(lines) + "\n"


def _column_lines(name: str, info: Column, width: int, indent: int = 26) -> list[str]:
    pad = " " * indent
    parts = [("", info.meaning), ("Unit/scale: ", info.unit)]
    if info.standard:
        parts.append(("Standard: ", info.standard))
    lines: list[str] = []
    for label, text in parts:
        first = f"  {name:<{indent - 2}}" if not lines else pad
        lines += textwrap.wrap(
            label + text, width, initial_indent=first, subsequent_indent=pad + " " * len(label)
        )
    return lines
