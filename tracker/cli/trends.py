"""`tracker stats` (the summary in plain words, or JSON) and `tracker plot` (terminal charts).

The numbers come from tracker.analysis (pure) and the charts from tracker.plots, the same
builders the TUI draws with. plotext (~40 ms to import) loads only inside `plot`.
"""

from __future__ import annotations

import datetime as dt
import json

import click

from tracker.cli.common import db_path, open_store

DEFAULT_PLOT_DAYS = 90
DEFAULT_CHART_HEIGHT = 20
NOTHING_YET = "Nothing logged yet: start with `tracker pain 5` or `tracker exercise walking 30`."


def _load(ctx: click.Context) -> tuple[list[dict], list[dict]] | None:
    """Every pain and exercise row, or None when there is no diary file yet (none is made)."""
    if not db_path(ctx).exists():
        return None
    store = open_store(ctx, create=False)
    return store.pain_rows(), store.exercise_rows()


def _period(start: str | None, end: str | None) -> tuple[str | None, str | None]:
    from tracker.errors import UsageProblem
    from tracker.models import parse_date

    first = parse_date(start, "--from") if start else None
    last = parse_date(end, "--to") if end else None
    if first and last and first > last:
        raise UsageProblem(f"--from ({first}) is after --to ({last}); swap them")
    return first, last


@click.command()
@click.option(
    "--from",
    "start",
    metavar="D",
    help="First day of the period: YYYY-MM-DD, 'today' or 'yesterday' "
    "(default: your first logged day). The baseline is the period's first 14 rated days.",
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
    default=150,
    show_default=True,
    help="Your weekly aerobic exercise target, in minutes.",
)
@click.pass_context
def stats(ctx: click.Context, start: str | None, end: str | None, as_json: bool, target: int):
    """Show how your pain has changed and whether exercise seems to help you."""
    from tracker.analysis import summarize
    from tracker.models import today

    first, last = _period(start, end)
    rows = _load(ctx) or ([], [])
    summary = summarize(*rows, today=today(), start=first, end=last, weekly_target=target)
    if as_json:
        click.echo(json.dumps(summary, indent=2))
    elif not summary["days_logged"] and not summary["sessions"]:
        click.echo(NOTHING_YET if rows == ([], []) else "Nothing logged in this period.")
    else:
        click.echo("\n".join(describe(summary)))


# ---- the summary in plain words -------------------------------------------------------------
def describe(summary: dict) -> list[str]:
    """The summary as short sentences, one per line."""
    now = summary["period_end"] == summary["today"]
    lines = [period_line(summary), change_line(summary), baseline_line(summary)]
    lines += [trend_line(summary) if now else "", *exercise_lines(summary, now)]
    lines += [*response_lines(summary), flare_line(summary, now), _symptom_line(summary)]
    return [line for line in lines if line]


def period_line(s: dict) -> str:
    return (
        f"From {s['period_start']} to {s['period_end']}: {_days(s['days_logged'])} with a pain "
        f"rating, {s['sessions']} exercise session{'s' if s['sessions'] != 1 else ''}."
    )


def change_line(s: dict) -> str:
    base, recent, pct = s["baseline_avg"], s["recent_avg"], s["change_pct"]
    if base is None:
        return (
            f"Baseline: not set yet; it is the mean of your first 14 days with a pain rating "
            f"(so far {s['baseline_days']})."
        )
    if recent is None:
        return (
            f"Baseline {base:.1f}. Too few ratings in the last 7 days to compare "
            f"({s['recent_days']}; 3 needed)."
        )
    if pct is None:
        return (
            f"Baseline {base:.1f} (from {s['baseline_start']} to {s['baseline_end']}); the "
            "comparison starts when the last 7 days are all after it."
        )
    numbers = f"({base:.1f} -> {recent:.1f})"
    if pct > 0:
        return f"Pain is {abs(pct):.0f}% above your baseline {numbers}."
    if pct == 0:
        return f"Pain is the same as your baseline {numbers}."
    if s["substantial"]:
        verdict = "a substantial change (IMMPACT: 50% or more)"
    elif s["meaningful"]:
        verdict = "a meaningful change (IMMPACT: 30% or more)"
    else:
        verdict = "less than the 30% that counts as meaningful (IMMPACT)"
    return f"Pain is {abs(pct):.0f}% below your baseline {numbers}: {verdict}."


def baseline_line(s: dict) -> str:
    if s["change_pct"] is None:
        return ""
    return (
        f"  Baseline: {_days(s['baseline_days'])} from {s['baseline_start']} to "
        f"{s['baseline_end']}; now: the 7 days to {s['recent_end']} ({s['recent_days']} rated)."
    )


def trend_line(s: dict) -> str:
    trend = s["pain_trend_points"]
    if trend is None:
        return ""
    direction = "up" if trend > 0 else "down" if trend < 0 else "unchanged"
    amount = f" {abs(trend):.1f} point{'s' if abs(trend) != 1 else ''}" if trend else ""
    return f"This week against last week: pain {direction}{amount}."


