"""`tracker stats` and `tracker plot` through click's CliRunner on real database files, with
the clock fixed by TRACKER_TODAY."""

from __future__ import annotations

import datetime as dt
import json

import click
import pytest

from tracker.cli import trends
from tracker.models import ExerciseSession, PainEntry
from tracker.sample import write_sample
from tracker.store import Store

TODAY = dt.date(2026, 4, 10)


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    monkeypatch.setenv("TRACKER_TODAY", TODAY.isoformat())


def day(offset: int) -> str:
    """`offset` days before TODAY."""
    return (TODAY - dt.timedelta(days=offset)).isoformat()


@pytest.fixture
def halved(db_path):
    """Days 40-27 ago at 6 (the baseline), the last 7 days at 3, walks on alternate days."""
    pain = [PainEntry(average=6, date=day(i), logged_at="x") for i in range(27, 41)]
    pain += [PainEntry(average=3, date=day(i), logged_at="x", symptoms=["tingling"])
             for i in range(7)]  # fmt: skip
    walks = [
        ExerciseSession(activity="walking", minutes=40, date=day(i), category="aerobic",
                        pain_before=4, pain_after=3, logged_at="x")
        for i in range(0, 41, 2)
    ]  # fmt: skip
    with Store.open(db_path) as store:
        store.add_many(pain, walks)
    return db_path


def test_stats_in_plain_words(invoke, halved):
    result = invoke("stats")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert (
        lines[0] == f"From {day(40)} to {day(0)}: 21 days with a pain rating, 21 exercise sessions."
    )
    # baseline 6.0, recent 3.0: (3 - 6) / 6 = -50%
    assert lines[1] == (
        "Pain is 50% below your baseline (6.0 -> 3.0, -3.0 points; no day-to-day variation): "
        "a substantially important reduction (50% or more, IMMPACT, Dworkin et al. 2008; and "
        "at least 2 points, Farrar et al. 2001)."
    )
    # the last 7 days (0-6 ago) hold walks 0, 2, 4, 6 days ago: 4 x 40 = 160 minutes
    assert (
        "Exercise in the last 7 days: 160 minutes, 160 aerobic (160 moderate-equivalent; "
        "target 150 a week: reached)." in lines
    )
    assert "During sessions pain changed by -1.0 on average (21 sessions" in result.output
    assert "Most frequent symptoms: tingling (7)." in lines


def test_stats_json_is_the_summary(invoke, halved):
    result = invoke("stats", "--json", "--target", "200")
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)
    assert summary["change_pct"] == -50.0 and summary["substantial"] is True
    assert summary["weekly_aerobic_target"] == 200
    assert summary["period_end"] == TODAY.isoformat() and summary["period_start"] == day(40)
    assert summary["days_since_last_pain_entry"] == 0


def test_stats_for_a_period(invoke, halved):
    result = invoke("stats", "--json", "--from", day(40), "--to", day(27))
    summary = json.loads(result.output)
    assert (summary["period_start"], summary["period_end"]) == (day(40), day(27))
    assert summary["days_logged"] == 14 and summary["recent_avg"] == 6.0
    text = invoke("stats", "--from", day(40), "--to", day(27)).output
    assert (
        "Exercise in the last 7 days" not in text
    )  # numbers about now are not shown for a past period


def test_stats_usage_errors(invoke, halved):
    swapped = invoke("stats", "--from", day(1), "--to", day(5))
    assert swapped.exit_code == 2
    assert f"--from ({day(1)}) is after --to ({day(5)})" in swapped.stderr
    bad = invoke("stats", "--from", "last tuesday")
    assert bad.exit_code == 2 and bad.stderr.startswith("Error: --from: must be YYYY-MM-DD")
    future = invoke("stats", "--to", "2099-01-01")
    assert future.exit_code == 2 and "future" in future.stderr
    assert invoke("stats", "--target", "0").exit_code == 2


def test_stats_on_an_empty_diary_creates_no_file(invoke, db_path):
    result = invoke("stats")
    assert result.exit_code == 0
    assert result.output.startswith("Nothing logged yet")
    assert not db_path.exists()
    assert json.loads(invoke("stats", "--json").output)["days_logged"] == 0


def test_stats_on_an_empty_period(invoke, halved):
    result = invoke("stats", "--from", "2020-01-01", "--to", "2020-02-01")
    assert result.exit_code == 0 and result.output == "Nothing logged in this period.\n"


