"""Adapters: fact rows of the database turned into the views of ``views.py``, with sources.

Sources are read in bulk for a page of facts: the evidence of every claim that supports each
fact, newest article first, at most ``MAX_SOURCES`` a fact by default (a fact's ``count`` says how many
articles there are in all).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from sqlalchemy import Connection, select

from hamkor.kb import places, status
from hamkor.kb import schema as s
from hamkor.kb.corrections import CLAIM_OF
from hamkor.kb.sql import chunks, first_ids
from hamkor.kb.views import (
    AgreementView,
    EventView,
    FactSpan,
    LinkView,
    MeetingView,
    MetricView,
    OrganisationView,
    PersonRef,
    Position,
    Source,
)

MAX_SOURCES = 10  # the newest sources of each fact in a list (its count tells the rest)
NEWEST = "published DESC NULLS LAST, article_id DESC"  # a fact's claims, its newest first
Row = Any


def sources(conn: Connection, kind: str, ids: Iterable[str], since: date | None = None,
            until: date | None = None, limit: int = MAX_SOURCES) -> dict[str, list[Source]]:
    """The sources of each fact of a kind (``region``: of each region code mentioned), from
    the newest article, at most ``limit`` claims a fact; a claim without evidence spans still
    names its article (at 0:0). A much-told fact costs no more than another."""
    if kind == "region":
        table, column = s.region_claims, s.region_claims.c.code
    else:
        claim_table, name = CLAIM_OF[kind]
        table, column = claim_table, claim_table.c[name]
    e, a = s.evidence, s.articles
    window, params = "", {}
    if since is not None:
        window, params["since"] = window + " AND published >= :since", since
    if until is not None:
        window, params["until"] = window + " AND published <= :until", until
    out: dict[str, list[Source]] = defaultdict(list)
    if limit <= 0:
        return out
    claim_ids = first_ids(conn, table.name, column.name, sorted(set(ids)), NEWEST, limit,
                          window, params)
    base = (select(column.label("fid"), table.c.article_id, a.c.title, a.c.url, a.c.published,
                   e.c.start, e.c.stop, e.c.sentence, e.c.seq)
            .select_from(table.outerjoin(e, e.c.claim_id == table.c.id)
                         .join(a, a.c.id == table.c.article_id)))
    rows = []
    for chunk in chunks(claim_ids):
        rows += conn.execute(base.where(table.c.id.in_(chunk))).mappings().all()
    # Newest article first (the later article id first on one day), then in text order.
    rows.sort(key=lambda r: (r["start"] or 0, r["seq"] or 0))
    rows.sort(key=lambda r: r["article_id"], reverse=True)
    rows.sort(key=lambda r: (r["fid"], -r["published"].toordinal() if r["published"] else 1))
    for r in rows:
        out[r["fid"]].append(Source(r["article_id"], r["title"], r["url"], r["published"],
                                    r["start"] or 0, r["stop"] or 0, r["sentence"] or ""))
    return out


def person_refs(conn: Connection, ids: Iterable[str]) -> dict[str, PersonRef]:
    p = s.people
    out = {}
    for chunk in chunks(sorted(set(ids))):
        for r in conn.execute(select(p.c.id, p.c.name, p.c.of, p.c.title).where(p.c.id.in_(chunk))):
            out[r.id] = PersonRef(r.id, r.name, r.of, r.title)
    return out


def positions(conn: Connection, person_ids: Sequence[str], limit: int = MAX_SOURCES,
              of: str | None = None) -> dict[str, list[Position]]:
    """Each person's posts over time (``of``: only those in that region or country)."""
    p = s.positions
    where = [p.c.rejected.is_(None), *([p.c.of == of] if of else [])]
    rows = []
    for chunk in chunks(sorted(set(person_ids))):
        rows += conn.execute(select(p).where(p.c.person_id.in_(chunk), *where)).all()
    srcs = sources(conn, "position", [r.id for r in rows], limit=limit)
    out: dict[str, list[Position]] = defaultdict(list)
    for r in sorted(rows, key=lambda r: (r.first_seen or date.max, r.id)):
        out[r.person_id].append(Position(r.title, r.title_norm, r.body, r.of, r.first_seen,
                                         r.last_seen, srcs.get(r.id, []), r.id))
    return out


def links(conn: Connection, rows: Sequence[Row], since: date | None = None,
          until: date | None = None, sources_limit: int = MAX_SOURCES) -> list[LinkView]:
    srcs = sources(conn, "link", [r.id for r in rows], since, until, sources_limit)
    return [LinkView(places.ref(r.ru), places.ref(r.uz), r.articles, r.basis.split(),
                     r.first_seen, r.last_seen, srcs.get(r.id, []), r.id) for r in rows]


def agreements(conn: Connection, rows: Sequence[Row], today: date | None = None,
               sources_limit: int = MAX_SOURCES) -> list[AgreementView]:
    srcs = sources(conn, "agreement", [r.id for r in rows], limit=sources_limit)
    return [AgreementView(r.id, r.kind, [places.ref(c) for c in r.parties.split()], r.from_year,
                          r.to_year, r.signed, status.derive(r.from_year, r.to_year, r.status, today),
                          r.title, srcs.get(r.id, [])) for r in rows]


