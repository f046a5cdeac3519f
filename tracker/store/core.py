"""The Store: one SQLite file, opened safely, with every write in one transaction.

Plain sqlite3 on the hot path (a one-line log, `remind`): an up-to-date file is recognised by
`PRAGMA application_id` and `PRAGMA user_version` alone, so sqlite-utils (about 100 ms to
import) loads only to create or migrate a file, or for the bulk and query helpers that earn it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
import urllib.parse
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from tracker.kinds import EXERCISE, KINDS, PAIN, Kind, kind_named, kind_of, referring_to
from tracker.models import Entry, Row

# The file's identity (application id, schema version) is checked by both doors: here and in
# the light one `remind` uses (store.quick), so it is declared there.
from tracker.store.quick import APPLICATION_ID, BUSY_TIMEOUT_MS, SCHEMA_VERSION
from tracker.store.quick import writable as _writable
from tracker.store.rows import damage, how_to_fix

#: The stored columns of each kind, in order (declared by the kind in `tracker.kinds`).
PAIN_COLUMNS = PAIN.columns
EXERCISE_COLUMNS = EXERCISE.columns


class StoreError(Exception):
    """A problem with the database file itself, said in one line for the user."""


class DamagedRow(StoreError):
    """A stored row holds a value no tracker write could have made (a damaged file)."""


#: Schema objects a tracker database may hold before its creation finished (what earlier
#: versions made; a fixed list, like the migrations, whatever kinds are added later).
_OWN_OBJECTS = {
    "pain",
    "exercise",
    "pain_date",
    "exercise_date",
    "_sqlite_migrations",
    "sqlite_sequence",
}


def _make_private_folder(folder: Path) -> None:
    if not folder.exists():
        os.makedirs(folder, mode=0o700, exist_ok=True)


def _row_to_dict(of: Kind, row: tuple[Any, ...]) -> Row:
    """A stored row of kind `of` as a dict, its word lists split into lists."""
    data = dict(zip(of.columns, row, strict=True))
    for name in of.word_lists:
        data[name] = [word for word in (data[name] or "").split(",") if word]
    for name in of.flags:
        if type(data[name]) is int and data[name] in (0, 1):  # anything else: `damage` names it
            data[name] = bool(data[name])
    return data


def _create_database(path: Path) -> None:
    """Make a complete new diary under a temporary name, then link it into place.

    The name `path` only ever shows a finished database: a first run killed at any instant
    leaves at most a hidden `.NAME.*.part` file (safe to delete), never a file that later runs
    refuse. Two first runs at once each build their own; link() lets exactly one win and the
    other simply opens the winner's file.
    """
    from tracker.safe_files import fsync_file, fsync_folder, temporary_beside
    from tracker.store.schema import migrate  # loads sqlite-utils: new files only

    _make_private_folder(path.parent)
    with temporary_beside(path) as temporary:
        conn = sqlite3.connect(temporary, isolation_level=None)
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("BEGIN IMMEDIATE")
            migrate(conn)
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute("COMMIT")
        finally:
            conn.close()  # the last connection: checkpoints and removes the -wal
        fsync_file(temporary)
        with contextlib.suppress(FileExistsError):
            os.link(temporary, path)
        fsync_folder(path.parent)


def _connect(path: Path, timeout: float, same_thread: bool) -> tuple[sqlite3.Connection, bool]:
    """(connection, read_only): read-write when possible, else read-only, else immutable.

    A diary on a read-only medium (a locked USB stick, a mounted backup) can still be read
    and exported: `mode=ro` needs the -shm to exist or be creatable, `immutable=1` needs
    nothing but promises SQLite that nobody writes the file meanwhile.
    """

    def connect(database: str | Path, uri: bool = False) -> sqlite3.Connection:
        return sqlite3.connect(
            database,
            timeout=timeout,
            isolation_level=None,
            check_same_thread=same_thread,
            uri=uri,
        )

    if _writable(path):
        return connect(path), False
    uri = "file:" + urllib.parse.quote(str(path.absolute()))
    try:
        conn = connect(uri + "?mode=ro", uri=True)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn, True
    except sqlite3.OperationalError:
        return connect(uri + "?mode=ro&immutable=1", uri=True), True


def _keep_copy(temporary: Path, database: Path, version: int) -> Path:
    """Give a finished migration copy its final name, unique so it never blocks a later run."""
    from tracker.safe_files import fsync_folder

    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    base = f"{database.name}.before-schema-{SCHEMA_VERSION}.{stamp}"
    for attempt in range(1, 100):
        name = f"{base}.bak" if attempt == 1 else f"{base}-{attempt}.bak"
        try:
            os.link(temporary, database.with_name(name))
        except FileExistsError:
            continue
        fsync_folder(database.parent)
        return database.with_name(name)
    raise StoreError(f"could not name the copy of {database} taken before schema {version}")


class Store:
    """The only door to the database. Open with `Store.open(path)`; close when done."""

    def __init__(self, path: Path, conn: sqlite3.Connection, read_only: bool = False):
        self.path = path
        self.conn = conn
        self.read_only = read_only
        self._checked = False

    # ---- opening ---------------------------------------------------------------------------
    @classmethod
    def open(
        cls,
        path: str | os.PathLike[str],
        *,
        create: bool = True,
        busy_timeout_ms: int = BUSY_TIMEOUT_MS,
        check_same_thread: bool = True,
    ) -> Store:
        """Open (or create) the tracker database at `path`, migrating an older file forward."""
        if os.fspath(path).strip() == "":
            raise StoreError("the database path is empty; give a file name with --db")
        path = Path(path)
        if path.is_dir():
            raise StoreError(f"{path} is a folder, not a tracker database")
        if not path.exists():
            if not create:
                raise StoreError(f"{path} does not exist")
            try:
                _create_database(path)
            except sqlite3.Error as exc:
                raise StoreError(describe_sqlite_error(exc, path)) from None
        try:
            conn, read_only = _connect(path, busy_timeout_ms / 1000, check_same_thread)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open {path}: {exc}") from None
        store = cls(path, conn, read_only)
        try:
            conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
            conn.execute("PRAGMA cell_size_check = ON")
            conn.execute("PRAGMA foreign_keys = ON")  # a dose's medicine must exist
            store._prepare()
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise StoreError(describe_sqlite_error(exc, path)) from None
        except BaseException:
            conn.close()
            raise
        return store

    def _identity(self) -> tuple[int, int, set[str]]:
        """(application_id, user_version, schema object names; empty when up to date)."""
        app_id, version = self.conn.execute(
            "SELECT * FROM pragma_application_id, pragma_user_version"
        ).fetchone()
        if app_id == APPLICATION_ID and version == SCHEMA_VERSION:
            return app_id, version, set()
        names = {r[0] for r in self.conn.execute("SELECT name FROM sqlite_master")}
        return app_id, version, names

    def _prepare(self) -> None:
        app_id, version, names = self._identity()
        if app_id == APPLICATION_ID and version == SCHEMA_VERSION:
            return
        if app_id != APPLICATION_ID and not self._unfinished(names):
            raise StoreError(f"{self.path} is an SQLite file of another program, not tracker's")
        if app_id == APPLICATION_ID and version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} was written by a newer tracker (schema {version}); upgrade tracker"
            )
        if self.read_only:
            raise StoreError(
                f"{self.path} needs an update (schema {version} to {SCHEMA_VERSION}) but is "
                "read-only; copy it somewhere writable first"
            )
        if app_id != APPLICATION_ID:
            self._finish_creation()
        else:
            self._migrate_with_backup()

    def _unfinished(self, names: set[str]) -> bool:
        """An interrupted first run of an earlier tracker: only its own tables, all empty.

        (An empty file is one too.) Such a file holds no entry, so finishing its creation
        loses nothing; anything else without tracker's mark is another program's file.
        """
        if not names <= _OWN_OBJECTS:
            return False
        for table in names & {"pain", "exercise"}:
            if self.conn.execute(f"SELECT EXISTS(SELECT 1 FROM {table})").fetchone()[0]:
                return False
        return True

    def _finish_creation(self) -> None:
        """Create the schema in a file an interrupted first run left, under the write lock."""
        from tracker.store.schema import migrate

        if self.conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            self.conn.execute("PRAGMA journal_mode = WAL")
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            app_id, _, names = self._identity()
            if app_id != APPLICATION_ID:  # another process may have finished it meanwhile
                if not self._unfinished(names):
                    raise StoreError(f"{self.path} is an SQLite file of another program")
                migrate(self.conn)
                self.conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            self.conn.execute("COMMIT")
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise

    def _migrate_with_backup(self) -> Path | None:
        """Copy the file aside, then migrate in one transaction under the write lock.

        The copy is made first (the online backup API cannot read through a connection that
        holds the write lock) under a temporary name, and given its final, unique name
        (`NAME.before-schema-N.YYYYMMDD-HHMMSS.bak`) only once the migration committed. A
        migration killed at any instant rolls back whole; a leftover copy never blocks a later
        run. Two processes opening the same old file: one migrates, the other waits for the
        lock, finds the work done and drops its copy.
        """
        from tracker.safe_files import temporary_beside
        from tracker.store.schema import migrate

        with temporary_beside(self.path) as temporary:
            self._copy_to(temporary)
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                _, version, _ = self._identity()
                if version == SCHEMA_VERSION:
                    self.conn.execute("COMMIT")
                    return None
                migrate(self.conn)
                self.conn.execute("COMMIT")
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise
            return _keep_copy(temporary, self.path, version)

    def _copy_to(self, target_path: Path) -> None:
        target = sqlite3.connect(target_path)
        try:
            self.conn.backup(target)
        finally:
            target.close()

    def close(self) -> None:
        """Close; a file known healthy before is recorded as healthy again after.

        Closing the last connection checkpoints the WAL into the main file, which changes its
        stamp: re-recording it here keeps the next one-line log from a needless full check,
        whether this Store wrote (it verified the file) or only read (the stamp held).
        """
        from tracker.store.guard import known_healthy, record_stamp

        # Known healthy now (this Store checked it, or the stamp still holds): the checkpoint
        # that closing may run only copies pages tracker saw healthy into the main file.
        healthy = self._checked or (not self.read_only and known_healthy(self.path))
        self.conn.close()
        if healthy:
            record_stamp(self.path)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- transactions ----------------------------------------------------------------------
    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: all of it is stored, or none of it."""
        if self.read_only:
            raise StoreError(f"{self.path} is read-only; nothing was written")
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            self._refuse_corrupt_file()
        except sqlite3.DatabaseError as exc:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise StoreError(describe_sqlite_error(exc, self.path)) from None
        except StoreError:
            self.conn.execute("ROLLBACK")
            raise
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        try:
            self.conn.execute("COMMIT")
        except sqlite3.OperationalError as exc:
            self.conn.execute("ROLLBACK")
            raise StoreError(describe_sqlite_error(exc, self.path)) from None
        from tracker.store.guard import record_stamp

        record_stamp(self.path)  # an auto-checkpoint may have changed the main file

    def _refuse_corrupt_file(self) -> None:
        """Before this Store's first write: a damaged file is never written to.

        A full integrity check runs unless the file is exactly as tracker last saw it healthy
        (see `store.guard`): one `stat` on the everyday path, whatever the diary's size.
        """
        if self._checked:
            return
        from tracker.store.guard import integrity_problems, known_healthy

        if not known_healthy(self.path):
            problems = integrity_problems(self.conn, limit=1)
            if problems:
                raise StoreError(
                    f"{self.path} is damaged ({problems[0]}); it was not modified. "
                    "Run `tracker check`, and restore a copy made with `tracker backup`"
                )
        self._checked = True

    # ---- writes ----------------------------------------------------------------------------
    def add(self, entry: Entry) -> int:
        """Store one validated entry of any kind; returns its new id."""
        of = kind_of(entry)
        with self.transaction() as conn:
            return self._insert(conn, of.table, _stored_values(of, entry))

    def add_many(self, *groups: Iterable[Entry]) -> tuple[int, ...]:
        """Store many entries (of any kinds) in one transaction; returns each group's count."""
        counts: list[int] = []
        by_kind: dict[str, list[Row]] = {}
        for group in groups:
            entries = list(group)
            counts.append(len(entries))
            for entry in entries:
                of = kind_of(entry)
                by_kind.setdefault(of.name, []).append(_stored_values(of, entry))
        with self.transaction() as conn:
            for name, rows in by_kind.items():
                self._insert_many(conn, KINDS[name].table, rows)
        return tuple(counts)

    def update(self, entry_id: int, entry: Entry) -> bool:
        """Replace the values of the stored entry `entry_id` of the entry's kind.

        `logged_at` keeps its stored value: it records when the entry was first written.
        """
        of = kind_of(entry)
        with self.transaction() as conn:
            return self._update(conn, of.table, entry_id, _stored_values(of, entry))

    def delete(self, kind_name: str, entry_id: int) -> bool:
        """Delete one entry; a row others refer to (a medicine with doses) is refused with
        a UsageProblem naming what refers to it, and nothing is deleted."""
        table = table_name(kind_name)
        with self.transaction() as conn:
            _refuse_referenced(conn, kind_name, entry_id)
            cursor = conn.execute(f"DELETE FROM {table} WHERE id = ?", (entry_id,))
            return cursor.rowcount > 0

    def check_deletable(self, kind_name: str, entry_id: int) -> None:
        """UsageProblem when rows of other kinds refer to this entry (ask before `delete`)."""
        _refuse_referenced(self.conn, kind_name, entry_id)

    @staticmethod
    def _insert(conn: sqlite3.Connection, table: str, values: Row) -> int:
        names = ", ".join(values)
        marks = ", ".join("?" for _ in values)
        cursor = conn.execute(
            f"INSERT INTO {table} ({names}) VALUES ({marks})", tuple(values.values())
        )
        # An INSERT always sets lastrowid; int() of None would fail the same way.
        assert cursor.lastrowid is not None
        return int(cursor.lastrowid)

    @staticmethod
    def _insert_many(conn: sqlite3.Connection, table: str, rows: list[Row]) -> None:
        if not rows:
            return
        names = list(rows[0])
        sql = f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' for _ in names)})"
        conn.executemany(sql, (tuple(r[n] for n in names) for r in rows))

    @staticmethod
    def _update(conn: sqlite3.Connection, table: str, entry_id: int, values: Row) -> bool:
        values.pop("logged_at", None)  # the original write time stays
        assignments = ", ".join(f"{name} = ?" for name in values)
        cursor = conn.execute(
            f"UPDATE {table} SET {assignments} WHERE id = ?", (*values.values(), entry_id)
        )
        return cursor.rowcount > 0

    # ---- reads -----------------------------------------------------------------------------
    def get(self, kind_name: str, entry_id: int) -> Row | None:
        columns = kind_named(kind_name).columns
        row = self.conn.execute(
            f"SELECT {', '.join(columns)} FROM {table_name(kind_name)} WHERE id = ?", (entry_id,)
        ).fetchone()
        return _row_to_dict(kind_named(kind_name), row) if row else None

    def rows(self, kind_name: str, start: str | None = None, end: str | None = None) -> list[Row]:
        """Entries of one kind with start <= date <= end (ISO days), oldest first."""
        return list(self.iter_rows(kind_name, start, end))

    def iter_rows(
        self, kind_name: str, start: str | None = None, end: str | None = None
    ) -> Iterator[Row]:
        """The same rows one at a time, straight from the cursor (bounded memory)."""
        of = kind_named(kind_name)
        where, params = date_clause(start, end)
        cursor = self.conn.execute(
            f"SELECT {', '.join(of.columns)} FROM {of.table}{where} ORDER BY date, logged_at, id",
            params,
        )
        for row in cursor:
            yield _sound(kind_name, _row_to_dict(of, row))

    def pain_rows(self, start: str | None = None, end: str | None = None) -> list[Row]:
        return self.rows("pain", start, end)

    def exercise_rows(self, start: str | None = None, end: str | None = None) -> list[Row]:
        return self.rows("exercise", start, end)

    def first_rated_days(
        self, days: int, since: str | None = None, having: tuple[str, ...] = ()
    ) -> list[Row]:
        """Pain entries of the first `days` days (on or after `since`) that have a rating, or,
        with `having`, a value in each of those columns: a baseline's rows. Whole days: every
        entry of each day in that span, oldest first; [] when no day qualifies."""
        tests = "".join(f" AND {name} IS NOT NULL" for name in having)
        if not set(having) <= set(PAIN_COLUMNS):
            raise ValueError(f"not pain columns: {having}")
        row = self.conn.execute(
            "SELECT min(date), max(date) FROM (SELECT DISTINCT date FROM pain "
            f"WHERE date >= ?{tests} ORDER BY date LIMIT ?)",
            (since or "", days),
        ).fetchone()
        return self.pain_rows(row[0], row[1]) if row and row[0] else []

    def edge_rows(self, kind_name: str) -> list[Row]:
        """Every entry of one kind on its first and on its last day (two index look-ups)."""
        of = kind_named(kind_name)
        cursor = self.conn.execute(
            f"SELECT {', '.join(of.columns)} FROM {of.table} WHERE date IN "
            f"((SELECT min(date) FROM {of.table}), (SELECT max(date) FROM {of.table})) "
            "ORDER BY date, logged_at, id"
        )
        return [_sound(kind_name, _row_to_dict(of, row)) for row in cursor]

    def latest(self, kind_name: str) -> Row | None:
        """The most recent entry of one kind (by day, then time of logging), or None."""
        columns = kind_named(kind_name).columns
        row = self.conn.execute(
            f"SELECT {', '.join(columns)} FROM {table_name(kind_name)} "
            "ORDER BY date DESC, logged_at DESC, id DESC LIMIT 1"
        ).fetchone()
        return _sound(kind_name, _row_to_dict(kind_named(kind_name), row)) if row else None

    def has_entry_on(self, day: str) -> bool:
        """True when any entry of a day's log (pain, a session, a dose...) is logged for `day`."""
        logs = _daily_logs()
        tests = " OR ".join(f"EXISTS(SELECT 1 FROM {of.table} WHERE date = ?)" for of in logs)
        row = self.conn.execute(f"SELECT {tests}", (day,) * len(logs)).fetchone()
        return bool(row[0])

    def date_span(self) -> tuple[str, str] | None:
        """The first and last logged day over the kinds of a day's log, or None when empty
        (a medicine's or a regimen change's date may lie long before the diary began)."""
        ends = " UNION ALL ".join(
            f"SELECT min(date) AS d FROM {of.table} UNION ALL SELECT max(date) FROM {of.table}"
            for of in _daily_logs()
        )
        row = self.conn.execute(f"SELECT min(d), max(d) FROM ({ends})").fetchone()
        if not row or not row[0]:
            return None
        for day in row:
            self._refuse_damaged_day(day)
        return (row[0], row[1])

    def _refuse_damaged_day(self, day: object) -> None:
        """A first or last day that is not a day: name the row that holds it."""
        if damage("pain", {"date": day}) is None:  # only the date is looked at
            return
        for of in KINDS.values():
            found = self.conn.execute(
                f"SELECT {', '.join(of.columns)} FROM {of.table} WHERE date IS ? LIMIT 1", (day,)
            ).fetchone()
            if found:
                _sound(of.name, _row_to_dict(of, found))
        raise DamagedRow(f"a stored date {day!r} is damaged; run `tracker check`")

    def past_activities(self) -> list[str]:
        """Activities the user has logged, most used first (form suggestions)."""
        cursor = self.conn.execute(
            "SELECT activity FROM exercise GROUP BY lower(activity) "
            "ORDER BY count(*) DESC, activity"
        )
        return [row[0] for row in cursor]

    def count(self, kind: str) -> int:
        return int(self.conn.execute(f"SELECT count(*) FROM {table_name(kind)}").fetchone()[0])

    def data_version(self) -> int:
        """Changes when another connection commits (the TUI's live refresh watches this)."""
        return int(self.conn.execute("PRAGMA data_version").fetchone()[0])

    # ---- whole-file operations -------------------------------------------------------------
    def backup(self, destination: str | os.PathLike[str]) -> Path:
        """A consistent, checked copy through SQLite's online backup API, owner-only (0600).

        Written under a temporary name beside the destination and renamed only after the
        copy passed a full integrity check: a killed backup leaves no partial file, a damaged
        diary is refused (its copy is dropped), and nothing existing is ever replaced.
        """
        from tracker.safe_files import check_target, commit, fsync_file, temporary_beside
        from tracker.store.guard import integrity_problems

        target = check_target(destination, protect=[self.path])
        with temporary_beside(target) as temporary:
            try:
                self._copy_to(temporary)
                copy = sqlite3.connect(temporary, isolation_level=None)
                try:
                    problems = integrity_problems(copy, limit=1)
                    app_id = copy.execute("PRAGMA application_id").fetchone()[0]
                finally:
                    copy.close()
            except sqlite3.DatabaseError as exc:
                problems, app_id = [str(exc)], APPLICATION_ID
            if problems or app_id != APPLICATION_ID:
                raise StoreError(
                    f"{self.path} is damaged ({problems[0] if problems else 'not tracker'}); "
                    "the copy was not kept. Run `tracker check`"
                )
            fsync_file(temporary)
            commit(temporary, target, force=False, protect=[self.path])
        return target

    def integrity_ok(self) -> bool:
        return bool(self.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok")


def _sound(kind: str, row: Row) -> Row:
    """The row, or DamagedRow naming it (see `store.rows`)."""
    problem = damage(kind, row)
    if problem is not None:
        raise DamagedRow(
            f"{kind} row {row.get('id')} is damaged: {problem}; "
            f"{how_to_fix(kind, row.get('id'))} (`tracker check` lists every damaged row)"
        )
    return row


def _daily_logs() -> list[Kind]:
    return [of for of in KINDS.values() if of.daily_log]


def _refuse_referenced(conn: sqlite3.Connection, kind_name: str, entry_id: int) -> None:
    """UsageProblem when rows of other kinds refer to this one (nothing is deleted)."""
    found = []
    for of, column in referring_to(kind_name):
        count = conn.execute(
            f"SELECT count(*) FROM {of.table} WHERE {column} = ?", (entry_id,)
        ).fetchone()[0]
        if count:
            found.append(of.count(count))
    if found:
        from tracker.problems import UsageProblem

        noun = kind_named(kind_name).noun
        raise UsageProblem(
            f"{noun} #{entry_id} is still referred to by {', '.join(found)}; nothing was "
            "deleted. Delete those first, or keep its history and stop it (tracker med stop)"
        )


def table_name(kind_name: str) -> str:
    """The table of a registered kind (UnknownKind, a ValueError, for any other name)."""
    return kind_named(kind_name).table


def date_clause(start: str | None, end: str | None) -> tuple[str, tuple[Any, ...]]:
    parts, params = [], []
    if start:
        parts.append("date >= ?")
        params.append(start)
    if end:
        parts.append("date <= ?")
        params.append(end)
    return (" WHERE " + " AND ".join(parts) if parts else ""), tuple(params)


def _stored_values(of: Kind, entry: Entry) -> Row:
    return of.stored_values(entry)


def describe_sqlite_error(exc: sqlite3.Error, path: Path | None = None) -> str:
    """One line for the user from an sqlite3 error, whoever met it (CLI, app, store).

    Every write runs in one transaction, so whatever failed, nothing was half-written.
    """
    text = str(exc)
    where = str(path) if path else "the database"
    if "locked" in text or "busy" in text:
        return f"{where} is locked by another program; nothing was written, try again"
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return (
            f"{where} is not a tracker database, or it is corrupt ({text}); it was not "
            "modified. Restore it from a copy made with `tracker backup`"
        )
    if "readonly" in text or "read-only" in text:
        return f"{where} is read-only; nothing was written"
    return f"database error on {where}: {text}; nothing was written"
