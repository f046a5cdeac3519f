"""Other apps' activities -> exercise sessions: the one pipeline behind `tracker import` of a
Strava, Garmin, Apple Health, GPX, TCX or FIT file (or a folder of them) and the app's dialog.

1. `import_sniff` says what the file is; its reader yields `Activity` records (or `Skipped`).
2. `session_of` maps each to an `ExerciseSession` through `tracker.models.validate_exercise`
   (the one validation path):
   - activity and category: `import_types.map_type` (the one mapping table);
   - minutes: the elapsed time, rounded to the nearest minute; a session must be 1-600
     minutes, so one under 30 seconds or over 600 minutes is refused with its reason, never
     truncated or split (a 14-hour hike split in two would be two sessions that never were;
     type it by hand if it matters);
   - date: the local calendar day of the start. A start with an offset (Strava's UTC, Apple
     Health's own offsets, GPX/TCX/FIT UTC) is put in the chosen time zone (`--tz`, default
     the system's); Garmin's CSV holds local time without an offset, taken as written;
   - logged_at: the start in that zone (the moment the app recorded it); started_at: the
     start as the source gave it (its own offset kept);
   - rpe: the app's own effort score where there is one (Strava's Perceived Exertion 1-10,
     Apple's effort score 1-10), and the note says whose ("effort 7/10 from Strava"); the
     note starts with the activity's title, verbatim.
3. `run` decides, a batch at a time inside ONE transaction (a rolled-back one for a dry run):
   - already in the diary (nothing added): the same source and source id, in the diary or
     earlier in this import; or a session from any app that started within `SAME_START` of
     this one, in the same category (the same walk exported by Strava and by Garmin);
   - overlapping a session typed by hand (same day, same category; typed sessions have no
     start time to compare): reported and not imported, unless `keep_overlaps`;
   - everything else is added.
A file that cannot be read at all stops the import (UsageProblem), nothing written.
A symptom diary (Bearable, Flaredown: `import_sniff.DIARIES`) is handed to `import_diaries`
(medicines, doses, 0-4 symptom ratings), whose report has the same `lines()` and `added`.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import os
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from tracker.exchange import import_sniff
from tracker.exchange.import_records import Activity, Found, Skipped
from tracker.exchange.import_types import map_type
from tracker.kinds import EXERCISE
from tracker.models import (
    MINUTES_MAX,
    MINUTES_MIN,
    ExerciseSession,
    Row,
    ValidationError,
    validate_exercise,
)
from tracker.problems import UsageProblem
from tracker.store import Store
from tracker.store import imported as sql

#: Activities per database round (two queries and one executemany each).
BATCH = 500
#: Two starts this close (any sources) in the same category are one activity.
SAME_START = dt.timedelta(seconds=90)
#: Sessions described in the preview.
FIRST = 10
#: Skipped activities kept to show, each with its reason (the rest are counted): the bound
#: on memory for a file of millions of refusals.
KEEP = 1000
SOURCE_NAMES = {
    "strava": "Strava",
    "garmin": "Garmin Connect",
    "apple_health": "Apple Health",
    "gpx": "GPX",
    "tcx": "TCX",
    "fit": "FIT",
}


def parse_zone(name: str | None) -> ZoneInfo | None:
    """`--tz`: an IANA zone name ('Europe/Paris', 'UTC'); None (empty) is the system's zone."""
    if name is None or not name.strip():
        return None
    try:
        return ZoneInfo(name.strip())
    except (ZoneInfoNotFoundError, ValueError):
        raise UsageProblem(
            f"--tz: unknown time zone {name!r}; give an IANA name such as Europe/London or UTC"
        ) from None


def zone_label(zone: ZoneInfo | None) -> str:
    if zone is not None:
        return zone.key
    local = dt.datetime.now().astimezone().tzname() or "local"
    return f"this computer's zone ({local})"


@dataclass
class Report:
    """What an import did (or, for a dry run, would do), kept small whatever the file's size."""

    path: str
    dry_run: bool
    zone: str
    formats: Counter[str] = field(default_factory=Counter)
    read: int = 0
    added: int = 0
    already: int = 0
    overlapping: int = 0
    by_category: Counter[str] = field(default_factory=Counter)
    by_month: Counter[str] = field(default_factory=Counter)
    first: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    skipped_count: int = 0
    examples_already: list[Skipped] = field(default_factory=list)
    overlaps: list[Skipped] = field(default_factory=list)
    unknown: Counter[str] = field(default_factory=Counter)

    def skip(self, item: Skipped) -> None:
        self.skipped_count += 1
        if len(self.skipped) < KEEP:
            self.skipped.append(item)

    def lines(self) -> list[str]:
        """The report as plain lines (the CLI prints them; the app shows them as text)."""
        from tracker.exchange.import_report import report_lines

        return report_lines(self)


