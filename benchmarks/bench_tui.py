"""The TUI's start against a bare Textual app drawing one plotext chart of 30 points.

Each side runs in its own process, from interpreter start to the first frame that holds the
chart, headless at 100x32: wall time (median of several runs) and peak memory (ru_maxrss of
the child, from os.wait4). The tracker side opens ten years of sample history and stops once
the dashboard's figures have arrived and the next refresh (which draws the chart) is done.
Runnable alone: `uv run python benchmarks/bench_tui.py`; `benchmarks/bench.py` includes it.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

BARE_APP = textwrap.dedent(
    """
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

TRACKER_APP = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    import tracker.tui.app as app_module
    from tracker.tui.app import TrackerApp
    from tracker.tui.screens.dashboard import DashboardScreen

    class Timed(TrackerApp):
        CSS_PATH = Path(app_module.__file__).parent / TrackerApp.CSS_PATH

        def on_mount(self):
            super().on_mount()
            self.set_interval(0.005, self._ready_yet)

        def _ready_yet(self):
            if isinstance(self.screen, DashboardScreen) and self.screen.data is not None:
                self.call_after_refresh(self.exit)

    Timed(Path(sys.argv[1])).run(headless=True, size=(100, 32))
    """
)


def measure(code: str, *args: str, runs: int) -> tuple[float, float]:
    """Median wall seconds and median peak RSS (MiB) of `python -c code args` over `runs`."""
    times, peaks = [], []
    for index in range(runs + 1):
        start = time.perf_counter()
        child = subprocess.Popen(
            [sys.executable, "-c", code, *args],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        _, status, usage = os.wait4(child.pid, 0)
        elapsed = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) != 0:
            raise RuntimeError(f"benchmark child failed: {code[:60]}...")
        if index:  # the first run warms the OS file cache
            times.append(elapsed)
            peaks.append(usage.ru_maxrss / 1024)
    return statistics.median(times), statistics.median(peaks)


def run(runs: int = 7) -> list[tuple[str, float, str]]:
    from tracker.sample import write_sample

    folder = Path(tempfile.mkdtemp(prefix="tracker-bench-tui-"))
    db = folder / "ten-years.db"
    write_sample(db, days=3650, seed=1)
    bare_time, bare_mem = measure(BARE_APP, runs=runs)
    app_time, app_mem = measure(TRACKER_APP, str(db), runs=runs)
    return [
        ("bare Textual app, one 30-point chart: first frame", bare_time * 1000, "ms (baseline)"),
        ("tracker dashboard ready on ten years (chart drawn)", app_time * 1000,
         f"ms = {app_time / bare_time:.2f}x baseline (target <= 1.5x)"),
        ("bare Textual app: peak memory", bare_mem, "MiB (baseline)"),
        ("tracker dashboard on ten years: peak memory", app_mem,
         f"MiB = {app_mem / bare_mem:.2f}x baseline (target <= 1.25x)"),
    ]  # fmt: skip


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    for label, value, note in run():
        print(f"{label:<60} {value:>9.1f}  {note}")
