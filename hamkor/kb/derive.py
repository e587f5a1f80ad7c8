"""Facts derived again for the blocks that changed: claims → people, links, agreements, ….

``store`` marks the blocks an article's old and new claims fall in (table ``dirty``, in the
article's own transaction); ``flush`` derives each marked block from *all* its claims with
``merge.py``, writes the facts, points the claims at them, and replays the corrections.
A fact is a function of its block's claims, so the result does not depend on which article
came first, nor on how many articles one flush covers.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from sqlalchemy import Connection, bindparam, delete, distinct, func, or_, select, update

from hamkor.kb import corrections, merge, orgs
from hamkor.kb import schema as s
from hamkor.kb.ids import make_id
from hamkor.kb.sql import chunks, insert, insert_ignore

Row = dict[str, Any]
_A = s.articles
_STORIES = func.count(distinct(func.coalesce(_A.c.story, _A.c.id)))  # copies count once
FACT_KINDS = ("person", "link", "agreement", "meeting", "metric", "event", "region",
              "organisation")


def mark(conn: Connection, blocks: dict[str, set[str]]) -> None:
    """Note blocks whose facts must be derived again."""
    rows = [{"kind": k, "block": b} for k, bs in sorted(blocks.items()) if k in FACT_KINDS
            for b in sorted(bs) if b]
    insert_ignore(conn, s.dirty, rows)


def pending(conn: Connection) -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for kind, block in conn.execute(select(s.dirty.c.kind, s.dirty.c.block)):
        out[kind].add(block)
    return out


def flush(conn: Connection) -> int:
    """Derive every marked block, then replay the corrections; the number of blocks done."""
    if conn.dialect.name == "postgresql":  # one deriver at a time
        conn.exec_driver_sql("SELECT pg_advisory_xact_lock(7242061)")
    todo = pending(conn)
    if not todo:
        return 0
    moved = people(conn, todo.get("person", set()))
    todo["meeting"] = todo.get("meeting", set()) | reblock_meetings(conn, moved)
    links(conn, todo.get("link", set()))
    agreements(conn, todo.get("agreement", set()))
    meetings(conn, todo.get("meeting", set()))
    metrics(conn, todo.get("metric", set()))
    events(conn, todo.get("event", set()))
    region_sectors(conn, todo.get("region", set()))
    organisations(conn, todo.get("organisation", set()))
    for kind, blocks in todo.items():
        for chunk in chunks(sorted(blocks)):
            conn.execute(delete(s.dirty).where(s.dirty.c.kind == kind, s.dirty.c.block.in_(chunk)))
    corrections.replay(conn)
    return sum(len(b) for b in todo.values())


def _weighted_mode(pairs: Iterable[tuple[Any, int]]) -> Any:
    counts: Counter = Counter()
    for value, n in pairs:
        if value is not None and value != "":
            counts[value] += n
    return min(counts, key=lambda v: (-counts[v], str(v))) if counts else None


def _dates(values: Iterable[date | None]) -> list[date]:
    return [v for v in values if v is not None]


def _point(conn: Connection, table: Any, column: str, pairs: Sequence[tuple[str, str | None]]) -> None:
    """Set each claim's fact id (only where it changed)."""
    if pairs:
        stmt = (update(table).where(table.c.id == bindparam("cid"))
                .values({column: bindparam("fid")}))
        conn.execute(stmt, [{"cid": c, "fid": f} for c, f in pairs])


# --- people and their positions ------------------------------------------------------------


