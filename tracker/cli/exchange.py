"""For the doctor: `export` (CSV or an Excel workbook), `import` (CSV back in) and `report`
(a printable PDF).

Thin commands over tracker.exchange, which the TUI's export dialog calls too. fpdf2 (about
60 ms to import) loads only inside `report`, openpyxl (about 200 ms) only for a workbook.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from tracker.cli.common import (
    baseline_option,
    db_path,
    open_store,
    parse_baseline_from,
    user_settings,
)
from tracker.kinds import KIND_NAMES

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

    from tracker.exchange.import_sessions import Report
    from tracker.store import Store

TABLE_NAMES = ("daily", *KIND_NAMES)
FORMATS = ("csv", "xlsx")

from_option = click.option(
    "--from",
    "start",
    metavar="D",
    help="First day (YYYY-MM-DD, 'today' or 'yesterday'); default: the first logged day.",
)
to_option = click.option(
    "--to",
    "end",
    metavar="D",
    help="Last day (YYYY-MM-DD, 'today' or 'yesterday'); default: the last logged day.",
)

force_option = click.option(
    "--force",
    is_flag=True,
    help="Replace FILE if it exists (never the diary or any other SQLite database).",
)

report_to_option = click.option(
    "--to",
    "end",
    metavar="D",
    help="Last day (YYYY-MM-DD, 'today' or 'yesterday'); default: today.",
)


@click.command()
@click.argument("file", required=False, default="-", metavar="[FILE|-]")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    help="csv: one table; xlsx: an Excel workbook with every table and the dictionary, in "
    "typed cells. Default: xlsx when FILE ends in .xlsx, else csv.",
)
@click.option(
    "--table",
    type=click.Choice(TABLE_NAMES),
    default="daily",
    show_default=True,
    help="daily: one row per calendar day; any other: every entry of that kind as logged "
    "(medicine: every medicine, whatever --from/--to) (CSV only).",
)
@from_option
@to_option
@click.option(
    "--dictionary",
    is_flag=True,
    help="Write what each column means, its unit and its standard, instead of the data.",
)
@force_option
@click.pass_context
def export(
    ctx: click.Context,
    file: str,
    fmt: str | None,
    table: str,
    start: str | None,
    end: str | None,
    dictionary: bool,
    force: bool,
) -> None:
    """Export your diary as CSV to FILE, or to standard output when FILE is - or left out.

    CSV: UTF-8 with a byte-order mark (none on standard output), comma-separated, a header
    row, ISO dates; Excel, LibreOffice and pandas open it as it is. A FILE ending in .xlsx
    (or --format xlsx) gets an Excel workbook instead: one sheet per table and the data
    dictionary, with dates, numbers and text as typed cells, so any locale reads them.
    Run with --dictionary for what every column means. An existing FILE is replaced only
    with --force; the diary and other SQLite files never are.
    """
    if fmt is None:
        from tracker.exchange.xlsx_export import names_workbook  # no openpyxl until it writes

        fmt = "xlsx" if names_workbook(file) else "csv"
    if fmt == "xlsx":
        _check_workbook_options(ctx, dictionary)
    if dictionary:
        _write_dictionary(ctx, table, file, force)
        return
    from tracker.period import parse_period

    first, last = parse_period(start, end)
    store = open_store(ctx, create=False)
    if fmt == "xlsx":
        _write_workbook(store, file, first, last, force)
        return
    from tracker.exchange.csv_export import export_file, write_table

    if file == "-":
        write_table(store, table, sys.stdout, first, last)
        return
    count = export_file(store, table, file, first, last, force=force)
    noun = "row" if count == 1 else "rows"
    click.echo(f"Wrote {count} {noun} of the {table} table to {file}.", err=True)


def _check_workbook_options(ctx: click.Context, dictionary: bool) -> None:
    """A workbook holds every table and the dictionary: --table and --dictionary are CSV's."""
    from click.core import ParameterSource

    if ctx.get_parameter_source("table") is not ParameterSource.DEFAULT:
        raise click.UsageError("--table: a workbook holds every table; leave --table out")
    if dictionary:
        raise click.UsageError(
            "--dictionary: a workbook holds the dictionary as a sheet; leave --dictionary out"
        )


