"""The read side: every view (CLI, API, web pages, reports) reads the knowledge base here.

Each function takes a SQLAlchemy ``Connection`` first and returns the frozen dataclasses of
``hamkor.kb.views``; "not found" returns None. Facts an analyst rejected are left out and
fields an analyst set are shown as set (``corrections.py`` writes them into the rows).
Region codes are not checked here: the CLI and the API say "unknown region" (``places``).
The lists of facts live in ``facts``, people and organisations in ``people``; this module
re-exports them, so callers need only ``query``.
"""
from __future__ import annotations

from collections import Counter
from datetime import date

from sqlalchemy import Connection, String, cast, distinct, func, or_, select

from hamkor.kb import adapt, places, stems, stories
from hamkor.kb import schema as s
from hamkor.kb import search as fts
from hamkor.kb.facts import agreement, agreements, events, links, meetings, metrics
from hamkor.kb.people import organisations, people, people_views, person, resolve_title
from hamkor.kb.reads import page as _page
from hamkor.kb.reads import reads as _reads
from hamkor.kb.reads import visible as _visible
from hamkor.kb.views import (
    ArticleRef,
    ArticleView,
    CorrectionView,
    Dossier,
    LinkView,
    Overview,
    Page,
    PairView,
    PersonView,
    RegionRef,
    SearchHit,
    Source,
)

__all__ = ["agreement", "agreements", "events", "links", "meetings", "metrics",  # (``facts``)
           "organisations", "people", "person", "resolve_title"]  # (``people``)

ALL = 1_000_000  # "no limit" for the lists a dossier or a graph holds in full
DOSSIER_ITEMS = 20  # the most told or newest of each kind in a dossier
DOSSIER_SOURCES = 3  # the newest sources of each fact in a dossier (its count tells the rest)
DOSSIER_MEETINGS = 3  # the newest meetings of each official in a dossier


def known_region(conn: Connection, code: str) -> bool:
    """A code the knowledge base holds or the gazetteer knows."""
    held = conn.execute(select(s.regions.c.code).where(s.regions.c.code == code)).first()
    return held is not None or places.known(code)


# --- regions ---------------------------------------------------------------------------------


@_reads
def regions(conn: Connection) -> list[tuple[RegionRef, int]]:
    """Every region (and country) with its interaction count: articles telling of its links."""
    counts: Counter[str] = Counter()
    lk = s.links
    for ru, uz, n in conn.execute(select(lk.c.ru, lk.c.uz, lk.c.articles).where(_visible(lk))):
        counts[ru] += n
        counts[uz] += n
    codes = set(conn.execute(select(s.regions.c.code)).scalars()) | set(counts)
    return sorted(((places.ref(c), counts[c]) for c in codes), key=lambda t: (-t[1], t[0].code))


@_reads
def dossier(conn: Connection, code: str, since: date | None = None,
            limit: int = DOSSIER_ITEMS) -> Dossier | None:
    """All the knowledge base holds about one region (or country): partners, agreements,
    officials, events, trade figures, sectors, and the articles that mention it. Each list
    holds at most ``limit`` items, the most told or the newest, each fact with its newest
    ``DOSSIER_SOURCES`` sources; ``totals`` says how many there are in all (use the list
    functions to page through more)."""
    if not known_region(conn, code):
        return None
    n = DOSSIER_SOURCES
    partners = links(conn, region=code, since=since, limit=limit, sources_limit=n)
    docs = agreements(conn, region=code, since=since, limit=limit, newest_first=True,
                      sources_limit=n)
    officials, n_officials = _officials(conn, code, since, limit)
    timeline = events(conn, region=code, since=since, limit=limit, newest_first=True,
                      sources_limit=n)
    figures = metrics(conn, region=code, since=since, limit=limit, newest_first=True,
                      sources_limit=n)
    mentions, n_articles = _mentions(conn, code, since, limit)
    bodies = organisations(conn, region=code, since=since, limit=limit, sources_limit=n)
    totals = {"partners": partners.total, "agreements": docs.total, "officials": n_officials,
              "events": timeline.total, "metrics": figures.total, "sources": n_articles,
              "organisations": bodies.total}
    return Dossier(places.ref(code), partners.items, docs.items, officials,
                   timeline.items[::-1], figures.items, _sectors(conn, code, since), mentions,
                   totals, bodies.items)