def people(conn: Connection, blocks: set[str]) -> set[str]:
    """Derive the people of some surname blocks; the ids of claims that changed person."""
    pc = s.person_claims
    group_cols = [pc.c.block, pc.c.key, pc.c.of, pc.c.name, pc.c.title, pc.c.title_norm, pc.c.body]
    moved: set[str] = set()
    for chunk in chunks(sorted(blocks)):
        conn.execute(delete(s.positions).where(s.positions.c.block.in_(chunk)))
        conn.execute(delete(s.people).where(s.people.c.block.in_(chunk)))
        q = (select(*group_cols, func.count().label("n"), _STORIES.label("stories"),
                    func.min(pc.c.published).label("first"), func.max(pc.c.published).label("last"),
                    func.min(pc.c.person_id).label("was_min"), func.max(pc.c.person_id).label("was_max"))
             .join(_A, _A.c.id == pc.c.article_id)
             .where(pc.c.block.in_(chunk)).group_by(*group_cols))
        by_block: dict[str, list[Row]] = defaultdict(list)
        for r in conn.execute(q).mappings():
            by_block[r["block"]].append(dict(r))
        person_rows: list[Row] = []
        position_rows: list[Row] = []
        assignments: list[Row] = []
        for block in sorted(by_block):
            groups = by_block[block]
            keys = merge.people(sorted({(g["key"], g["of"]) for g in groups}, key=str))
            members: dict[str, list[Row]] = defaultdict(list)
            for g in groups:
                members[keys[(g["key"], g["of"])]].append(g)
            for pkey in sorted(members):
                person, positions, where = _person(block, pkey, members[pkey])
                person_rows.append(person)
                position_rows.extend(positions)
                assignments.extend(where)
        insert(conn, s.people, person_rows)
        insert(conn, s.positions, position_rows)
        _assign_people(conn, assignments)
        moved |= _moved(conn, assignments)
    return moved


def _moved(conn: Connection, assignments: list[Row]) -> set[str]:
    """Claims that belonged to another person before (new claims belonged to nobody)."""
    pc = s.person_claims
    out: set[str] = set()
    for a in assignments:
        if a["was_max"] is None or a["was_min"] == a["was_max"] == a["pid"]:
            continue
        q = select(pc.c.id).where(*[pc.c[k].is_not_distinct_from(a[k]) for k in _GROUP])
        out.update(conn.execute(q).scalars())
    return out


_GROUP = ("block", "key", "of", "name", "title", "title_norm", "body")


