"""`tracker info`: where the diary is, what it holds, when it was last seen healthy and backed
up (the facts and their words: tracker/diary_info.py)."""

from __future__ import annotations

import json

import click

from tracker.cli.common import config_file, db_path, open_store


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print the facts as JSON.")
@click.pass_context
def info(ctx: click.Context, as_json: bool) -> None:
    """Say where the diary is, its size, its entries, its schema, and its last check and backup."""
    from tracker import diary_info

    path = db_path(ctx)
    if not path.exists():
        if as_json:
            click.echo(json.dumps({"path": str(path), "exists": False}, indent=2))
        else:
            click.echo(f"No diary yet at {path}; the first entry you log creates it.")
        return
    facts = diary_info.gather(open_store(ctx, create=False), config_file(ctx))
    if as_json:
        click.echo(json.dumps({**facts.as_json(), "exists": True}, indent=2, ensure_ascii=False))
    else:
        click.echo(diary_info.text(facts))
