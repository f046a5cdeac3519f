"""The words of an import's report (`import_sessions.Report`): the CLI prints these lines and
the app's import dialog shows them, as plain text (titles inside are never markup)."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from tracker.kinds import EXERCISE

if TYPE_CHECKING:
    from collections.abc import Sequence

    from tracker.exchange.import_records import Skipped
    from tracker.exchange.import_sessions import Report

FORMAT_NAMES = {
    "strava": "Strava activities.csv",
    "garmin": "Garmin Connect CSV",
    "apple_health": "Apple Health export",
    "gpx": "GPX",
    "tcx": "TCX",
    "fit": "FIT",
    "bearable": "Bearable export",
    "flaredown": "Flaredown export",
}


def report_lines(report: Report) -> list[str]:
    """Headline, then counts by category and month, the first sessions and every skip."""
    days = f"Days: the local day of each start in {report.zone}"
    if "garmin" in report.formats:
        days += " (Garmin's CSV: the local start time as written)"
    lines = [_headline(report), days + "."]
    if report.added:
        lines.append("By category: " + _counts(report.by_category, label=True))
        lines.append(_by_period(report.by_month))
        lines.append("First sessions:")
        lines += [f"  {text}" for text in report.first]
    lines += listed(
        "Already in the diary (not added again)", report.already, report.examples_already
    )
    lines += listed(
        "Same day and category as a session typed by hand", report.overlapping, report.overlaps
    )
    lines += listed("Skipped", report.skipped_count, report.skipped)
    if report.unknown:
        lines.append(
            "Types not in the mapping table (kept as their own name, category inferred): "
            + _counts(report.unknown)
        )
    return lines


#: Beyond this many months, the counts are given by year: a decade's watch history would
#: otherwise print one line of 120 months.
MONTHS_SHOWN = 24


def _by_period(by_month: Counter[str]) -> str:
    """'By month: 2020-10 4, ...', or 'By year: ...' when there are too many months."""
    if len(by_month) <= MONTHS_SHOWN:
        return "By month: " + _counts(Counter(dict(sorted(by_month.items()))))
    by_year: Counter[str] = Counter()
    for month, n in by_month.items():
        by_year[month[:4]] += n
    return "By year: " + _counts(Counter(dict(sorted(by_year.items()))))


def listed(heading: str, count: int, items: Sequence[Skipped]) -> list[str]:
    """'Heading: N', then each kept item (where: why), then how many more were not kept;
    nothing when the count is 0."""
    if not count:
        return []
    lines = [f"{heading}: {count}", *(f"  {item.where}: {item.reason}" for item in items)]
    if count > len(items):
        lines.append(f"  ... and {count - len(items)} more")
    return lines


def _headline(report: Report) -> str:
    what = (
        ", ".join(
            f"{FORMAT_NAMES.get(name, name)}" + (f" ({n} files)" if n > 1 else "")
            for name, n in sorted(report.formats.items())
        )
        or "no file tracker reads"
    )
    sessions = EXERCISE.count(report.added)
    read = f"{report.read} {'activity' if report.read == 1 else 'activities'} read"
    if report.dry_run:
        return (
            f"Dry run of {report.path} ({what}): {read}; would import {sessions}. "
            "Nothing was written."
        )
    return f"Imported {sessions} from {report.path} ({what}); {read}."


def _counts(counter: Counter[str], label: bool = False) -> str:
    items = counter.most_common() if label else list(counter.items())
    return ", ".join(f"{name.replace('_', ' ') if label else name} {n}" for name, n in items)