def _write_workbook(
    store: Store, file: str, first: str | None, last: str | None, force: bool
) -> None:
    from tracker.exchange.xlsx_export import describe, export_workbook, write_workbook

    if file == "-":
        write_workbook(store, sys.stdout.buffer, first, last)
        sys.stdout.buffer.flush()
        return
    counts = export_workbook(store, file, first, last, force=force)
    click.echo(describe(counts, file) + ".", err=True)


def _write_dictionary(ctx: click.Context, table: str, file: str, force: bool) -> None:
    """Every table's columns, or only the one named with an explicit --table."""
    from click.core import ParameterSource

    from tracker.exchange.dictionary import render
    from tracker.safe_files import write_text

    chosen = ctx.get_parameter_source("table") is not ParameterSource.DEFAULT
    text = render([table] if chosen else None)
    if file == "-":
        click.echo(text, nl=False)
    else:
        write_text(file, text, force=force, protect=[db_path(ctx)])
        click.echo(f"Wrote the data dictionary to {file}.", err=True)


@click.command("import")
@click.argument("file", type=click.Path(exists=True, path_type=Path))
@click.option(
    "--update",
    is_flag=True,
    help="tracker CSV only: an entry whose id is in the diary with other values takes the file's.",
)
@click.option(
    "--dry-run",
    is_flag=True,
    help="Show what would be imported (counts by category and month, the first sessions, "
    "everything skipped and why) and write nothing.",
)
@click.option(
    "--tz",
    metavar="ZONE",
    help="Time zone for the day of each start (IANA name, e.g. Europe/London); default: "
    "this computer's. Strava's times are UTC; Garmin's CSV is taken as written.",
)
@click.option(
    "--keep-overlaps",
    is_flag=True,
    help="Also import sessions on the same day and in the same category as one you typed "
    "(by default they are reported and left out).",
)
@click.pass_context
def import_entries(
    ctx: click.Context,
    file: Path,
    update: bool,
    dry_run: bool,
    tz: str | None,
    keep_overlaps: bool,
) -> None:
    """Import exercise from another app, or entries from a CSV made by `tracker export`.

    FILE is recognised from its content: Strava's activities.csv, a Garmin Connect
    activities CSV, Apple Health's export.zip or export.xml, a GPX, TCX or FIT activity, a
    folder of those, or tracker's own CSV. Each activity becomes an exercise session (see
    the README's import section for the mapping); one already in the diary (same app and
    id, or same start and category) is not added again, so importing twice adds nothing.
    Use --dry-run first to see what would happen. The whole import is one transaction.

    A Bearable or Flaredown CSV export brings in medicines (added as needed), doses taken
    or skipped, and symptom ratings on the app's own 0-4 scale (never turned into 0-10
    pain scores); the rest (mood, sleep, tags, foods, weather...) is counted, not taken.

    A tracker CSV holds one table's entries (pain, exercise, medicine, med_change, dose,
    side_effect or symptom_rating); the kind is read from the header. Import the medicine
    table before the tables that refer to it (med_change, dose, side_effect). The whole
    file is checked
    first; one bad row stops the import and nothing is added. A row whose id is in the diary
    with the same values is skipped; with other values the import stops and names them,
    unless --update is given. Rows without an id are skipped when an identical entry is in
    the diary, so importing the same file twice adds nothing.
    """
    from tracker.exchange.import_sniff import TRACKER_CSV, sniff

    kind = None if file.is_dir() else sniff(file)
    if kind == TRACKER_CSV:
        _import_tracker_csv(ctx, file, update, dry_run, tz, keep_overlaps)
        return
    if update:
        raise click.UsageError("--update: only for a tracker CSV (this is another app's file)")
    from tracker.exchange.import_sessions import parse_zone, run

    zone = parse_zone(tz)
    if dry_run and not db_path(ctx).exists():
        report = _rehearse_without_diary(file, zone, keep_overlaps)
    else:
        store = open_store(ctx)
        report = run(store, file, zone=zone, dry_run=dry_run, keep_overlaps=keep_overlaps)
    for line in report.lines():
        click.echo(line)


