"""The corruption guard: a damaged file is never written to, at a cost that stays flat.

A full `PRAGMA integrity_check` reads the whole file (4 ms on ten years, growing with the
file), too much to pay before every one-line log. So tracker remembers the last state of the
file it saw healthy: after a full check passes, and after each of its own writes, it records
the main file's identity (device, inode, size, modification time) in a small stamp file beside
it, `.NAME.verified`. Before a Store's first write it compares: the same stamp means nothing but
tracker has touched the file since it was last known healthy, so the write goes ahead after
one `stat`; any other stamp (another program, a copy, a restore, a bit flipped by a tool, a
missing stamp) means a full integrity check first.

The -wal is part of the stamp (a commit lands there, not in the main file), and a Store that
finds the stamp valid when it closes records it again after closing: the last connection's
close checkpoints the -wal into the main file, changing its identity, and without this a
reader (the app, `tracker tips`) closing after the shell logged a line would make the next
log pay a full check. So the guard costs one `stat` of each file and one small read on every
everyday path, whatever the diary's size; a full check runs only after a change tracker did
not make (measured by benchmarks/bench_cli_views.py).

What this cannot see, and what covers it: damage that leaves size and time unchanged (silent
disk rot) is found by `tracker check` and by `tracker backup`, which checks its copy, and by
SQLite itself on every page it reads (`cell_size_check`).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path

#: How many problems integrity_check reports at most (the first is enough to refuse).
CHECK_LIMIT = 20


def stamp_path(database: Path) -> Path:
    """Where the stamp of `database` lives: a hidden file beside it."""
    return database.with_name(f".{database.name}.verified")


def current_stamp(database: Path) -> str | None:
    """The main file's identity now, and its -wal's when that holds anything; None when the
    main file cannot be read. The -wal counts: a write by another program lands there first
    and reaches the main file only at a checkpoint, which tracker's own close may run."""
    try:
        info = os.stat(database)
    except OSError:
        return None
    stamp = f"{info.st_dev} {info.st_ino} {info.st_size} {info.st_mtime_ns}"
    try:
        wal = os.stat(f"{database}-wal")
    except OSError:
        return stamp
    # An empty -wal is what any connection creates on opening: no content, nothing to check.
    return (
        stamp if wal.st_size == 0 else f"{stamp} wal {wal.st_ino} {wal.st_size} {wal.st_mtime_ns}"
    )


def recorded_stamp(database: Path) -> str | None:
    try:
        return stamp_path(database).read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None


def record_stamp(database: Path) -> None:
    """Remember the file as healthy now. A cache: losing it only costs one full check.

    Written to a temporary name and renamed (no fsync: a stamp lost in a crash is harmless,
    it only means a full check next time). A read-only folder simply keeps no stamp. An
    unchanged stamp is not written again: in WAL mode a commit leaves the main file as it was,
    so the everyday log reads the small file and writes nothing.
    """
    stamp = current_stamp(database)
    if stamp is None or stamp == recorded_stamp(database):
        return
    target = stamp_path(database)
    temporary = target.with_name(f"{target.name}.{os.getpid()}.part")
    with contextlib.suppress(OSError):
        fd = os.open(temporary, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as handle:
            handle.write(stamp + "\n")
        os.replace(temporary, target)
    with contextlib.suppress(OSError):
        temporary.unlink()


def known_healthy(database: Path) -> bool:
    """True when the file is exactly as tracker last saw it healthy."""
    stamp = current_stamp(database)
    return stamp is not None and stamp == recorded_stamp(database)


def integrity_problems(conn: sqlite3.Connection, limit: int = CHECK_LIMIT) -> list[str]:
    """SQLite's full integrity check: [] when healthy, else its messages (at most `limit`)."""
    rows = conn.execute(f"PRAGMA integrity_check({int(limit)})").fetchall()
    messages = [
        " ".join(str(row[0]).replace("*** in database main ***", "").split()) for row in rows
    ]
    return [] if messages == ["ok"] else [m for m in messages if m]
