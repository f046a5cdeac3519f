"""Medicines from the shell: `tracker med add|change|stop|start|take|skip|effect|list`, and
the `tracker edit` commands of the four medicine kinds.

A medicine is named as the person wrote it (any case) or by its id; an unknown name gets one
line with a did-you-mean. Values go through `tracker.models` like every other entry, so a
refusal reads the same here, in the app and on import: one line, exit code 2, nothing written.
Loaded only when a `med` or `edit` command runs (`tracker.cli.COMMANDS`).
"""

from __future__ import annotations

import difflib
from typing import Any

import click

from tracker.cli.common import date_option, id_argument, open_existing_store, open_store
from tracker.models import (
    DOSE_STATUSES,
    FORMS,
    SIDE_EFFECTS,
    UNITS,
    amount_text,
    parse_date,
    times_a_day,
    validate_dose,
    validate_med_change,
    validate_medicine,
    validate_side_effect,
)
from tracker.problems import UsageProblem


def _store_medicines():
    from tracker.store import medicines

    return medicines


def _line(store, kind: str, row: dict) -> str:
    """'dose #4 for 2026-11-21: Pregabalin taken at 08:00' (the medicine named)."""
    from tracker.cli.log import entry_line

    (named,) = _store_medicines().with_medicine_names(store, [row])
    return entry_line(kind, named)


def find(store, text: str) -> dict:
    """The medicine called `text` (any case) or with that id; UsageProblem with a did-you-mean."""
    meds = _store_medicines()
    found = meds.find_medicine(store, text)
    if found is not None:
        return found
    names = meds.names(store)
    shown = repr(text.strip())
    if not names:
        raise UsageProblem(
            f"medicine: there is no medicine called {shown}; add it first with tracker med add NAME"
        )
    by_fold = {name.casefold(): name for name in names}
    close = difflib.get_close_matches(text.strip().casefold(), list(by_fold), n=1, cutoff=0.6)
    hint = f"did you mean {by_fold[close[0]]!r}?" if close else "tracker med list shows them"
    raise UsageProblem(f"medicine: there is no medicine called {shown}; {hint}")


def _regimen_on(store, medicine: dict, day: str) -> dict | None:
    return _store_medicines().regimen_on(store, medicine["id"], day)


def _require_current(store, medicine: dict, day: str, doing: str) -> dict:
    """The change in force on `day`; UsageProblem when the medicine is not taken then."""
    latest = _regimen_on(store, medicine, day)
    if latest is None:
        raise UsageProblem(
            f"medicine: {medicine['name']!r} was not started by {day}; nothing to {doing}"
        )
    if latest["change"] == "stop":
        raise UsageProblem(
            f"medicine: {medicine['name']!r} was stopped on {latest['date']}; nothing to "
            f"{doing} (restart it with tracker med start)"
        )
    return latest


def _regimen_words(change: dict | None, medicine: dict) -> str:
    """'150 mg twice a day' / '500 mg as needed' / 'stopped'."""
    if change is None:
        return "not started"
    if change["change"] == "stop":
        return "stopped"
    parts = []
    if change.get("strength") is not None:
        unit = medicine.get("unit")
        parts.append(f"{amount_text(change['strength'])}{' ' + unit if unit else ''}")
    if medicine.get("schedule") == "as_needed":
        parts.append("as needed")
    elif change.get("doses_per_day"):
        parts.append(times_a_day(change["doses_per_day"]))
    return " ".join(parts) or "no strength given"


def _given(**options: Any) -> dict[str, Any]:
    return {name: value for name, value in options.items() if value is not None}


note_option = click.option("--note", metavar="TEXT", help="A note (free text).")
time_option = click.option(
    "--time", metavar="HH:MM", help="The clock time of the dose, 24-hour (default: not given)."
)
strength_option = click.option(
    "--strength", metavar="N", help="The amount per dose, in the medicine's unit (e.g. 75, 0.5)."
)
doses_option = click.option(
    "--doses-per-day", "doses_per_day", metavar="N", help="Scheduled doses a day, 1-12."
)


