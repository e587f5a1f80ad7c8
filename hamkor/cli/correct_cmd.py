"""`hamkor correct`: analysts' edits, kept apart and re-applied after every ingest."""

from __future__ import annotations

import json

import click

from hamkor.cli import main
from hamkor.cli.kb import db_option, emit_json, json_option, open_engine, usage_error

# --- corrections -----------------------------------------------------------------------------

author_option = click.option("--author", default=None,
                             help="who makes the edit (default: $USER)")
reason_option = click.option("--reason", default=None, help="why (kept with the edit)")


def _edit(db_url: str | None, make) -> None:  # type: ignore[no-untyped-def]
    """Run one edit and apply it at once (derive what it touches, replay every edit)."""
    from hamkor.kb import corrections, db

    engine = open_engine(db_url)
    try:
        with db.writer(engine).begin() as conn:
            number = make(conn)
            corrections.settle(conn)
    except corrections.CorrectionError as e:
        usage_error(str(e))
    click.echo(f"correction {number} stored and applied")


@main.group(invoke_without_command=True)
@click.option("--list", "show_list", is_flag=True, help="list every edit (as `correct list`)")
@db_option
@json_option
@click.pass_context
def correct(ctx: click.Context, show_list: bool, db_url: str | None, as_json: bool) -> None:
    """Analysts' edits: reject a fact, merge or split people, set a field. Edits are kept
    apart, with author, time and reason, and re-applied after every ingest.

    \b
    Examples:
      hamkor correct reject lnk-0123456789abcdef0123 --reason "a wish, not a link"
      hamkor correct merge per-aaaa… per-bbbb…          # the first is the second
      hamkor correct split per-aaaa… --article 004_5126758c532e2956
      hamkor correct set agr-0123… period=2025-2027 --reason "the text says so"
      hamkor correct --list
    """
    if ctx.invoked_subcommand is None:
        if not show_list:
            click.echo(ctx.get_help())
            return
        ctx.invoke(list_cmd, db_url=db_url, as_json=as_json)


@correct.command("list")
@db_option
@json_option
def list_cmd(db_url: str | None, as_json: bool) -> None:
    """Every edit, oldest first: number, operation, target, author, time, state, reason.

    \b
    Example:
      hamkor correct list --json
    """
    from hamkor.kb import corrections

    with open_engine(db_url).connect() as conn:
        rows = corrections.listing(conn)
    if as_json:
        emit_json(rows)
        return
    for r in rows:
        details = json.dumps({k: v for k, v in r["payload"].items() if k not in {"anchors", "match"}},
                             ensure_ascii=False)
        click.echo(f"  {r['id']:>4}  {r['op']:<6} {r['target']}  {details}  by {r['author']} "
                   f"at {r['created']:%Y-%m-%d %H:%M}  [{r['state']}]"
                   + (f"  — {r['reason']}" if r["reason"] else ""))
    if not rows:
        click.echo("  (no edits)")


@correct.command("reject")
@click.argument("fact_id")
@author_option
@reason_option
@db_option
def reject_cmd(fact_id: str, author: str | None, reason: str | None, db_url: str | None) -> None:
    """Hide a fact (a link, agreement, meeting, metric, event, person or position) by id.

    \b
    Example:
      hamkor correct reject mtg-0123456789abcdef0123 --reason "they did not meet"
    """
    from hamkor.kb import corrections

    _edit(db_url, lambda conn: corrections.reject(conn, fact_id, author, reason))


@correct.command("merge")
@click.argument("person_id")
@click.argument("into_id")
@author_option
@reason_option
@db_option
def merge_cmd(person_id: str, into_id: str, author: str | None, reason: str | None,
              db_url: str | None) -> None:
    """Two records of one person: PERSON_ID is merged into INTO_ID.

    \b
    Example:
      hamkor correct merge per-aaaaaaaaaaaaaaaaaaaa per-bbbbbbbbbbbbbbbbbbbb
    """
    from hamkor.kb import corrections

    _edit(db_url, lambda conn: corrections.merge(conn, person_id, into_id, author, reason))


@correct.command("split")
@click.argument("person_id")
@click.option("--article", "articles", multiple=True, help="an article whose mention is "
              "someone else (repeatable)")
@click.option("--of", "of", help="the mentions of this jurisdiction are someone else")
@author_option
@reason_option
@db_option
def split_cmd(person_id: str, articles: tuple[str, ...], of: str | None, author: str | None,
              reason: str | None, db_url: str | None) -> None:
    """Two people under one name: the mentions of some articles (or of one jurisdiction)
    become a person of their own.

    \b
    Example:
      hamkor correct split per-aaaaaaaaaaaaaaaaaaaa --of RU-TA
    """
    from hamkor.kb import corrections

    _edit(db_url, lambda conn: corrections.split(conn, person_id, list(articles),
                                                 of.upper() if of else None, author, reason))


@correct.command("set")
@click.argument("fact_id")
@click.argument("assignments", nargs=-1, required=True)
@author_option
@reason_option
@db_option
def set_cmd(fact_id: str, assignments: tuple[str, ...], author: str | None, reason: str | None,
            db_url: str | None) -> None:
    """Set fields of a fact: FIELD=VALUE … (a title, a date, a period, parties …).

    \b
    Fields: agreement kind, from, to, period (2025-2027), signed, title, status, parties
    (RU-OMS,UZ-BU); position title, title_norm, body, of; person name, of; meeting and
    event date, place; metric value, period, unit, indicator.
    \b
    Examples:
      hamkor correct set agr-0123456789abcdef0123 period=2025-2027 signed=2025-04-30
      hamkor correct set pos-0123456789abcdef0123 "title=врио хокима"
    """
    from hamkor.kb import corrections

    fields = {}
    for a in assignments:
        name, eq, value = a.partition("=")
        if not eq:
            usage_error(f"{a!r}: write FIELD=VALUE")
        fields[name.strip()] = value
    _edit(db_url, lambda conn: corrections.set_fields(conn, fact_id, fields, author, reason))


@correct.command("undo")
@click.argument("number", type=int)
@db_option
def undo_cmd(number: int, db_url: str | None) -> None:
    """Withdraw an edit by its number (it stays listed, as undone).

    \b
    Example:
      hamkor correct undo 3
    """
    from hamkor.kb import corrections

    def make(conn):  # type: ignore[no-untyped-def]
        corrections.undo(conn, number)
        return number

    _edit(db_url, make)
