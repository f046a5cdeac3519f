"""Cost against history size: every command and the app's views on 1, 10 and 30 years and 100k rows.

Run alone: `env -u PYTHONDONTWRITEBYTECODE uv run python benchmarks/bench_scale.py [--quick]`
(benchmarks/bench.py includes it). Not a pytest test: figures are reported, never asserted.

Every figure is CPU time (user + system) in ms, the median of several runs, on sample diaries
(`tracker.sample`) of 1, 10 and 30 years and one of about 100,000 rows (some 115 years), all
ending on the same day. Commands run as `python -m tracker ...` subprocesses (their CPU time
from `os.wait4`); the app runs headless in one subprocess per diary, which times each view in
`time.process_time()` (every thread: the worker's read and analysis and the UI thread's
drawing) from the key to the settled screen, and reports its peak memory (RSS) after one visit
of Trends (90 days, 30 days, a year) and History (open, End, Home), before the timed runs.
Runs go round-robin over the diaries, so a change in the machine's load touches every column.

Baselines are measured in the same run, beside each diary: `python -c pass`, a bare click +
sqlite3 insert (what the one-line log is held against), a bare sqlite3 query (remind's floor),
and a bare Textual app drawing one 30-point chart (the dashboard's). Their growth shows the
noise of the run. Python runs with bytecode compiled (PYTHONDONTWRITEBYTECODE is removed from
the children's environment; a warm-up run compiles it), as a user has it.

The table gives each row on every diary, then the growth from 1 to 30 years and from 1 year to
100k rows, against its target: at most 1.1x for a bounded view; stats, export, import, `list
--days 0` and Trends "All time" read everything and are linear by design.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

END = dt.date(2026, 6, 30)
#: Diary sizes: label -> days of sample history (100k rows: about 2.39 rows a day).
SIZES = {"1y": 365, "10y": 3650, "30y": 10950, "100k rows": 41930}
BOUNDED_TARGET = 1.1

BARE_INSERT = """
import sqlite3, sys
import click
conn = sqlite3.connect(sys.argv[1], timeout=5)
conn.execute(
    "INSERT INTO pain (date, logged_at, average, symptoms) "
    "VALUES (date('now'), datetime('now'), 5, '')"
)
conn.commit()
"""

BARE_QUERY = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], timeout=5)
conn.execute("SELECT EXISTS(SELECT 1 FROM pain WHERE date = date('now'))").fetchone()
"""

BARE_APP = textwrap.dedent(
    """
    import time
    from textual.app import App
    from textual_plotext import PlotextPlot

    class Bare(App):
        def compose(self):
            yield PlotextPlot()

        def on_mount(self):
            plot = self.query_one(PlotextPlot)
            plot.plt.plot(list(range(30)), [5 + (i % 7) / 3 for i in range(30)])
            plot.refresh()
            self.call_after_refresh(self.exit)

    Bare().run(headless=True, size=(100, 32))
    """
)

#: The app, driven headless: prints {view: [cpu ms, ...], "memory_mib": peak RSS}.
APP_DRIVER = textwrap.dedent(
    """
    import asyncio, json, resource, sys, time
    from pathlib import Path

    from tracker.tui.app import TrackerApp
    from tracker.tui.screens.dashboard import DashboardScreen
    from tracker.tui.screens.history import HistoryScreen
    from tracker.tui.screens.trends import TrendsScreen

    async def settle(pilot):
        for _ in range(2):
            await pilot.pause()
            await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    async def timed(pilot, *keys):
        start = time.process_time()
        await pilot.press(*keys)
        await settle(pilot)
        return (time.process_time() - start) * 1000

    async def main(path, runs):
        out = {}
        app = TrackerApp(path)
        app.cursor_blink = False
        start = time.process_time()
        async with app.run_test(size=(100, 32)) as pilot:
            await settle(pilot)
            assert isinstance(app.screen, DashboardScreen) and app.screen.data is not None
            out["app start to dashboard"] = [(time.process_time() - start) * 1000]
            # Memory: one visit of Trends (90 days, 30 days, a year) and History (open, End).
            for keys in ("t", "1", "3", "h", "end", "home", "d"):
                await pilot.press(keys)
                await settle(pilot)
            out["memory_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            out["dashboard (reload)"] = []
            for _ in range(runs):
                begin = time.process_time()
                app.data_changed("bench")
                await settle(pilot)
                out["dashboard (reload)"].append((time.process_time() - begin) * 1000)
            await pilot.press("t")
            await settle(pilot)
            assert isinstance(app.screen, TrendsScreen)
            for key in ("1", "2", "3") * runs:
                out.setdefault(f"trends {key}", []).append(await timed(pilot, key))
            for _ in range(runs):
                out.setdefault("history open", []).append(await timed(pilot, "h"))
                assert isinstance(app.screen, HistoryScreen)
                out.setdefault("history End", []).append(await timed(pilot, "end"))
                out.setdefault("history Home", []).append(await timed(pilot, "home"))
                await pilot.press("d")
                await settle(pilot)
            await pilot.press("t")
            await settle(pilot)
            out["trends 4"] = [await timed(pilot, "4")]
        print(json.dumps(out))

    asyncio.run(main(Path(sys.argv[1]), int(sys.argv[2])))
    """
)