@click.group()
def med() -> None:
    """Medicines: what you take, each change of dose, each dose, and side effects.

    Name a medicine as you wrote it (any case) or by its id (tracker med list shows both).
    tracker gives no dosing advice: this is a record for you and your clinician.
    """


@med.command("add")
@click.argument("name")
@strength_option
@click.option("--unit", metavar="U", help=f"The unit of the strength: {', '.join(UNITS)}.")
@click.option("--form", metavar="F", help=f"What it comes as: {', '.join(FORMS)}.")
@doses_option
@click.option("--as-needed", "as_needed", is_flag=True, help="Taken only when needed.")
@click.option("--reason", metavar="TEXT", help="What it is for (free text).")
@note_option
@date_option
@click.pass_context
def add(ctx: click.Context, name: str, as_needed: bool, **options: Any) -> None:
    """Add a medicine you start taking, with its starting regimen (one transaction).

    Example: tracker med add Pregabalin --strength 75 --unit mg --form capsule --doses-per-day 2
    """
    given = _given(**options)
    if as_needed and "doses_per_day" in given:
        raise UsageProblem(
            "doses_per_day: an as-needed medicine has no doses a day; give one or the other"
        )
    if not as_needed and "doses_per_day" not in given:
        raise UsageProblem(
            "doses_per_day: give --doses-per-day N for a scheduled medicine, or --as-needed"
        )
    medicine = validate_medicine(
        {**given, "name": name, "schedule": "as_needed" if as_needed else "scheduled"}
    )
    start = validate_med_change(
        {
            "medicine_id": 1,  # its position in the write below
            "change": "start",
            "strength": given.get("strength"),
            "doses_per_day": given.get("doses_per_day"),
            "date": medicine.date,
        }
    )
    store = open_store(ctx)
    (medicine.id,) = _store_medicines().add_medicines(store, [medicine], [start])
    start.medicine_id = medicine.id
    row = medicine.as_row()
    click.echo(f"Stored {_line(store, 'medicine', row)}.")
    click.echo(f"Started on {start.date}: {_regimen_words(start.as_row(), row)}.")


@med.command("change")
@click.argument("name", metavar="NAME")
@strength_option
@doses_option
@click.option("--reason", metavar="TEXT", help="Why it changed (e.g. 'more pain').")
@note_option
@date_option
@click.pass_context
def change(ctx: click.Context, name: str, **options: Any) -> None:
    """Record a new dose of a medicine you take: a new strength, doses a day, or both.

    Example: tracker med change pregabalin --strength 150 --reason "more pain"
    """
    given = _given(**options)
    if "strength" not in given and "doses_per_day" not in given:
        raise UsageProblem("strength: give --strength N, --doses-per-day N or both")
    day = parse_date(given.get("date"))
    store = open_existing_store(ctx)
    medicine = find(store, name)
    latest = _require_current(store, medicine, day, "change")
    if medicine["schedule"] == "as_needed" and "doses_per_day" in given:
        raise UsageProblem(
            f"doses_per_day: {medicine['name']!r} is taken as needed; it has no doses a day"
        )
    entry = validate_med_change(
        {
            "strength": latest["strength"],
            "doses_per_day": latest["doses_per_day"],
            **given,
            "medicine_id": medicine["id"],
            "change": "dose",
            "date": day,
        }
    )
    entry.id = store.add(entry)
    click.echo(f"Stored {_line(store, 'med_change', entry.as_row())}.")


@med.command("stop")
@click.argument("name", metavar="NAME")
@click.option("--reason", metavar="TEXT", help="Why (e.g. 'side effects').")
@note_option
@date_option
@click.pass_context
def stop(ctx: click.Context, name: str, **options: Any) -> None:
    """Record that you stopped a medicine (its history is kept)."""
    given = _given(**options)
    day = parse_date(given.get("date"))
    store = open_existing_store(ctx)
    medicine = find(store, name)
    _require_current(store, medicine, day, "stop")
    entry = validate_med_change(
        {**given, "medicine_id": medicine["id"], "change": "stop", "date": day}
    )
    entry.id = store.add(entry)
    click.echo(f"Stored {_line(store, 'med_change', entry.as_row())}.")


