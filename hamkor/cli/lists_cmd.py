"""`hamkor links`, `agreements`, `timeline`, `search`: pages of facts, each with its sources."""

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
)

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
    echo_lines([line for k in page.items for line in render.link(k, n_sources)] + _footer(page))


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
    echo_lines([line for a in page.items for line in render.agreement(a, n_sources)] + _footer(page))


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
    echo_lines([line for e in page.items for line in render.event(e, n_sources)] + _footer(page))


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
    echo_lines(lines + _footer(page))