#: (label, arguments after `python -m tracker`, bounded?)
COMMANDS: list[tuple[str, list[str], bool]] = [
    ("tracker pain 5 (one-line log)", ["pain", "5"], True),
    ("tracker remind", ["remind"], True),
    ("tracker list (14 days)", ["list"], True),
    ("tracker list --json (14 days)", ["list", "--json"], True),
    ("tracker list --days 0 --json (all)", ["list", "--days", "0", "--json"], False),
    ("tracker stats", ["stats"], False),
    ("tracker tips", ["tips"], True),
    ("tracker plot --days 90", ["plot", "--days", "90", "--width", "100"], True),
    ("tracker export --table pain -", ["export", "--table", "pain", "-"], False),
    ("tracker import (its own pain export)", ["import", "{csv}"], False),
    ("tracker report - --from (last 90 days)", ["report", "-", "--from", "2026-04-02"], True),
    ("tracker report - (whole diary)", ["report", "-"], False),
]

MEMORY_ROW = "app: peak RSS after one visit of Trends and History (MiB)"
#: (label, the app driver's key, bounded?) in the table's order.
APP_VIEWS: list[tuple[str, str, bool]] = [
    ("app: start to dashboard drawn (after imports)", "app start to dashboard", True),
    ("app: dashboard (reload)", "dashboard (reload)", True),
    ("app: Trends 30 days", "trends 1", True),
    ("app: Trends 90 days", "trends 2", True),
    ("app: Trends 1 year", "trends 3", True),
    ("app: Trends All time", "trends 4", False),
    ("app: History open", "history open", True),
    ("app: History End (oldest page)", "history End", True),
    ("app: History Home (newest page)", "history Home", True),
]


