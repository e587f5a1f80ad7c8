"""The knowledge-base commands: what they share (options, opening the database, output), and
their modules: ``show_cmd``, ``lists_cmd`` (links, agreements, timeline, search),
``correct_cmd``, ``db_cmd``.

Each reads through ``hamkor.kb.query`` and prints text (every fact with its sources) or, with
``--json``, the views with the contract's field names. A bad query exits with status 2.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from typing import Any, NoReturn

import click

from hamkor.errors import HamkorError

db_option = click.option(
    "--db", "db_url", metavar="URL",
    help="database URL (default: $HAMKOR_DB, else sqlite:///<user data dir>/hamkor.sqlite); "
         "sqlite:///PATH or postgresql+psycopg://USER@HOST:PORT/DB")
json_option = click.option("--json", "as_json", is_flag=True,
                           help="print JSON (the contract's field names) instead of text")


def usage_error(message: str) -> NoReturn:
    """A bad query (unknown code, bad date): the message on stderr and exit status 2."""
    click.echo(f"hamkor: {message}", err=True)
    sys.exit(2)


def open_engine(db_url: str | None):  # type: ignore[no-untyped-def]
    from hamkor.kb import db

    try:
        return db.engine(db_url)
    except HamkorError as e:
        usage_error(str(e))
    except Exception as e:  # a server that is down, a file that cannot be opened …
        click.echo(f"hamkor: cannot open the knowledge base: {type(e).__name__}: {e}", err=True)
        sys.exit(1)


class DateType(click.ParamType):
    """YYYY-MM-DD, YYYY-MM or YYYY (the first day of it)."""

    name = "DATE"

    def convert(self, value: Any, param: Any, ctx: Any) -> date:
        if isinstance(value, date):
            return value
        text = str(value).strip()
        parts = text.split("-")
        try:
            if len(parts) == 1:
                return date(int(parts[0]), 1, 1)
            if len(parts) == 2:
                return date(int(parts[0]), int(parts[1]), 1)
            return date.fromisoformat(text)
        except ValueError:
            self.fail(f"{text!r} is not a date (YYYY-MM-DD, YYYY-MM or YYYY)", param, ctx)


DATE = DateType()


def check_region(conn: Any, code: str | None) -> str | None:
    """The code, upper-cased, if the knowledge base or the gazetteer knows it; else exit 2."""
    if code is None:
        return None
    from hamkor.kb import places, query

    code = code.strip().upper()
    if not places.well_formed(code):
        usage_error(f"{code!r} is not a region code (they look like RU-OMS, UZ-BU, RU, UZ)")
    if not query.known_region(conn, code):
        usage_error(f"unknown region code {code!r} (`hamkor show regions` lists those known)")
    return code


def emit_json(value: Any) -> None:
    from hamkor.kb.views import to_json

    click.echo(json.dumps(to_json(value), ensure_ascii=False, indent=1))
sources_option = click.option("--sources", "n_sources", type=int, default=3, show_default=True,
                              help="sources shown under each fact (text output)")


def echo_lines(lines: list[str]) -> None:
    click.echo("\n".join(lines))


from hamkor.cli import correct_cmd, db_cmd, lists_cmd, show_cmd  # noqa: E402, F401 (they register)