def _officials(conn: Connection, code: str, since: date | None,
               limit: int) -> tuple[list[PersonView], int]:
    """The people of a region (now, or in a post of it once), the most told first, with
    their posts in the region (``person`` has all of them)."""
    p, ps = s.people, s.positions
    where = [_visible(p), or_(p.c.of == code,
                              p.c.id.in_(select(ps.c.person_id).where(ps.c.of == code)))]
    if since is not None:
        where.append(p.c.last_seen >= since)
    total = conn.execute(select(func.count()).select_from(p).where(*where)).scalar() or 0
    ids = conn.execute(select(p.c.id).where(*where).order_by(p.c.articles.desc(), p.c.name, p.c.id)
                       .limit(limit)).scalars().all()
    return people_views(conn, list(ids), DOSSIER_MEETINGS, DOSSIER_SOURCES, code), total


def _sectors(conn: Connection, code: str, since: date | None) -> list[tuple[str, int]]:
    """Sectors by the articles that mention the region and tell of them, most first."""
    if since is None:
        rs = s.region_sectors
        found = conn.execute(select(rs.c.name, rs.c.articles).where(rs.c.code == code)).all()
    else:
        rc, sc = s.region_claims, s.sector_claims
        mentioning = select(rc.c.article_id).where(rc.c.code == code, rc.c.published >= since)
        found = conn.execute(select(sc.c.name, func.count(distinct(sc.c.article_id)))
                             .where(sc.c.article_id.in_(mentioning)).group_by(sc.c.name)).all()
    return sorted(((n, c) for n, c in found), key=lambda t: (-t[1], t[0]))


def _mentions(conn: Connection, code: str, since: date | None,
              limit: int) -> tuple[list[Source], int]:
    """The newest articles that mention a region (one source each), and how many there are."""
    rc = s.region_claims
    where = [rc.c.code == code, *([rc.c.published >= since] if since is not None else [])]
    total = conn.execute(select(func.count()).select_from(rc).where(*where)).scalar() or 0
    found = adapt.sources(conn, "region", [code], since=since, limit=limit).get(code, [])
    first_each = list({x.article_id: x for x in reversed(found)}.values())[::-1]
    return first_each[:limit], total


@_reads
def pair(conn: Connection, ru: str, uz: str) -> PairView | None:
    """What joins one Russian and one Uzbek party."""
    if not (known_region(conn, ru) and known_region(conn, uz)):
        return None
    lk = s.links
    link_rows = conn.execute(select(lk).where(_visible(lk), lk.c.ru == ru, lk.c.uz == uz)).all()
    link = adapt.links(conn, link_rows)[0] if link_rows else None
    ap = s.agreement_parties
    both = (select(ap.c.agreement_id).where(ap.c.code.in_([ru, uz])).group_by(ap.c.agreement_id)
            .having(func.count(distinct(ap.c.code)) == 2))
    ag = s.agreements
    docs = adapt.agreements(conn, conn.execute(select(ag).where(_visible(ag), ag.c.id.in_(both))
                                               .order_by(ag.c.first_seen, ag.c.id)).all())
    er, ev = s.event_regions, s.events
    ev_both = (select(er.c.event_id).where(er.c.code.in_([ru, uz])).group_by(er.c.event_id)
               .having(func.count(distinct(er.c.code)) == 2))
    timeline = adapt.events(conn, conn.execute(select(ev).where(_visible(ev), ev.c.id.in_(ev_both))
                                               .order_by(ev.c.date, ev.c.id)).all())
    p, m = s.people, s.meetings
    of_ru = select(p.c.id).where(p.c.of == ru)
    of_uz = select(p.c.id).where(p.c.of == uz)
    mrows = conn.execute(select(m).where(_visible(m), or_(
        m.c.person_a.in_(of_ru) & m.c.person_b.in_(of_uz),
        m.c.person_a.in_(of_uz) & m.c.person_b.in_(of_ru))).order_by(m.c.date, m.c.id)).all()
    mt = s.metrics
    figures = adapt.metrics(conn, conn.execute(select(mt).where(_visible(mt), or_(
        (mt.c.subject == ru) & (mt.c.counterpart == uz),
        (mt.c.subject == uz) & (mt.c.counterpart == ru))).order_by(mt.c.period, mt.c.id)).all())
    return PairView(places.ref(ru), places.ref(uz), link, docs, timeline,
                    adapt.meetings(conn, mrows), figures)


# --- articles and search ---------------------------------------------------------------------


@_reads
def article(conn: Connection, id: str) -> ArticleView | None:
    """One article with the spans of every fact read from it."""
    row = conn.execute(select(s.articles).where(s.articles.c.id == id)).first()
    if row is None:
        return None
    copies = [ArticleRef(*r) for r in stories.sources(conn, id)]
    return ArticleView(row.id, row.source, row.title, row.url, row.published, row.language,
                       row.text, adapt.fact_spans(conn, id), row.status, row.reason, copies)


