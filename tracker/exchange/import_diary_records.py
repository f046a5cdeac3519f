"""What the readers of symptom diaries (Bearable, Flaredown) yield, and how they read dates.

A reader (`import_bearable.read`, `import_flaredown.read`) turns a file into:
- `DoseRecord`: a medicine taken or not taken on a day, as the file says it;
- `RatingRecord`: a symptom or condition rated on the app's own 0-4 scale;
- `NotTaken`: something tracker has no place for (Bearable's mood, Flaredown's weather),
  counted by what it is, with the reason;
- `import_records.Skipped`: a line that cannot be read, with the reason.
A date tracker cannot read stops the whole import (UsageProblem naming the file and line):
a misread date would put everything on the wrong day. `import_diaries` does the rest.
Standard library only.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from tracker.exchange.import_records import Skipped
from tracker.problems import UsageProblem


@dataclass(frozen=True)
class DoseRecord:
    """A medicine taken (or not) on a day, before it is matched to a medicine in the diary."""

    source: str  # "Bearable", "Flaredown"
    line: int
    where: str  # "export.csv line 12"
    day: dt.date
    #: The medicine's name (Bearable: the detail without a unit tracker knows; Flaredown: the
    #: treatment's column), verbatim.
    name: str
    #: A unit of tracker's vocabulary the amount is in, or None.
    unit: str | None
    amount: float | None
    taken: bool
    #: "HH:MM" when the file gives a clock time.
    time: str | None
    #: What the file says, verbatim ("1000 Paracetamol (mg), pm"): kept in the dose's note.
    says: str


@dataclass(frozen=True)
class RatingRecord:
    """A symptom or condition rated 0-4 on the app's own scale."""

    source: str
    line: int
    where: str
    day: dt.date
    name: str
    severity: int
    scale: str  # "bearable 0-4"
    time: str | None
    says: str


@dataclass(frozen=True)
class NotTaken:
    """Something of the file tracker does not keep: `what` ("Mood") is counted, with why."""

    what: str
    reason: str


DiaryFound = DoseRecord | RatingRecord | NotTaken | Skipped

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_YMD_SLASH = re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})")
_SLASH = re.compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})")
_DAY_MONTH = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})", re.I)
_MONTH_DAY = re.compile(r"([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})", re.I)
DATE_FORMS = "2020-07-23, 23rd Jul 2020, Jul 23, 2020, 23/07/2020 or 07/23/2020"


class DayReader:
    """Reads the dates of one file. Slashed dates (`03/04/2020`) are day first or month first
    for the whole file, decided from the dates that can only be one (a first number above 12:
    day first; a second above 12: month first); a file with both, or with only dates that
    could be either, is refused rather than guessed."""

    def __init__(self, path: Path, dates: Iterable[tuple[int, str]]):
        self.path = path
        self.day_first: bool | None = None
        first = second = 0
        for _, text in dates:
            match = _SLASH.fullmatch(text.strip())
            if match:
                first += int(match[1]) > 12
                second += int(match[2]) > 12
        if first and second:
            raise UsageProblem(
                f"{path.name}: its dates mix day/month/year and month/day/year; nothing was "
                "imported"
            )
        if first or second:
            self.day_first = bool(first)
        self.ambiguous = not first and not second

    def read(self, text: str, line: int) -> dt.date:
        """The day `text` names; UsageProblem naming the file and line otherwise."""
        cleaned = text.strip()
        try:
            day = self._parse(cleaned)
        except ValueError:
            day = None
        if day is None:
            raise UsageProblem(
                f"{self.path.name} line {line}: date {cleaned!r} is not a date tracker reads "
                f"(it reads {DATE_FORMS}); nothing was imported"
            )
        return day

    def _parse(self, text: str) -> dt.date | None:
        if match := _ISO.fullmatch(text) or _YMD_SLASH.fullmatch(text):
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
        if match := _SLASH.fullmatch(text):
            if self.day_first is None:
                if match[1] != match[2]:
                    raise UsageProblem(
                        f"{self.path.name}: every date is like {text!r}, which could be day "
                        "first or month first; tracker does not guess, so nothing was imported"
                    )
                return dt.date(int(match[3]), int(match[1]), int(match[2]))
            day, month = (match[1], match[2]) if self.day_first else (match[2], match[1])
            return dt.date(int(match[3]), int(month), int(day))
        if match := _DAY_MONTH.fullmatch(text):
            month = _MONTHS.get(match[2].lower())
            return None if month is None else dt.date(int(match[3]), month, int(match[1]))
        if match := _MONTH_DAY.fullmatch(text):
            month = _MONTHS.get(match[1].lower())
            return None if month is None else dt.date(int(match[3]), month, int(match[2]))
        return None


_WHOLE = re.compile(r"\+?([0-9]+)(?:\.0+)?")


def severity_of(text: str) -> int | None:
    """A 0-4 severity ('2', '2.0'); None when it is not one."""
    match = _WHOLE.fullmatch(text.strip())
    if match is None or int(match[1]) > 4:
        return None
    return int(match[1])


def rows_of(path: Path) -> Iterator[tuple[int, list[str]]]:
    """(line number, cells) of each CSV row after the header; UsageProblem if not UTF-8.
    Line numbers are the file's own (a quoted cell may span lines)."""
    import csv

    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle)
            line = 1
            for cells in reader:
                yield line, cells
                line = reader.line_num + 1
    except UnicodeDecodeError:
        raise UsageProblem(f"{path}: not UTF-8 text; nothing was imported") from None
    except csv.Error as exc:
        raise UsageProblem(f"{path} line {line}: not a readable CSV row ({exc})") from None