def child_env(db: Path | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["TRACKER_TODAY"] = END.isoformat()
    env["TRACKER_CONFIG"] = str(Path(tempfile.gettempdir()) / "tracker-bench-no-config.toml")
    if db is not None:
        env["TRACKER_DB"] = str(db)
    return env


def cpu_ms(command: list[str], env: dict[str, str]) -> tuple[float, str]:
    """One run's CPU time (user + system, ms) and its standard output."""
    child = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    out = child.stdout.read().decode("utf-8", "replace") if child.stdout else ""
    _, status, usage = os.wait4(child.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"benchmark child failed: {' '.join(command)[:80]}")
    return (usage.ru_utime + usage.ru_stime) * 1000, out


def make_diaries(folder: Path) -> dict[str, Path]:
    from tracker.exchange.csv_export import export_file
    from tracker.sample import write_sample
    from tracker.store import Store

    dbs = {}
    for label, days in SIZES.items():
        db = folder / f"{label.replace(' ', '-')}.db"
        write_sample(db, days=days, seed=1, end=END)
        with Store.open(db) as store:
            export_file(store, "pain", folder / f"{db.stem}-pain.csv", force=True)
        dbs[label] = db
    return dbs


def rows_of(db: Path) -> int:
    from tracker.store import Store

    with Store.open(db) as store:
        return store.count("pain") + store.count("exercise")


def measure(runs: int) -> tuple[dict[str, dict[str, float]], dict[str, int]]:
    """{row label: {size label: value}} and the rows of each diary.

    Round-robin: each run measures the row on every diary in turn, so a change in the
    machine's load during the benchmark touches every column alike.
    """
    python = sys.executable
    samples: dict[str, dict[str, list[float]]] = {}

    def put(row: str, size: str, value: float) -> None:
        samples.setdefault(row, {}).setdefault(size, []).append(value)

    with tempfile.TemporaryDirectory(prefix="tracker-bench-scale-") as name:
        folder = Path(name)
        dbs = make_diaries(folder)
        sizes = {label: rows_of(db) for label, db in dbs.items()}
        commands: list[tuple[str, list[str], bool]] = [
            ("python -c pass (reference)", ["-c", "pass"], False),
            ("bare click + sqlite3 insert", ["-c", BARE_INSERT, "{db}"], False),
            ("bare sqlite3: open, one query", ["-c", BARE_QUERY, "{db}"], False),
            ("bare Textual app, one chart", ["-c", BARE_APP], False),
            *((row, ["-m", "tracker", *args], False) for row, args, _ in COMMANDS),
        ]
        for row, args, _ in commands:
            for run in range(runs + 1):  # the first run warms the file cache and bytecode
                for label, db in dbs.items():
                    csv = folder / f"{db.stem}-pain.csv"
                    fill = {"{db}": str(db), "{csv}": str(csv)}
                    value, _ = cpu_ms([python, *(fill.get(a, a) for a in args)], child_env(db))
                    if run:
                        put(row, label, value)
        cpu_ms([python, "-c", APP_DRIVER, str(dbs["1y"]), "1"], child_env(dbs["1y"]))
        for _ in range(max(2, runs // 2)):
            for label, db in dbs.items():
                _, out = cpu_ms([python, "-c", APP_DRIVER, str(db), "2"], child_env(db))
                app = json.loads(out)
                for row, key, _ in APP_VIEWS:
                    for value in app[key]:
                        put(row, label, value)
                put(MEMORY_ROW, label, app["memory_mib"])
    figures = {
        row: {label: statistics.median(values) for label, values in by_size.items()}
        for row, by_size in samples.items()
    }
    return figures, sizes


def table(figures: dict[str, dict[str, float]], sizes: dict[str, int]) -> list[str]:
    """The table as Markdown lines (the README shows it as printed)."""
    bounded = {row for row, _, b in COMMANDS if b} | {row for row, _, b in APP_VIEWS if b}
    bounded.add(MEMORY_ROW)
    labels = list(SIZES)
    head = " | ".join(f"{label} ({sizes[label]:,} rows)" for label in labels)
    lines = [
        f"| CPU ms (median) | {head} | 30y / 1y | 100k / 1y | target |",
        "|---|" + "---:|" * (len(labels) + 2) + "---|",
    ]
    for row, values in figures.items():
        cells = " | ".join(f"{values[label]:.0f}" for label in labels)
        growth = values["30y"] / values["1y"]
        big = values["100k rows"] / values["1y"]
        if row.startswith(("python", "bare")):
            target = "baseline"
        elif row in bounded:
            mark = "OK" if growth <= BOUNDED_TARGET else "OVER"
            target = f"<= {BOUNDED_TARGET}x ({mark})"
        else:
            target = "linear"
        lines.append(f"| {row} | {cells} | {growth:.2f}x | {big:.2f}x | {target} |")
    return lines


def run(runs: int = 5) -> list[tuple[str, float, str]]:
    """(label, value, note) rows for benchmarks/bench.py: the growth of each row."""
    figures, sizes = measure(runs)
    print("\n".join(table(figures, sizes)))
    return [
        (f"{row}: 30y / 1y", values["30y"] / values["1y"], f"x ({values['30y']:.0f} ms at 30y)")
        for row, values in figures.items()
    ]


def main() -> None:
    runs = 3 if "--quick" in sys.argv else 7
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        print("note: PYTHONDONTWRITEBYTECODE is set here; the children run without it")
    print(f"scale benchmark: CPU time, median of {runs} runs; python {sys.version.split()[0]}")
    figures, sizes = measure(runs)
    print("\n".join(table(figures, sizes)))


if __name__ == "__main__":
    main()
