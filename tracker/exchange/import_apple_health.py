"""Apple Health's `export.zip` (or the `export.xml` inside it) -> `Activity` records.

Streamed: `xml.etree.ElementTree.iterparse` reads the file a piece at a time, and every
element directly under `<HealthData>` (millions of `Record`s, the `Workout`s) is cleared and
dropped from the root once read, so memory stays bounded whatever the file's size (several
GB is common). A zip is read member-streamed (`zipfile.ZipFile.open`), never unpacked.
Python's expat refuses entity-expansion bombs, and the file's internal DTD declares no
entities.

Taken from each `<Workout>`: `workoutActivityType`, `startDate` (with its UTC offset, kept),
`endDate` (elapsed time = end - start; `duration` with its `durationUnit` where an end is
missing), `sourceName` (said in the note). The effort score (iOS 18; its place in the file is
UNVERIFIED): a child `MetadataEntry` whose key names `WorkoutEffortScore`, or a
`WorkoutStatistics` of type `HKQuantityTypeIdentifierWorkoutEffortScore`; the person's own
score is preferred to the watch's `...EstimatedWorkoutEffortScore`. Not taken: energy,
distance, heart rate, routes, `Record`s of any kind (steps, effort-score records apart from
a workout), activity summaries.

There are no workout ids in the file: the source id is the type and the start as written
("HKWorkoutActivityTypeWalking 2024-01-01 08:00:00 -0600"), the same in every export.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO
from xml.etree.ElementTree import Element, ParseError, iterparse

from tracker.exchange.import_records import Activity, Found, Skipped
from tracker.problems import UsageProblem

#: The member of export.zip that holds the data (the exporter names its folder in English).
MEMBER = "export.xml"
EFFORT_OWN = "WorkoutEffortScore"
EFFORT_ESTIMATED = "EstimatedWorkoutEffortScore"
UNITS = {"min": 60.0, "s": 1.0, "sec": 1.0, "hr": 3600.0, "h": 3600.0}


def zip_member(path: Path) -> str | None:
    """The name of the export.xml inside a zip (at any depth), or None."""
    with zipfile.ZipFile(path) as archive:
        names = [n for n in archive.namelist() if n.rsplit("/", 1)[-1] == MEMBER]
    return min(names, key=len) if names else None


def read(path: Path) -> Iterator[Found]:
    """Every Workout of an export.zip or export.xml, streamed."""
    if zipfile.is_zipfile(path):
        member = zip_member(path)
        if member is None:
            raise UsageProblem(f"{path}: a zip without {MEMBER}; nothing was imported")
        with zipfile.ZipFile(path) as archive, archive.open(member) as handle:
            yield from read_stream(handle, f"{path.name}:{member}")
    else:
        with open(path, "rb") as handle:
            yield from read_stream(handle, path.name)


def read_stream(handle: IO[bytes], name: str) -> Iterator[Found]:
    """The workouts of one export.xml stream; elements cleared as they are read."""
    depth, number, root = 0, 0, None
    try:
        for event, element in iterparse(handle, events=("start", "end")):
            if event == "start":
                depth += 1
                root = element if root is None else root
                continue
            depth -= 1
            if depth != 1:
                continue
            if element.tag == "Workout":
                number += 1
                yield workout(element, f"{name} Workout {number}")
            element.clear()
            if root is not None:
                root.clear()  # drop the cleared element itself from <HealthData>
    except ParseError as exc:
        raise UsageProblem(f"{name}: not readable XML ({exc}); nothing was imported") from None
    except (zipfile.BadZipFile, EOFError, OSError) as exc:
        raise UsageProblem(f"{name}: the file is damaged ({exc}); nothing was imported") from None


def parse_date(raw: str | None) -> dt.datetime | None:
    """'2024-01-01 08:00:00 -0600' -> an aware datetime; None if unreadable."""
    text = (raw or "").strip()
    if not re.fullmatch(r"\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d ?[+-]\d\d:?\d\d", text):
        return None
    try:  # fromisoformat: about 20 times faster than strptime, a workout has two dates
        return dt.datetime.fromisoformat(text[:19] + text[19:].strip())
    except ValueError:
        return None


def workout(element: Element, place: str) -> Found:
    kind = element.get("workoutActivityType", "")
    raw_start = element.get("startDate")
    start = parse_date(raw_start)
    if start is None:
        return Skipped(
            place, f"startDate {raw_start!r} is not a date such as 2024-01-01 08:00:00 -0600"
        )
    end = parse_date(element.get("endDate"))
    seconds = (end - start).total_seconds() if end is not None else _duration(element)
    source_name = element.get("sourceName")
    effort, whose = _effort(element)
    return Activity(
        source="apple_health",
        source_id=f"{kind} {raw_start}",
        kind=kind,
        start=start,
        seconds=seconds,
        where=place,
        title=f"recorded by {source_name}" if source_name else None,
        effort=effort,
        effort_from=whose,
    )


def _duration(element: Element) -> float | None:
    try:
        value = float(element.get("duration", ""))
    except ValueError:
        return None
    return value * UNITS.get(element.get("durationUnit", "min"), 60.0)


def _effort(element: Element) -> tuple[int | None, str]:
    """The person's effort score if present, else the watch's estimate; (None, '') if none."""
    found: dict[str, int] = {}
    for child in element:
        if child.tag == "MetadataEntry":
            label, raw = child.get("key", ""), child.get("value")
        elif child.tag == "WorkoutStatistics":
            label = child.get("type", "")
            raw = child.get("sum") or child.get("average") or child.get("maximum")
        else:
            continue
        which = EFFORT_ESTIMATED if EFFORT_ESTIMATED in label else EFFORT_OWN
        if which in label and (score := _score(raw)) is not None:
            found.setdefault(which, score)
    if EFFORT_OWN in found:
        return found[EFFORT_OWN], "Apple Health"
    if EFFORT_ESTIMATED in found:
        return found[EFFORT_ESTIMATED], "Apple Watch's estimate"
    return None, ""


def _score(raw: str | None) -> int | None:
    """'7', '7 count', '7.0' -> 7 when a whole number 1-10; else None (not an effort score)."""
    match = re.match(r"\s*(\d+(?:\.\d+)?)", raw or "")
    if match is None:
        return None
    value = float(match.group(1))
    return int(value) if value.is_integer() and 1 <= value <= 10 else None