@dataclass(frozen=True)
class Candidate:
    """A session ready to store, with what the duplicate checks need."""

    session: ExerciseSession
    where: str
    start: dt.datetime


def run(
    store: Store,
    path: str | os.PathLike[str],
    *,
    zone: ZoneInfo | None = None,
    dry_run: bool = False,
    keep_overlaps: bool = False,
) -> Report:
    """Import (or, with `dry_run`, rehearse importing) the file or folder at `path`."""
    path = Path(path)
    if not path.is_dir() and (kind := import_sniff.sniff(path)) in import_sniff.DIARIES:
        from tracker.exchange import import_diaries  # Bearable, Flaredown: medicines, symptoms

        return import_diaries.run(
            store, path, kind, zone=zone, dry_run=dry_run, zone_text=zone_label(zone)
        )
    report = Report(str(path), dry_run, zone_label(zone))
    found = found_in(path, report)
    opened = sql.rehearsal(store) if dry_run else store.transaction()
    with opened as conn:
        for batch in _batches(found):
            _import_batch(conn, batch, zone, keep_overlaps, report)
    return report


def found_in(path: Path, report: Report) -> Iterator[Found]:
    """Every activity and skip of a file, or of each file of a folder."""
    if not path.is_dir():
        kind = import_sniff.sniff(path)
        if kind == import_sniff.TRACKER_CSV:
            raise UsageProblem(f"{path}: not a Strava, Garmin, Apple Health, GPX, TCX or FIT file")
        report.formats[kind] += 1
        yield from import_sniff.READERS[kind][0](path)
        return
    for member in import_sniff.files_in(path):
        try:
            kind = import_sniff.sniff(member)
        except UsageProblem as exc:
            yield Skipped(member.name, f"not imported: {exc}")
            continue
        if kind == import_sniff.TRACKER_CSV:
            yield Skipped(
                member.name, "not a file of another app (import a tracker CSV on its own)"
            )
            continue
        if kind in import_sniff.DIARIES:
            yield Skipped(
                member.name, f"{import_sniff.DIARIES[kind]}: import it on its own, not in a folder"
            )
            continue
        report.formats[kind] += 1
        yield from import_sniff.READERS[kind][0](member)


def _batches(items: Iterable[Found]) -> Iterator[list[Found]]:
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, BATCH)):
        yield batch


# ---- one activity -> one session -------------------------------------------------------------


def session_of(activity: Activity, zone: ZoneInfo | None) -> Candidate | Skipped:
    """The exercise session an activity becomes, or why it cannot be one."""
    if activity.seconds is None:
        return Skipped(activity.where, "no elapsed time")
    if not math.isfinite(activity.seconds) or activity.seconds < 0:
        return Skipped(activity.where, f"elapsed time {activity.seconds} s is not a duration")
    minutes = int(activity.seconds / 60 + 0.5)
    if minutes < MINUTES_MIN:
        return Skipped(activity.where, f"shorter than a minute ({activity.seconds:.0f} s)")
    if minutes > MINUTES_MAX:
        hours, rest = divmod(minutes, 60)
        return Skipped(
            activity.where,
            f"lasted {hours} h {rest} min; a session may last at most {MINUTES_MAX} minutes "
            "(10 hours), and tracker does not cut one short or split it",
        )
    start = activity.start
    local = start if start.tzinfo is None else start.astimezone(zone)
    mapped = map_type(activity.kind)
    raw = {
        "activity": mapped.activity,
        "category": mapped.category,
        "minutes": minutes,
        "date": local.date(),
        "logged_at": local.replace(microsecond=0).isoformat(),
        "rpe": activity.effort,
        "note": _note(activity),
        "source": activity.source,
        "source_id": activity.source_id,
        "started_at": start.replace(microsecond=0).isoformat(),
    }
    try:
        session = validate_exercise(raw)
    except ValidationError as exc:
        return Skipped(activity.where, f"{exc.field}: {exc.message}")
    return Candidate(session, activity.where, start)