def _person(block: str, pkey: str, groups: list[Row]) -> tuple[Row, list[Row], list[Row]]:
    pid = make_id("person", pkey)
    full = [g for g in groups if g["key"] == pkey] or groups
    name = _weighted_mode((g["name"], g["n"]) for g in full)
    dated = [g for g in groups if g["of"]]
    latest = max(dated, key=lambda g: (g["last"] or date.min, g["n"], "~" + g["of"]),
                 default=None) if dated else None
    by_post: dict[tuple[str, str | None], list[Row]] = defaultdict(list)
    assignments = []
    for g in groups:
        tkey = merge.title_key(g["title"], g["title_norm"])
        pos_id = make_id("position", pid, tkey, g["of"]) if tkey else None
        if tkey:
            by_post[(tkey, g["of"])].append(g)
        assignments.append({**{k: g[k] for k in _GROUP}, "pid": pid, "pos": pos_id,
                            "was_min": g["was_min"], "was_max": g["was_max"]})
    positions = []
    for (tkey, of), gs in sorted(by_post.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")):
        positions.append({
            "id": make_id("position", pid, tkey, of), "block": block, "person_id": pid,
            "title": _weighted_mode((g["title"], g["n"]) for g in gs),
            "title_norm": _weighted_mode((g["title_norm"], g["n"]) for g in gs),
            "body": _weighted_mode((g["body"], g["n"]) for g in gs), "of": of,
            "first_seen": min(_dates(g["first"] for g in gs), default=None),
            "last_seen": max(_dates(g["last"] for g in gs), default=None),
            "rejected": None, "_n": sum(g["n"] for g in gs),
        })
    current = max(positions, key=lambda p: (p["last_seen"] or date.min, p["_n"], p["id"]),
                  default=None)
    for p in positions:
        del p["_n"]
    person = {
        "id": pid, "block": block, "key": pkey, "name": name,
        "name_fold": name.lower().replace("ё", "е"), "of": latest["of"] if latest else None,
        "title": (current["title_norm"] or current["title"]) if current else None,
        "first_seen": min(_dates(g["first"] for g in groups), default=None),
        "last_seen": max(_dates(g["last"] for g in groups), default=None),
        "articles": sum(g["stories"] for g in groups), "rejected": None,
    }
    return person, positions, assignments


def _assign_people(conn: Connection, rows: list[Row]) -> None:
    if not rows:
        return
    pc = s.person_claims
    stmt = (update(pc).where(
        pc.c.block == bindparam("b_block"), pc.c.key == bindparam("b_key"),
        pc.c.of.is_not_distinct_from(bindparam("b_of")), pc.c.name == bindparam("b_name"),
        pc.c.title.is_not_distinct_from(bindparam("b_title")),
        pc.c.title_norm.is_not_distinct_from(bindparam("b_title_norm")),
        pc.c.body.is_not_distinct_from(bindparam("b_body")),
        or_(pc.c.person_id.is_distinct_from(bindparam("pid")),
            pc.c.position_id.is_distinct_from(bindparam("pos"))),
    ).values(person_id=bindparam("pid"), position_id=bindparam("pos")))
    conn.execute(stmt, [{f"b_{k}": r[k] for k in ("block", "key", "of", "name", "title",
                                                   "title_norm", "body")}
                        | {"pid": r["pid"], "pos": r["pos"]} for r in rows])


def reblock_meetings(conn: Connection, moved: set[str]) -> set[str]:
    """Put meeting claims in the block of their two people: the new ones, and those whose
    person claims ``moved`` to another person; the blocks they left and joined."""
    mc, pa, pb = s.meeting_claims, s.person_claims.alias("pa"), s.person_claims.alias("pb")
    base = (select(mc.c.id, mc.c.block, pa.c.person_id.label("a"), pb.c.person_id.label("b"))
            .select_from(mc.join(pa, pa.c.id == mc.c.claim_a).join(pb, pb.c.id == mc.c.claim_b)))
    found: dict[str, Row] = {}
    conditions = [mc.c.block == ""]
    for chunk in chunks(sorted(moved)):
        conditions += [mc.c.claim_a.in_(chunk), mc.c.claim_b.in_(chunk)]
    for cond in conditions:
        for r in conn.execute(base.where(cond)).mappings():
            found[r["id"]] = dict(r)
    touched: set[str] = set()
    changes = []
    for cid, r in sorted(found.items()):
        block = " ".join(sorted([r["a"] or "", r["b"] or ""])).strip()
        if block != r["block"]:
            changes.append({"cid": cid, "blk": block})
            touched.update(b for b in (block, r["block"]) if b)
    if changes:
        conn.execute(update(mc).where(mc.c.id == bindparam("cid")).values(block=bindparam("blk")),
                     changes)
    return touched


# --- links, agreements, meetings, metrics, events ------------------------------------------


def links(conn: Connection, blocks: set[str]) -> None:
    lc = s.link_claims
    for chunk in chunks(sorted(blocks)):
        conn.execute(delete(s.links).where(s.links.c.block.in_(chunk)))
        q = (select(lc.c.block, lc.c.ru, lc.c.uz, _STORIES.label("n"),
                    func.min(lc.c.published).label("first"), func.max(lc.c.published).label("last"))
             .join(_A, _A.c.id == lc.c.article_id)
             .where(lc.c.block.in_(chunk)).group_by(lc.c.block, lc.c.ru, lc.c.uz))
        basis: dict[str, set[str]] = defaultdict(set)
        for block, b in conn.execute(select(lc.c.block, lc.c.basis).distinct()
                                     .where(lc.c.block.in_(chunk))):
            basis[block].update((b or "").split())
        rows = []
        for r in conn.execute(q).mappings():
            rows.append({"id": make_id("link", r["ru"], r["uz"]), "block": r["block"],
                         "ru": r["ru"], "uz": r["uz"], "basis": " ".join(sorted(basis[r["block"]])),
                         "articles": r["n"], "first_seen": r["first"], "last_seen": r["last"],
                         "rejected": None})
        insert(conn, s.links, rows)
        conn.execute(update(lc).where(lc.c.block == bindparam("blk"),
                                      lc.c.link_id.is_distinct_from(bindparam("fid")))
                     .values(link_id=bindparam("fid")),
                     [{"blk": r["block"], "fid": r["id"]} for r in rows])


def _claims_of(conn: Connection, table: Any, chunk: list[str]) -> dict[str, list[Row]]:
    by_block: dict[str, list[Row]] = defaultdict(list)
    for r in conn.execute(select(table).where(table.c.block.in_(chunk))).mappings():
        by_block[r["block"]].append(dict(r))
    return by_block


def _unique(fid: str, taken: set[str]) -> str:
    n, out = 1, fid
    while out in taken:
        n += 1
        out = f"{fid}.{n}"
    taken.add(out)
    return out


def agreements(conn: Connection, blocks: set[str]) -> None:
    ac, ag = s.agreement_claims, s.agreements
    for chunk in chunks(sorted(blocks)):
        old = select(ag.c.id).where(ag.c.block.in_(chunk))
        conn.execute(delete(s.agreement_parties).where(s.agreement_parties.c.agreement_id.in_(old)))
        conn.execute(delete(ag).where(ag.c.block.in_(chunk)))
        facts, parties, points = [], [], []
        for block, claims in sorted(_claims_of(conn, ac, chunk).items()):
            taken: set[str] = set()
            for cluster in merge.agreements(claims):
                first = cluster[0]
                start, stop = merge.period(cluster)
                fid = _unique(make_id("agreement", first["kind"], first["parties"], start, stop), taken)
                facts.append({
                    "id": fid, "block": block, "kind": first["kind"], "parties": first["parties"],
                    "from_year": start, "to_year": stop,
                    "signed": merge.mode(r["signed"] for r in cluster),
                    "title": merge.mode(r["title"] for r in cluster),
                    "status": merge.status(cluster),
                    "first_seen": min(_dates(r["published"] for r in cluster), default=None),
                    "rejected": None,
                })
                parties += [{"agreement_id": fid, "code": c} for c in first["parties"].split()]
                points += [(r["id"], fid) for r in cluster if r["agreement_id"] != fid]
        insert(conn, ag, facts)
        insert(conn, s.agreement_parties, parties)
        _point(conn, ac, "agreement_id", points)


def meetings(conn: Connection, blocks: set[str]) -> None:
    mc, mt = s.meeting_claims, s.meetings
    for chunk in chunks(sorted(blocks)):
        conn.execute(delete(mt).where(mt.c.block.in_(chunk)))
        facts, points = [], []
        for block, claims in sorted(_claims_of(conn, mc, chunk).items()):
            people = block.split()
            if len(people) != 2 or people[0] == people[1]:
                points += [(r["id"], None) for r in claims if r["meeting_id"] is not None]
                continue
            taken: set[str] = set()
            for cluster in merge.meetings(claims):
                first_date = min(_dates(r["date"] for r in cluster), default=None)
                fid = _unique(make_id("meeting", people[0], people[1], first_date), taken)
                facts.append({"id": fid, "block": block, "person_a": people[0],
                              "person_b": people[1], "date": merge.meeting_date(cluster),
                              "place": merge.mode(r["place"] for r in cluster), "rejected": None})
                points += [(r["id"], fid) for r in cluster if r["meeting_id"] != fid]
        insert(conn, mt, facts)
        _point(conn, mc, "meeting_id", points)


def metrics(conn: Connection, blocks: set[str]) -> None:
    xc, mt = s.metric_claims, s.metrics
    for chunk in chunks(sorted(blocks)):
        conn.execute(delete(mt).where(mt.c.block.in_(chunk)))
        facts, points = [], []
        for block, claims in sorted(_claims_of(conn, xc, chunk).items()):
            taken: set[str] = set()
            for cluster in merge.metrics(claims):
                f = cluster[0]
                fid = _unique(make_id("metric", block, repr(float(f["value"]))), taken)
                facts.append({"id": fid, "block": block, "subject": f["subject"],
                              "counterpart": f["counterpart"], "indicator": f["indicator"],
                              "period": f["period"], "unit": f["unit"],
                              "value": merge.precise(r["value"] for r in cluster), "rejected": None})
                points += [(r["id"], fid) for r in cluster if r["metric_id"] != fid]
        insert(conn, mt, facts)
        _point(conn, xc, "metric_id", points)


def events(conn: Connection, blocks: set[str]) -> None:
    ec, ev = s.event_claims, s.events
    for chunk in chunks(sorted(blocks)):
        old = select(ev.c.id).where(ev.c.block.in_(chunk))
        conn.execute(delete(s.event_regions).where(s.event_regions.c.event_id.in_(old)))
        conn.execute(delete(ev).where(ev.c.block.in_(chunk)))
        facts, regions, points = [], [], []
        for block, claims in sorted(_claims_of(conn, ec, chunk).items()):
            first = min(claims, key=lambda r: (r["article_id"], r["id"]))
            fid = make_id("event", block)
            facts.append({"id": fid, "block": block, "type": first["type"], "date": first["date"],
                          "place": merge.mode(r["place"] for r in claims), "codes": first["codes"],
                          "rejected": None})
            regions += [{"event_id": fid, "code": c, "date": first["date"]}
                        for c in first["codes"].split()]
            points += [(r["id"], fid) for r in claims if r["event_id"] != fid]
        insert(conn, ev, facts)
        insert(conn, s.event_regions, regions)
        _point(conn, ec, "event_id", points)


def region_sectors(conn: Connection, codes: set[str]) -> None:
    """Per region, the stories that mention it and tell of each sector (a dossier's sectors)."""
    rc, sc, rs = s.region_claims, s.sector_claims, s.region_sectors
    for chunk in chunks(sorted(codes)):
        conn.execute(delete(rs).where(rs.c.code.in_(chunk)))
        q = (select(rc.c.code, sc.c.name, _STORIES.label("n"))
             .join(sc, sc.c.article_id == rc.c.article_id).join(_A, _A.c.id == sc.c.article_id)
             .where(rc.c.code.in_(chunk))
             .group_by(rc.c.code, sc.c.name))
        insert(conn, rs, [{"code": c, "name": n, "articles": k} for c, n, k in conn.execute(q)])


def organisations(conn: Connection, blocks: set[str]) -> None:
    """One organisation a block (its name's stems and its region): the name and kind most
    claims give, when it was seen, in how many stories."""
    oc, og = s.organisation_claims, s.organisations
    for chunk in chunks(sorted(blocks)):
        conn.execute(delete(og).where(og.c.block.in_(chunk)))
        q = (select(oc.c.block, oc.c.name, oc.c.kind, func.count().label("n"),
                    func.min(oc.c.published).label("first"), func.max(oc.c.published).label("last"))
             .where(oc.c.block.in_(chunk)).group_by(oc.c.block, oc.c.name, oc.c.kind))
        groups: dict[str, list[Row]] = defaultdict(list)
        for r in conn.execute(q).mappings():
            groups[r["block"]].append(dict(r))
        told = dict(conn.execute(select(oc.c.block, _STORIES).join(_A, _A.c.id == oc.c.article_id)
                                 .where(oc.c.block.in_(chunk)).group_by(oc.c.block)).all())
        rows = []
        for block, gs in sorted(groups.items()):
            key, of = orgs.block_parts(block)
            rows.append({"id": make_id("organisation", key, of), "block": block,
                         "name": _weighted_mode((g["name"], g["n"]) for g in gs),
                         "kind": _weighted_mode((g["kind"], g["n"]) for g in gs), "of": of,
                         "first_seen": min(_dates(g["first"] for g in gs), default=None),
                         "last_seen": max(_dates(g["last"] for g in gs), default=None),
                         "articles": told.get(block, 0), "rejected": None})
        insert(conn, og, rows)
        if rows:
            conn.execute(update(oc).where(oc.c.block == bindparam("blk"),
                                          oc.c.organisation_id.is_distinct_from(bindparam("fid")))
                         .values(organisation_id=bindparam("fid")),
                         [{"blk": r["block"], "fid": r["id"]} for r in rows])
