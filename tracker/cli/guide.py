"""`tracker guide` (the topics and their sources) and `tracker tips` (what applies to you now).

Imports only click and tracker.cli.common at load; the guidance package, the store and analysis
load inside the commands, and rich only inside `render_topic` (about 180 ms, paid when a topic
is shown). Printing is the CLI's job: the guidance package itself imports no terminal library.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from tracker.cli.common import db_path, open_store

if TYPE_CHECKING:
    from rich.console import Console

    from tracker.guidance.content import Topic

SOURCES = "sources"


@click.command()
@click.argument("topic", required=False, metavar="[TOPIC]")
def guide(topic: str | None) -> None:
    """Read the guidance on exercise and nerve pain.

    With no TOPIC, list the topics (id first). `tracker guide TOPIC` shows one;
    `tracker guide sources` lists the references with their DOIs.
    """
    from tracker import guidance

    if topic is None:
        click.echo(guidance.topic_list_text())
    elif topic.strip().lower() == SOURCES:
        click.echo(guidance.sources_text())
    else:
        render_topic(_topic(topic))


def render_topic(topic: Topic, console: Console | None = None) -> None:
    """Print a topic through rich (Markdown with the terminal's styles), at most 100 columns."""
    from rich.console import Console
    from rich.markdown import Markdown

    from tracker.guidance import topic_markdown
    from tracker.guidance.render import MAX_WIDTH

    console = console or Console()
    console.width = min(console.width, MAX_WIDTH)
    console.print(Markdown(topic_markdown(topic)))


def _topic(topic_id: str):
    """The topic with this id, or a usage error (exit 2) that names the known ids."""
    from tracker import guidance
    from tracker.errors import UsageProblem

    try:
        return guidance.get_topic(topic_id)
    except KeyError:
        message = guidance.messages()["unknown_topic"]
        known = ", ".join(guidance.topic_ids())
        raise UsageProblem(message.format(topic=topic_id, known=known)) from None


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print the tips as a JSON list.")
@click.pass_context
def tips(ctx: click.Context, as_json: bool) -> None:
    """Show the tips that apply to your diary now, each with the guide topic to read."""
    import datetime as dt
    import json

    from tracker import models
    from tracker.analysis import summarize
    from tracker.cli.common import user_settings
    from tracker.guidance import tips_for, tips_text
    from tracker.guidance.render import for_cli

    chosen = user_settings(ctx)
    today = models.today()
    medicines: list[dict] = []
    changes: list[dict] = []
    if db_path(ctx).exists():
        from tracker.analysis.window import dashboard_rows
        from tracker.guidance.medicine_tips import tip_window_start
        from tracker.store import medicines as meds

        # A bounded window (the last weeks, the baseline, the first and last days): the
        # same tips as from every row (tests/unit/test_window_reads.py), at any diary size.
        store = open_store(ctx)
        pain_rows, exercise_rows = dashboard_rows(store, today.isoformat(), chosen.baseline_from)
        medicines, changes = meds.medicines(store), meds.changes(store)
        # The medicine tips read the pain of their own window (a change's before and after).
        med_pain_rows = store.pain_rows(tip_window_start(today)) if changes else []
    else:  # no diary yet: the "nothing logged" tip, and no file is created
        pain_rows, exercise_rows, med_pain_rows = [], [], []
    from tracker.analysis.window import WINDOW_DAYS

    # The tips read only figures about today: a period of the last WINDOW_DAYS gives them all,
    # without the weekly dose of every week since the diary began.
    summary = summarize(
        pain_rows,
        exercise_rows,
        today=today,
        start=today - dt.timedelta(days=WINDOW_DAYS - 1),
        weekly_target=chosen.weekly_target,
        baseline_from=chosen.baseline_from,
    )
    # The medicine tips in their tiers, as the app shows them (guidance.medicine_tips).
    from tracker.guidance.medicine_tips import medicine_tips, merge_tips

    med_tips = medicine_tips(medicines, changes, med_pain_rows, today) if changes else []
    found = merge_tips(tips_for(summary), med_tips)
    if as_json:
        # The same shell wording as the text output ({guide:X} -> `tracker guide X`).
        rows = [
            tip.as_dict() | {"title": for_cli(tip.title), "text": for_cli(tip.text)}
            for tip in found
        ]
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
    else:
        click.echo(tips_text(found))
