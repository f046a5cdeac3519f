"""`tracker stats` (the summary in plain words, or JSON) and `tracker plot` (terminal charts).

The numbers come from tracker.analysis (pure), the sentences from tracker.words and the charts
from tracker.plots: the same ones the TUI shows.
plotext (~40 ms to import) loads only inside `plot`.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from tracker.analysis.markers import Marker

from tracker.cli.common import (
    baseline_option,
    db_path,
    open_store,
    parse_baseline_from,
    weekly_target,
)

DEFAULT_PLOT_DAYS = 90
DEFAULT_CHART_HEIGHT = 20
NOTHING_YET = "Nothing logged yet: start with `tracker pain 5` or `tracker exercise walking 30`."


def _load(ctx: click.Context) -> tuple[list[dict], list[dict]] | None:
    """Every pain and exercise row, or None when there is no diary file yet (none is made)."""
    if not db_path(ctx).exists():
        return None
    store = open_store(ctx, create=False)
    return store.pain_rows(), store.exercise_rows()


def _load_window(
    ctx: click.Context, today: dt.date, start: str, baseline_from: str | None
) -> tuple[list[dict], list[dict]] | None:
    """The rows the period start..today needs (analysis.window: the period and the weeks
    before it, the baseline, the first and last days), or None when there is no diary file:
    the same charts and words as from every row, at a cost that does not grow with the diary."""
    if not db_path(ctx).exists():
        return None
    from tracker.analysis.window import window_rows

    store = open_store(ctx, create=False)
    return window_rows(store, today, start=start, baseline_from=baseline_from)


@click.command()
@click.option(
    "--from",
    "start",
    metavar="D",
    help="First day of the period: YYYY-MM-DD, 'today' or 'yesterday' "
    "(default: your first logged day). The baseline does not move with it: see --baseline-from.",
)
@click.option("--to", "end", metavar="D", help="Last day of the period (default: today).")
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="Print every number as JSON (the keys are listed in tracker/analysis/summary.py).",
)
@click.option(
    "--target",
    type=click.IntRange(1, 3000),
    help="Your weekly aerobic exercise target, in minutes "
    "(default: exercise.weekly_target in the settings, else 150).",
)
@baseline_option
@click.pass_context
def stats(
    ctx: click.Context,
    start: str | None,
    end: str | None,
    as_json: bool,
    target: int | None,
    baseline_from: str | None,
):
    """Show how your pain has changed, and how it goes with exercise (associations, not
    proof of an effect)."""
    from tracker.analysis import summarize
    from tracker.models import today
    from tracker.period import parse_period
    from tracker.words import describe

    first, last = parse_period(start, end, names=("--from", "--to"))
    base = parse_baseline_from(baseline_from, ctx)
    if target is None:
        target = weekly_target(ctx)
    rows = _load(ctx) or ([], [])
    summary = summarize(
        *rows, today=today(), start=first, end=last, weekly_target=target, baseline_from=base
    )
    if as_json:
        click.echo(json.dumps(summary, indent=2))
    elif not summary["days_logged"] and not summary["sessions"]:
        click.echo(NOTHING_YET if rows == ([], []) else "Nothing logged in this period.")
    else:
        click.echo("\n".join(describe(summary)))
        _medicines_pointer(ctx)


def _medicines_pointer(ctx: click.Context) -> None:
    """One line pointing to `tracker med stats` when the diary holds medicines."""
    from tracker.words.medicine_weeks import STATS_POINTER

    count = open_store(ctx, create=False).count("medicine")
    if count:
        click.echo(STATS_POINTER.format(count=count))


# ---- plot -----------------------------------------------------------------------------------
@click.command()
@click.option(
    "--days",
    type=click.IntRange(7, 36500),
    default=DEFAULT_PLOT_DAYS,
    show_default=True,
    help="How many days back from today to plot (long spans are drawn as weekly or monthly means).",
)
@click.option(
    "--width",
    type=click.IntRange(40, 1000),
    help="Chart width in columns (default: the terminal's width).",
)
@click.option(
    "--height",
    type=click.IntRange(10, 200),
    default=DEFAULT_CHART_HEIGHT,
    show_default=True,
    help="Height of each chart in lines.",
)
@baseline_option
@click.pass_context
def plot(ctx: click.Context, days: int, width: int | None, height: int, baseline_from: str | None):
    """Draw pain, weekly exercise and exercise-vs-rest charts in the terminal, with the change
    from your baseline in words under them."""
    import shutil
    import textwrap

    from tracker.analysis.calendar import shift
    from tracker.models import today

    base = parse_baseline_from(baseline_from, ctx)
    end = today()
    start = shift(end, -(days - 1))
    rows = _load_window(ctx, end, start, base)
    if rows is None or not any(r["date"] >= start for r in (*rows[0], *rows[1])):
        click.echo(f"Nothing to plot yet: nothing logged in the last {days} days.")
        return
    width = width or shutil.get_terminal_size((100, 24)).columns
    target = weekly_target(ctx)
    markers = _markers(ctx, start, end)
    charts = build_charts(
        *rows,
        today=end,
        start=start,
        width=width,
        height=height,
        baseline_from=base,
        target=target,
        markers=markers,
    )
    for canvas in charts:
        click.echo(canvas)
    from tracker.analysis import summarize
    from tracker.words.change import baseline_line, change_line
    from tracker.words.exercise import plot_lines

    summary = summarize(*rows, today=end, start=start, baseline_from=base, weekly_target=target)
    for line in (change_line(summary), baseline_line(summary).strip(), *plot_lines(summary)):
        if line:
            click.echo(textwrap.fill(line, width))
    from tracker.words.medicine_weeks import marker_lines

    for line in marker_lines(markers):
        indent = "      " if line.startswith(" ") else ""
        click.echo(textwrap.fill(line, width, subsequent_indent=indent))


def _markers(ctx: click.Context, start: str, end: dt.date) -> list:
    """The regimen changes from `start` to `end`, as the pain chart marks them."""
    from tracker.analysis.markers import regimen_markers
    from tracker.store import medicines as meds

    store = open_store(ctx, create=False)
    return regimen_markers(meds.medicines(store), meds.changes(store), start, end)


def build_charts(
    pain_rows: list[dict],
    exercise_rows: list[dict],
    *,
    today: dt.date,
    start: str,
    width: int,
    height: int,
    baseline_from: str | None = None,
    target: int | None = None,
    markers: Sequence[Marker] = (),
) -> list[str]:
    """The three charts as text canvases, each with its legend under it (ANSI colours, none
    with NO_COLOR set; click.echo strips them off a pipe).

    `target`: the weekly aerobic target (default: analysis' 150); `markers`: the regimen
    changes to mark on the pain chart (`analysis.markers`)."""
    import os

    import plotext as plt  # ~40 ms; only `plot` needs it

    from tracker import plots
    from tracker.analysis import DEFAULT_WEEKLY_TARGET, daily_series, summarize
    from tracker.palette import depth_from_env
    from tracker.plot_markers import pain_chart_with_markers

    first_logged = min(r["date"] for r in (*pain_rows, *exercise_rows) if r["date"] >= start)
    summary = summarize(
        pain_rows,
        exercise_rows,
        today=today,
        start=first_logged,
        baseline_from=baseline_from,
        weekly_target=DEFAULT_WEEKLY_TARGET if target is None else target,
    )
    daily = daily_series([r for r in pain_rows if r["date"] >= first_logged], first_logged, today)
    # The reference lines use the one baseline (analysis.change), whatever window is drawn.
    baseline = summary["baseline_avg"]
    depth = depth_from_env(os.environ)
    drawings = [
        lambda: pain_chart_with_markers(
            plt, daily, baseline, markers, max_points=2 * width, depth=depth
        ),
        lambda: plots.exercise_chart(
            plt,
            summary["weekly_exercise_minutes"],
            summary["weekly_aerobic_target"],
            max_bars=max(4, (width - 10) // 3),
            depth=depth,
        ),
        lambda: plots.response_chart(plt, summary, depth=depth),
    ]
    canvases = []
    for draw in drawings:
        plt.clear_figure()
        keys = draw()
        plt.theme("clear")
        plt.limitsize(False, False)  # else plotext clips to the terminal it thinks it is in
        canvases.append(plots.terminal_canvas(plt, keys, width, height, depth))
    return canvases