@med.command("start")
@click.argument("name", metavar="NAME")
@strength_option
@doses_option
@click.option("--reason", metavar="TEXT", help="Why it was restarted.")
@note_option
@date_option
@click.pass_context
def restart(ctx: click.Context, name: str, **options: Any) -> None:
    """Restart a medicine you stopped (a new 'start'; strength and doses a day default to the
    last ones)."""
    given = _given(**options)
    day = parse_date(given.get("date"))
    store = open_existing_store(ctx)
    medicine = find(store, name)
    latest = _regimen_on(store, medicine, day)
    if latest is not None and latest["change"] != "stop":
        raise UsageProblem(f"medicine: {medicine['name']!r} is already taken on {day}")
    last = [c for c in _store_medicines().changes(store, medicine["id"]) if c["change"] != "stop"]
    before = last[-1] if last else {"strength": None, "doses_per_day": None}
    if medicine["schedule"] == "as_needed" and "doses_per_day" in given:
        raise UsageProblem(
            f"doses_per_day: {medicine['name']!r} is taken as needed; it has no doses a day"
        )
    values = {"strength": before["strength"], "doses_per_day": before["doses_per_day"]}
    if medicine["schedule"] == "scheduled" and not (
        values["doses_per_day"] or "doses_per_day" in given
    ):
        raise UsageProblem("doses_per_day: give --doses-per-day N")
    entry = validate_med_change(
        {**values, **given, "medicine_id": medicine["id"], "change": "start", "date": day}
    )
    entry.id = store.add(entry)
    click.echo(f"Stored {_line(store, 'med_change', entry.as_row())}.")


def _dose(ctx: click.Context, name: str, status: str, given: dict[str, Any]) -> None:
    dose = validate_dose({**given, "medicine_id": 1, "status": status})  # values first
    store = open_existing_store(ctx)
    medicine = find(store, name)
    dose.medicine_id = medicine["id"]
    latest = _regimen_on(store, medicine, dose.date)
    dose.id = store.add(dose)
    click.echo(f"Stored {_line(store, 'dose', dose.as_row())}.")
    if latest is None or latest["change"] == "stop":
        when = "not started by then" if latest is None else f"stopped on {latest['date']}"
        click.echo(f"Note: {medicine['name']} was {when}; the dose is stored all the same.")


@med.command("take")
@click.argument("name", metavar="NAME")
@time_option
@click.option("--amount", metavar="N", help="How much, when it differs from the usual strength.")
@click.option("--reason", metavar="TEXT", help="Why (for an as-needed dose: e.g. 'flare').")
@note_option
@date_option
@click.pass_context
def take(ctx: click.Context, name: str, **options: Any) -> None:
    """Record a dose taken. Example: tracker med take paracetamol --reason "flare" --time 14:00"""
    _dose(ctx, name, "taken", _given(**options))


@med.command("skip")
@click.argument("name", metavar="NAME")
@time_option
@click.option("--reason", metavar="TEXT", help="Why it was skipped (e.g. 'forgot').")
@note_option
@date_option
@click.pass_context
def skip(ctx: click.Context, name: str, **options: Any) -> None:
    """Record a scheduled dose skipped or missed."""
    _dose(ctx, name, "skipped", _given(**options))


def _effect_words(words: tuple[str, ...]) -> list[str]:
    """The words, with a two-word effect typed unquoted joined ('dry mouth' -> 'dry-mouth')."""
    joined: list[str] = []
    index = 0
    while index < len(words):
        word = words[index]
        pair = f"{word}-{words[index + 1]}".lower() if index + 1 < len(words) else ""
        if pair in SIDE_EFFECTS:
            joined.append(pair)
            index += 2
            continue
        joined.append(word)
        index += 1
    return joined


