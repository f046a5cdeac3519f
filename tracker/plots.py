"""plotext figures drawn from analysis results, shared by `tracker plot` and the TUI.

Each builder takes a plotext-like object `plt` first: the `plotext` module in the CLI, or
`PlotextPlot.plt` (a plotext figure) inside a textual-plotext widget. Neither is imported
here, and neither is Textual.

Contract: the CALLER clears and sizes the figure; the builder only draws. So a redraw is
`plt.clear_figure()`, the builder, then `plt.plotsize(w, h)` + `plt.show()` in the terminal or
`widget.refresh()` in the TUI (textual-plotext sizes and themes the figure at render time).
`response_chart` splits the figure into a 1x2 grid and returns `plt` to the main figure.

Long histories are aggregated before plotting: drawing 3650 raw points costs 2.2-2.5x the
time of 30, and a terminal chart cannot show more than about two points per column anyway.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Sequence

from tracker.analysis.calendar import monday_of
from tracker.analysis.summary_type import Summary
from tracker.words.exercise import RESPONSE_TITLE

#: Pain chart resolutions, finest first: (name, bucket key of an ISO day).
LEVELS: tuple[tuple[str, Callable[[str], str]], ...] = (
    ("day", lambda day: day),
    ("week", monday_of),
    ("month", lambda day: day[:7]),
    ("quarter", lambda day: f"{day[:4]}-Q{(int(day[5:7]) - 1) // 3 + 1}"),
    ("year", lambda day: day[:4]),
)
#: Stacking order of the exercise bars: aerobic at the bottom, so it meets the target line.
CATEGORY_COLORS: dict[str, str] = {
    "aerobic": "blue+",
    "strength": "red+",
    "balance": "green+",
    "flexibility": "cyan+",
    "mind_body": "magenta+",
    "other": "gray",
}
PAIN_MAX = 10
DEFAULT_MAX_POINTS = 150
DEFAULT_MAX_BARS = 26
TICKS = 5


def _mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


# ---- aggregation (pure) ---------------------------------------------------------------------
def aggregate_daily(daily: list[dict], max_points: int = DEFAULT_MAX_POINTS) -> dict:
    """The daily series reduced to at most `max_points` buckets (days, weeks, months, ...).

    Returns {"level", "x", "pain", "trend", "trend_label"}, one list entry per bucket: x is
    the bucket's mean day index in `daily` (so the axis stays in days), pain the mean daily
    pain in it, trend the 7-day rolling mean at day level or the bucket mean of the 28-day
    rolling mean when aggregated. A bucket without a value holds None: gaps stay gaps.
    """
    level, key = LEVELS[-1]
    for name, candidate in LEVELS:
        if len({candidate(day["date"]) for day in daily}) <= max(1, max_points):
            level, key = name, candidate
            break
    trend_name = "mean_7" if level == "day" else "mean_28"
    buckets: dict[str, list[int]] = {}
    for index, day in enumerate(daily):
        buckets.setdefault(key(day["date"]), []).append(index)
    x, pain, trend = [], [], []
    for indexes in buckets.values():
        x.append(sum(indexes) / len(indexes))
        pain.append(_bucket_mean(daily, indexes, "average"))
        trend.append(_bucket_mean(daily, indexes, trend_name))
    label = "7-day mean" if level == "day" else "28-day mean"
    return {"level": level, "x": x, "pain": pain, "trend": trend, "trend_label": label}


def _bucket_mean(daily: list[dict], indexes: list[int], name: str) -> float | None:
    value = _mean([daily[i][name] for i in indexes if daily[i].get(name) is not None])
    return None if value is None else round(value, 2)


def runs(x: Sequence[float], y: Sequence[float | None]) -> list[tuple[list[float], list[float]]]:
    """The stretches of consecutive non-None values, so a line is never drawn across a gap."""
    segments: list[tuple[list[float], list[float]]] = []
    previous = None
    for xi, yi in zip(x, y, strict=True):
        if yi is not None:
            if previous is None:
                segments.append(([], []))
            segments[-1][0].append(xi)
            segments[-1][1].append(yi)
        previous = yi
    return segments


def date_ticks(dates: Sequence[str], count: int = TICKS) -> tuple[list[int], list[str]]:
    """About `count` evenly spaced tick positions (indexes into `dates`) and their labels."""
    if not dates:
        return [], []
    last = len(dates) - 1
    positions = sorted({round(i * last / max(1, count - 1)) for i in range(count)})
    span = last + 1
    form = "%d %b" if span <= 366 else "%b %Y"
    labels = [dt.date.fromisoformat(dates[i]).strftime(form) for i in positions]
    return positions, labels


def aggregate_weeks(weekly: list[dict], max_bars: int = DEFAULT_MAX_BARS) -> list[dict]:
    """Consecutive weeks merged into blocks so there are at most `max_bars` bars.

    Each block: "label" (its first week), "weeks" (count) and "by_category" holding the MEAN
    minutes per week, so a block stays comparable with the weekly target.
    """
    size = max(1, math.ceil(len(weekly) / max(1, max_bars)))
    blocks = []
    for first in range(0, len(weekly), size):
        chunk = weekly[first : first + size]
        categories = list(chunk[0]["by_category"])
        blocks.append(
            {
                "label": chunk[0]["week"],
                "weeks": len(chunk),
                "by_category": {
                    c: sum(w["by_category"][c] for w in chunk) / len(chunk) for c in categories
                },
            }
        )
    return blocks


# ---- builders -------------------------------------------------------------------------------
def pain_chart(
    plt,
    daily: list[dict],
    baseline: float | None = None,
    *,
    max_points: int = DEFAULT_MAX_POINTS,
    title: str = "Pain (0-10)",
) -> str:
    """Daily pain as points, its rolling mean as a line, baseline and -30%/-50% levels.

    `daily` is `analysis.daily_series(...)`; `baseline` its `baseline_avg`. Pass about twice
    the chart width as `max_points`. Returns the resolution drawn ("day", "week", "month"...).
    """
    agg = aggregate_daily(daily, max_points)
    plt.title(title if agg["level"] == "day" else f"{title}, {agg['level']}ly means")
    if baseline is not None and daily:  # first, so the data is drawn over them
        _reference_lines(plt, len(daily) - 1, baseline)
    points = [(xi, yi) for xi, yi in zip(agg["x"], agg["pain"], strict=True) if yi is not None]
    if points:
        xs, ys = zip(*points, strict=True)
        plt.scatter(list(xs), list(ys), marker="dot", color="cyan+", label="pain")
    for number, (run_xs, run_ys) in enumerate(runs(agg["x"], agg["trend"])):
        plt.plot(run_xs, run_ys, color="blue+", label=None if number else agg["trend_label"])
    plt.ylim(0, PAIN_MAX)
    plt.yticks(list(range(0, PAIN_MAX + 1, 2)))
    plt.xlim(0, max(1, len(daily) - 1))
    plt.xticks(*date_ticks([day["date"] for day in daily]))
    return agg["level"]


def _reference_lines(plt, last: int, baseline: float) -> None:
    for factor, color, name in (
        (1.0, "yellow", "baseline"),
        (0.7, "green", "-30%"),
        (0.5, "green+", "-50%"),
    ):
        level = round(baseline * factor, 1)
        plt.plot([0, max(1, last)], [level, level], color=color, label=f"{name} {level:g}")


def exercise_chart(
    plt, weekly: list[dict], target: int = 150, *, max_bars: int = DEFAULT_MAX_BARS
) -> None:
    """Weekly exercise minutes as bars stacked by category, with the aerobic target as a line.

    `weekly` is `analysis.weekly_exercise(...)`. More weeks than `max_bars` are merged into
    blocks of mean minutes per week (the title says so).
    """
    blocks = aggregate_weeks(weekly, max_bars) if weekly else []
    size = blocks[0]["weeks"] if blocks else 1
    plt.title("Exercise minutes a week" + (f" (mean of {size}-week blocks)" if size > 1 else ""))
    if not blocks:
        return
    x = list(range(len(blocks)))
    categories = [c for c in CATEGORY_COLORS if any(b["by_category"].get(c) for b in blocks)]
    if categories:
        plt.stacked_bar(
            x,
            [[b["by_category"].get(c, 0) for b in blocks] for c in categories],
            labels=categories,
            color=[CATEGORY_COLORS[c] for c in categories],
            width=0.8,
        )
    plt.plot(
        [-0.5, len(blocks) - 0.5],
        [target, target],
        color="yellow",
        label=f"aerobic target {target}",
    )
    ticks = nice_ticks(max([target, *(sum(b["by_category"].values()) for b in blocks)]))
    plt.ylim(0, ticks[-1])  # the top tick inside the frame, never on the title's line
    plt.yticks(ticks)
    plt.xticks(*_week_ticks(blocks))


def nice_ticks(top: float, count: int = 4) -> list[int]:
    """Round tick values from 0 to at least `top`: steps of 1, 2, 2.5 or 5 times a power of 10."""
    raw = max(1.0, top / count)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    return [round(i * step) for i in range(math.ceil(top / step) + 1)]


def _week_ticks(blocks: list[dict]) -> tuple[list[int], list[str]]:
    step = max(1, math.ceil(len(blocks) / TICKS))
    positions = list(range(0, len(blocks), step))
    return positions, [blocks[i]["label"] for i in positions]


#: (bar label, summary key stem); labels are short: plotext drops a title wider than the panel.
RESPONSE_BARS = (
    ("exercise", "exercise_day_pain"),
    ("rest", "rest_day_pain"),
    ("after exercise", "next_day_after_exercise"),
    ("after rest", "next_day_after_rest"),
)


def response_chart(plt, summary: Summary) -> None:
    """Left: mean pain on exercise and rest days and on the day after each (an association,
    titled so: see `tracker.words.exercise`); right: the mean
    change in pain during sessions (after - before) per category. Numbers with fewer than 3
    days (or sessions) behind them are left out; each label carries its value and count.

    `summary` is `analysis.summarize(...)`. Splits the figure into a 1x2 grid.
    """
    plt.subplots(1, 2)
    _response_days(plt.subplot(1, 1), summary)
    _response_sessions(plt.subplot(1, 2), summary)
    plt.main()


def _response_days(panel, summary: Summary) -> None:
    names, values = [], []
    for label, key in RESPONSE_BARS:
        value = summary.get(f"{key}_avg")
        if value is not None:
            names.append(f"{label} {value:.1f} ({summary.get(f'{key}_days')}d)")
            values.append(value)
    panel.title(RESPONSE_TITLE if names else "Too few days yet")
    if names:
        # Horizontal bars are drawn bottom-up; reversed, they read top-down in RESPONSE_BARS order.
        panel.bar(names[::-1], values[::-1], orientation="horizontal", color="cyan+", width=0.6)
        panel.xlim(0, PAIN_MAX)


def _response_sessions(panel, summary: Summary) -> None:
    by_category = summary.get("session_pain_change_by_category") or {}
    rated = {
        f"{category} {v['avg']:+.1f} ({v['sessions']})": v["avg"]
        for category, v in by_category.items()
        if v.get("avg") is not None
    }
    panel.title("Session change" if rated else "Too few ratings yet")
    if not rated:
        return
    names, values = list(rated)[::-1], list(rated.values())[::-1]
    colors = ["green+" if value <= 0 else "red+" for value in values]
    panel.bar(names, values, orientation="horizontal", color=colors, width=0.6)
    reach = max(1.0, max(abs(value) for value in values))
    panel.xlim(-reach, reach)
    panel.vertical_line(0, color="gray")