def _entity_hits(conn: Connection, text: str) -> list[SearchHit]:
    terms = stems.query_terms(text)
    if not terms:
        return []
    hits: list[SearchHit] = []
    for code in sorted(conn.execute(select(s.regions.c.code)).scalars()):
        ref = places.ref(code)
        if code.lower() == text.strip().lower() or fts.matches(ref.name, text):
            hits.append(SearchHit("region", code, ref.name, code, 30.0))
    for r in people(conn, text, limit=20).items:
        hits.append(SearchHit("person", r.id, r.name, " ".join(x for x in (r.title, r.of) if x), 20.0))
    ag = s.agreements
    for r in conn.execute(select(ag.c.id, ag.c.kind, ag.c.parties, ag.c.title)
                          .where(_visible(ag), ag.c.title.is_not(None))):
        if fts.matches(r.title, text):
            hits.append(SearchHit("agreement", r.id, r.title, f"{r.kind} {r.parties}", 10.0))
    return hits


@_reads
def search(conn: Connection, text: str, offset: int = 0, limit: int = 20) -> Page[SearchHit]:
    """Regions, people and agreements whose names match, then articles, by Russian word forms
    (every word of the query, by stem: «Навои» finds «Навоийской»)."""
    entities = _entity_hits(conn, text)
    items = entities[offset:offset + limit]
    art_offset = max(0, offset - len(entities))
    found, total = fts.articles(conn, text, art_offset, max(0, limit - len(items)) or 1)
    if len(items) < limit and found:
        a = s.articles
        rows = {r.id: r for r in conn.execute(select(a.c.id, a.c.title, a.c.text)
                                              .where(a.c.id.in_([f for f, _ in found])))}
        for aid, score in found[: limit - len(items)]:
            r = rows[aid]
            items.append(SearchHit("article", aid, r.title or aid, fts.snippet(r.text, text), score))
    return _page(items, len(entities) + total, offset, limit)


def corrections(conn: Connection) -> list[CorrectionView]:
    """Every analyst's edit, oldest first (``corrections.py`` makes them)."""
    from hamkor.kb.corrections import listing

    return [CorrectionView(r["id"], r["op"], r["target"], r["payload"], r["author"],
                           r["created"].isoformat(timespec="seconds"), r["reason"], r["state"])
            for r in listing(conn)]


# --- the whole ---------------------------------------------------------------------------------


@_reads
def overview(conn: Connection) -> Overview:
    """Counts, the newest events, the agreements about to expire, links told per month."""
    counts = {}
    a = s.articles
    counts["articles"] = conn.execute(select(func.count()).select_from(a)
                                      .where(a.c.status == "ok")).scalar() or 0
    for name, table in (("regions", s.regions), ("people", s.people), ("links", s.links),
                        ("agreements", s.agreements), ("meetings", s.meetings),
                        ("events", s.events), ("metrics", s.metrics)):
        where = [] if name == "regions" else [_visible(table)]
        counts[name] = conn.execute(select(func.count()).select_from(table).where(*where)).scalar() or 0
    ev = s.events
    newest = adapt.events(conn, conn.execute(select(ev).where(_visible(ev), ev.c.date.is_not(None))
                                             .order_by(ev.c.date.desc(), ev.c.id).limit(10)).all())
    expiring = agreements(conn, status="expiring", limit=20).items
    lc, lk = s.link_claims, s.links
    month = func.substr(cast(lc.c.published, String), 1, 7)
    per_month = conn.execute(
        select(month, func.count()).join(lk, lk.c.id == lc.c.link_id)
        .where(lc.c.published.is_not(None), _visible(lk)).group_by(month).order_by(month)).all()
    return Overview(counts, newest, expiring, [(m, n) for m, n in per_month])


@_reads
def graph(conn: Connection, since: date | None = None, until: date | None = None,
          kind: str | None = None, sources_limit: int = 0) -> tuple[list[RegionRef], list[LinkView]]:
    """Regions as nodes and links as edges (weighted by ``count``); the edges' sources only
    when asked for (the pages draw the graph without them)."""
    edges = links(conn, kind=kind, since=since, until=until, limit=ALL,
                  sources_limit=sources_limit).items
    nodes = {r.code: r for e in edges for r in (e.ru, e.uz)}
    return [nodes[c] for c in sorted(nodes)], edges