def test_stats_before_a_baseline_exists(invoke, db_path):
    with Store.open(db_path) as store:
        store.add_many([PainEntry(average=5, date=day(i), logged_at="x") for i in range(5)])
    result = invoke("stats")
    assert "Baseline: not set yet" in result.output and "(so far 5)" in result.output


def test_plot_on_an_empty_diary(invoke, db_path):
    result = invoke("plot")
    assert result.exit_code == 0
    assert result.output == "Nothing to plot yet: nothing logged in the last 90 days.\n"


def test_plot_draws_three_charts_at_the_given_size(invoke, db_path):
    write_sample(db_path, days=200, seed=3, end=TODAY)
    result = invoke("plot", "--width", "90", "--height", "15")
    assert result.exit_code == 0, result.output
    for title in ("Pain (0-10)", "Exercise minutes a week", "Pain on days", "Session change"):
        assert title in result.output
    assert "\x1b[" not in result.output  # no colour codes off a terminal
    assert max(len(line) for line in result.output.splitlines()) == 90


def test_plot_long_history_is_aggregated(invoke, db_path):
    write_sample(db_path, days=800, seed=4, end=TODAY)
    result = invoke("plot", "--days", "800", "--width", "80")
    assert result.exit_code == 0, result.output
    assert "Pain (0-10), weekly means" in result.output
    assert "-week blocks)" in result.output


def test_build_charts_directly():
    pain = [PainEntry(average=5, date=day(i), logged_at="x").as_row() for i in range(20)]
    canvases = trends.build_charts(pain, [], today=TODAY, start=day(30), width=60, height=12)
    assert len(canvases) == 3 and "Pain (0-10)" in canvases[0]


@pytest.mark.parametrize("command", [trends.stats, trends.plot])
def test_every_option_has_help(command):
    assert command.help
    for param in command.params:
        if isinstance(param, click.Option):
            assert param.help, f"{command.name} {param.opts} has no help text"


def test_help_lists_the_commands(invoke):
    result = invoke("--help")
    assert "stats" in result.output and "plot" in result.output
    assert invoke("plot", "--help").exit_code == 0


def plot_in_a_terminal(db_path, **env):
    """`tracker plot` as a colour terminal would get it (click keeps the ANSI codes)."""
    from click.testing import CliRunner

    from tracker.cli import cli

    args = ["--db", str(db_path), "plot", "--days", "365", "--width", "80"]
    return CliRunner().invoke(cli, args, color=True, env=env)


def test_plot_in_colour_and_with_no_color(db_path):
    write_sample(db_path, days=365, seed=2, end=TODAY)
    coloured = plot_in_a_terminal(db_path, TERM="xterm-256color")
    assert coloured.exit_code == 0, coloured.output
    assert "\x1b[38;5;" in coloured.output
    for value in ("1", ""):  # NO_COLOR set to anything
        plain = plot_in_a_terminal(db_path, TERM="xterm-256color", NO_COLOR=value)
        assert plain.exit_code == 0, plain.output
        assert "\x1b" not in plain.output
        # The same charts; the bars, told apart by colour no more, are filled with glyphs.
        assert len(plain.output.splitlines()) == len(coloured.output.splitlines())
        assert "██" in click.unstyle(coloured.output) and "░░" not in click.unstyle(coloured.output)
        assert "░░" in plain.output and "▓▓" in plain.output


def test_plot_legends_sit_under_each_chart_at_80_columns(db_path):
    write_sample(db_path, days=1200, seed=2, end=TODAY)
    result = invoke_plain(db_path, "plot", "--days", "1200", "--width", "80")
    assert max(len(line) for line in result.splitlines()) <= 80
    lines = result.splitlines()
    frames = [i for i, line in enumerate(lines) if "┌" in line]
    bottoms = [i for i, line in enumerate(lines) if "└" in line]
    pain_inside = "\n".join(lines[frames[0] : bottoms[0]])
    exercise_inside = "\n".join(lines[frames[1] : bottoms[1]])
    for label in ("pain", "28-day mean", "baseline"):
        assert label not in pain_inside
    for label in ("aerobic", "strength", "mind_body", "aerobic target"):
        assert label not in exercise_inside and label in "\n".join(lines[bottoms[1] :])


def invoke_plain(db_path, *args):
    from click.testing import CliRunner

    from tracker.cli import cli

    result = CliRunner().invoke(cli, ["--db", str(db_path), *args])
    assert result.exit_code == 0, result.output
    return result.output
