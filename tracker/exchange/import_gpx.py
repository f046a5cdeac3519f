"""A GPX track (one activity per `<trk>`) -> `Activity` records.

Streamed with `iterparse` (a long track has tens of thousands of points), each point cleared
once read. GPX 1.0 and 1.1, any namespace (names are matched without it).
Taken: the time of the first and the last `<trkpt>` of each `<trk>` (start; elapsed = last -
first, pauses included), the track's `<type>` (the activity type: "running", "hiking";
Strava writes a number there, read as an unknown type) and `<name>` (the title, verbatim).
Not taken: positions, elevation, heart rate and other extensions, waypoints, routes.
A GPX file has no activity id: the source id is the start time (UTC, ISO 8601).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from xml.etree.ElementTree import ParseError, iterparse

from tracker.exchange.import_records import Activity, Found, Skipped
from tracker.problems import UsageProblem


def local(tag: str) -> str:
    """'{http://www.topografix.com/GPX/1/1}trkpt' -> 'trkpt'."""
    return tag.rsplit("}", 1)[-1]


def parse_time(raw: str | None) -> dt.datetime | None:
    """An ISO 8601 time ('2024-05-01T07:00:00Z'); a time without an offset is read as UTC."""
    if not raw:
        return None
    try:
        parsed = dt.datetime.fromisoformat(raw.strip())
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def read(path: Path) -> Iterator[Found]:
    """Each `<trk>` of a GPX file as an Activity (or Skipped, naming it)."""
    track = 0
    first = last = None
    try:
        for _, element in iterparse(path, events=("end",)):
            tag = local(element.tag)
            if tag == "trkpt":
                when = next((c.text for c in element if local(c.tag) == "time"), None)
                stamp = parse_time(when)
                if stamp is not None:
                    first = first or stamp
                    last = stamp
                element.clear()
            elif tag == "trkseg":
                element.clear()  # its points, already read
            elif tag == "trk":
                track += 1
                texts = {local(c.tag): (c.text or "").strip() for c in element}
                kind, title = texts.get("type", ""), texts.get("name", "")
                yield _activity(path, track, first, last, kind, title)
                first = last = None
                element.clear()
    except ParseError as exc:
        raise UsageProblem(f"{path}: not readable XML ({exc}); nothing was imported") from None


def _activity(
    path: Path,
    track: int,
    first: dt.datetime | None,
    last: dt.datetime | None,
    kind: str,
    title: str,
) -> Found:
    place = f"{path.name} track {track}"
    if first is None or last is None:
        return Skipped(place, "no point of the track has a time")
    return Activity(
        source="gpx",
        source_id=first.astimezone(dt.UTC).isoformat(),
        kind=kind or "GPX track",
        start=first,
        seconds=(last - first).total_seconds(),
        where=place,
        title=title or None,
    )