def exercise_lines(s: dict, now: bool) -> list[str]:
    """Last 7 days (only when the period ends today: those numbers are about now) and period."""
    target = s["weekly_aerobic_target"]
    aerobic = s["aerobic_minutes_last_7_days"]
    met = "reached" if aerobic >= target else f"{target - aerobic} minutes short"
    weeks = s["weekly_exercise_minutes"]
    last_7 = (
        f"Exercise in the last 7 days: {s['exercise_minutes_last_7_days']} minutes, "
        f"{aerobic} aerobic (target {target} a week: {met})."
    )
    return [
        last_7 if now else "",
        f"Aerobic target reached in {s['weeks_target_met']} of {len(weeks)} weeks "
        f"({s['exercise_minutes_total']} minutes of exercise over the period).",
    ]


def _pair(s: dict, first: str, second: str) -> str:
    return f"{_mean(s, first)} against {_mean(s, second)}"


def _mean(s: dict, key: str) -> str:
    value, days = s[f"{key}_avg"], s[f"{key}_days"]
    if value is None:
        return f"too few days ({days})"
    return f"{value:.1f} ({_days(days)})"


def response_lines(s: dict) -> list[str]:
    lines = [
        "Mean pain on exercise days against rest days: "
        + _pair(s, "exercise_day_pain", "rest_day_pain")
        + ".",
        "Mean pain the day after exercise against the day after rest: "
        + _pair(s, "next_day_after_exercise", "next_day_after_rest")
        + ".",
    ]
    change = s["session_pain_change_avg"]
    if change is not None:
        parts = [
            f"{category} {value['avg']:+.1f}"
            for category, value in s["session_pain_change_by_category"].items()
            if value["avg"] is not None
        ]
        by_category = f": {', '.join(parts)}" if parts else ""
        lines.append(
            f"During sessions pain changed by {change:+.1f} on average "
            f"({s['session_pain_change_sessions']} sessions rated before and after){by_category}."
        )
    return lines


def flare_line(s: dict, now: bool) -> str:
    flares, recent = s["flare_sessions"], s["recent_flare_sessions"]
    if not flares:
        return "No flares after exercise in this period."
    line = f"Flares after exercise: {len(flares)} in this period"
    if now:
        line += f", {len(recent)} in the last 14 days"
    if flares:
        latest = flares[-1]
        line += f" (latest {latest['date']}, {latest['activity']}: {latest['reason']})"
    return line + "."


def _symptom_line(s: dict) -> str:
    top = [f"{name.replace('_', ' ')} ({n})" for name, n in s["symptom_counts"].items() if n]
    return f"Most frequent symptoms: {', '.join(top[:3])}." if top else ""


def _days(count: int) -> str:
    return f"{count} day{'s' if count != 1 else ''}"


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
@click.pass_context
def plot(ctx: click.Context, days: int, width: int | None, height: int):
    """Draw pain, weekly exercise and exercise-vs-rest charts in the terminal."""
    import shutil

    from tracker.models import today

    rows = _load(ctx)
    end = today()
    start = (end - dt.timedelta(days=days - 1)).isoformat()
    if rows is None or not any(r["date"] >= start for r in (*rows[0], *rows[1])):
        click.echo(f"Nothing to plot yet: nothing logged in the last {days} days.")
        return
    width = width or shutil.get_terminal_size((100, 24)).columns
    for canvas in build_charts(*rows, today=end, start=start, width=width, height=height):
        click.echo(canvas)


def build_charts(
    pain_rows: list[dict],
    exercise_rows: list[dict],
    *,
    today: dt.date,
    start: str,
    width: int,
    height: int,
) -> list[str]:
    """The three charts as text canvases (ANSI colours; click.echo strips them off a pipe)."""
    import plotext as plt  # ~40 ms; only `plot` needs it

    from tracker import plots
    from tracker.analysis import baseline_and_change, daily_series, pain_by_day, summarize

    first_logged = min(r["date"] for r in (*pain_rows, *exercise_rows) if r["date"] >= start)
    summary = summarize(pain_rows, exercise_rows, today=today, start=first_logged)
    daily = daily_series([r for r in pain_rows if r["date"] >= first_logged], first_logged, today)
    # The reference lines use the diary's own baseline (its first 14 rated days), not the
    # first 14 days of the window: a 30% reduction is measured from where you started.
    baseline = baseline_and_change(pain_by_day(pain_rows), end=today)["baseline_avg"]
    drawings = [
        lambda: plots.pain_chart(plt, daily, baseline, max_points=2 * width),
        lambda: plots.exercise_chart(
            plt, summary["weekly_exercise_minutes"], max_bars=max(4, (width - 10) // 3)
        ),
        lambda: plots.response_chart(plt, summary),
    ]
    canvases = []
    for draw in drawings:
        plt.clear_figure()
        draw()
        plt.theme("clear")
        plt.limitsize(False, False)  # else plotext clips to the terminal it thinks it is in
        plt.plotsize(width, height)
        canvases.append(plt.build())
    return canvases