def _is_effect_word(text: str) -> bool:
    word = text.strip().lower().replace("_", "-").replace(" ", "-")
    return all(part.strip() in SIDE_EFFECTS for part in word.replace(";", ",").split(",") if part)


@med.command("effect", context_settings={"ignore_unknown_options": False})
@click.argument("words", nargs=-1, metavar="[NAME] [WORDS]...")
@click.option("--other", metavar="TEXT", help="Any other side effect, in your words.")
@click.option("--bother", metavar="N", help="How much they bothered you, 0-10 (required).")
@note_option
@date_option
@click.pass_context
def effect(ctx: click.Context, words: tuple[str, ...], **options: Any) -> None:
    """Record side effects, with how much they bothered you (0-10).

    WORDS: drowsiness, dizziness, nausea, dry-mouth, constipation, weight-gain, swelling,
    blurred-vision; --other for anything else. Start with the medicine's NAME when you think
    you know which one caused them.
    Example: tracker med effect pregabalin dizziness drowsiness --bother 4
    """
    given = _given(**options)
    name = None
    if words and not _is_effect_word(words[0]):
        name, words = words[0], words[1:]
    entry = validate_side_effect({**given, "effects": _effect_words(words)})
    store = open_store(ctx)
    if name is not None:
        entry.medicine_id = find(store, name)["id"]
    entry.id = store.add(entry)
    click.echo(f"Stored {_line(store, 'side_effect', entry.as_row())}.")


@med.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print the medicines as JSON.")
@click.option("--date", "day", metavar="D", help="The regimen on this day (default: today).")
@click.pass_context
def list_medicines(ctx: click.Context, as_json: bool, day: str | None) -> None:
    """The medicines you take now (with their regimen), then the ones stopped.

    --json gives {"current": [...], "stopped": [...]}: each medicine's stored values with
    "regimen", the change in force (null when not started by then).
    """
    on = parse_date(day)
    store = open_store(ctx)
    found = _store_medicines().regimens(store, on)
    if as_json:
        import json

        groups: dict[str, list[dict]] = {"current": [], "stopped": []}
        for item in found:
            groups["current" if item["current"] else "stopped"].append(
                {**item["medicine"], "regimen": item["latest"]}
            )
        click.echo(json.dumps(groups, indent=2))
        return
    if not found:
        click.echo("No medicines yet. Add one with: tracker med add NAME --strength N ...")
        return
    for current in (True, False):
        group = [item for item in found if item["current"] == current]
        if not group:
            continue
        click.echo("Taking now:" if current else "Stopped or not started:")
        for item in group:
            click.echo(f"  {_regimen_line(item['medicine'], item['latest'])}")


def _regimen_line(medicine: dict, latest: dict | None) -> str:
    """'#1 Pregabalin (capsule, mg): 150 mg twice a day since 2026-01-15 (more pain)'."""
    details = [str(medicine[name]) for name in ("form", "unit") if medicine.get(name)]
    head = f"#{medicine['id']} {medicine['name']}"
    if details:
        head += f" ({', '.join(details)})"
    words = _regimen_words(latest, medicine)
    if latest is None:
        return f"{head}: {words}"
    since = "on" if latest["change"] == "stop" else "since"
    line = f"{head}: {words} {since} {latest['date']}"
    return line + (f" ({latest['reason']})" if latest.get("reason") else "")


# ---- tracker edit KIND ID ... ---------------------------------------------------------------


def _kept(row: dict) -> dict:
    return {name: value for name, value in row.items() if name != "logged_at"}


def _existing(store, kind: str, entry_id: int) -> dict:
    from tracker.kinds import kind_named

    row = store.get(kind, entry_id)
    if row is None:
        raise click.BadParameter(
            f"there is no {kind_named(kind).noun} with id {entry_id}", param_hint="ID"
        )
    return row


def _refuse_cleared_date(given: dict) -> None:
    if "date" in given and given["date"].strip() == "":
        raise click.BadParameter(
            "an entry's day cannot be cleared; give YYYY-MM-DD, 'today' or 'yesterday'",
            param_hint="--date",
        )


