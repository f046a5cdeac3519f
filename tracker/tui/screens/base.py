"""Screens that know their app is a `TrackerApp`.

Textual types `self.app` as `App[Any]`; these bases add `tracker_app`, the same object typed
as `TrackerApp`, so a screen's calls (`run_store_job`, `save_entry`, `db_path`...) are checked.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar, cast

from textual.screen import ModalScreen, Screen

if TYPE_CHECKING:
    from tracker.tui.app import TrackerApp

ResultType = TypeVar("ResultType")


class TrackerScreen(Screen[ResultType]):
    """A full screen of the tracker app."""

    @property
    def tracker_app(self) -> TrackerApp:
        return cast("TrackerApp", self.app)


class TrackerModal(ModalScreen[ResultType]):
    """A modal screen of the tracker app."""

    @property
    def tracker_app(self) -> TrackerApp:
        return cast("TrackerApp", self.app)
