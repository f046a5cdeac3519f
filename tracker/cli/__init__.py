"""The command line: a click group whose commands load lazily, one module per job.

A one-line log imports only click, sqlite3 and tracker's light core: the group knows each
command by "module:attribute" and imports that module only when the command runs (or when
help lists it). Textual, plotext, sqlite-utils and fpdf2 load inside the commands that use them.
`tracker remind` runs in every new shell, so `main` answers it before click is even imported
(`remind_fast`, through `store.quick`); the group itself is in `tracker.cli.group`.
"""

from __future__ import annotations

import sys

#: `typing` costs a few ms to import, which `remind` saves; mypy reads this name as True.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from tracker.cli.group import LazyGroup, cli

__all__ = ["COMMANDS", "LazyGroup", "cli", "main", "remind_fast"]

#: command name -> "module:attribute"; a module that is not there yet simply has no command.
COMMANDS: dict[str, str] = {
    "pain": "tracker.cli.log:pain",
    "exercise": "tracker.cli.log:exercise",
    "list": "tracker.cli.log:list_entries",
    "edit": "tracker.cli.edit:edit",
    "delete": "tracker.cli.edit:delete",
    "med": "tracker.cli.med:med",
    "remind": "tracker.cli.log:remind",
    "sample": "tracker.cli.data:sample",
    "backup": "tracker.cli.data:backup",
    "check": "tracker.cli.data:check",
    "info": "tracker.cli.info:info",
    "config": "tracker.cli.config:config",
    "ui": "tracker.cli.app:ui",
    "demo": "tracker.cli.app:demo",
    "stats": "tracker.cli.trends:stats",
    "plot": "tracker.cli.trends:plot",
    "guide": "tracker.cli.guide:guide",
    "tips": "tracker.cli.guide:tips",
    "export": "tracker.cli.exchange:export",
    "import": "tracker.cli.exchange:import_entries",
    "report": "tracker.cli.exchange:report",
}


def __getattr__(name: str) -> object:
    """`cli` and `LazyGroup` load click on first use (`from tracker.cli import cli`)."""
    if name not in ("cli", "LazyGroup"):
        raise AttributeError(f"module 'tracker.cli' has no attribute {name!r}")
    from tracker.cli import group

    return getattr(group, name)


#: What `remind` prints when nothing is logged today (tracker.cli.log.remind prints the same).
REMIND_LINE = "tracker: nothing logged today. Log your pain with: tracker pain N"


def remind_fast(args: list[str]) -> int | None:
    """Answer `tracker [--db PATH] [--config PATH] remind` with one query, before click loads;
    None for any other command line, or whenever the full path must answer (no such file is
    fine: nothing is logged, and none is created; anything unusual goes the full way)."""
    import os

    db: str | None = None
    rest = list(args)
    while len(rest) > 1:
        option, equals, value = rest[0].partition("=")
        if option not in ("--db", "--config"):
            return None
        if not equals:
            value, rest = rest[1], rest[2:]
        else:
            rest = rest[1:]
        if not value.strip():
            return None  # an empty path: click's one-line refusal
        if option == "--db":
            db = value
    if rest != ["remind"]:
        return None
    db = db or os.environ.get("TRACKER_DB")
    if db is not None and db != "" and not db.strip():
        return None  # a blank TRACKER_DB: click's one-line refusal
    path = os.path.expanduser(db) if db else _default_db()
    if os.path.exists(path):
        from tracker.store.quick import logged_on

        logged = logged_on(path, _today_iso())
        if logged is None:
            return None
        if logged:
            return 0
    return _print_line(REMIND_LINE)


def _default_db() -> str:
    """`tracker.paths.default_db_path()` as text. platformdirs costs 10-20 ms to import, as
    much as the rest of `remind`; on plain Linux with an absolute HOME its answer is simply
    $XDG_DATA_HOME (when absolute) or ~/.local/share, then tracker/tracker.db, so that is
    worked out here (tests/unit/test_remind_fast.py holds it equal to platformdirs'), and
    platformdirs decides everywhere else."""
    import os

    home = os.environ.get("HOME", "")
    plain_linux = sys.platform == "linux" and not hasattr(sys, "getandroidapilevel")
    if plain_linux and "ANDROID_DATA" not in os.environ and os.path.isabs(home):
        data = os.environ.get("XDG_DATA_HOME", "")
        if not os.path.isabs(data):
            data = os.path.join(home, ".local", "share")
        return os.path.join(data, "tracker", "tracker.db")
    from platformdirs import user_data_dir

    return os.path.join(user_data_dir("tracker", appauthor=False), "tracker.db")


def _today_iso() -> str:
    """`tracker.models.today()` (the one clock, TRACKER_TODAY fixes it) without importing
    tracker.models: tests/unit/test_remind_fast.py holds the two equal."""
    import datetime as dt
    import os

    fixed = os.environ.get("TRACKER_TODAY")
    return (dt.date.fromisoformat(fixed) if fixed else dt.date.today()).isoformat()


def _print_line(line: str) -> int:
    """Print one line; a reader gone (`tracker remind | true`) is a quiet exit 0."""
    import os

    try:
        sys.stdout.write(line + "\n")
        sys.stdout.flush()
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    return 0


def main() -> None:
    """Console-script entry point.

    Once the command has finished (its exit code is known, everything written is committed),
    Ctrl-C is ignored: a SIGINT in the last instants of the process (output flushed, the
    interpreter shutting down) could only print a KeyboardInterrupt traceback, never stop
    anything. Only here, never in `cli.main`: tests call that in their own process.
    """
    import signal

    code = remind_fast(sys.argv[1:])
    if code is None:
        from tracker.cli.group import cli

        code = cli.main(prog_name="tracker", standalone_mode=False)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    sys.exit(code)
