"""Every Textual message of the app, in one place, named for what already happened.

Workers never touch widgets: `TrackerApp.run_store_job` posts one of these to the App or to the
screen that asked (or `StoreFailed` when the job raised), and the handler (on the main thread)
updates the widgets.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from tracker.diary_info import DiaryInfo
    from tracker.tui.data import DashboardData, HistoryPage
    from tracker.tui.medicines import MedicinesGlance
    from tracker.tui.screens.trends import TrendsData

#: The heading of a failed read's toast (a failed write says "Not saved" or "Not deleted").
READ_FAILED = "Could not read the diary"
#: The heading of a failed read of the medicine part of a screen (its own, so the rest of
#: the screen, read by another job, is not marked as unread).
MEDICINES_READ_FAILED = "Could not read the medicines"


@dataclass
class EntrySaved(Message):
    """A pain entry or exercise session was written (added, or updated when `updated`)."""

    kind: str
    entry_id: int
    day: str
    summary: str
    updated: bool = False


@dataclass
class EntryDeleted(Message):
    """An entry was deleted (`found` is False when it was already gone)."""

    kind: str
    entry_id: int
    found: bool = True


@dataclass
class DataChanged(Message):
    """The diary changed (here or in another process): screens showing data reload it."""

    origin: str = "app"
    generation: int = 0


@dataclass
class StoreFailed(Message):
    """A database job failed; `message` is one line for the user, nothing was written.

    `title` says what did not happen ("Not saved", "Could not read the diary"): the toast's
    heading, so a failed read is never reported as a failed save.
    """

    message: str
    title: str = READ_FAILED


@dataclass
class DashboardLoaded(Message):
    """The dashboard's figures were read (`data` is a `tracker.tui.data.DashboardData`)."""

    data: DashboardData


@dataclass
class HistoryLoaded(Message):
    """A page of the history was read (`page` is a `tracker.tui.data.HistoryPage`); `request`
    numbers the screen's requests, so an answer overtaken by a later one is dropped."""

    page: HistoryPage
    request: int = 0


@dataclass
class ActivitiesLoaded(Message):
    """The user's past activities were read, most used first (for suggestions)."""

    activities: list[str] = field(default_factory=list)


@dataclass
class TrendsLoaded(Message):
    """The figures for a period were read and analysed (`data` is a `TrendsData`); `request`
    numbers the load, so an answer overtaken by a later one is dropped."""

    data: TrendsData
    request: int = 0


@dataclass
class DateSpanLoaded(Message):
    """The first and last logged day were read (None for an empty diary)."""

    first: str | None
    last: str | None


@dataclass
class CsvExported(Message):
    """The CSV file was written: `rows` rows of `table` to `path`."""

    path: str
    table: str
    rows: int


@dataclass
class WorkbookExported(Message):
    """The Excel workbook was written to `path`: table -> its number of rows."""

    path: str
    rows: dict[str, int]


@dataclass
class ExistingFileFound(Message):
    """Nothing was written: the file exists, and replacing it needs the person's yes.

    `table` is the table of a CSV, or `workbook` for the Excel workbook of every table."""

    path: str
    table: str
    start: str | None
    end: str | None


@dataclass
class DiaryInfoLoaded(Message):
    """The facts about the diary were read (for the About screen)."""

    info: DiaryInfo


@dataclass
class ImportPreviewed(Message):
    """A dry run of an import ran (nothing written): `lines` is its report, `request` the
    inputs it was made for (path, time zone, keep overlaps), `sessions` what it would add."""

    request: tuple[str, str, bool]
    lines: list[str]
    sessions: int


@dataclass
class SessionsImported(Message):
    """An import was written in one transaction: `lines` is its report, `added` the sessions."""

    lines: list[str]
    added: int


@dataclass
class DosesLoaded(Message):
    """A day's dose slots were read (`tracker.analysis.dose_slots.DoseSlot`s)."""

    day: str
    slots: list = field(default_factory=list)


@dataclass
class MedicinesLoaded(Message):
    """The medicine part of a screen was read (a `tracker.tui.medicines.MedicinesGlance`)."""

    glance: MedicinesGlance


@dataclass
class MedicineNamesLoaded(Message):
    """Every medicine was read (rows, by name) for a form's choice or its name check."""

    medicines: list = field(default_factory=list)
