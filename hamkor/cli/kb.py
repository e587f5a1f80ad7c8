"""The knowledge-base commands: show, links, agreements, timeline, search, correct, db.

Each reads through ``hamkor.kb.query`` and prints text (every fact with its sources) or, with
``--json``, the views with the contract's field names. A bad query exits with status 2.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from typing import Any, NoReturn

import click

from hamkor.cli import main
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


def _print(lines: list[str]) -> None:
    click.echo("\n".join(lines))


# --- show ------------------------------------------------------------------------------------


@main.group()
def show() -> None:
    """Show one region, person, pair, agreement or article with every source.

    \b
    Examples:
      hamkor show region UZ-BU
      hamkor show person "Нормат Турсунов" --json
    """


@show.command("region")
@click.argument("code")
@click.option("--since", type=DATE, help="only what articles since this date tell")
@db_option
@json_option
@sources_option
def show_region(code: str, since: date | None, db_url: str | None, as_json: bool,
                n_sources: int) -> None:
    """The dossier of a region (or of a country, RU or UZ): the most told or newest 50 of each kind.

    \b
    Example:
      hamkor show region RU-OMS --since 2025-01-01
    """
    from hamkor.kb import query, render

    with open_engine(db_url).connect() as conn:
        code = check_region(conn, code)
        d = query.dossier(conn, code, since)
    if d is None:
        usage_error(f"unknown region code {code!r}")
    emit_json(d) if as_json else _print(render.dossier(d, n_sources))


@show.command("regions")
@db_option
@json_option
def show_regions(db_url: str | None, as_json: bool) -> None:
    """Every region the knowledge base holds, with its interaction count.

    \b
    Example:
      hamkor show regions --json
    """
    from hamkor.kb import query, render

    with open_engine(db_url).connect() as conn:
        rows = query.regions(conn)
    if as_json:
        emit_json([{"region": r, "count": n} for r, n in rows])
    else:
        _print([f"  {n:>5}  {render.region(r)}" for r, n in rows] or ["  (empty)"])


@show.command("person")
@click.argument("name")
@db_option
@json_option
@sources_option
def show_person(name: str, db_url: str | None, as_json: bool, n_sources: int) -> None:
    """A person by name (any word form) or id: positions over time, meetings, sources.

    \b
    Example:
      hamkor show person Хоценко
    """
    from hamkor.kb import query, render

    with open_engine(db_url).connect() as conn:
        p = query.person(conn, name)
    if p is None:
        usage_error(f"no person {name!r} in the knowledge base")
    emit_json(p) if as_json else _print(render.person(p, n_sources))


@show.command("pair")
@click.argument("ru")
@click.argument("uz")
@db_option
@json_option
@sources_option
def show_pair(ru: str, uz: str, db_url: str | None, as_json: bool, n_sources: int) -> None:
    """What joins a Russian and an Uzbek party: link, agreements, events, meetings, trade.

    \b
    Example:
      hamkor show pair RU-OMS UZ-BU
    """
    from hamkor.kb import query, render

    with open_engine(db_url).connect() as conn:
        ru, uz = check_region(conn, ru), check_region(conn, uz)
        v = query.pair(conn, ru, uz)
    if v is None:
        usage_error(f"unknown pair {ru} {uz}")
    if as_json:
        emit_json(v)
        return
    lines = [f"■ {render.region(v.ru)} ↔ {render.region(v.uz)}"]
    lines += render.link(v.links, n_sources) if v.links else ["  no link"]
    for title, items, show_one in (("agreements", v.agreements, render.agreement),
                                   ("meetings", v.meetings, render.meeting),
                                   ("events", v.events, render.event),
                                   ("trade figures", v.metrics, render.metric)):
        lines.append(f"{title}:")
        for item in items:
            lines += show_one(item, n_sources)  # type: ignore[operator]
        if not items:
            lines.append("  —")
    _print(lines)


@show.command("agreement")
@click.argument("id")
@db_option
@json_option
@sources_option
def show_agreement(id: str, db_url: str | None, as_json: bool, n_sources: int) -> None:
    """One agreement by id, with every source.

    \b
    Example:
      hamkor show agreement agr-0123456789abcdef0123
    """
    from hamkor.kb import query, render

    with open_engine(db_url).connect() as conn:
        a = query.agreement(conn, id)
    if a is None:
        usage_error(f"no agreement {id!r} in the knowledge base")
    emit_json(a) if as_json else _print(render.agreement(a, n_sources))


@show.command("article")
@click.argument("id")
@db_option
@json_option
def show_article(id: str, db_url: str | None, as_json: bool) -> None:
    """One stored article: its status, metadata and the facts read from it, by span.

    \b
    Example:
      hamkor show article 002_b8f59cd075bced00
    """
    from hamkor.kb import query

    with open_engine(db_url).connect() as conn:
        a = query.article(conn, id)
    if a is None:
        usage_error(f"no article {id!r} in the knowledge base")
    if as_json:
        emit_json(a)
        return
    lines = [f"■ {a.id}  {a.published or 'undated'}  {a.status}"
             + (f" ({a.reason})" if a.reason else ""), f"  {a.title or ''}", f"  {a.source}"]
    for f in a.facts:
        lines.append(f"  [{f.start}:{f.stop}] {f.kind:<9} {f.label}  {f.fact_id}  "
                     f"«{a.text[f.start:f.stop]}»")
    _print(lines)


# --- lists -----------------------------------------------------------------------------------

page_options = [click.option("--offset", type=int, default=0, show_default=True),
                click.option("--limit", type=int, default=50, show_default=True)]


def _paged(f):  # type: ignore[no-untyped-def]
    for option in reversed(page_options):
        f = option(f)
    return f


def _footer(page) -> list[str]:  # type: ignore[no-untyped-def]
    shown = len(page.items)
    return [f"({page.offset + 1 if shown else 0}–{page.offset + shown} of {page.total})"]


@main.command("links")
@click.option("--region", help="only links of this region code")
@click.option("--since", type=DATE, help="count only articles since this date")
@click.option("--until", type=DATE, help="count only articles until this date")
@click.option("--basis", "kind", help="only links on this basis: meeting, visit, document, "
              "project, institutions, trade, relations")
@db_option
@json_option
@sources_option
@_paged
def links_cmd(region: str | None, since: date | None, until: date | None, kind: str | None,
              db_url: str | None, as_json: bool, n_sources: int, offset: int, limit: int) -> None:
    """Links between Russian and Uzbek parties, most told first, with their sources.

    \b
    Examples:
      hamkor links --region UZ-BU
      hamkor links --since 2025-01-01 --json
    """
    from hamkor.kb import query, render

    with open_engine(db_url).connect() as conn:
        region = check_region(conn, region)
        page = query.links(conn, region, kind, since, until, offset, limit)
    if as_json:
        emit_json(page)
        return
    _print([line for k in page.items for line in render.link(k, n_sources)] + _footer(page))


@main.command("agreements")
@click.option("--status", type=click.Choice(["in-force", "expiring", "expired", "signed",
                                             "planned"]),
              help="derived from the period and today's date; in-force includes expiring")
@click.option("--region", help="only agreements this region is party to")
@click.option("--kind", type=click.Choice(["agreement", "memorandum", "protocol", "roadmap",
                                           "plan", "other"]))
@db_option
@json_option
@sources_option
@_paged
def agreements_cmd(status: str | None, region: str | None, kind: str | None, db_url: str | None,
                   as_json: bool, n_sources: int, offset: int, limit: int) -> None:
    """Agreements between the two sides, with status and sources.

    \b
    Examples:
      hamkor agreements --status in-force --region RU-OMS
      hamkor agreements --status expiring --json
    """
    from hamkor.kb import query, render

    with open_engine(db_url).connect() as conn:
        region = check_region(conn, region)
        page = query.agreements(conn, status, region, kind, offset, limit)
    if as_json:
        emit_json(page)
        return
    _print([line for a in page.items for line in render.agreement(a, n_sources)] + _footer(page))


@main.command("timeline")
@click.option("--region", help="only events of this region code")
@click.option("--since", type=DATE)
@click.option("--until", type=DATE)
@db_option
@json_option
@sources_option
@_paged
def timeline_cmd(region: str | None, since: date | None, until: date | None, db_url: str | None,
                 as_json: bool, n_sources: int, offset: int, limit: int) -> None:
    """Events (visits, meetings, signings, forums …) in date order, with their sources.

    \b
    Example:
      hamkor timeline --region UZ-NW --since 2025-01
    """
    from hamkor.kb import query, render

    with open_engine(db_url).connect() as conn:
        region = check_region(conn, region)
        page = query.events(conn, region, since, until, offset, limit)
    if as_json:
        emit_json(page)
        return
    _print([line for e in page.items for line in render.event(e, n_sources)] + _footer(page))


@main.command("search")
@click.argument("text", nargs=-1, required=True)
@db_option
@json_option
@_paged
def search_cmd(text: tuple[str, ...], db_url: str | None, as_json: bool, offset: int,
               limit: int) -> None:
    """Search regions, people, agreements and articles by Russian word forms.

    \b
    Examples:
      hamkor search Навои            # finds «Навоийской области» too
      hamkor search хоким Бухара --json
    """
    from hamkor.kb import query

    with open_engine(db_url).connect() as conn:
        page = query.search(conn, " ".join(text), offset, limit)
    if as_json:
        emit_json(page)
        return
    lines = [f"  {h.kind:<9} {h.id}  {h.title}\n            {h.snippet}" for h in page.items]
    _print(lines + _footer(page))


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
