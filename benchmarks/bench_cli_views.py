"""CLI views at 1, 10 and 30 years and 100k rows: CPU time, with baselines from the same run.

Run: `env -u PYTHONDONTWRITEBYTECODE uv run python benchmarks/bench_cli_views.py [--runs N]`
(bytecode compiled, as a user has it). Not a pytest test: timings are reported, never asserted.
Each figure is the median CPU time (user + sys of the child process, `resource.getrusage`) of
N runs after one warm-up, so the load of other processes on the machine matters less than
wall time would. The last column is the growth from 1 to 30 years: a bounded view (one that
shows a fixed window) should stay at about 1.0x; stats, export and `list --json --days 0`
read everything and grow with the history.

The 100k-row diary is 30 years with about eight pain entries a day (plus the sessions).
`TRACKER_BENCH_SOURCE=/path/to/checkout` times another checkout's code with the same
diaries (a before/after comparison in one run).
"""

from __future__ import annotations

import datetime as dt
import os
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from tracker.sample import generate, write_sample  # noqa: E402

SIZES = {"1y": 365, "10y": 3650, "30y": 10950}
BIG = "100k"

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
conn = sqlite3.connect(sys.argv[1])
conn.execute("SELECT EXISTS(SELECT 1 FROM pain WHERE date = date('now'))").fetchone()
"""


def cpu_ms(command: list[str], env: dict[str, str], runs: int) -> float:
    """Median CPU time (user + sys) of a child process, in ms, after one warm-up run."""
    times = []
    for index in range(runs + 1):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run(
            command,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            cwd=tempfile.gettempdir(),  # `-m tracker` must not find a checkout in the cwd
        )
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if index:
            used = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
            times.append(used * 1000)
    return statistics.median(times)


PEAK = """
import resource, subprocess, sys
subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def peak_mib(command: list[str], env: dict[str, str]) -> float:
    """Peak memory (max RSS) of one run of a child process, in MiB."""
    out = subprocess.run(
        [sys.executable, "-c", PEAK, *command],
        env=env,
        check=True,
        capture_output=True,
        text=True,
        cwd=tempfile.gettempdir(),
    ).stdout
    return int(out.split()[-1]) / 1024


def make_diaries(folder: Path) -> dict[str, Path]:
    """The sample diaries, ending today: 1, 10 and 30 years, and about 100k rows."""
    paths = {}
    for label, days in SIZES.items():
        paths[label] = folder / f"{label}.db"
        write_sample(paths[label], days=days, seed=1)
    paths[BIG] = folder / f"{BIG}.db"
    pain, exercise = generate(SIZES["30y"], seed=1)
    copies = []
    for entry in pain:
        for extra in range(7):  # the same day, logged again later in the day
            copy = type(entry)(**{**entry.__dict__, "id": None})
            copy.logged_at = copy.logged_at[:11] + f"{12 + extra:02d}" + copy.logged_at[13:]
            copies.append(copy)
    from tracker.store import Store

    with Store.open(paths[BIG]) as store:
        store.add_many(pain, copies, exercise)
    return paths


def commands(folder: Path) -> list[tuple[str, list[str], bool]]:
    """(label, tracker arguments, bounded?) for each command timed."""
    ninety = (dt.date.today() - dt.timedelta(days=89)).isoformat()
    return [
        ("pain 5 (one-line log)", ["pain", "5"], True),
        ("remind", ["remind"], True),
        ("tips", ["tips"], True),
        ("plot --days 90", ["plot", "--days", "90", "--width", "100"], True),
        ("list (14 days)", ["list"], True),
        (
            "report --from 90 days ago",
            ["report", str(folder / "r.pdf"), "--from", ninety, "--force"],
            True,
        ),
        ("stats", ["stats"], False),
        ("list --json --days 0", ["list", "--json", "--days", "0"], False),
        ("export daily", ["export", str(folder / "e.csv"), "--table", "daily", "--force"], False),
    ]


def main() -> None:
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 5
    python = sys.executable
    source = os.environ.get("TRACKER_BENCH_SOURCE")
    base_env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    base_env["TRACKER_CONFIG"] = "/nonexistent/tracker-bench/config.toml"
    if source:
        base_env["PYTHONPATH"] = source
    with tempfile.TemporaryDirectory(prefix="tracker-bench-views-") as name:
        folder = Path(name)
        diaries = make_diaries(folder)
        labels = [*SIZES, BIG]
        print(
            f"tracker CLI views: median CPU ms (user+sys) of {runs} runs; "
            f"python {sys.version.split()[0]}; bytecode compiled"
            + (f"; code from {source}" if source else "")
        )
        header = f"{'command':<28}" + "".join(f"{label:>9}" for label in labels)
        print(header + f"{'1y->30y':>9}")
        baselines = [
            ("python -c pass", [python, "-c", "pass"]),
            ("bare sqlite3 one query", [python, "-c", BARE_QUERY]),
            ("bare click+sqlite3 insert", [python, "-c", BARE_INSERT]),
        ]
        found: dict[str, list[float]] = {}
        for label, argv in baselines:
            row: list[float] = []
            for size in labels:
                # the bare insert writes to its own copy: a write by anything but tracker
                # (rightly) costs tracker's next write a full check
                copy = folder / f"bare-{size}.db"
                if not copy.exists():
                    copy.write_bytes(diaries[size].read_bytes())
                extra = [] if argv[-1] == "pass" else [str(copy)]
                row.append(cpu_ms([*argv, *extra], base_env, runs))
            _print_row(label, row)
            found[label] = row
        for label, args, _bounded in commands(folder):
            row = []
            for size in labels:
                env = {**base_env, "TRACKER_DB": str(diaries[size])}
                row.append(cpu_ms([python, "-m", "tracker", *args], env, runs))
            _print_row(label, row)
            found[label] = row
        row = []
        for size in labels:
            env = {**base_env, "TRACKER_DB": str(diaries[size])}
            row.append(peak_mib([python, "-m", "tracker", "list", "--json", "--days", "0"], env))
        _print_row("list --json --days 0: MiB", row)
        print("(every figure is CPU ms but the last row: peak memory in MiB)")
        for mine, bare in (
            ("pain 5 (one-line log)", "bare click+sqlite3 insert"),
            ("remind", "bare sqlite3 one query"),
        ):
            ratios = [m / b for m, b in zip(found[mine], found[bare], strict=True)]
            cells = "".join(f"{value:>8.2f}x" for value in ratios)
            print(f"{mine + ' / ' + bare.split(':')[0]:<28}{cells}")


def _print_row(label: str, row: list[float]) -> None:
    growth = row[2] / row[0] if row[0] else float("nan")
    cells = "".join(f"{value:>9.1f}" for value in row)
    print(f"{label:<28}{cells}{growth:>8.2f}x", flush=True)


if __name__ == "__main__":
    main()
