"""The read side: every view (CLI, API, web pages, reports) reads the knowledge base here.

Each function takes a SQLAlchemy ``Connection`` first and returns the frozen dataclasses of
``hamkor.kb.views``; "not found" returns None. Facts an analyst rejected are left out and
fields an analyst set are shown as set (``corrections.py`` writes them into the rows).
Region codes are not checked here: the CLI and the API say "unknown region" (``places``).
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import Connection, String, and_, cast, distinct, func, or_, select

from hamkor.kb import adapt, names, places, stems
from hamkor.kb import schema as s
from hamkor.kb import search as fts
from hamkor.kb import status as lifecycle
from hamkor.kb.views import (
    AgreementView,
    ArticleView,
    CorrectionView,
    Dossier,
    EventView,
    LinkView,
    MeetingView,
    MetricView,
    Overview,
    Page,
    PairView,
    PersonRef,
    PersonView,
    RegionRef,
    SearchHit,
)

ALL = 1_000_000  # "no limit" for the lists a dossier or a graph holds in full
F = TypeVar("F", bound=Callable[..., Any])


def _reads(fn: F) -> F:
    """A public query: region names are read from the knowledge base first (``places``)."""

    @functools.wraps(fn)
    def wrapper(conn: Connection, *args: Any, **kwargs: Any) -> Any:
        places.use(conn)
        return fn(conn, *args, **kwargs)

    return wrapper  # type: ignore[return-value]


def _visible(table):  # type: ignore[no-untyped-def]
    return table.c.rejected.is_(None)


def _page(items: list, total: int, offset: int, limit: int) -> Page:
    return Page(items, total, offset, limit)


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
            limit: int = 50) -> Dossier | None:
    """All the knowledge base holds about one region (or country): partners, agreements,
    officials, events, trade figures, sectors, and the articles that mention it. Each list
    holds at most ``limit`` items, the most told or the newest (use the list functions to
    page through more)."""
    if not known_region(conn, code):
        return None
    partners = links(conn, region=code, since=since, limit=limit).items
    docs = agreements(conn, region=code, since=since, limit=limit, newest_first=True).items
    p = s.people
    officials_q = (select(p.c.id).where(_visible(p), or_(
        p.c.of == code, p.c.id.in_(select(s.positions.c.person_id).where(s.positions.c.of == code))))
        .order_by(p.c.articles.desc(), p.c.name, p.c.id).limit(limit))
    if since is not None:
        officials_q = officials_q.where(p.c.last_seen >= since)
    officials = _people_views(conn, list(conn.execute(officials_q).scalars()), meetings_limit=10,
                              sources_limit=5)
    timeline = events(conn, region=code, since=since, limit=limit, newest_first=True).items[::-1]
    figures = metrics(conn, region=code, since=since, limit=limit, newest_first=True).items
    rc, sc, a = s.region_claims, s.sector_claims, s.articles
    mentioning = select(rc.c.article_id).where(rc.c.code == code)
    if since is not None:
        mentioning = mentioning.join(a, a.c.id == rc.c.article_id).where(a.c.published >= since)
    sector_q = (select(sc.c.name, func.count(distinct(sc.c.article_id)))
                .where(sc.c.article_id.in_(mentioning)).group_by(sc.c.name))
    sectors = sorted(((n, c) for n, c in conn.execute(sector_q)), key=lambda t: (-t[1], t[0]))
    mentions = adapt.sources(conn, "region", [code], since=since, limit=limit * 2)
    first_each = list({x.article_id: x for x in reversed(mentions.get(code, []))}.values())[::-1]
    return Dossier(places.ref(code), partners, docs, officials, timeline, figures,
                   sectors, first_each[:limit])


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


# --- people ----------------------------------------------------------------------------------


def _name_match(q: str):  # type: ignore[no-untyped-def]
    """Every word of the query, by its stem, in the folded name: «Турсуновым» finds «Турсунов»."""
    return [s.people.c.name_fold.like(f"%{t}%") for t in stems.query_terms(q)]


@_reads
def people(conn: Connection, q: str | None = None, offset: int = 0, limit: int = 50) -> Page[PersonRef]:
    p = s.people
    where = [_visible(p), *(_name_match(q) if q else [])]
    total = conn.execute(select(func.count()).select_from(p).where(*where)).scalar() or 0
    rows = conn.execute(select(p.c.id, p.c.name, p.c.of, p.c.title).where(*where)
                        .order_by(p.c.articles.desc(), p.c.name, p.c.id)
                        .offset(offset).limit(limit)).all()
    return _page([PersonRef(r.id, r.name, r.of, r.title) for r in rows], total, offset, limit)


def _find_person(conn: Connection, id_or_name: str) -> str | None:
    """By id; else by name: the person's own, one a claim gave (merged people keep theirs),
    the surname, the stems of the words. The one told of most when several."""
    p, pc = s.people, s.person_claims
    visible = _visible(p)
    if conn.execute(select(p.c.id).where(p.c.id == id_or_name, visible)).first():
        return id_or_name
    key = names.key(id_or_name)
    if not key:
        return None
    best = select(p.c.id).where(visible).order_by(p.c.articles.desc(), p.c.id).limit(1)
    claimed = select(pc.c.person_id).where(pc.c.name_key == key)
    by_surname = select(pc.c.person_id).where(or_(pc.c.name_key == key,
                                                  pc.c.name_key.like(f"% {key}")))
    for cond in (p.c.key == key, p.c.name_fold == stems.fold(" ".join(id_or_name.split())),
                 p.c.id.in_(claimed), p.c.block == key, p.c.id.in_(by_surname),
                 *([and_(*_name_match(id_or_name))] if _name_match(id_or_name) else [])):
        found = conn.execute(best.where(cond)).scalar()
        if found:
            return found
    return None


@_reads
def person(conn: Connection, id_or_name: str, meetings_limit: int = 100) -> PersonView | None:
    """One person by id or by name (any case or word form; the best known one when several),
    with positions over time and their newest ``meetings_limit`` meetings."""
    pid = _find_person(conn, id_or_name)
    return _person_view(conn, pid, meetings_limit) if pid else None


def _person_view(conn: Connection, pid: str, meetings_limit: int) -> PersonView | None:
    views = _people_views(conn, [pid], meetings_limit)
    return views[0] if views else None


def _people_views(conn: Connection, pids: list[str], meetings_limit: int,
                  sources_limit: int = adapt.MAX_SOURCES) -> list[PersonView]:
    """Several people at once (a dossier's officials), in the order given."""
    p, m = s.people, s.meetings
    rows = {r.id: r for r in conn.execute(select(p).where(p.c.id.in_(pids)))}
    mine: dict[str, list] = {pid: [] for pid in pids}
    q = (select(m).where(_visible(m), or_(m.c.person_a.in_(pids), m.c.person_b.in_(pids)))
         .order_by(m.c.date.desc().nulls_last(), m.c.id.desc()))
    for r in conn.execute(q):
        for pid in {r.person_a, r.person_b} & mine.keys():
            if len(mine[pid]) < meetings_limit:
                mine[pid].append(r)
    chosen = {r.id: r for rs in mine.values() for r in rs}
    meeting_views = {v.id: v for v in adapt.meetings(conn, list(chosen.values()))}
    positions = adapt.positions(conn, pids, sources_limit)
    sources = adapt.sources(conn, "person", pids, limit=sources_limit)
    return [PersonView(pid, rows[pid].name, rows[pid].of, positions.get(pid, []),
                       [meeting_views[r.id] for r in reversed(mine[pid])], sources.get(pid, []))
            for pid in pids if pid in rows]


@_reads
def resolve_title(conn: Connection, title_norm: str, of: str, on_date: date) -> PersonRef | None:
    """Who held a post («хоким» of «UZ-BU») on a date: the holder seen in it around that date,
    else the latest one first seen in it before that date; None when nobody is known."""
    ps, p = s.positions, s.people
    rows = conn.execute(
        select(ps.c.person_id, ps.c.first_seen, ps.c.last_seen, ps.c.title)
        .join(p, p.c.id == ps.c.person_id)
        .where(_visible(ps), _visible(p), ps.c.of == of,
               or_(ps.c.title_norm == title_norm, ps.c.title == title_norm))).all()
    holding = [r for r in rows if r.first_seen and r.first_seen <= on_date
               and (r.last_seen is None or on_date <= r.last_seen)]
    before = [r for r in rows if r.first_seen and r.first_seen <= on_date]
    pick = max(holding or before, key=lambda r: (r.first_seen, r.person_id), default=None)
    if pick is None:
        return None
    ref = adapt.person_refs(conn, [pick.person_id])[pick.person_id]
    return PersonRef(ref.id, ref.name, of, pick.title or title_norm)


# --- links, agreements, events, metrics --------------------------------------------------------


@_reads
def links(conn: Connection, region: str | None = None, kind: str | None = None,
          since: date | None = None, until: date | None = None,
          offset: int = 0, limit: int = 50) -> Page[LinkView]:
    """Links, most told first; ``kind`` is a basis (meeting, visit, document, project,
    institutions, trade, relations); ``since``/``until`` count only articles of that time."""
    lk, lc = s.links, s.link_claims
    if since is None and until is None and kind is None:
        where = [_visible(lk)]
        if region:
            where.append(or_(lk.c.ru == region, lk.c.uz == region))
        total = conn.execute(select(func.count()).select_from(lk).where(*where)).scalar() or 0
        rows = conn.execute(select(lk).where(*where).order_by(lk.c.articles.desc(), lk.c.ru, lk.c.uz)
                            .offset(offset).limit(limit)).all()
        return _page(adapt.links(conn, rows), total, offset, limit)
    # A window or a basis: count the supporting claims of that window.
    where = [lc.c.link_id.is_not(None)]
    if since is not None:
        where.append(lc.c.published >= since)
    if until is not None:
        where.append(lc.c.published <= until)
    if kind:
        where.append(lc.c.basis.like(f"%{kind}%"))
    agg = (select(lc.c.link_id, func.count(distinct(lc.c.article_id)).label("n"),
                  func.min(lc.c.published).label("first"), func.max(lc.c.published).label("last"))
           .where(*where).group_by(lc.c.link_id).subquery())
    q = select(lk, agg.c.n, agg.c.first, agg.c.last).join(agg, agg.c.link_id == lk.c.id).where(_visible(lk))
    if region:
        q = q.where(or_(lk.c.ru == region, lk.c.uz == region))
    total = conn.execute(select(func.count()).select_from(q.subquery())).scalar() or 0
    rows = conn.execute(q.order_by(agg.c.n.desc(), lk.c.ru, lk.c.uz).offset(offset).limit(limit)).all()
    views = adapt.links(conn, rows, since, until)
    return _page([LinkView(v.ru, v.uz, r.n, v.basis, r.first, r.last, v.sources, v.id)
                  for v, r in zip(views, rows, strict=True)], total, offset, limit)


@_reads
def agreements(conn: Connection, status: str | None = None, region: str | None = None,
               kind: str | None = None, offset: int = 0, limit: int = 50,
               newest_first: bool = False, since: date | None = None) -> Page[AgreementView]:
    """Agreements, oldest first (first told of); ``status`` is derived today (in-force
    includes expiring); ``since``: told of by an article of that date or later."""
    ag, ap, ac = s.agreements, s.agreement_parties, s.agreement_claims
    q = select(ag).where(_visible(ag))
    if since is not None:
        q = q.where(ag.c.id.in_(select(ac.c.agreement_id).where(ac.c.published >= since)))
    if region:
        q = q.where(ag.c.id.in_(select(ap.c.agreement_id).where(ap.c.code == region)))
    if kind:
        q = q.where(ag.c.kind == kind)
    order = ((ag.c.first_seen.desc().nulls_last(), ag.c.id.desc()) if newest_first
             else (ag.c.first_seen.nulls_last(), ag.c.kind, ag.c.parties, ag.c.id))
    rows = conn.execute(q.order_by(*order)).all()
    if status:
        rows = [r for r in rows if _status_matches(r, status)]
    return _page(adapt.agreements(conn, rows[offset:offset + limit]), len(rows), offset, limit)


def _status_matches(row, wanted: str) -> bool:  # type: ignore[no-untyped-def]
    return lifecycle.matches(lifecycle.derive(row.from_year, row.to_year, row.status), wanted)


@_reads
def agreement(conn: Connection, id: str) -> AgreementView | None:
    rows = conn.execute(select(s.agreements).where(s.agreements.c.id == id,
                                                   _visible(s.agreements))).all()
    return adapt.agreements(conn, rows)[0] if rows else None


@_reads
def events(conn: Connection, region: str | None = None, since: date | None = None,
           until: date | None = None, offset: int = 0, limit: int = 50,
           newest_first: bool = False) -> Page[EventView]:
    """The timeline: events in date order (undated last), or newest first."""
    ev, er = s.events, s.event_regions
    where = [_visible(ev)]
    if region:
        where.append(ev.c.id.in_(select(er.c.event_id).where(er.c.code == region)))
    if since is not None:
        where.append(ev.c.date >= since)
    if until is not None:
        where.append(ev.c.date <= until)
    total = conn.execute(select(func.count()).select_from(ev).where(*where)).scalar() or 0
    order = ((ev.c.date.desc().nulls_last(), ev.c.id.desc()) if newest_first
             else (ev.c.date.nulls_last(), ev.c.type, ev.c.id))
    rows = conn.execute(select(ev).where(*where).order_by(*order).offset(offset).limit(limit)).all()
    return _page(adapt.events(conn, rows), total, offset, limit)


@_reads
def metrics(conn: Connection, region: str | None = None, offset: int = 0,
            limit: int = 50, newest_first: bool = False,
            since: date | None = None) -> Page[MetricView]:
    """Trade figures by subject and period (the latest periods first with ``newest_first``);
    ``since``: told of by an article of that date or later."""
    mt, mc, a = s.metrics, s.metric_claims, s.articles
    where = [_visible(mt)]
    if since is not None:
        where.append(mt.c.id.in_(select(mc.c.metric_id).join(a, a.c.id == mc.c.article_id)
                                 .where(a.c.published >= since)))
    if region:
        where.append(or_(mt.c.subject == region, mt.c.counterpart == region))
    total = conn.execute(select(func.count()).select_from(mt).where(*where)).scalar() or 0
    order = ((mt.c.period.desc(), mt.c.subject, mt.c.indicator, mt.c.id) if newest_first
             else (mt.c.subject, mt.c.period, mt.c.indicator, mt.c.id))
    rows = conn.execute(select(mt).where(*where).order_by(*order).offset(offset).limit(limit)).all()
    return _page(adapt.metrics(conn, rows), total, offset, limit)


@_reads
def meetings(conn: Connection, person_id: str | None = None, offset: int = 0,
             limit: int = 50) -> Page[MeetingView]:
    m = s.meetings
    where = [_visible(m)]
    if person_id:
        where.append(or_(m.c.person_a == person_id, m.c.person_b == person_id))
    total = conn.execute(select(func.count()).select_from(m).where(*where)).scalar() or 0
    rows = conn.execute(select(m).where(*where).order_by(m.c.date.nulls_last(), m.c.id)
                        .offset(offset).limit(limit)).all()
    return _page(adapt.meetings(conn, rows), total, offset, limit)


# --- articles and search ---------------------------------------------------------------------


@_reads
def article(conn: Connection, id: str) -> ArticleView | None:
    """One article with the spans of every fact read from it."""
    row = conn.execute(select(s.articles).where(s.articles.c.id == id)).first()
    if row is None:
        return None
    return ArticleView(row.id, row.source, row.title, row.url, row.published, row.language,
                       row.text, adapt.fact_spans(conn, id), row.status, row.reason)


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
          kind: str | None = None) -> tuple[list[RegionRef], list[LinkView]]:
    """Regions as nodes and links as edges (weighted by ``count``)."""
    edges = links(conn, kind=kind, since=since, until=until, limit=ALL).items
    nodes = {r.code: r for e in edges for r in (e.ru, e.uz)}
    return [nodes[c] for c in sorted(nodes)], edges
