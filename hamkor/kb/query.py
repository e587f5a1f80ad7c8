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
from dataclasses import replace
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import Connection, String, and_, cast, distinct, func, or_, select

from hamkor.kb import adapt, names, places, stems
from hamkor.kb import schema as s
from hamkor.kb import search as fts
from hamkor.kb import status as lifecycle
from hamkor.kb.sql import chunks, first_ids
from hamkor.kb.views import (
    AgreementView,
    ArticleView,
    CorrectionView,
    Dossier,
    EventView,
    LinkView,
    MeetingView,
    MetricView,
    OrganisationRef,
    OrganisationView,
    Overview,
    Page,
    PairView,
    PersonRef,
    PersonView,
    RegionRef,
    SearchHit,
    Source,
)

ALL = 1_000_000  # "no limit" for the lists a dossier or a graph holds in full
DOSSIER_ITEMS = 20  # the most told or newest of each kind in a dossier
DOSSIER_SOURCES = 3  # the newest sources of each fact in a dossier (its count tells the rest)
DOSSIER_MEETINGS = 3  # the newest meetings of each official in a dossier
F = TypeVar("F", bound=Callable[..., Any])


def _reads(fn: F) -> F:
    """A public query: region names are read from the knowledge base first (``places``)."""

    @functools.wraps(fn)
    def wrapper(conn: Connection, *args: Any, **kwargs: Any) -> Any:
        info = getattr(conn, "info", {})
        if info.get("hamkor_reading"):  # inside another query: the names are read already
            return fn(conn, *args, **kwargs)
        places.use(conn)
        info["hamkor_reading"] = True
        try:
            return fn(conn, *args, **kwargs)
        finally:
            info.pop("hamkor_reading", None)

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
    return _people_views(conn, list(ids), DOSSIER_MEETINGS, DOSSIER_SOURCES, code), total


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
    return replace(views[0], organisations=_organisations_of(conn, pid)) if views else None


def _people_views(conn: Connection, pids: list[str], meetings_limit: int,
                  sources_limit: int = adapt.MAX_SOURCES,
                  posts_in: str | None = None) -> list[PersonView]:
    """Several people at once (a dossier's officials), in the order given, each with their
    newest ``meetings_limit`` meetings (``posts_in``: only their posts in that region, with
    their newest source)."""
    p, m = s.people, s.meetings
    rows = {r.id: r for r in conn.execute(select(p).where(p.c.id.in_(pids)))}
    order, visible = "date DESC NULLS LAST, id DESC", " AND rejected IS NULL"
    ids = {*first_ids(conn, "meetings", "person_a", pids, order, meetings_limit, visible),
           *first_ids(conn, "meetings", "person_b", pids, order, meetings_limit, visible)}
    found = []
    for chunk in chunks(sorted(ids)):
        found += conn.execute(select(m).where(m.c.id.in_(chunk))).all()
    found.sort(key=lambda r: r.id, reverse=True)
    found.sort(key=lambda r: -r.date.toordinal() if r.date else 1)  # newest first
    mine: dict[str, list] = {pid: [] for pid in pids}
    for r in found:
        for pid in {r.person_a, r.person_b} & mine.keys():
            if len(mine[pid]) < meetings_limit:
                mine[pid].append(r)
    chosen = {r.id: r for rs in mine.values() for r in rs}
    meeting_views = {v.id: v for v in adapt.meetings(conn, list(chosen.values()), sources_limit)}
    positions = adapt.positions(conn, pids, 1 if posts_in else sources_limit, posts_in)
    sources = adapt.sources(conn, "person", pids, limit=sources_limit)
    return [PersonView(pid, rows[pid].name, rows[pid].of, positions.get(pid, []),
                       [meeting_views[r.id] for r in reversed(mine[pid])], sources.get(pid, []))
            for pid in pids if pid in rows]


