"""What `tracker info` and the app's "About this diary" screen say: one gathering, one wording.

Where the diary is, its size, its rows per kind (the kind registry), its schema version, when
tracker last saw it healthy (the corruption guard's stamp, `store/guard.py`) and the last
backup. tracker records each successful `tracker backup` (its path and time) in the hidden
file `.NAME.last-backup` beside the diary, so the record travels with the diary; it is a note,
not a promise: a backup moved or deleted since is reported as recorded.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from tracker.kinds import KINDS
from tracker.store import Store
from tracker.store.core import SCHEMA_VERSION
from tracker.store.guard import known_healthy, stamp_path


@dataclass(frozen=True)
class Backup:
    """The last backup tracker made of a diary."""

    path: str
    at: str  # local time, YYYY-MM-DDTHH:MM:SS


@dataclass(frozen=True)
class DiaryInfo:
    """Everything the info command and screen show."""

    path: str
    size_bytes: int
    rows: dict[str, int]
    schema_version: int
    last_checked_healthy: str | None
    last_backup: Backup | None
    config_path: str

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def backup_record_path(database: Path) -> Path:
    """Where the last backup of `database` is recorded: a hidden file beside it."""
    return database.with_name(f".{database.name}.last-backup")


def _now() -> str:
    return dt.datetime.now().replace(microsecond=0).isoformat()


def record_backup(database: Path, backup: Path) -> str | None:
    """Note a successful backup of `database` at `backup`; None, or one line saying why the
    note could not be written (a read-only folder): the backup itself stands either way."""
    from tracker.safe_files import OutputRefused, write_text

    note = {"path": str(Path(backup).resolve()), "at": _now()}
    try:
        write_text(backup_record_path(database), json.dumps(note) + "\n", force=True)
    except (OSError, OutputRefused) as exc:
        return f"the backup was not recorded for `tracker info`: {exc}"
    return None


def last_backup(database: Path) -> Backup | None:
    """The recorded last backup of `database`, or None (never, or the note is unreadable)."""
    try:
        note = json.loads(backup_record_path(database).read_text(encoding="utf-8"))
        return Backup(path=str(note["path"]), at=str(note["at"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def last_checked_healthy(database: Path) -> str | None:
    """When tracker last saw the file healthy (a full check or its own write), if the file
    is unchanged since; None when it changed since or was never checked."""
    if not known_healthy(database):
        return None
    seen = os.stat(stamp_path(database)).st_mtime
    return dt.datetime.fromtimestamp(seen).replace(microsecond=0).isoformat()


def diary_size(database: Path) -> int:
    """The diary's bytes on disk: the file and its write-ahead log."""
    total = 0
    for part in (database, database.with_name(database.name + "-wal")):
        with contextlib.suppress(OSError):
            total += part.stat().st_size
    return total


def gather(store: Store, config: Path) -> DiaryInfo:
    """The facts about the open diary (runs in the app's store worker, or in the CLI)."""
    path = store.path
    return DiaryInfo(
        path=str(path),
        size_bytes=diary_size(path),
        rows={name: store.count(name) for name in KINDS},
        schema_version=SCHEMA_VERSION,
        last_checked_healthy=last_checked_healthy(path),
        last_backup=last_backup(path),
        config_path=str(config),
    )


def human_size(size: int) -> str:
    """1234567 -> "1.2 MB" (decimal units, as file managers show them)."""
    value = float(size)
    for unit in ("bytes", "kB", "MB", "GB"):
        if value < 1000 or unit == "GB":
            return f"{size} bytes" if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1000
    raise AssertionError("unreachable")


def lines(info: DiaryInfo) -> list[tuple[str, str]]:
    """The facts as (label, text) rows, the same for the command and the screen."""
    counts = ", ".join(KINDS[name].count(n) for name, n in info.rows.items())
    checked = (
        f"{info.last_checked_healthy.replace('T', ' ')} (a full check or tracker's own write; "
        "unchanged since)"
        if info.last_checked_healthy
        else "not since it last changed (a full check runs before the next write; "
        "`tracker check` checks now)"
    )
    backup = info.last_backup
    return [
        ("Diary", info.path),
        ("Size", human_size(info.size_bytes)),
        ("Entries", counts),
        ("Schema", f"version {info.schema_version}"),
        ("Last seen healthy", checked),
        ("Last backup", f"{backup.at.replace('T', ' ')} to {backup.path}" if backup else "never"),
        ("Settings", info.config_path),
    ]


def text(info: DiaryInfo) -> str:
    """The facts as aligned lines of plain text."""
    rows = lines(info)
    width = max(len(label) for label, _ in rows) + 1
    return "\n".join(f"{label + ':':<{width}} {value}" for label, value in rows)
