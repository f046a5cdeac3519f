"""Every test gets its own real SQLite file, and the user's real data folder is never touched.

The suite is hermetic: whatever the user's shell sets (NO_COLOR, COLUMNS, TERM, TZ, a locale,
TEXTUAL_* settings), every test sees the same environment, so snapshots and CLI output do not
depend on who runs them.
"""

from __future__ import annotations

import gc
import importlib.util
import os
import sys
import time

import pytest
from click.testing import CliRunner

from tracker.cli import cli

# Variables that change how Rich, Textual or click render (colour, size, terminal kind).
RENDERING_VARIABLES = (
    "NO_COLOR",
    "FORCE_COLOR",
    "CLICOLOR",
    "CLICOLOR_FORCE",
    "COLORTERM",
    "COLUMNS",
    "LINES",
    "JUPYTER_COLUMNS",
    "JUPYTER_LINES",
    "TTY_COMPATIBLE",
    "TTY_INTERACTIVE",
    "ESCDELAY",
)
PINNED = {
    "TERM": "xterm-256color",
    "TZ": "UTC",
    "LANG": "C.UTF-8",
    "LC_ALL": "C.UTF-8",
}


def _textual_defaults() -> dict[str, object]:
    """textual.constants as a clean environment would give them.

    Textual reads its TEXTUAL_* variables once, at import, and pytest-textual-snapshot imports
    Textual before this file runs; so the values are recomputed here without those variables.
    """
    spec = importlib.util.find_spec("textual.constants")
    assert spec is not None and spec.loader is not None
    saved = {name: os.environ.pop(name) for name in list(os.environ) if _is_textual(name)}
    try:
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    finally:
        os.environ.update(saved)
    return {name: getattr(module, name) for name in dir(module) if name.isupper()}


def _is_textual(name: str) -> bool:
    # TEXTUAL_SNAPSHOT_* belong to pytest-textual-snapshot itself (its temporary folder).
    return (
        name.startswith("TEXTUAL") and not name.startswith("TEXTUAL_SNAPSHOT")
    ) or name == "ESCDELAY"


TEXTUAL_DEFAULTS = _textual_defaults()
# Modules that copied a constant with `from textual.constants import NAME`.
TEXTUAL_COPIES = {
    "textual.filter": ("DIM_FACTOR",),
    "textual._styles_cache": ("DEBUG",),
    "textual.message_pump": ("SLOW_THRESHOLD",),
}


# The xdist workers and the adversarial suites' `tracker` runs (hundreds of child processes)
# cache bytecode as a user's Python does. An environment that turns the cache off
# (PYTHONDONTWRITEBYTECODE, set on some CI machines) would make every one of them compile
# Textual, click and tracker again: about a fifth of the suite's time on a clean clone.
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)


def pytest_configure(config):
    """Before the workers start, compile the bytecode of everything installed, as `pip
    install` does (uv does not, by default).

    On a fresh clone no module is compiled yet, and the three workers would each compile the
    same Textual, Rich, fpdf2 and Hypothesis modules at the same moment: 15 s of the first
    run, measured on 2 cores. Compiling once here takes 7 s; once compiled, it only compares
    timestamps (0.16 s). (`compile-bytecode` in uv's settings would do it at install, but uv
    then checks every file again, and says so on stderr, at each `uv run tracker`.)
    """
    if hasattr(config, "workerinput"):  # an xdist worker: the controller has done it
        return
    import compileall
    import sysconfig

    import tracker

    folders = {sysconfig.get_paths()["purelib"], os.path.dirname(tracker.__file__)}
    for folder in sorted(folders):
        compileall.compile_dir(folder, quiet=2)


def pytest_xdist_auto_num_workers(config):
    """`-n auto`: three workers per two cores. The app tests wait on the event loop and the
    adversarial ones on child processes, so one per core leaves cores idle; two per core spend
    the difference switching. Measured on 2 cores, the whole suite: 2 workers 178 s, 3 workers
    148 s (243 s of CPU), 4 workers 158 s (288 s of CPU)."""
    return max(1, round(1.5 * (os.cpu_count() or 1)))


