"""Benchmarks: figures as ratios against baselines measured in the same run, on this machine.

Run: `env -u PYTHONDONTWRITEBYTECODE uv run python benchmarks/bench.py` (add `--quick` for fewer
repetitions; the variable, set in some environments, makes every run compile the libraries
again and doubles every time). Not a pytest test:
timings are reported, never asserted, so nothing flakes. Each figure is the median of several
runs. Sections from benchmarks/bench_*.py (scale: every command and the app's views on 1, 10 and 30
years and 100k rows, in CPU time, printed as one table; cli_views; trends, export, tui) are
included when present; each exposes `run() -> list[tuple[label, value, note]]`.
"""

from __future__ import annotations

import importlib
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from tracker.sample import write_sample  # noqa: E402

BARE_LOG = """
import sqlite3, sys
import click
conn = sqlite3.connect(sys.argv[1], timeout=5)
conn.execute(
    "INSERT INTO pain (date, logged_at, average, symptoms) "
    "VALUES (date('now'), datetime('now'), 5, '')"
)
conn.commit()
"""


def median_seconds(command: list[str], runs: int, env: dict | None = None) -> float:
    """Median wall time of a subprocess over `runs` runs (after one warm-up run)."""
    times = []
    for index in range(runs + 1):
        start = time.perf_counter()
        subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL)
        if index:
            times.append(time.perf_counter() - start)
    return statistics.median(times)


def startup_section(runs: int) -> list[tuple[str, float, str]]:
    """One-line log and remind on ten years of history vs a bare click+sqlite3 insert."""
    folder = Path(tempfile.mkdtemp(prefix="tracker-bench-"))
    db = folder / "ten-years.db"
    write_sample(db, days=3650, seed=1)
    env = {**os.environ, "TRACKER_DB": str(db)}
    python = sys.executable
    bare_python = median_seconds([python, "-c", "pass"], runs)
    bare = median_seconds([python, "-c", BARE_LOG, str(db)], runs)
    log = median_seconds([python, "-m", "tracker", "pain", "5"], runs, env)
    remind = median_seconds([python, "-m", "tracker", "remind"], runs, env)
    small = folder / "small.db"
    write_sample(small, days=30, seed=1)
    log_small = median_seconds(
        [python, "-m", "tracker", "pain", "5"], runs, {**os.environ, "TRACKER_DB": str(small)}
    )
    ms = 1000
    return [
        ("python -c pass", bare_python * ms, "ms (reference)"),
        ("bare python: click + sqlite3 + one insert", bare * ms, "ms (baseline)"),
        ("tracker pain 5 (10 years of history)", log * ms, f"ms = {log / bare:.2f}x baseline"),
        ("tracker pain 5 (30 days of history)", log_small * ms, f"ms = {log_small / bare:.2f}x"),
        ("tracker remind (10 years)", remind * ms, f"ms = {remind / bare:.2f}x baseline"),
    ]


def optional_sections() -> list[tuple[str, list[tuple[str, float, str]]]]:
    results = []
    quick = "--quick" in sys.argv
    names = ("bench_scale", "bench_cli_views", "bench_trends", "bench_export", "bench_tui")
    for name in (*names, "bench_tui_trends"):
        if not (HERE / f"{name}.py").exists():
            continue
        module = importlib.import_module(name)
        if not hasattr(module, "run"):
            continue
        results.append((name, module.run(3) if quick and name == "bench_scale" else module.run()))
    return results


def print_table(title: str, rows: list[tuple[str, float, str]]) -> None:
    print(f"\n## {title}")
    width = max(len(label) for label, _, _ in rows)
    for label, value, note in rows:
        print(f"{label:<{width}}  {value:>9.2f}  {note}")


def main() -> None:
    runs = 5 if "--quick" in sys.argv else 15
    print(f"tracker benchmarks: median of {runs} runs; python {sys.version.split()[0]}")
    print_table("startup (bench.py)", startup_section(runs))
    for name, rows in optional_sections():
        print_table(name, rows)


if __name__ == "__main__":
    main()
