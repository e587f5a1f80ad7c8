"""The read side of the lists of facts: links, agreements, events, trade figures, meetings,
each a page with every fact's newest sources.

Part of ``hamkor.kb.query`` (which re-exports the public functions).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Connection, distinct, func, or_, select

from hamkor.kb import adapt
from hamkor.kb import schema as s
from hamkor.kb import status as lifecycle
from hamkor.kb.reads import page as _page
from hamkor.kb.reads import reads as _reads
from hamkor.kb.reads import visible as _visible
from hamkor.kb.views import AgreementView, EventView, LinkView, MeetingView, MetricView, Page


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