@pytest.fixture(scope="session", autouse=True)
def hermetic_environment(tmp_path_factory):
    """Pin the variables that change rendering, the terminal, the time zone and the locale.

    Session-wide, so that module-scoped fixtures (which are set up before any function-scoped
    one) and the children they start see the pinned environment too; a test's own monkeypatch
    changes are undone back to it.
    """
    with pytest.MonkeyPatch.context() as patch:
        for name in list(os.environ):
            if name in RENDERING_VARIABLES or _is_textual(name):
                patch.delenv(name)
        for name, value in PINNED.items():
            patch.setenv(name, value)
        # The settings file: never the user's, even for module-scoped fixtures and children.
        config_home = tmp_path_factory.mktemp("config")
        patch.setenv("XDG_CONFIG_HOME", str(config_home))
        patch.setenv("TRACKER_CONFIG", str(config_home / "tracker" / "config.toml"))
        time.tzset()
        constants = sys.modules.get("textual.constants")
        if constants is not None:
            for name, value in TEXTUAL_DEFAULTS.items():
                if getattr(constants, name, value) != value:
                    patch.setattr(constants, name, value)
        for module_name, names in TEXTUAL_COPIES.items():
            module = sys.modules.get(module_name)
            for name in names if module is not None else ():
                if getattr(module, name, None) != TEXTUAL_DEFAULTS[name]:
                    patch.setattr(module, name, TEXTUAL_DEFAULTS[name])
        _quicker_idle_checks(patch)
        app = sys.modules.get("textual.app")
        if app is not None:  # App.theme took TEXTUAL_THEME as its default at class creation
            patch.setattr(app.App.theme, "_default", TEXTUAL_DEFAULTS["DEFAULT_THEME"])
        yield
    time.tzset()


# How long Pilot watches the process to decide the app has gone idle (Textual's 20 ms).
IDLE_CHECK_SECONDS = 0.005


def _quicker_idle_checks(patch: pytest.MonkeyPatch) -> None:
    """Look for idleness in 5 ms steps instead of Textual's 20 ms.

    Every `pilot.press` and `pilot.pause()` waits for the app to go idle: it sleeps one step at
    a time until a step passes with the process using under a twentieth of it in CPU. Each key
    pressed therefore sleeps at least two steps; at 20 ms a step, the app tests spent about half
    their time asleep. The rule is the same at 5 ms (the same fraction of a shorter step), and
    the tests still wait for workers and conditions explicitly (`settle`, `wait_until`).
    Measured on 2 cores, the app tests alone: 76-102 s at 20 ms, 62 s at 5 ms.
    """
    from textual import _wait

    patch.setattr(_wait, "SLEEP_GRANULARITY", IDLE_CHECK_SECONDS)
    patch.setattr(_wait, "SLEEP_IDLE", IDLE_CHECK_SECONDS / 20)


@pytest.fixture(autouse=True)
def isolated_home(tmp_path, monkeypatch):
    """Point HOME, the XDG folders, TRACKER_DB and TRACKER_CONFIG into tmp_path for every
    test (the settings file does not exist until a test writes it)."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("TRACKER_CONFIG", str(home / ".config" / "tracker" / "config.toml"))
    monkeypatch.setenv("TRACKER_DB", str(tmp_path / "tracker.db"))
    monkeypatch.delenv("TRACKER_TODAY", raising=False)
    return home


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "tracker.db"


@pytest.fixture
def invoke(db_path):
    """Run the CLI on the test's database; returns click's Result (stdout and stderr apart)."""
    runner = CliRunner()

    def run(*args: str, input: str | None = None):
        return runner.invoke(cli, ["--db", str(db_path), *args], input=input)

    return run


#: Allocations between two young-generation collections (CPython's default: 700).
GC_YOUNG_THRESHOLD = 50_000


def pytest_collection_finish(session):
    """Freeze what collection imported (Textual, click, tracker, hypothesis: about 200,000
    objects that live as long as the run) out of the garbage collector's view: every full
    collection in the run would otherwise walk them again, and the app tests make the
    collector run often (each app leaves cycles of widgets behind).

    Then collect less often: a Textual app allocates hundreds of thousands of short-lived
    objects a second (every rendered line is a Strip with seven small caches), so at CPython's
    default of 700 allocations the collector ran thousands of times per test. Measured on
    three app test files, one process: 28-31 s of CPU at 700, 23-25 s at 10,000 to 200,000
    (50,000 chosen), for 150 MB of peak memory instead of 115 MB. Nothing is left uncollected:
    the same collections happen, in bigger batches.
    """
    gc.collect()
    gc.freeze()
    _, older, oldest = gc.get_threshold()
    gc.set_threshold(GC_YOUNG_THRESHOLD, older, oldest)