@_reads
def organisations(conn: Connection, region: str | None = None, since: date | None = None,
                  offset: int = 0, limit: int = 50,
                  sources_limit: int = adapt.MAX_SOURCES) -> Page[OrganisationView]:
    """Organisations (companies, universities, ministries …) the titles of people name, the
    most told first; ``region``: based there; ``since``: seen since that date."""
    og = s.organisations
    where = [_visible(og), *([og.c.of == region] if region else []),
             *([og.c.last_seen >= since] if since is not None else [])]
    total = conn.execute(select(func.count()).select_from(og).where(*where)).scalar() or 0
    rows = conn.execute(select(og).where(*where).order_by(og.c.articles.desc(), og.c.name, og.c.id)
                        .offset(offset).limit(limit)).all()
    return _page(adapt.organisations(conn, rows, sources_limit), total, offset, limit)


def _organisations_of(conn: Connection, pid: str) -> list[OrganisationRef]:
    """The organisations a person's titles name, the most told first."""
    og, oc, pc = s.organisations, s.organisation_claims, s.person_claims
    theirs = (select(oc.c.organisation_id).join(pc, pc.c.id == oc.c.person_claim)
              .where(pc.c.person_id == pid))
    rows = conn.execute(select(og).where(_visible(og), og.c.id.in_(theirs))
                        .order_by(og.c.articles.desc(), og.c.name, og.c.id)).all()
    return [OrganisationRef(r.id, r.name, r.kind, r.of) for r in rows]


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
          offset: int = 0, limit: int = 50,
          sources_limit: int = adapt.MAX_SOURCES) -> Page[LinkView]:
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
        return _page(adapt.links(conn, rows, sources_limit=sources_limit), total, offset, limit)
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
    views = adapt.links(conn, rows, since, until, sources_limit)
    return _page([LinkView(v.ru, v.uz, r.n, v.basis, r.first, r.last, v.sources, v.id)
                  for v, r in zip(views, rows, strict=True)], total, offset, limit)


@_reads
def agreements(conn: Connection, status: str | None = None, region: str | None = None,
               kind: str | None = None, offset: int = 0, limit: int = 50,
               newest_first: bool = False, since: date | None = None,
               sources_limit: int = adapt.MAX_SOURCES) -> Page[AgreementView]:
    """Agreements, oldest first (first told of); ``status`` is derived today (in-force
    includes expiring); ``since``: told of by an article of that date or later."""
    ag, ap, ac = s.agreements, s.agreement_parties, s.agreement_claims
    where = [_visible(ag)]
    if since is not None:
        where.append(ag.c.id.in_(select(ac.c.agreement_id).where(ac.c.published >= since)))
    if region:
        where.append(ag.c.id.in_(select(ap.c.agreement_id).where(ap.c.code == region)))
    if kind:
        where.append(ag.c.kind == kind)
    q = select(ag).where(*where)
    order = ((ag.c.first_seen.desc().nulls_last(), ag.c.id.desc()) if newest_first
             else (ag.c.first_seen.nulls_last(), ag.c.kind, ag.c.parties, ag.c.id))
    if not status:  # the status is derived today: without one, the database counts and pages
        total = conn.execute(select(func.count()).select_from(ag).where(*where)).scalar() or 0
        rows = conn.execute(q.order_by(*order).offset(offset).limit(limit)).all()
        return _page(adapt.agreements(conn, rows, sources_limit=sources_limit), total, offset,
                     limit)
    rows = [r for r in conn.execute(q.order_by(*order)) if _status_matches(r, status)]
    return _page(adapt.agreements(conn, rows[offset:offset + limit], sources_limit=sources_limit),
                 len(rows), offset, limit)


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
           newest_first: bool = False, sources_limit: int = adapt.MAX_SOURCES) -> Page[EventView]:
    """The timeline: events in date order (undated last), or newest first."""
    if region:
        return _region_events(conn, region, since, until, offset, limit, newest_first,
                              sources_limit)
    ev = s.events
    where = [_visible(ev)]
    if since is not None:
        where.append(ev.c.date >= since)
    if until is not None:
        where.append(ev.c.date <= until)
    total = conn.execute(select(func.count()).select_from(ev).where(*where)).scalar() or 0
    order = ((ev.c.date.desc().nulls_last(), ev.c.id.desc()) if newest_first
             else (ev.c.date.nulls_last(), ev.c.type, ev.c.id))
    rows = conn.execute(select(ev).where(*where).order_by(*order).offset(offset).limit(limit)).all()
    return _page(adapt.events(conn, rows, sources_limit), total, offset, limit)


