"""The read side of people and organisations: find a person by any form of their name, their
posts over time, meetings and organisations; who held a post on a date.

Part of ``hamkor.kb.query`` (which re-exports the public functions).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sqlalchemy import Connection, and_, func, or_, select

from hamkor.kb import adapt, names, orgs, stems
from hamkor.kb import schema as s
from hamkor.kb.ids import make_id
from hamkor.kb.reads import page as _page
from hamkor.kb.reads import reads as _reads
from hamkor.kb.reads import visible as _visible
from hamkor.kb.sql import chunks, first_ids
from hamkor.kb.views import OrganisationRef, OrganisationView, Page, PersonRef, PersonView


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
    views = people_views(conn, [pid], meetings_limit)
    return replace(views[0], organisations=_organisations_of(conn, pid)) if views else None


def people_views(conn: Connection, pids: list[str], meetings_limit: int,
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
    """The organisations a person's posts name (by the body each post was seen with most),
    the most told first: their ids follow from the bodies (``orgs``), so the person's many
    claims need not be read."""
    og, ps = s.organisations, s.positions
    ids = set()
    for body, of in conn.execute(select(ps.c.body, ps.c.of).where(ps.c.person_id == pid,
                                                                  ps.c.body.is_not(None))):
        if orgs.kind(body):
            ids.add(make_id("organisation", orgs.key(body), of or None))
    rows = conn.execute(select(og).where(_visible(og), og.c.id.in_(sorted(ids)))
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
