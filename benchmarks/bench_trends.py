"""Benchmarks for the analysis core and the charts on 1, 5 and 10 years of sample history.

Run alone: `uv run python benchmarks/bench_trends.py` (or through benchmarks/bench.py, which calls
`run()`). Not a pytest test: timings are reported, never asserted. Each figure is the median
of several runs; the 10y/1y ratios show growth (linear is about 10x, or less where fixed costs
dominate).
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import plotext  # noqa: E402
from benchlib import median_ms  # noqa: E402

from tracker import plots  # noqa: E402
from tracker.analysis import daily_series, summarize  # noqa: E402
from tracker.sample import generate, write_sample  # noqa: E402
from tracker.store import Store  # noqa: E402

END = dt.date(2026, 3, 1)
YEARS = (1, 5, 10)
CHART_SIZE = (100, 20)
MS = 1000


def history(years: int) -> tuple[list[dict], list[dict]]:
    """Sample rows shaped like the Store's, with ids."""
    pain, exercise = generate(365 * years, seed=1, end=END)
    pain_rows = [{**entry.as_row(), "id": i} for i, entry in enumerate(pain, 1)]
    exercise_rows = [{**item.as_row(), "id": i} for i, item in enumerate(exercise, 1)]
    return pain_rows, exercise_rows


def build_all_charts(pain_rows: list[dict], exercise_rows: list[dict]) -> None:
    """What `tracker plot` does after loading: summary, series, three charts built to text."""
    summary = summarize(pain_rows, exercise_rows, today=END)
    daily = daily_series(pain_rows)
    width, height = CHART_SIZE
    for draw in (
        lambda: plots.pain_chart(plotext, daily, summary["baseline_avg"], max_points=2 * width),
        lambda: plots.exercise_chart(plotext, summary["weekly_exercise_minutes"]),
        lambda: plots.response_chart(plotext, summary),
    ):
        plotext.clear_figure()
        draw()
        plotext.plotsize(width, height)
        plotext.build()


def pain_chart_ms(daily: list[dict], max_points: int, runs: int) -> float:
    def draw() -> None:
        plotext.clear_figure()
        plots.pain_chart(plotext, daily, 5.0, max_points=max_points)
        plotext.plotsize(*CHART_SIZE)
        plotext.build()

    return median_ms(draw, runs)


def core_section(runs: int) -> list[tuple[str, float, str]]:
    plotext.limitsize(False, False)
    rows, figures = [], {}
    for years in YEARS:
        pain_rows, exercise_rows = history(years)
        size = f"{years}y: {len(pain_rows)} pain, {len(exercise_rows)} sessions"
        figures[years] = {
            "summarize": median_ms(
                lambda p=pain_rows, e=exercise_rows: summarize(p, e, today=END), runs
            ),
            "daily_series": median_ms(lambda p=pain_rows: daily_series(p), runs),
            "charts": median_ms(lambda p=pain_rows, e=exercise_rows: build_all_charts(p, e), runs),
        }
        for name, value in figures[years].items():
            rows.append((f"{name} ({years}y)", value, f"ms  [{size}]"))
    for name in figures[1]:
        ratio = figures[10][name] / figures[1][name]
        rows.append((f"{name} growth 10y/1y", ratio, "x (linear = about 10x)"))
    daily = daily_series(history(10)[0])
    raw = pain_chart_ms(daily, max_points=len(daily), runs=runs)
    aggregated = pain_chart_ms(daily, max_points=2 * CHART_SIZE[0], runs=runs)
    rows.append(("pain chart, 3650 raw daily points", raw, "ms"))
    rows.append(
        (
            "pain chart, aggregated (monthly, <= 200)",
            aggregated,
            f"ms = {raw / aggregated:.1f}x faster",
        )
    )
    return rows


def cli_section(runs: int) -> list[tuple[str, float, str]]:
    """Whole commands on 1, 5 and 10 years of history, against `python -c pass`."""
    with tempfile.TemporaryDirectory(prefix="tracker-bench-trends-") as folder:
        dbs = {}
        for years in (1, 5, 10):
            dbs[years] = Path(folder) / f"{years}y.db"
            write_sample(dbs[years], days=365 * years, seed=1, end=END)
        return _cli_rows(dbs, runs)


def _cli_rows(dbs: dict[int, Path], runs: int) -> list[tuple[str, float, str]]:
    def command(db: Path, *args: str) -> Callable[[], object]:
        env = {**os.environ, "TRACKER_DB": str(db), "TRACKER_TODAY": END.isoformat()}
        return lambda: subprocess.run(
            [sys.executable, *args], env=env, check=True, stdout=subprocess.DEVNULL
        )

    def load() -> None:
        with Store.open(dbs[10]) as store:
            store.pain_rows(), store.exercise_rows()

    bare = median_ms(command(dbs[1], "-c", "pass"), runs)
    stats = {
        years: median_ms(command(db, "-m", "tracker", "stats"), runs) for years, db in dbs.items()
    }
    plot = median_ms(
        command(dbs[10], "-m", "tracker", "plot", "--days", "3650", "--width", "100"), runs
    )
    rows = [
        ("load all rows from the Store (10y)", median_ms(load, runs), "ms"),
        ("python -c pass", bare, "ms (reference)"),
    ]
    for years, value in stats.items():
        rows.append(
            (f"tracker stats ({years}y)", value, f"ms = python start + {value - bare:.0f} ms")
        )
    growth = (stats[10] - bare) / (stats[1] - bare)
    rows.append(("tracker stats growth 10y/1y (above python start)", growth, "x (linear = 10x)"))
    rows.append(
        ("tracker plot --days 3650 (10y)", plot, f"ms = python start + {plot - bare:.0f} ms")
    )
    return rows


def run(runs: int = 7) -> list[tuple[str, float, str]]:
    """(label, value, unit/note) rows for benchmarks/bench.py."""
    return core_section(runs) + cli_section(max(3, runs // 2))


def main() -> None:
    rows = run()
    width = max(len(label) for label, _, _ in rows)
    print(f"trends benchmarks (median of 7 runs; python {sys.version.split()[0]})")
    for label, value, note in rows:
        print(f"{label:<{width}}  {value:>9.2f}  {note}")


if __name__ == "__main__":
    main()