def _note(activity: Activity) -> str | None:
    """The title as written, then whose effort score the rpe is."""
    parts = [activity.title] if activity.title else []
    if activity.effort is not None:
        parts.append(f"effort {activity.effort}/10 from {activity.effort_from}")
    return "; ".join(parts) or None


# ---- one batch ------------------------------------------------------------------------------


def _import_batch(
    conn: Any, batch: list[Found], zone: ZoneInfo | None, keep: bool, report: Report
) -> None:
    candidates: list[Candidate] = []
    for item in batch:
        if isinstance(item, Skipped):
            report.skip(item)
            continue
        report.read += 1
        made = session_of(item, zone)
        if isinstance(made, Skipped):
            report.skip(made)
            continue
        if not map_type(item.kind).known:
            report.unknown[item.kind or "(no type)"] += 1
        candidates.append(made)
    known = _known(conn, candidates)
    stored = sql.sessions_on(conn, sorted({c.session.date for c in candidates}))
    new: list[dict[str, Any]] = []
    for candidate in candidates:
        if _decide(candidate, known, stored, keep, zone, report):
            new.append(EXERCISE.stored_values(candidate.session))
            _count(candidate, report)
    sql.insert_sessions(conn, new)


def _known(conn: Any, candidates: list[Candidate]) -> set[tuple[str, str]]:
    """(source, source id) pairs of the batch already stored."""
    by_source: dict[str, list[str]] = {}
    for candidate in candidates:
        session = candidate.session
        by_source.setdefault(session.source or "", []).append(session.source_id or "")
    return {
        (source, found)
        for source, ids in by_source.items()
        for found in sql.known_ids(conn, source, sorted(set(ids)))
    }


def _decide(
    candidate: Candidate,
    known: set[tuple[str, str]],
    stored: dict[str, list[Row]],
    keep: bool,
    zone: ZoneInfo | None,
    report: Report,
) -> bool:
    """Whether to add the candidate; duplicates and overlaps are counted and noted."""
    session = candidate.session
    key = (session.source or "", session.source_id or "")
    day = stored.setdefault(session.date, [])
    if key in known:
        return _already(
            report, candidate, f"already in the diary ({_source(session.source)} id {key[1]})"
        )
    for row in day:
        if row["category"] == session.category and _same_start(row, candidate.start, zone):
            return _already(report, candidate, _same_activity(row))
    typed = [r for r in day if r["source"] is None and r["category"] == session.category]
    if typed:
        report.overlapping += 1
        first = typed[0]
        what = (
            f"on the same day as session {first['id']} typed by hand ({first['activity']} "
            f"{first['minutes']} min, {session.category.replace('_', ' ')})"
        )
        if len(report.overlaps) < KEEP:
            verdict = "imported anyway (--keep-overlaps)" if keep else "not imported"
            report.overlaps.append(Skipped(candidate.where, f"{what}: {verdict}"))
        if not keep:
            return False
    known.add(key)
    day.append({name: getattr(session, name) for name in sql.SESSION_COLUMNS})
    return True


def _already(report: Report, candidate: Candidate, reason: str) -> bool:
    report.already += 1
    if len(report.examples_already) < 5:
        report.examples_already.append(Skipped(candidate.where, reason))
    return False


def _same_start(row: Row, start: dt.datetime, zone: ZoneInfo | None) -> bool:
    """A stored start within SAME_START of `start` (naive times compared as local times)."""
    raw = row.get("started_at")
    if not raw:
        return False
    try:
        other = dt.datetime.fromisoformat(raw)
    except ValueError:
        return False
    if (other.tzinfo is None) != (start.tzinfo is None):
        other = other.astimezone(zone).replace(tzinfo=None) if other.tzinfo else other
        start = start.astimezone(zone).replace(tzinfo=None) if start.tzinfo else start
    return abs(other - start) <= SAME_START


def _count(candidate: Candidate, report: Report) -> None:
    session = candidate.session
    report.added += 1
    report.by_category[session.category] += 1
    report.by_month[session.date[:7]] += 1
    if len(report.first) < FIRST:
        described = EXERCISE.describe(session.as_row())
        report.first.append(f"{session.date} {described} ({candidate.where})")


def _source(source: str | None) -> str:
    return SOURCE_NAMES.get(source or "", "typed by hand")


def _same_activity(row: Row) -> str:
    """Why a session that starts with `row` (same category) is the same activity."""
    where = (
        "earlier in this import"
        if row.get("id") is None
        else f"already in the diary as session {row['id']}"
    )
    return f"the same activity ({_source(row['source'])}, same start and category) is {where}"
