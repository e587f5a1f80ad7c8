"""`hamkor show`: a region's dossier, a person, a pair, an agreement, an article."""

from __future__ import annotations

from datetime import date

import click

from hamkor.cli import main
from hamkor.cli.kb import (
    DATE,
    check_region,
    db_option,
    echo_lines,
    emit_json,
    json_option,
    open_engine,
    sources_option,
    usage_error,
)

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
@click.option("--limit", type=int, default=20, show_default=True,
              help="the most told or newest of each kind")
@db_option
@json_option
@sources_option
def show_region(code: str, since: date | None, limit: int, db_url: str | None, as_json: bool,
                n_sources: int) -> None:
    """The dossier of a region (or of a country, RU or UZ): the most told or newest of each
    kind, with how many there are in all (`links`, `agreements`, `timeline` page through all).

    \b
    Example:
      hamkor show region RU-OMS --since 2025-01-01
    """
    from hamkor.kb import query, render

    with open_engine(db_url).connect() as conn:
        code = check_region(conn, code)
        d = query.dossier(conn, code, since, limit)
    if d is None:
        usage_error(f"unknown region code {code!r}")
    emit_json(d) if as_json else echo_lines(render.dossier(d, n_sources))


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
        echo_lines([f"  {n:>5}  {render.region(r)}" for r, n in rows] or ["  (empty)"])


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
    emit_json(p) if as_json else echo_lines(render.person(p, n_sources))


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
    echo_lines(lines)


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
    emit_json(a) if as_json else echo_lines(render.agreement(a, n_sources))


@show.command("article")
@click.argument("id")
@db_option
@json_option
def show_article(id: str, db_url: str | None, as_json: bool) -> None:
    """One stored article: its status, metadata, its copies on other sites and the facts
    read from it, by span.

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
    if a.story:
        lines.append(f"  the same story in {len(a.story)} more: "
                     + ", ".join(f"{c.id} ({c.published or 'undated'})" for c in a.story))
    for f in a.facts:
        lines.append(f"  [{f.start}:{f.stop}] {f.kind:<9} {f.label}  {f.fact_id}  "
                     f"«{a.text[f.start:f.stop]}»")
    echo_lines(lines)
