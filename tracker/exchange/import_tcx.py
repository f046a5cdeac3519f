"""A Garmin Training Center file (TCX) -> one `Activity` per `<Activity>`.

Streamed with `iterparse`; each trackpoint is cleared once read. Taken: `Sport` (the type:
Running, Biking, Other), `<Id>` (the start, ISO 8601 UTC; also the source id), the sum of
the laps' `<TotalTimeSeconds>`, `<Notes>` (the title, verbatim). Not taken: distance,
calories, heart rate, positions, cadence, extensions.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError, iterparse

from tracker.exchange.import_gpx import local, parse_time
from tracker.exchange.import_records import Activity, Found, Skipped
from tracker.problems import UsageProblem


def read(path: Path) -> Iterator[Found]:
    """Each `<Activity>` of a TCX file as an Activity (or Skipped, naming it)."""
    number = 0
    seconds = 0.0
    try:
        for _, element in iterparse(path, events=("end",)):
            tag = local(element.tag)
            if tag in ("Trackpoint", "Track"):
                element.clear()
            elif tag == "Lap":
                seconds += _lap_seconds(element)
                element.clear()
            elif tag == "Activity":
                number += 1
                yield _activity(path, number, element, seconds)
                seconds = 0.0
                element.clear()
    except ParseError as exc:
        raise UsageProblem(f"{path}: not readable XML ({exc}); nothing was imported") from None


def _lap_seconds(lap: Element) -> float:
    for child in lap:
        if local(child.tag) == "TotalTimeSeconds":
            try:
                return float((child.text or "").strip())
            except ValueError:
                return 0.0
    return 0.0


def _activity(path: Path, number: int, element: Element, seconds: float) -> Found:
    place = f"{path.name} Activity {number}"
    texts = {local(c.tag): (c.text or "").strip() for c in element}
    start = parse_time(texts.get("Id"))
    if start is None:
        return Skipped(place, f"Id {texts.get('Id')!r} is not a start time (ISO 8601)")
    return Activity(
        source="tcx",
        source_id=start.isoformat(),
        kind=element.get("Sport", "") or "Other",
        start=start,
        seconds=seconds or None,
        where=place,
        title=texts.get("Notes") or None,
    )