def _region_events(conn: Connection, region: str, since: date | None, until: date | None,
                   offset: int, limit: int, newest_first: bool, sources_limit: int) -> Page[EventView]:
    """A region's events, read in date order from ``event_regions`` (which holds the dates);
    the total is the region's events less the few rejected ones."""
    ev, er = s.events, s.event_regions
    where = [er.c.code == region]
    if since is not None:
        where.append(er.c.date >= since)
    if until is not None:
        where.append(er.c.date <= until)
    held = conn.execute(select(func.count()).select_from(er).where(*where)).scalar() or 0
    hidden = conn.execute(select(func.count()).select_from(ev).where(  # from the few rejected
        ev.c.rejected > 0, select(er.c.event_id).where(er.c.event_id == ev.c.id, *where)
        .exists())).scalar() or 0  # (> 0, not IS NOT NULL: SQLite reads that from the index)
    order = ((er.c.date.desc().nulls_last(), er.c.event_id.desc()) if newest_first
             else (er.c.date.nulls_last(), ev.c.type, er.c.event_id))
    rows = conn.execute(select(ev).join(er, er.c.event_id == ev.c.id)
                        .where(_visible(ev), *where).order_by(*order)
                        .offset(offset).limit(limit)).all()
    return _page(adapt.events(conn, rows, sources_limit), held - hidden, offset, limit)


@_reads
def metrics(conn: Connection, region: str | None = None, offset: int = 0,
            limit: int = 50, newest_first: bool = False,
            since: date | None = None, sources_limit: int = adapt.MAX_SOURCES) -> Page[MetricView]:
    """Trade figures by subject and period (the latest periods first with ``newest_first``);
    ``since``: told of by an article of that date or later."""
    mt, mc = s.metrics, s.metric_claims
    if region and newest_first and since is None:
        return _region_figures(conn, region, offset, limit, sources_limit)
    where = [_visible(mt)]
    if since is not None:
        where.append(mt.c.id.in_(select(mc.c.metric_id).where(mc.c.published >= since)))
    if region:
        where.append(or_(mt.c.subject == region, mt.c.counterpart == region))
    total = conn.execute(select(func.count()).select_from(mt).where(*where)).scalar() or 0
    order = ((mt.c.period.desc(), mt.c.subject, mt.c.indicator, mt.c.id) if newest_first
             else (mt.c.subject, mt.c.period, mt.c.indicator, mt.c.id))
    rows = conn.execute(select(mt).where(*where).order_by(*order).offset(offset).limit(limit)).all()
    return _page(adapt.metrics(conn, rows, sources_limit), total, offset, limit)


def _region_figures(conn: Connection, region: str, offset: int, limit: int,
                    sources_limit: int) -> Page[MetricView]:
    """A region's latest figures: the latest of those where it is the subject and of those
    where it is the counterpart, each read from its (side, period) index, then merged."""
    mt = s.metrics
    order = (mt.c.period.desc(), mt.c.subject, mt.c.indicator, mt.c.id)
    rows, total = [], 0
    for side in (mt.c.subject, mt.c.counterpart):
        where = (side == region, _visible(mt))
        total += conn.execute(select(func.count()).select_from(mt).where(*where)).scalar() or 0
        rows += conn.execute(select(mt).where(*where).order_by(*order).limit(offset + limit)).all()
    rows = sorted({r.id: r for r in rows}.values(), key=lambda r: (r.subject, r.indicator, r.id))
    rows.sort(key=lambda r: r.period, reverse=True)
    return _page(adapt.metrics(conn, rows[offset:offset + limit], sources_limit), total, offset,
                 limit)


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
