"""Every file tracker writes goes through here: outputs never destroy inputs.

The rules (the README's "When something is wrong" promises them, tests hold them):
- written to a temporary file in the target's own folder, flushed and fsynced, then renamed
  over the name (one atomic step on POSIX): a killed process or a full disk leaves either the
  old file or the new one, never half of either, and the folder is fsynced after the rename;
- created 0600 whatever the umask (mkstemp), because it is health data;
- never through a symlink planted at the target: rename replaces the link itself, and an
  existing link is refused like any existing file without the user's word;
- never onto an SQLite file (the diary, a backup, any other program's database) or the
  diary's `-wal`/`-shm`, even with the user's word;
- never over an existing file unless the caller says the user agreed (`force=True`: `--force`
  on the CLI, a confirmation in the app);
- `-` is standard output wherever a command accepts it; no function here ever makes a file
  named `-`.

Standard library only: the store (backups, migration copies) and the headless exchange
package use it, and so does the app's export dialog through exchange.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

#: The first 16 bytes of every SQLite 3 database file.
SQLITE_HEADER = b"SQLite format 3\x00"
#: Suffix of the temporary files this module makes (a leftover one is safe to delete).
PART_SUFFIX = ".part"
STDOUT = "-"


class OutputRefused(Exception):
    """tracker will not write this file; the message is one line for the user."""


class OutputExists(OutputRefused):
    """The target exists; writing needs the user's word (`--force`, or a yes in the app)."""

    def __init__(self, path: Path, message: str | None = None):
        super().__init__(
            message or f"{path} already exists; choose another name, or add --force to replace it"
        )
        self.path = path


def is_stdout(target: str | os.PathLike[str] | None) -> bool:
    """True when the user named standard output (`-`)."""
    return target is not None and os.fspath(target) == STDOUT


def _same_file(a: os.stat_result, b: os.stat_result) -> bool:
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)


def _protected_stats(protect: Iterable[str | os.PathLike[str]]) -> list[os.stat_result]:
    """stat() of the protected files and of their -wal, -shm and -journal companions."""
    stats = []
    for base in protect:
        for suffix in ("", "-wal", "-shm", "-journal"):
            with contextlib.suppress(OSError):
                stats.append(os.stat(os.fspath(base) + suffix))
    return stats


def _is_sqlite_file(path: Path) -> bool:
    """True when `path` is a regular file that starts with the SQLite header.

    The caller has already made sure `path` is none of this process's open databases: closing
    a descriptor on a file drops every POSIX lock the process holds on it, so tracker never
    open()s the diary itself.
    """
    try:
        with open(path, "rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def check_target(
    path: str | os.PathLike[str],
    *,
    force: bool = False,
    protect: Iterable[str | os.PathLike[str]] = (),
) -> Path:
    """The target as a Path, or OutputRefused saying why tracker will not write it.

    `protect` names the databases open in this process (the diary): neither they nor their
    companions are ever opened or replaced.
    """
    if is_stdout(path):
        raise OutputRefused("'-' (standard output) cannot be used here; give a file name")
    if os.fspath(path).strip() == "":
        raise OutputRefused("the file name is empty; give a file name")
    path = Path(path).expanduser()
    folder = path.parent
    if not folder.is_dir():
        raise OutputRefused(f"{folder} is not an existing folder; create it first")
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return path
    except OSError as exc:
        raise OutputRefused(f"cannot write {path}: {exc.strerror}") from None
    if stat.S_ISDIR(info.st_mode):
        raise OutputRefused(f"{path} is a folder; give a file name")
    if stat.S_ISLNK(info.st_mode):
        if not force:
            raise OutputExists(
                path,
                f"{path} is a symbolic link; tracker does not write through links "
                "(with --force, or a yes in the app, the link itself is replaced)",
            )
        return path
    if not stat.S_ISREG(info.st_mode):
        raise OutputRefused(f"{path} is not a regular file; give another name")
    if any(_same_file(info, other) for other in _protected_stats(protect)):
        raise OutputRefused(
            f"{path} is the diary database (or part of it); it is never overwritten"
        )
    if os.fspath(path).endswith(("-wal", "-shm", "-journal")):
        raise OutputRefused(
            f"{path} looks like part of an SQLite database; it is never overwritten"
        )
    if _is_sqlite_file(path):
        raise OutputRefused(
            f"{path} is an SQLite database (a diary or a backup); it is never overwritten"
        )
    if not force:
        raise OutputExists(path)
    return path


def fsync_file(path: Path) -> None:
    """Flush a finished file (written by another handle, e.g. SQLite's) to the disk."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); folders cannot be opened on Windows."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextlib.contextmanager
def temporary_beside(path: Path) -> Iterator[Path]:
    """An empty 0600 temporary file in `path`'s folder, removed unless the caller renamed it."""
    import tempfile  # about 4 ms: only when a file is written, never on the one-line log

    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=PART_SUFFIX, dir=path.parent)
    os.close(fd)
    temporary = Path(name)
    try:
        yield temporary
    finally:
        temporary.unlink(missing_ok=True)


def commit(
    temporary: Path, path: Path, *, force: bool, protect: Iterable[str | os.PathLike[str]] = ()
) -> None:
    """Rename a finished, fsynced temporary file onto `path`, checking the target again.

    The second check closes the window in which another program could have created the
    target (or planted a link there) while tracker was writing.
    """
    check_target(path, force=force, protect=protect)
    if force:
        os.replace(temporary, path)
    else:
        # link() fails if the name exists: no race can make an unforced write replace a file.
        try:
            os.link(temporary, path)
        except FileExistsError:
            raise OutputExists(path) from None
        except OSError:
            # A file system without hard links (FAT, some network mounts): best effort.
            if os.path.lexists(path):
                raise OutputExists(path) from None
            os.replace(temporary, path)
        else:
            temporary.unlink(missing_ok=True)
    fsync_folder(path.parent)


def _open_new(path: Path, *, binary: bool, encoding: str, newline: str | None) -> IO[Any]:
    """The temporary file opened for writing: bytes, or text in `encoding` with `newline`."""
    if binary:
        return open(path, "wb")
    return open(path, "w", encoding=encoding, newline=newline)


@contextlib.contextmanager
def atomic_output(
    path: str | os.PathLike[str],
    *,
    force: bool = False,
    binary: bool = False,
    encoding: str = "utf-8",
    newline: str | None = "",
    protect: Iterable[str | os.PathLike[str]] = (),
) -> Iterator[IO[Any]]:
    """Open a safe output for `path`: write to the handle; the file appears whole on success.

    On any exception (a full disk, Ctrl-C) the temporary file is removed and the old file, if
    any, is untouched.
    """
    protect = list(protect)
    target = check_target(path, force=force, protect=protect)
    with temporary_beside(target) as temporary:
        with _open_new(temporary, binary=binary, encoding=encoding, newline=newline) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        commit(temporary, target, force=force, protect=protect)


def write_bytes(path: str | os.PathLike[str], data: bytes, **options: Any) -> Path:
    """Write `data` safely (see `atomic_output`); returns the path written."""
    with atomic_output(path, binary=True, **options) as handle:
        handle.write(data)
    return Path(path).expanduser()


def write_text(path: str | os.PathLike[str], text: str, **options: Any) -> Path:
    """Write `text` safely as UTF-8 (see `atomic_output`); returns the path written."""
    with atomic_output(path, **options) as handle:
        handle.write(text)
    return Path(path).expanduser()