def _rehearse_without_diary(file: Path, zone: ZoneInfo | None, keep_overlaps: bool) -> Report:
    """A dry run before the diary exists: against an empty diary in a temporary folder, so
    a preview never creates the real one."""
    import tempfile

    from tracker.exchange.import_sessions import run
    from tracker.store import Store

    with tempfile.TemporaryDirectory() as folder, Store.open(Path(folder) / "preview.db") as store:
        return run(store, file, zone=zone, dry_run=True, keep_overlaps=keep_overlaps)


def _import_tracker_csv(
    ctx: click.Context,
    file: Path,
    update: bool,
    dry_run: bool,
    tz: str | None,
    keep_overlaps: bool,
) -> None:
    """tracker's own CSV, exactly as before the other formats came (csv_import)."""
    if tz is not None or keep_overlaps:
        option = "--tz" if tz is not None else "--keep-overlaps"
        raise click.UsageError(f"{option}: only for another app's file (this is a tracker CSV)")
    from tracker.exchange.csv_import import check_file, import_checked
    from tracker.kinds import kind_named

    checked = check_file(file)
    if dry_run:
        rows = kind_named(checked.kind).count(checked.rows)
        click.echo(f"Dry run of {file}: {rows} checked and valid. Nothing was written.")
        return
    result = import_checked(open_store(ctx), checked, update=update)
    click.echo(result.describe(file))


def patient(name: str | None, born: str | None) -> tuple[str | None, str | None]:
    """--name as printable text (up to 200 characters) and --born as YYYY-MM-DD, a day
    before today; None for either when not given (or given empty)."""
    from tracker.models import parse_past_date, parse_text

    name = parse_text("--name", name)
    return name, None if born is None or not born.strip() else parse_past_date(born, "--born")


@click.command()
@click.argument("file", metavar="FILE.pdf|-")
@from_option
@report_to_option
@force_option
@baseline_option
@click.option(
    "--name",
    metavar="TEXT",
    help="The patient's name, printed at the top of page 1 (default: report.name in the "
    "settings; '' leaves it out).",
)
@click.option(
    "--born",
    metavar="YYYY-MM-DD",
    help="The patient's date of birth, printed with the name (default: report.birth_date).",
)
@click.pass_context
def report(
    ctx: click.Context,
    file: str,
    start: str | None,
    end: str | None,
    force: bool,
    baseline_from: str | None,
    name: str | None,
    born: str | None,
) -> None:
    """Write a PDF summary of your diary to take to a clinic visit.

    FILE - writes the PDF to standard output. An existing FILE is replaced only with --force.

    Page 1 is the summary a clinician reads in a minute: your name and date of birth when
    given, the period, pain (average, worst, least) and its change from your baseline,
    interference and the PEG, exercise, flares, and the notes you marked --for-doctor. The
    detail follows: a pain chart, weekly exercise, symptoms, flares and the last six weeks.
    """
    from tracker.exchange.report import write_report  # fpdf2: about 60 ms
    from tracker.period import parse_period

    first, last = parse_period(start, end)
    base = parse_baseline_from(baseline_from, ctx)
    chosen = user_settings(ctx)  # report.name and report.birth_date: the defaults
    name, born = patient(
        chosen.report_name if name is None else name,
        chosen.report_birth_date if born is None else born,
    )
    store = open_store(ctx, create=False)
    pages = write_report(
        store,
        file,
        first,
        last,
        force=force,
        baseline_from=base,
        name=name,
        born=born,
        weekly_target=chosen.weekly_target,
    )
    if file == "-":
        click.echo(f"Wrote a {pages}-page report to standard output.", err=True)
    else:
        click.echo(f"Wrote a {pages}-page report to {file}.")
