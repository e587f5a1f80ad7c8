"""`hamkor db`: migrate, inspect and dump the knowledge base."""

from __future__ import annotations

import json

import click

from hamkor.cli import main
from hamkor.cli.kb import db_option, emit_json, json_option, open_engine

# --- db --------------------------------------------------------------------------------------


@main.group("db")
def db_group() -> None:
    """The knowledge base itself: migrate, inspect, dump.

    \b
    Example:
      hamkor db upgrade --db postgresql+psycopg://hamkor@127.0.0.1:5433/hamkor
    """


@db_group.command("upgrade")
@db_option
def db_upgrade(db_url: str | None) -> None:
    """Bring the schema to the newest migration and finish any interrupted derivation.

    \b
    Example:
      hamkor db upgrade
    """
    from hamkor.kb import db, derive, places
    from hamkor.settings import default_db_url

    engine = open_engine(db_url)  # migrates on first use
    with db.writer(engine).begin() as conn:
        done = derive.flush(conn)
        renamed = places.refresh(conn)
    current, head = db.revision(engine)
    click.echo(f"{db_url or default_db_url()}: at revision {current} (newest {head})"
               + (f"; derived {done} pending block(s)" if done else "")
               + (f"; renamed {renamed} region(s)" if renamed else ""))


@db_group.command("status")
@db_option
@json_option
def db_status(db_url: str | None, as_json: bool) -> None:
    """Revision and the number of rows of every table.

    \b
    Example:
      hamkor db status --json
    """
    from hamkor.kb import db, dump

    engine = open_engine(db_url)
    current, head = db.revision(engine)
    with engine.connect() as conn:
        counts = dump.counts(conn)
    if as_json:
        emit_json({"revision": current, "head": head, "counts": counts})
        return
    click.echo(f"revision {current} (newest {head})")
    for name, n in counts.items():
        click.echo(f"  {name:<18} {n}")


@db_group.command("dump")
@db_option
def db_dump(db_url: str | None) -> None:
    """Every table as sorted JSON rows, without write times: two dumps of knowledge bases
    built from the same articles are equal.

    \b
    Example:
      hamkor db dump --db sqlite:///a.sqlite > a.json
    """
    from hamkor.kb import dump

    with open_engine(db_url).connect() as conn:
        click.echo(json.dumps(dump.dump(conn), ensure_ascii=False, indent=0, sort_keys=True))
