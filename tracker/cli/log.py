"""Logging from the shell: `pain`, `exercise`, `list`, `remind`.

This is the hot path (a one-line log must cost about a bare Python + click + sqlite3 insert):
it imports click, tracker.models and tracker.store only. Scores are taken as text and
validated by tracker.models so every refusal reads the same in the CLI, the TUI and import.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

import click

from tracker.cli.common import date_option, open_store
from tracker.kinds import KINDS, kind_named
from tracker.models import CATEGORIES, SYMPTOMS, validate_exercise, validate_pain

if TYPE_CHECKING:
    from tracker.store import Store

for_doctor_option = click.option(
    "--for-doctor/--not-for-doctor",
    "for_doctor",
    default=None,
    help="Mark (or unmark) this entry's note for the next clinic visit: the report lists it "
    "on page 1.",
)


def pain_options(func):
    """The optional pain fields, shared by `pain` and `edit pain`."""
    options = [
        click.option("--worst", metavar="N", help="Worst pain in the last 24 hours, 0-10."),
        click.option("--least", metavar="N", help="Least pain in the last 24 hours, 0-10."),
        click.option("--sleep", metavar="N", help="How much pain interfered with sleep, 0-10."),
        click.option(
            "--daily-activity",
            "daily_activity",
            metavar="N",
            help="How much pain interfered with general activity, 0-10 (PEG 'G').",
        ),
        click.option(
            "--enjoyment",
            metavar="N",
            help="How much pain interfered with enjoyment of life, 0-10 (PEG 'E').",
        ),
        click.option(
            "--symptom",
            "symptoms",
            multiple=True,
            metavar="S",
            help=f"A symptom quality (repeatable): {', '.join(SYMPTOMS)}.",
        ),
        click.option("--where", "locations", metavar="TEXT", help="Where it hurts (free text)."),
        click.option("--note", metavar="TEXT", help="A note for this entry."),
        for_doctor_option,
        date_option,
    ]
    for option in reversed(options):
        func = option(func)
    return func


def exercise_options(func):
    """The optional exercise fields, shared by `exercise` and `edit exercise`."""
    options = [
        click.option("--rpe", metavar="N", help="Effort on the Borg CR10 scale, 0-10."),
        click.option("--before", "pain_before", metavar="N", help="Pain just before, 0-10."),
        click.option("--after", "pain_after", metavar="N", help="Pain just after, 0-10."),
        click.option(
            "--category",
            metavar="C",
            help=f"Override the inferred category: {', '.join(CATEGORIES)}.",
        ),
        click.option("--note", metavar="TEXT", help="A note for this session."),
        for_doctor_option,
        date_option,
    ]
    for option in reversed(options):
        func = option(func)
    return func


def pain_fields(**given) -> dict:
    """CLI option names -> PainEntry field names, keeping only options that were given."""
    renamed = {
        "sleep": "sleep_interference",
        "daily_activity": "activity_interference",
        "enjoyment": "enjoyment_interference",
    }
    fields = {renamed.get(name, name): value for name, value in given.items()}
    if fields.get("symptoms") == ():
        fields.pop("symptoms")
    return {name: value for name, value in fields.items() if value is not None}


def entry_line(kind: str, row: dict) -> str:
    """'pain entry #3 for 2026-11-21: pain 5/10, worst 7; burning' (the kind's describer)."""
    of = kind_named(kind)
    return f"{of.noun} #{row['id']} for {row['date']}: {of.describe(row)}"


#: "-1" must reach validation as a score ("average: must be from 0 to 10"), not be taken as an
#: unknown option; a real unknown option then fails as an unexpected extra argument.
NUMBERS_AS_ARGUMENTS = {"ignore_unknown_options": True}


@click.command(context_settings=NUMBERS_AS_ARGUMENTS)
@click.argument("average", metavar="AVERAGE")
@pain_options
@click.pass_context
def pain(ctx: click.Context, average: str, **options) -> None:
    """Log today's pain: AVERAGE is your average pain over the last 24 hours, 0-10.

    Example: tracker pain 5 --worst 7 --symptom burning --symptom tingling --where "both feet"
    """
    entry = validate_pain({"average": average, **pain_fields(**options)})
    store = open_store(ctx)
    entry.id = store.add(entry)
    click.echo(f"Stored {entry_line('pain', entry.as_row())}.")


@click.command(context_settings=NUMBERS_AS_ARGUMENTS)
@click.argument("activity")
@click.argument("minutes", metavar="MINUTES")
@exercise_options
@click.pass_context
def exercise(ctx: click.Context, activity: str, minutes: str, **options) -> None:
    """Log an exercise session: ACTIVITY (e.g. walking, yoga) and MINUTES (1-600).

    The category (aerobic, strength, balance, flexibility, mind_body, other) is inferred from
    the activity's words, with a line saying so when none is known; --category overrides it.
    Example: tracker exercise walking 30 --rpe 4 --before 5 --after 4
    """
    given = {k: v for k, v in options.items() if v is not None}
    session = validate_exercise({"activity": activity, "minutes": minutes, **given})
    store = open_store(ctx)
    session.id = store.add(session)
    click.echo(f"Stored {entry_line('exercise', session.as_row())}.")
    if "category" not in given:
        hint = category_hint(activity)
        if hint:
            click.echo(hint)


def category_hint(activity: str) -> str | None:
    """'Category: other (did you mean "walking"? use --category aerobic)' for an activity with
    no known word; None when a word is known (tracker.activities decides both)."""
    from tracker import activities

    if activities.matches(activity):
        return None
    guess = activities.suggest(activity)
    if guess is None:
        return "Category: other (not a known activity; --category sets another)"
    return f"Category: other ({guess.question()} use --category {guess.category})"


#: 200 years: any diary fits, and the first day stays a real date.
MAX_LIST_DAYS = 73000


@click.command("list")
@click.option(
    "--days",
    type=click.IntRange(0, MAX_LIST_DAYS),
    default=14,
    show_default=True,
    help="How many days back to show, today included; 0 shows everything.",
)
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help='Print {"pain": [...], "exercise": [...], ...}, by kind, one entry a line.',
)
@click.pass_context
def list_entries(ctx: click.Context, days: int, as_json: bool) -> None:
    """List recent entries of every kind (pain, exercise, medicines, doses...), oldest first,
    each with its note."""
    import datetime as dt

    from tracker.models import today

    start = None if days == 0 else (today() - dt.timedelta(days=days - 1)).isoformat()
    store = open_store(ctx)
    if as_json:
        import sys

        write_json(store, start, sys.stdout)
        return
    by_kind = {name: store.rows(name, start) for name in KINDS}
    if not any(by_kind.values()):
        click.echo("Nothing logged in this period.")
        return
    if any(by_kind[of.name] for of in KINDS.values() if of.references):
        from tracker.store.medicines import with_medicine_names  # name each dose's medicine

        for of in KINDS.values():
            if of.references:
                by_kind[of.name] = with_medicine_names(store, by_kind[of.name])
    for line in _list_lines(by_kind):
        click.echo(line)


