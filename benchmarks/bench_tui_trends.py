"""Benchmark of the Trends screen on ten years of sample history: how long "all time" takes.

Run alone: `uv run python benchmarks/bench_tui_trends.py`. Not a pytest test: timings are reported,
never asserted. The app runs headless at 120x40 on a fresh ten-year sample (3650 days); each
figure is the median of several runs, after one warm-up.

- worker: `load_trends(store, "all")`, the rows read and analysed off the UI thread.
- redraw: what the UI thread does with the answer: `TrendsScreen.show(data)` (the three charts'
  builders, the words, the tips) plus rendering the three chart widgets to terminal lines (the
  plotext canvas build, which textual-plotext does when the widget renders). Budget: 100 ms.
- change to drawn: from the switch to "all" (what key 4 does; coming from 30 days) until the
  answer is shown and the charts are rendered, worker included: what the user waits for.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchlib import median_ms  # noqa: E402

from tracker.sample import write_sample  # noqa: E402
from tracker.store import Store  # noqa: E402

END = dt.date(2026, 3, 1)
DAYS = 3650
SIZE = (120, 40)
ALL_TIME = "4"
THIRTY_DAYS = "1"
MS = 1000
BUDGET_MS = 100


def render_charts(screen, again: bool = False) -> None:
    """Render each chart widget to its lines, as the compositor does on the next frame
    (`again`: mark them for repainting first, so nothing comes from the render cache)."""
    from tracker.tui.widgets.trend_charts import TrendChart

    for chart in screen.query(TrendChart):
        if again:
            chart.refresh()
        chart.render_lines(chart.size.region)


async def settle(pilot) -> None:
    for _ in range(2):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def change_to_drawn_ms(pilot, screen, runs: int) -> float:
    """From the period change (what key 4 runs) until the answer is shown and drawn.

    Not through `pilot.press`: it also waits for the tab underline's animation to end.
    """
    times = []
    for _ in range(runs + 1):
        await pilot.press(THIRTY_DAYS)
        await settle(pilot)
        start = time.perf_counter()
        screen.action_period(ALL_TIME)
        while screen.data is None or screen.data.period != ALL_TIME:
            await asyncio.sleep(0.001)
        render_charts(screen)
        times.append(time.perf_counter() - start)
    return statistics.median(times[1:]) * MS


async def measure_app(path: Path, runs: int) -> dict[str, float]:
    from tracker.tui.app import TrackerApp
    from tracker.tui.screens.trends import TrendsScreen

    app = TrackerApp(path)
    app.cursor_blink = False
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, TrendsScreen)
        key_ms = await change_to_drawn_ms(pilot, screen, runs)
        data = screen.data
        assert data.period == ALL_TIME and len(data.daily) >= DAYS
        redraw_ms = median_ms(lambda: (screen.show(data), render_charts(screen)), runs)
        build_ms = median_ms(lambda: render_charts(screen, again=True), runs)
    return {"key": key_ms, "redraw": redraw_ms, "render_only": build_ms}


def worker_ms(path: Path, runs: int) -> float:
    from tracker.tui.screens.trends import load_trends

    with Store.open(path) as store:
        return median_ms(lambda: load_trends(store, ALL_TIME, END), runs)


def run(runs: int = 9) -> list[tuple[str, float, str]]:
    """(label, value in ms, note) rows, as benchmarks/bench.py prints them."""
    previous = os.environ.get("TRACKER_TODAY")
    os.environ["TRACKER_TODAY"] = END.isoformat()
    try:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "ten-years.db"
            write_sample(path, days=DAYS, seed=1, end=END)
            worker = worker_ms(path, runs)
            app = asyncio.run(measure_app(path, runs))
    finally:
        if previous is None:
            os.environ.pop("TRACKER_TODAY", None)
        else:
            os.environ["TRACKER_TODAY"] = previous
    verdict = "within" if app["redraw"] < BUDGET_MS else "OVER"
    return [
        ("trends all time, 10y: worker (read + analysis)", worker, "ms, off the UI thread"),
        (
            "trends all time, 10y: redraw on the UI thread",
            app["redraw"],
            f"ms: show() + render 3 charts ({verdict} the {BUDGET_MS} ms budget)",
        ),
        ("  of which rendering the 3 charts", app["render_only"], "ms (plotext build)"),
        ("trends all time, 10y: switch to charts drawn", app["key"], "ms, worker included"),
    ]


def main() -> None:
    rows = run()
    width = max(len(label) for label, _, _ in rows)
    print(f"Trends screen benchmarks (median of 9 runs; {SIZE[0]}x{SIZE[1]}; {DAYS} days)")
    for label, value, note in rows:
        print(f"{label:<{width}}  {value:>9.2f}  {note}")


if __name__ == "__main__":
    main()
