"""Changing the record: `edit` and `delete`, by kind and id (ids are shown by `list`)."""

from __future__ import annotations

import click

from tracker.cli.common import id_argument, open_existing_store
from tracker.cli.log import entry_line, exercise_options, pain_fields, pain_options
from tracker.cli.med import EDIT_COMMANDS
from tracker.kinds import KIND_NAMES, kind_named
from tracker.models import validate_exercise, validate_pain


def _existing(store, kind: str, entry_id: int) -> dict:
    row = store.get(kind, entry_id)
    if row is None:
        raise click.BadParameter(
            f"there is no {kind_named(kind).noun} with id {entry_id}", param_hint="ID"
        )
    return row


def _refuse_cleared_date(options: dict) -> None:
    """`--date ''` would silently move the entry to today: a day cannot be cleared."""
    if options.get("date") is not None and options["date"].strip() == "":
        raise click.BadParameter(
            "an entry's day cannot be cleared; give YYYY-MM-DD, 'today' or 'yesterday'",
            param_hint="--date",
        )


def _kept(row: dict) -> dict:
    """The stored values an edit starts from; `logged_at` stays as stored (the update never
    writes it), so an old entry with an odd time of logging can still be edited."""
    return {name: value for name, value in row.items() if name != "logged_at"}


@click.group()
def edit() -> None:
    """Change a logged entry: give only the fields to change; an empty value ('') clears one."""


@edit.command("pain")
@id_argument
@click.option("--average", metavar="N", help="Average pain over the last 24 hours, 0-10.")
@pain_options
@click.pass_context
def edit_pain(ctx: click.Context, entry_id: int, **options) -> None:
    """Edit pain entry ID."""
    _refuse_cleared_date(options)
    store = open_existing_store(ctx)
    row = _existing(store, "pain", entry_id)
    entry = validate_pain({**_kept(row), **pain_fields(**options)})
    store.update(entry_id, entry)
    click.echo(f"Updated {entry_line('pain', entry.as_row())}.")


@edit.command("exercise")
@id_argument
@click.option("--activity", metavar="TEXT", help="What you did.")
@click.option("--minutes", metavar="N", help="How long, 1-600 minutes.")
@exercise_options
@click.pass_context
def edit_exercise(ctx: click.Context, entry_id: int, **options) -> None:
    """Edit exercise session ID."""
    _refuse_cleared_date(options)
    store = open_existing_store(ctx)
    row = _existing(store, "exercise", entry_id)
    given = {k: v for k, v in options.items() if v is not None}
    if "activity" in given and "category" not in given:
        given["category"] = None  # a new activity gets its own inferred category
    session = validate_exercise({**_kept(row), **given})
    store.update(entry_id, session)
    click.echo(f"Updated {entry_line('exercise', session.as_row())}.")


for _command in EDIT_COMMANDS:  # medicine, med_change, dose, side_effect
    edit.add_command(_command)


@edit.command("symptom_rating")
@id_argument
@click.option("--name", metavar="TEXT", help="The symptom or condition, as the app named it.")
@click.option("--severity", metavar="N", help="Its severity on the app's own scale, 0-4.")
@click.option("--scale", metavar="TEXT", help="Whose 0-4 scale (e.g. bearable 0-4).")
@click.option("--source", metavar="TEXT", help="The app it came from; '' clears it.")
@click.option("--note", metavar="TEXT", help="A note (free text).")
@click.option("--date", "date", metavar="D", help="The day: YYYY-MM-DD, 'today' or 'yesterday'.")
@click.pass_context
def edit_symptom_rating(ctx: click.Context, entry_id: int, **options) -> None:
    """Edit symptom rating ID (a 0-4 rating brought in from Bearable or Flaredown)."""
    from tracker.models.symptom_ratings import validate_symptom_rating

    _refuse_cleared_date(options)
    store = open_existing_store(ctx)
    row = _existing(store, "symptom_rating", entry_id)
    given = {k: v for k, v in options.items() if v is not None}
    rating = validate_symptom_rating({**_kept(row), **given})
    store.update(entry_id, rating)
    click.echo(f"Updated {entry_line('symptom_rating', {**rating.as_row(), 'id': entry_id})}.")


@click.command()
@click.argument("kind", type=click.Choice(KIND_NAMES))
@id_argument
@click.option("--yes", is_flag=True, help="Delete without asking.")
@click.pass_context
def delete(ctx: click.Context, kind: str, entry_id: int, yes: bool) -> None:
    """Delete one entry by its kind (pain, exercise, medicine, med_change, dose,
    side_effect, symptom_rating) and id. A medicine that changes, doses or side effects
    refer to is not deleted (stop it with `tracker med stop` instead, which keeps its
    history)."""
    from tracker.store.medicines import with_medicine_names

    store = open_existing_store(ctx)
    row = _existing(store, kind, entry_id)
    store.check_deletable(kind, entry_id)
    (named,) = with_medicine_names(store, [row])
    described = entry_line(kind, named)
    if not yes:
        click.confirm(f"Delete {described}?", abort=True)
    store.delete(kind, entry_id)
    click.echo(f"Deleted {described}.")
