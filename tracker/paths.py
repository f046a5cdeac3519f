"""Where tracker keeps its data: one place, nothing created at import time."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "tracker"
DB_FILENAME = "tracker.db"
ENV_DB = "TRACKER_DB"


def default_db_path() -> Path:
    """`tracker.db` in the platform's user data folder for "tracker" (platformdirs)."""
    from platformdirs import user_data_dir  # ~2 ms; only when no path is given

    return Path(user_data_dir(APP_NAME, appauthor=False)) / DB_FILENAME


def resolve_db_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """`--db PATH` first, then the TRACKER_DB environment variable, then the default."""
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get(ENV_DB)
    if env:
        return Path(env).expanduser()
    return default_db_path()
