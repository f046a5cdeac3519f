"""plotext figures drawn from analysis results, shared by `tracker plot` and the TUI.

Each builder takes a plotext-like object `plt` first: the `plotext` module in the CLI, or
`PlotextPlot.plt` (a plotext figure) inside a textual-plotext widget. Neither is imported
here, and neither is Textual.

Contract: the CALLER clears and sizes the figure; the builder only draws. So a redraw is
`plt.clear_figure()`, the builder, then `plt.plotsize(w, h)` + `plt.show()` in the terminal or
`widget.refresh()` in the TUI (textual-plotext sizes and themes the figure at render time).
`response_chart` splits the figure into a 1x2 grid and returns `plt` to the main figure.

Colours and glyphs come from `tracker.palette` (Okabe-Ito, told apart by glyph too); every
builder takes the output's colour `depth` and returns its legend as `Key`s, which plotext never
draws (its legend sits inside the plot, over the data): `legend_lines` writes them as lines of
text under the chart, and `terminal_canvas` builds a chart with its legend for `tracker plot`.

Long histories are aggregated before plotting: drawing 3650 raw points costs 2.2-2.5x the
time of 30, and a terminal chart cannot show more than about two points per column anyway.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from tracker import palette
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
CATEGORY_SERIES = palette.CATEGORY_SERIES
PAIN_MAX = 10
DEFAULT_MAX_POINTS = 150
DEFAULT_MAX_BARS = 26
TICKS = 5


#: The colour depth a builder draws at when not told (plotext's own named colours are 256).
DEFAULT_DEPTH: palette.Depth = "256"


@dataclass(frozen=True)
class Key:
    """One legend entry: the series, its words, and the glyph that stands for it."""

    series: palette.Series
    label: str
    glyph: str


def colour(series: palette.Series, depth: palette.Depth) -> tuple[int, int, int] | int | str:
    """The series' colour as plotext takes it ("default": the terminal's own, no colour)."""
    value = palette.terminal_colour(series.colour, depth)
    return "default" if value is None else value


def legend_lines(keys: Sequence[Key], width: int, depth: palette.Depth) -> list[str]:
    """The legend as centred lines of at most `width` columns, each entry its glyph (in the
    series' colour, ANSI codes unless `depth` is "none") and its words, never split."""
    lines: list[list[Key]] = []
    used = 0
    for key in keys:
        size = len(_entry(key))
        if lines and used + 3 + size <= width:
            lines[-1].append(key)
            used += 3 + size
        else:
            lines.append([key])
            used = size
    out = []
    for line in lines:
        plain = "   ".join(_entry(key) for key in line)
        pad = " " * max(0, (width - len(plain)) // 2)
        coloured = "   ".join(
            palette.ansi(key.glyph * 2, key.series.colour, depth) + f" {key.label}" for key in line
        )
        out.append(pad + coloured)
    return out


def _entry(key: Key) -> str:
    return f"{key.glyph * 2} {key.label}"


def terminal_canvas(plt, keys: Sequence[Key], width: int, height: int, depth: palette.Depth) -> str:
    """A drawn plotext figure built at `width` x `height` with its legend under the plot.

    The legend's lines come out of `height`, so the whole stays `height` lines tall. At depth
    "none" the text carries no ANSI codes at all.
    """
    legend = legend_lines(keys, width, depth)
    plt.plotsize(width, max(5, height - len(legend)))
    text = plt.build()
    if depth == "none":
        text = _uncolorize(text)
    if not legend:
        return text
    # plotext ends with a blank line (its unused axis label's); the legend takes its place, and
    # a blank line goes under the legend instead, to part it from the next chart.
    lines = text.split("\n")
    if lines and not _uncolorize(lines[-1]).strip():
        lines.pop()
    return "\n".join([*lines, *legend, ""])


def _uncolorize(text: str) -> str:
    return re.sub(r"\x1b\[[0-9;]*m", "", text)


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
    depth: palette.Depth = DEFAULT_DEPTH,
) -> list[Key]:
    """Daily pain as points, its rolling mean as a line, baseline and -30%/-50% levels.

    `daily` is `analysis.daily_series(...)`; `baseline` its `baseline_avg`. Pass about twice
    the chart width as `max_points`. Returns the legend; `aggregate_daily` says the resolution.
    """
    agg = aggregate_daily(daily, max_points)
    plt.title(title if agg["level"] == "day" else f"{title}, {agg['level']}ly means")
    keys: list[Key] = []
    points = [(xi, yi) for xi, yi in zip(agg["x"], agg["pain"], strict=True) if yi is not None]
    if points:
        keys.append(Key(palette.PAIN, "pain", palette.PAIN.glyph))
    trend = runs(agg["x"], agg["trend"])
    if trend:
        keys.append(Key(palette.TREND, agg["trend_label"], palette.TREND.glyph))
    if baseline is not None and daily:  # first, so the data is drawn over them
        keys += _reference_lines(plt, len(daily) - 1, baseline, depth)
    if points:
        xs, ys = zip(*points, strict=True)
        plt.scatter(
            list(xs), list(ys), marker=palette.PAIN.glyph, color=colour(palette.PAIN, depth)
        )
    for run_xs, run_ys in trend:
        plt.plot(run_xs, run_ys, marker="hd", color=colour(palette.TREND, depth))
    plt.ylim(0, PAIN_MAX)
    plt.yticks(list(range(0, PAIN_MAX + 1, 2)))
    plt.xlim(0, max(1, len(daily) - 1))
    plt.xticks(*date_ticks([day["date"] for day in daily]))
    return keys


def _reference_lines(plt, last: int, baseline: float, depth: palette.Depth) -> list[Key]:
    keys = []
    for factor, series, name in (
        (1.0, palette.BASELINE, "baseline"),
        (0.7, palette.REDUCTION_30, "-30%"),
        (0.5, palette.REDUCTION_50, "-50%"),
    ):
        level = round(baseline * factor, 1)
        plt.plot(
            [0, max(1, last)], [level, level], marker=series.glyph, color=colour(series, depth)
        )
        keys.append(Key(series, f"{name} {level:g}", series.glyph))
    return keys


def exercise_chart(
    plt,
    weekly: list[dict],
    target: int = 150,
    *,
    max_bars: int = DEFAULT_MAX_BARS,
    depth: palette.Depth = DEFAULT_DEPTH,
) -> list[Key]:
    """Weekly exercise minutes as bars stacked by category, with the aerobic target as a line.

    `weekly` is `analysis.weekly_exercise(...)`. More weeks than `max_bars` are merged into
    blocks of mean minutes per week (the title says so). Bars are solid where colour tells
    the categories apart, and filled with each category's glyph where it cannot (16 colours
    or none). Returns the legend.
    """
    blocks = aggregate_weeks(weekly, max_bars) if weekly else []
    size = blocks[0]["weeks"] if blocks else 1
    plt.title("Exercise minutes a week" + (f" (mean of {size}-week blocks)" if size > 1 else ""))
    if not blocks:
        return []
    x = list(range(len(blocks)))
    categories = [c for c in CATEGORY_SERIES if any(b["by_category"].get(c) for b in blocks)]
    series = [CATEGORY_SERIES[c] for c in categories]
    glyphs = ["█" if palette.solid_bars(depth) else s.glyph for s in series]
    if categories:
        plt.stacked_bar(
            x,
            [[b["by_category"].get(c, 0) for b in blocks] for c in categories],
            color=[colour(s, depth) for s in series],
            marker=glyphs,
            width=0.8,
        )
    target_series = palette.TARGET
    plt.plot(
        [-0.5, len(blocks) - 0.5],
        [target, target],
        marker=target_series.glyph,
        color=colour(target_series, depth),
    )
    ticks = nice_ticks(max([target, *(sum(b["by_category"].values()) for b in blocks)]))
    plt.ylim(0, ticks[-1])  # the top tick inside the frame, never on the title's line
    plt.yticks(ticks)
    plt.xticks(*_week_ticks(blocks))
    keys = [Key(s, c, g) for s, c, g in zip(series, categories, glyphs, strict=True)]
    return [*keys, Key(target_series, f"aerobic target {target}", target_series.glyph)]


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


def response_chart(plt, summary: Summary, *, depth: palette.Depth = DEFAULT_DEPTH) -> list[Key]:
    """Left: mean pain on exercise and rest days and on the day after each (an association,
    titled so: see `tracker.words.exercise`); right: the mean
    change in pain during sessions (after - before) per category. Numbers with fewer than 3
    days (or sessions) behind them are left out; each label carries its value and count.

    `summary` is `analysis.summarize(...)`. Splits the figure into a 1x2 grid. Every bar is
    labelled with its words and values, so there is no legend (it returns none); the session
    bars are told apart by their side of zero as well as by colour.
    """
    plt.subplots(1, 2)
    _response_days(plt.subplot(1, 1), summary, depth)
    _response_sessions(plt.subplot(1, 2), summary, depth)
    plt.main()
    return []


def _response_days(panel, summary: Summary, depth: palette.Depth) -> None:
    names, values = [], []
    for label, key in RESPONSE_BARS:
        value = summary.get(f"{key}_avg")
        if value is not None:
            names.append(f"{label} {value:.1f} ({summary.get(f'{key}_days')}d)")
            values.append(value)
    panel.title(RESPONSE_TITLE if names else "Too few days yet")
    if names:
        # Horizontal bars are drawn bottom-up; reversed, they read top-down in RESPONSE_BARS order.
        panel.bar(
            names[::-1],
            values[::-1],
            orientation="horizontal",
            color=colour(palette.DAYS, depth),
            width=0.6,
        )
        panel.xlim(0, PAIN_MAX)


def _response_sessions(panel, summary: Summary, depth: palette.Depth) -> None:
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
    colors = [colour(palette.LOWER if v <= 0 else palette.HIGHER, depth) for v in values]
    panel.bar(names, values, orientation="horizontal", color=colors, width=0.6)
    reach = max(1.0, max(abs(value) for value in values))
    panel.xlim(-reach, reach)
    panel.vertical_line(0, color=colour(palette.ZERO, depth))