def meetings(conn: Connection, rows: Sequence[Row],
             sources_limit: int = MAX_SOURCES) -> list[MeetingView]:
    refs = person_refs(conn, [p for r in rows for p in (r.person_a, r.person_b)])
    srcs = sources(conn, "meeting", [r.id for r in rows], limit=sources_limit)
    out = []
    for r in rows:
        people = [refs.get(p) or PersonRef(p, p, None, None) for p in (r.person_a, r.person_b)]
        people.sort(key=lambda p: (p.of or "", p.name))
        out.append(MeetingView(r.id, people, r.date, srcs.get(r.id, [])))
    return out


def metrics(conn: Connection, rows: Sequence[Row],
            sources_limit: int = MAX_SOURCES) -> list[MetricView]:
    srcs = sources(conn, "metric", [r.id for r in rows], limit=sources_limit)
    return [MetricView(r.id, places.ref(r.subject), places.ref(r.counterpart), r.indicator,
                       r.period, r.value, r.unit, srcs.get(r.id, [])) for r in rows]


def events(conn: Connection, rows: Sequence[Row],
           sources_limit: int = MAX_SOURCES) -> list[EventView]:
    """Events with their participants: the people of their claims (or the names as written)."""
    ec, pc = s.event_claims, s.person_claims
    ids = [r.id for r in rows]
    named: dict[str, list[str]] = defaultdict(list)
    claim_ids: set[str] = set()
    for chunk in chunks(ids):
        for fid, people in conn.execute(select(ec.c.event_id, ec.c.people)
                                        .where(ec.c.event_id.in_(chunk))):
            for p in (people or "").split("\t"):
                if p:
                    named[fid].append(p)
                    claim_ids.add(p)
    person_of: dict[str, str] = {}
    for chunk in chunks(sorted(c for c in claim_ids if not c.startswith("="))):
        for cid, pid in conn.execute(select(pc.c.id, pc.c.person_id).where(pc.c.id.in_(chunk))):
            if pid:
                person_of[cid] = pid
    refs = person_refs(conn, person_of.values())
    srcs = sources(conn, "event", ids, limit=sources_limit)
    out = []
    for r in rows:
        participants: dict[str, PersonRef] = {}
        for p in named.get(r.id, []):
            ref = refs.get(person_of.get(p, ""))
            if ref is None and p.startswith("="):
                ref = PersonRef("", p[1:], None, None)
            if ref is not None:
                participants.setdefault(ref.id or ref.name, ref)
        out.append(EventView(r.id, r.type, r.date, r.place,
                             sorted(participants.values(), key=lambda p: p.name),
                             [places.ref(c) for c in r.codes.split()], srcs.get(r.id, [])))
    return out


def fact_spans(conn: Connection, article_id: str) -> list[FactSpan]:
    """The span of every fact read from an article, labelled, in text order."""
    e = s.evidence
    spans = []
    names_of = {r.id: r.name for r in conn.execute(
        select(s.person_claims.c.id, s.person_claims.c.name)
        .where(s.person_claims.c.article_id == article_id))}
    for kind, table in s.CLAIMS.items():
        fact = table.c.get(f"{kind}_id")
        q = (select(table, e.c.start, e.c.stop).join(e, e.c.claim_id == table.c.id)
             .where(table.c.article_id == article_id))
        for r in conn.execute(q).mappings():
            fid = r[f"{kind}_id"] if fact is not None else r.get("code") or r.get("name")
            spans.append(FactSpan(kind, fid or "", r["start"], r["stop"], _label(kind, r, names_of)))
    return sorted(spans, key=lambda f: (f.start, f.stop, f.kind, f.fact_id))


def _label(kind: str, r, names_of: dict[str, str]) -> str:  # type: ignore[no-untyped-def]
    if kind == "region":
        return places.ref(r["code"]).name
    if kind == "person":
        return r["name"]
    if kind == "link":
        return f"{r['ru']} ↔ {r['uz']}"
    if kind == "agreement":
        return f"{r['kind']} {' + '.join(r['parties'].split())}"
    if kind == "meeting":
        return f"{names_of.get(r['claim_a'], '?')} + {names_of.get(r['claim_b'], '?')}"
    if kind == "metric":
        return f"{r['indicator']} {r['period']} {r['value']:g} {r['unit']}"
    if kind == "event":
        return r["type"]
    return r["name"]


def organisations(conn: Connection, rows: Sequence[Row], sources_limit: int = MAX_SOURCES,
                  people_from: int = 20) -> list[OrganisationView]:
    """Organisations with the people their newest ``people_from`` mentions name."""
    oc, pc = s.organisation_claims, s.person_claims
    ids = [r.id for r in rows]
    newest = first_ids(conn, oc.name, "organisation_id", ids, NEWEST, people_from)
    named: dict[str, list[str]] = defaultdict(list)
    for chunk in chunks(newest):
        q = (select(oc.c.organisation_id, pc.c.person_id).join(pc, pc.c.id == oc.c.person_claim)
             .where(oc.c.id.in_(chunk), pc.c.person_id.is_not(None)))
        for fid, pid in conn.execute(q):
            if pid not in named[fid]:
                named[fid].append(pid)
    refs = person_refs(conn, [p for ps in named.values() for p in ps])
    srcs = sources(conn, "organisation", ids, limit=sources_limit)
    return [OrganisationView(r.id, r.name, r.kind, places.ref(r.of) if r.of else None, r.articles,
                             r.first_seen, r.last_seen,
                             sorted((refs[p] for p in named.get(r.id, []) if p in refs),
                                    key=lambda p: p.name), srcs.get(r.id, []))
            for r in rows]
