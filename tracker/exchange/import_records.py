"""What every reader of another app's file yields: an activity as the file says it, or a skip.

The readers (`import_strava`, `import_garmin`, `import_apple_health`, `import_gpx`,
`import_tcx`, `import_fit`) only read: they turn a file into `Activity` records, each naming
where in the file it came from, and `Skipped` records for what they could not read (with the
reason). `import_sessions` maps activities to exercise sessions and decides what is imported.
A file that cannot be read at all (not UTF-8, broken XML, a truncated FIT file) raises
`tracker.problems.UsageProblem` instead. Standard library only.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from tracker.problems import UsageProblem

Columns = TypeVar("Columns")


@dataclass(frozen=True)
class Activity:
    """One activity as a file records it, before any mapping to tracker's words."""

    #: One of `tracker.models.SOURCES`: "strava", "garmin", "apple_health", "gpx", "tcx", "fit".
    source: str
    #: The source's own id of the activity (or, where it has none, its start and type).
    source_id: str
    #: The source's activity type, verbatim ("Run", "HKWorkoutActivityTypeTaiChi").
    kind: str
    #: The start: with its UTC offset where the file gives one; naive where the source keeps
    #: local time only (Garmin Connect's CSV).
    start: dt.datetime
    #: Elapsed time in seconds, or None when the file has none readable.
    seconds: float | None
    #: Where in the file: "activities.csv line 4", "export.xml Workout 12".
    where: str
    #: The activity's own name or title, verbatim ("Morning Walk"), if any.
    title: str | None = None
    #: The app's own effort score on its 1-10 scale, and whose score it is ("Strava").
    effort: int | None = None
    effort_from: str = ""


@dataclass(frozen=True)
class Skipped:
    """Something in a file that is not imported: where it is and why."""

    where: str
    reason: str


#: What a reader yields, one item at a time.
Found = Activity | Skipped
Reader = Iterator[Found]


def effort_score(raw: str | None) -> int | None:
    """An app's 1-10 effort ('7', '7.0'); None for an empty cell; ValueError for anything else."""
    if raw is None or not raw.strip():
        return None
    value = float(raw.strip().replace(",", "."))
    if not value.is_integer() or not 1 <= value <= 10:
        raise ValueError(f"effort {raw.strip()!r} is not a whole number from 1 to 10")
    return int(value)


def csv_records(
    path: Path, columns_of: Callable[[list[str]], Columns]
) -> Iterator[tuple[Columns, str, list[str]]]:
    """Each non-blank row of another app's CSV file after its header: (the header read by
    `columns_of`, where the row is "file line N", the row). A file that is not UTF-8 or not
    CSV raises UsageProblem (nothing is imported from it)."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle)
            columns = columns_of(next(reader, []))
            previous = reader.line_num
            for record in reader:
                line, previous = previous + 1, reader.line_num
                if record and any(cell.strip() for cell in record):
                    yield columns, f"{path.name} line {line}", record
    except UnicodeDecodeError:
        raise UsageProblem(f"{path} is not UTF-8 text; nothing was imported") from None
    except csv.Error as exc:
        raise UsageProblem(f"{path}: not valid CSV ({exc}); nothing was imported") from None