def _edited(ctx: click.Context, kind: str, entry_id: int, given: dict, validate) -> None:
    _refuse_cleared_date(given)
    store = open_existing_store(ctx)
    row = _existing(store, kind, entry_id)
    if "medicine" in given:
        text = given.pop("medicine")
        given["medicine_id"] = find(store, text)["id"] if text.strip() else None
    entry = validate({**_kept(row), **given})
    if kind == "medicine":
        taken = _store_medicines().name_taken(store, entry.name, other_than=entry_id)
        if taken is not None:
            raise UsageProblem(
                f"name: a medicine called {taken['name']!r} is already in the diary "
                f"(#{taken['id']})"
            )
    store.update(entry_id, entry)
    click.echo(f"Updated {_line(store, kind, {**entry.as_row(), 'id': entry_id})}.")


@click.command("medicine")
@id_argument
@click.option("--name", metavar="TEXT", help="The medicine's name.")
@click.option("--unit", metavar="U", help=f"{', '.join(UNITS)}; '' clears it.")
@click.option("--form", metavar="F", help=f"{', '.join(FORMS)}; '' clears it.")
@click.option("--schedule", metavar="S", help="scheduled or as_needed.")
@click.option("--reason", metavar="TEXT", help="What it is for.")
@note_option
@date_option
@click.pass_context
def edit_medicine(ctx: click.Context, entry_id: int, **options: Any) -> None:
    """Edit medicine ID (its name, unit, form, schedule, reason, note or day added)."""
    _edited(ctx, "medicine", entry_id, _given(**options), validate_medicine)


@click.command("med_change")
@id_argument
@click.option("--change", metavar="C", help="start, dose or stop.")
@strength_option
@doses_option
@click.option("--reason", metavar="TEXT", help="Why it changed.")
@note_option
@date_option
@click.pass_context
def edit_med_change(ctx: click.Context, entry_id: int, **options: Any) -> None:
    """Edit medicine change ID."""
    _edited(ctx, "med_change", entry_id, _given(**options), validate_med_change)


@click.command("dose")
@id_argument
@click.option("--medicine", metavar="NAME", help="The medicine (its name or id).")
@time_option
@click.option("--status", metavar="S", help=f"{' or '.join(DOSE_STATUSES)}.")
@click.option("--amount", metavar="N", help="How much; '' = the usual strength.")
@click.option("--reason", metavar="TEXT", help="Why it was taken or skipped.")
@note_option
@date_option
@click.pass_context
def edit_dose(ctx: click.Context, entry_id: int, **options: Any) -> None:
    """Edit dose ID."""
    given = _given(**options)
    if given.get("medicine", "x").strip() == "":
        raise UsageProblem("medicine: a dose's medicine cannot be cleared")
    _edited(ctx, "dose", entry_id, given, validate_dose)


@click.command("side_effect")
@id_argument
@click.option("--medicine", metavar="NAME", help="The medicine (name or id); '' = not sure.")
@click.option(
    "--effect",
    "effects",
    multiple=True,
    metavar="W",
    help=f"A side effect (repeatable; replaces the list): {', '.join(SIDE_EFFECTS)}.",
)
@click.option("--other", metavar="TEXT", help="Any other side effect.")
@click.option("--bother", metavar="N", help="How much they bothered you, 0-10.")
@note_option
@date_option
@click.pass_context
def edit_side_effect(ctx: click.Context, entry_id: int, **options: Any) -> None:
    """Edit side effect entry ID."""
    given = _given(**options)
    if given.get("effects") == ():
        given.pop("effects")
    _edited(ctx, "side_effect", entry_id, given, validate_side_effect)


#: The `tracker edit` commands of the medicine kinds (added to the edit group in cli/edit.py).
EDIT_COMMANDS = (edit_medicine, edit_med_change, edit_dose, edit_side_effect)


def _register_stats() -> None:
    """`tracker med stats` lives in its own module (cli/med_stats.py), which imports only click."""
    from tracker.cli.med_stats import med_stats

    med.add_command(med_stats)


_register_stats()