#: Entries written to the output at a time by `list --json`.
JSON_BATCH = 500


def write_json(store: Store, start: str | None, out: TextIO) -> None:
    """`{"pain": [...], "exercise": [...]}` streamed from the cursor, one entry a line: memory
    stays bounded at any diary size (a 100k-row diary in about 14 MiB), and each entry goes
    through json's C encoder (no indent). Valid JSON, the same content as one big dumps."""
    import json

    out.write("{")
    for index, name in enumerate(KINDS):
        out.write(("" if index == 0 else ",\n") + json.dumps(name) + ": [")
        batch: list[str] = []
        count = 0
        for row in store.iter_rows(name, start):
            batch.append(json.dumps(row))
            count += 1
            if len(batch) == JSON_BATCH:
                out.write(("\n" if count == JSON_BATCH else ",\n") + ",\n".join(batch))
                batch = []
        if batch:
            out.write(("\n" if count == len(batch) else ",\n") + ",\n".join(batch))
        out.write("\n]" if count else "]")
    out.write("}\n")
    out.flush()


#: Each line of an entry's note is printed under the entry, indented by this much.
NOTE_INDENT = "    "


def _with_time(line: str, row: dict) -> str:
    """'pain entry #3 for 2026-11-21 (logged 20:15): ...': when it was written, this
    computer's local time; the day too when that was not the entry's own day (a late entry)."""
    from tracker.models import time_of_day

    at = time_of_day(row.get("logged_at") or "")
    if not at:
        return line
    written = str(row.get("logged_at", ""))[:10]
    when = at if written == row["date"] else f"{written} {at}"
    head, _, rest = line.partition(": ")
    return f"{head} (logged {when}): {rest}"


def _list_lines(by_kind: dict[str, list[dict]]) -> list[str]:
    """One line per entry, every kind merged by date and time of logging; its note, if any,
    follows verbatim, every line indented (control characters were refused when it was typed)."""
    items = [(r["date"], r["logged_at"], kind, r) for kind, rows in by_kind.items() for r in rows]
    lines = []
    for _, _, kind, row in sorted(items, key=lambda i: i[:2]):
        lines.append(_with_time(entry_line(kind, row), row))
        note = row.get("note") or ""
        lines += [NOTE_INDENT + line if line else "" for line in note.splitlines()]
    return lines


@click.command()
@click.pass_context
def remind(ctx: click.Context) -> None:
    """Print one line if nothing is logged today, nothing otherwise (for a shell's startup file)."""
    from tracker.cli.common import db_path
    from tracker.models import today

    # No database yet: nothing is logged today either, and none is created.
    store = open_store(ctx, create=False) if db_path(ctx).exists() else None
    if store is None or not store.has_entry_on(today().isoformat()):
        from tracker.cli import REMIND_LINE  # the fast path (tracker.cli.main) prints it too

        click.echo(REMIND_LINE)
