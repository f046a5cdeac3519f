"""`tracker med stats`: the medicines of a period in words (or JSON).

A subcommand of `med` rather than a part of `tracker stats`: `stats` is about pain and
exercise and already long, and a person asks "what did the last dose change do?" as a
question about medicines. `stats` points here in one line when the diary has medicines.

The figures are `analysis.medicine_use.medicine_summary`'s (read by
`exchange.medicine_data.gather_medicines`, as the report reads them), the sentences
`words.medicines.medicine_lines` (the ones the app and the report print) and the weekly lines
`words.medicine_weeks`. Nothing here decides or words a conclusion.
"""

from __future__ import annotations

import click

from tracker.cli.common import db_path, open_store

NO_MEDICINES = "No medicines yet. Add one with: tracker med add NAME --strength N ..."


def _wrapped(lines: list[str], width: int) -> list[str]:
    """Each line wrapped to `width`, its leading spaces kept on every wrapped line."""
    import textwrap

    out = []
    for line in lines:
        indent = " " * (len(line) - len(line.lstrip(" ")))
        out += textwrap.wrap(
            line,
            width=width,
            initial_indent="",
            subsequent_indent=indent + "  ",
            break_long_words=False,
            break_on_hyphens=False,
        ) or [""]
    return out


@click.command("stats")
@click.option(
    "--from",
    "start",
    metavar="D",
    help="First day of the period: YYYY-MM-DD, 'today' or 'yesterday' (default: the whole "
    "diary). Before/after figures still use the days around each change.",
)
@click.option("--to", "end", metavar="D", help="Last day of the period (default: today).")
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="Print the figures as JSON (the keys of MedicineSummary in "
    "tracker/analysis/medicine_use.py).",
)
@click.pass_context
def med_stats(ctx: click.Context, start: str | None, end: str | None, as_json: bool) -> None:
    """What the medicines did in a period: the regimen, each change's pain before and after
    (an association), adherence and as-needed doses week by week, and side effects."""
    import json
    import shutil

    from tracker.exchange.medicine_data import MedicineData, gather_medicines, no_medicines
    from tracker.models import today
    from tracker.period import parse_period
    from tracker.words.medicine_weeks import stats_lines

    first, last = parse_period(start, end, names=("--from", "--to"))
    data: MedicineData
    if db_path(ctx).exists():
        data = gather_medicines(open_store(ctx, create=False), first, last, today())
    else:  # nothing to read, and no diary is made
        data = no_medicines(first, last, today())
    if as_json:
        click.echo(json.dumps(data.summary, indent=2, ensure_ascii=False))
        return
    if not data.any_medicine:
        click.echo(NO_MEDICINES)
        return
    lines = stats_lines(data.summary)
    if first is not None:
        lines.insert(0, f"From {first} to {data.summary['end']}.")
    width = max(40, min(100, shutil.get_terminal_size((100, 24)).columns))
    click.echo("\n".join(_wrapped(lines, width)))
