"""Which format a file is, from its first bytes or its header, never from its name alone.

- a zip holding `export.xml` -> Apple Health; bytes 8-11 `.FIT` -> FIT;
- XML: the root element, read from the first 64 KB (`<HealthData` Apple Health, `<gpx` GPX,
  `<TrainingCenterDatabase` TCX);
- CSV: the header row: Strava's columns (`Activity ID`, `Activity Date`, `Activity Type`,
  `Elapsed Time`), Garmin's (`Activity Type` with a date and a time column, no id),
  Bearable's (`date, weekday, time of day, category, rating/amount, detail`), Flaredown's
  (`Date` first, `Tags` then `Foods`), else tracker's own CSV (its own importer,
  `csv_import`, decides whether it is one).
A folder is read file by file (sorted, sub-folders included); hidden files are passed over.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

from tracker.exchange import (
    import_apple_health,
    import_bearable,
    import_fit,
    import_flaredown,
    import_garmin,
    import_gpx,
    import_strava,
    import_tcx,
)
from tracker.exchange.import_records import Found
from tracker.problems import UsageProblem

#: Format name -> its reader and how the user knows it.
READERS: dict[str, tuple[Callable[[Path], Iterator[Found]], str]] = {
    "strava": (import_strava.read, "a Strava activities.csv"),
    "garmin": (import_garmin.read, "a Garmin Connect activities CSV"),
    "apple_health": (import_apple_health.read, "an Apple Health export"),
    "gpx": (import_gpx.read, "a GPX track"),
    "tcx": (import_tcx.read, "a TCX activity"),
    "fit": (import_fit.read, "a FIT activity"),
}
#: Symptom diaries (medicines, doses and 0-4 symptom ratings: `import_diaries`), by name.
DIARIES: dict[str, str] = {"bearable": "a Bearable export", "flaredown": "a Flaredown export"}
#: tracker's own CSV (pain entries or exercise sessions), read by `csv_import`.
TRACKER_CSV = "tracker_csv"
HEAD = 65536
_ROOTS = {"HealthData": "apple_health", "gpx": "gpx", "TrainingCenterDatabase": "tcx"}


def sniff(path: Path) -> str:
    """The format of the file at `path` (a key of READERS or DIARIES, or TRACKER_CSV);
    UsageProblem if it is none tracker reads."""
    with open(path, "rb") as handle:
        head = handle.read(HEAD)
    if import_fit.is_fit(head):
        return "fit"
    if head.startswith(b"PK\x03\x04"):
        return _zip_format(path)
    text = head.decode("utf-8-sig", errors="replace")
    root = _xml_root(text)
    if root is not None:
        if root in _ROOTS:
            return _ROOTS[root]
        raise UsageProblem(f"{path}: an XML file with <{root}>, not one tracker imports")
    return _csv_format(path, text)


def _zip_format(path: Path) -> str:
    try:
        member = import_apple_health.zip_member(path)
    except zipfile.BadZipFile as exc:
        raise UsageProblem(f"{path}: a damaged zip file ({exc})") from None
    if member is None:
        raise UsageProblem(
            f"{path}: a zip file without export.xml; tracker reads Apple Health's export.zip, "
            "and its own CSV files (not workbooks)"
        )
    return "apple_health"


def _xml_root(text: str) -> str | None:
    """The root element's local name, if the text starts like XML."""
    if not text.lstrip().startswith("<"):
        return None
    body = re.sub(r"<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^\[>]*(\[.*?\])?\s*>", "", text, flags=re.S)
    match = re.search(r"<\s*([A-Za-z_][\w.\-]*:)?([A-Za-z_][\w.\-]*)", body)
    if match:
        return match.group(2)
    # a DTD longer than the bytes read: the first known root named after it
    found = [root for root in _ROOTS if f"<{root}" in text.split("]>", 1)[-1]]
    return found[0] if found else "unknown"


def _csv_format(path: Path, text: str) -> str:
    first = text.splitlines()[0] if text.strip() else ""
    try:
        header = next(csv.reader(io.StringIO(first)), [])
    except csv.Error:
        header = []
    if import_strava.is_strava(header):
        return "strava"
    if import_garmin.is_garmin(header):
        return "garmin"
    if import_bearable.is_bearable(header):
        return "bearable"
    if import_flaredown.is_flaredown(header):
        return "flaredown"
    return TRACKER_CSV


def files_in(folder: Path) -> Iterator[Path]:
    """The files of a folder and its sub-folders, sorted, hidden ones passed over."""
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not any(
            part.startswith(".") for part in path.relative_to(folder).parts
        ):
            yield path
