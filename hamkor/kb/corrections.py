"""Analysts' edits: stored apart from extracted facts, with who, when and why; re-applied after
every derivation, so no re-ingest or re-extraction ever loses one.

- ``reject`` hides a fact; ``set`` overrides fields of a fact. Both name the fact by id and
  keep the ids of the claims that supported it (its *anchors*): when re-derivation gives the
  fact a new id (a new article widened its period …), the fact holding those claims is meant.
- ``merge`` and ``split`` change who is who: they are rules on the keys of person claims,
  applied whenever claims are stored (``rekeyer``) and to the stored claims when added.

An edit whose fact is gone (its articles removed) stays, in state *pending*, and applies again
when the fact comes back.
"""

from __future__ import annotations

import json
import os
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Connection, Date, bindparam, func, select, update

from hamkor.errors import HamkorError
from hamkor.kb import names, places
from hamkor.kb import schema as s
from hamkor.kb.claims import Rekey
from hamkor.kb.ids import kind_of

CLAIM_OF = {  # fact kind → (claim table, its column naming the fact)
    "person": (s.person_claims, "person_id"), "position": (s.person_claims, "position_id"),
    "link": (s.link_claims, "link_id"), "agreement": (s.agreement_claims, "agreement_id"),
    "meeting": (s.meeting_claims, "meeting_id"), "metric": (s.metric_claims, "metric_id"),
    "event": (s.event_claims, "event_id"),
    "organisation": (s.organisation_claims, "organisation_id"),
}
SETTABLE = {
    "person": {"name", "of"},
    "position": {"title", "title_norm", "body", "of", "first_seen", "last_seen"},
    "agreement": {"kind", "from", "to", "period", "signed", "title", "status", "parties"},
    "meeting": {"date", "place"},
    "event": {"type", "date", "place"},
    "metric": {"value", "period", "unit", "indicator"},
    "link": {"basis"},
    "organisation": {"name", "kind", "of"},
}
KINDS = ("agreement", "memorandum", "protocol", "roadmap", "plan", "other")
_COLUMN = {"from": "from_year", "to": "to_year"}


class CorrectionError(HamkorError):
    """An edit that cannot be made: unknown fact, field or value."""


def author() -> str:
    return os.environ.get("USER") or os.environ.get("USERNAME") or "unknown"


# --- making edits --------------------------------------------------------------------------


def _fact_kind(fact_id: str) -> str:
    kind = kind_of(fact_id)
    if kind is None:
        raise CorrectionError(f"{fact_id!r} is not a fact id (they look like per-…, agr-…, lnk-…)")
    return kind


def _exists(conn: Connection, kind: str, fact_id: str) -> bool:
    table = s.FACTS[kind]
    return conn.execute(select(table.c.id).where(table.c.id == fact_id)).first() is not None


def anchors(conn: Connection, kind: str, fact_id: str) -> list[str]:
    table, column = CLAIM_OF[kind]
    q = select(table.c.id).where(table.c[column] == fact_id).order_by(table.c.id).limit(1000)
    return list(conn.execute(q).scalars())


def _add(conn: Connection, op: str, target: str, payload: dict[str, Any], who: str | None,
         reason: str | None) -> int:
    result = conn.execute(s.corrections.insert().values(
        op=op, target=target, payload=json.dumps(payload, ensure_ascii=False, sort_keys=True),
        author=who or author(), created=datetime.now(UTC).replace(tzinfo=None),
        reason=reason, state="applied"))
    return int(result.inserted_primary_key[0])


def _require(conn: Connection, fact_id: str) -> str:
    kind = _fact_kind(fact_id)
    if not _exists(conn, kind, fact_id):
        raise CorrectionError(f"no {kind} {fact_id} in the knowledge base")
    return kind


def reject(conn: Connection, fact_id: str, who: str | None = None, reason: str | None = None) -> int:
    """Hide a fact (and, for a person, their meetings)."""
    kind = _require(conn, fact_id)
    return _add(conn, "reject", fact_id, {"kind": kind, "anchors": anchors(conn, kind, fact_id)},
                who, reason)


def set_fields(conn: Connection, fact_id: str, fields: dict[str, str], who: str | None = None,
               reason: str | None = None) -> int:
    """Override fields of a fact: a title, a date, a period («2025-2027»), parties …"""
    kind = _require(conn, fact_id)
    allowed = SETTABLE.get(kind, set())
    parsed: dict[str, Any] = {}
    for name, value in fields.items():
        if name not in allowed:
            raise CorrectionError(f"a {kind} has no field {name!r} to set "
                                  f"(one of: {', '.join(sorted(allowed))})")
        parsed.update(_parse(kind, name, value))
    return _add(conn, "set", fact_id, {"kind": kind, "anchors": anchors(conn, kind, fact_id),
                                       "fields": parsed}, who, reason)


def _parse(kind: str, name: str, value: str) -> dict[str, Any]:
    v = value.strip()
    empty = v in {"", "-", "null", "none"}
    try:
        if name in {"date", "signed", "first_seen", "last_seen"}:
            return {name: None if empty else date.fromisoformat(v).isoformat()}
        if name in {"from", "to"}:
            return {_COLUMN[name]: None if empty else int(v)}
        if name == "period" and kind == "agreement":
            start, _, stop = v.replace("–", "-").partition("-")
            return {"from_year": int(start) if start.strip() not in {"", "null"} else None,
                    "to_year": int(stop) if stop.strip() not in {"", "null"} else None}
        if name == "value":
            return {"value": float(v.replace(",", "."))}
    except ValueError as e:
        raise CorrectionError(f"{name}: {value!r} is not a valid value ({e})") from e
    if name in {"of", "parties"}:
        codes = [c.strip() for c in v.replace(",", " ").split() if c.strip()]
        bad = [c for c in codes if not places.well_formed(c)]
        if bad or (name == "parties" and not codes):
            raise CorrectionError(f"{name}: {', '.join(bad) or value!r} is not a region code")
        return {name: " ".join(sorted(set(codes))) if name == "parties" else (codes or [None])[0]}
    if name == "kind" and kind == "agreement" and v not in KINDS:
        raise CorrectionError(f"kind: one of {', '.join(KINDS)}")
    return {name: None if empty else v}


def _person(conn: Connection, person_id: str) -> dict[str, Any]:
    row = conn.execute(select(s.people).where(s.people.c.id == person_id)).mappings().first()
    if row is None:
        raise CorrectionError(f"no person {person_id} in the knowledge base")
    return dict(row)


def _match(conn: Connection, person_id: str) -> list[list[str]]:
    """What identifies a person's claims: full names whatever the jurisdiction, a surname
    alone only with its jurisdiction."""
    pc = s.person_claims
    pairs = conn.execute(select(pc.c.key, pc.c.of).distinct().where(pc.c.person_id == person_id))
    out = set()
    for key, of in pairs:
        out.add((key, "*" if names.is_full(key) or names.is_fixed(key) else (of or "")))
    return sorted([k, o] for k, o in out)


def merge(conn: Connection, person_id: str, into: str, who: str | None = None,
          reason: str | None = None) -> int:
    """The person ``person_id`` is ``into``: their claims are re-keyed to ``into``'s key."""
    if person_id == into:
        raise CorrectionError("a person cannot be merged into themselves")
    a, b = _person(conn, person_id), _person(conn, into)
    cid = _add(conn, "merge", person_id, {"kind": "person", "into": into, "key": b["key"],
                                          "match": _match(conn, person_id)}, who, reason)
    _rekey(conn, {a["block"], b["block"]})
    return cid


def split(conn: Connection, person_id: str, articles: list[str] | None = None,
          of: str | None = None, who: str | None = None, reason: str | None = None) -> int:
    """Part of a person's claims (those of some articles, or of one jurisdiction) are someone
    else: they become a person of their own."""
    if not articles and not of:
        raise CorrectionError("split: name the articles (--article) or the jurisdiction (--of)")
    p = _person(conn, person_id)
    cid = _add(conn, "split", person_id, {"kind": "person", "match": _match(conn, person_id),
                                          "articles": sorted(articles or []), "of": of}, who, reason)
    base = p["key"].split("#", 1)[0].split("|", 1)[0]
    payload = _payload(conn, cid) | {"key": f"{base}#{cid}"}
    conn.execute(update(s.corrections).where(s.corrections.c.id == cid)
                 .values(payload=json.dumps(payload, ensure_ascii=False, sort_keys=True)))
    _rekey(conn, {p["block"]})
    return cid


def undo(conn: Connection, correction_id: int) -> None:
    """Withdraw an edit (it stays listed, as *undone*) and derive its facts again."""
    row = conn.execute(select(s.corrections).where(s.corrections.c.id == correction_id)).mappings().first()
    if row is None:
        raise CorrectionError(f"no correction {correction_id}")
    conn.execute(update(s.corrections).where(s.corrections.c.id == correction_id)
                 .values(state="undone"))
    payload = json.loads(row["payload"])
    kind = payload.get("kind", "person")
    if row["op"] in {"merge", "split"}:
        blocks = {names.surname(k) for k, _ in payload.get("match", [])}
        blocks.add(names.surname(payload.get("key", "")))
        _rekey(conn, {b for b in blocks if b})
        return
    fid = resolve(conn, kind, row["target"], payload.get("anchors", []))
    if fid:
        from hamkor.kb.derive import mark

        table = s.FACTS[kind]
        block = conn.execute(select(table.c.block).where(table.c.id == fid)).scalar()
        mark(conn, {"person" if kind == "position" else kind: {block}})
        if kind == "person":  # their meetings were hidden with them
            mb = select(s.meetings.c.block).where((s.meetings.c.person_a == fid)
                                                  | (s.meetings.c.person_b == fid))
            mark(conn, {"meeting": set(conn.execute(mb).scalars())})


def _payload(conn: Connection, correction_id: int) -> dict[str, Any]:
    text = conn.execute(select(s.corrections.c.payload)
                        .where(s.corrections.c.id == correction_id)).scalar()
    return json.loads(text or "{}")


# --- re-keying people ----------------------------------------------------------------------


def rekeyer(conn: Connection) -> Rekey:
    """The merge and split rules in force, as a function of (key, article id, jurisdiction)."""
    rules = []
    q = (select(s.corrections.c.op, s.corrections.c.payload)
         .where(s.corrections.c.op.in_(["merge", "split"]), s.corrections.c.state != "undone")
         .order_by(s.corrections.c.id))
    for op, payload in conn.execute(q):
        p = json.loads(payload)
        rules.append((op, {(k, o) for k, o in p.get("match", [])}, p))

    def rekey(key: str, article_id: str, of: str | None) -> str:
        for op, match, p in rules:
            if (key, "*") not in match and (key, of or "") not in match:
                continue
            if op == "merge":
                key = p["key"]
            elif article_id in p.get("articles", ()) or (p.get("of") and p["of"] == of):
                key = p.get("key", key)
        return key

    return rekey


def _rekey(conn: Connection, blocks: set[str]) -> None:
    """Apply the rules to the person claims of some surname blocks; mark what moved."""
    from hamkor.kb.derive import mark

    pc = s.person_claims
    rekey = rekeyer(conn)
    changes, touched = [], set(blocks)
    q = select(pc.c.id, pc.c.name_key, pc.c.key, pc.c.article_id, pc.c.of).where(
        pc.c.block.in_(sorted(blocks)))
    for cid, name_key, key, aid, of in conn.execute(q):
        new = rekey(name_key, aid, of)
        if new != key:
            changes.append({"cid": cid, "k": new, "blk": names.surname(new)})
            touched.add(names.surname(new))
    if changes:
        conn.execute(update(pc).where(pc.c.id == bindparam("cid"))
                     .values(key=bindparam("k"), block=bindparam("blk")), changes)
    mark(conn, {"person": touched})


def settle(conn: Connection) -> None:
    """After edits (in the same transaction): derive what they moved, replay every edit.

        with db.writer(engine).begin() as conn:
            corrections.reject(conn, fact_id, author, reason)
            corrections.settle(conn)
    """
    from hamkor.kb.derive import flush

    flush(conn)
    replay(conn)


# --- replay --------------------------------------------------------------------------------


def resolve(conn: Connection, kind: str, target: str, anchor_ids: list[str]) -> str | None:
    """The fact an edit means now: its id if it is there, else the fact holding most of the
    claims it held when the edit was made."""
    if _exists(conn, kind, target):
        return target
    if not anchor_ids:
        return None
    table, column = CLAIM_OF[kind]
    col = table.c[column]
    best: tuple[int, str] | None = None
    for i in range(0, len(anchor_ids), 400):
        q = (select(col, func.count()).where(table.c.id.in_(anchor_ids[i:i + 400]), col.is_not(None))
             .group_by(col))
        for fid, n in conn.execute(q):
            if best is None or (-n, fid) < (-best[0], best[1]):
                best = (n, fid)
    return best[1] if best else None


def replay(conn: Connection) -> None:
    """Apply every edit to the facts as they are now (idempotent)."""
    q = select(s.corrections).where(s.corrections.c.state != "undone").order_by(s.corrections.c.id)
    for row in conn.execute(q).mappings().all():
        payload = json.loads(row["payload"])
        if row["op"] in {"merge", "split"}:
            state = "applied" if _rule_in_force(conn, row["op"], payload) else "pending"
        else:
            kind = payload["kind"]
            fid = resolve(conn, kind, row["target"], payload.get("anchors", []))
            if fid is not None:
                if row["op"] == "reject":
                    _hide(conn, kind, fid, row["id"])
                else:
                    _override(conn, kind, fid, payload.get("fields", {}))
            state = "applied" if fid else "pending"
        if state != row["state"]:
            conn.execute(update(s.corrections).where(s.corrections.c.id == row["id"])
                         .values(state=state))


def _rule_in_force(conn: Connection, op: str, payload: dict[str, Any]) -> bool:
    pc = s.person_claims
    key = payload.get("key")
    return conn.execute(select(pc.c.id).where(pc.c.key == key).limit(1)).first() is not None


def _hide(conn: Connection, kind: str, fid: str, correction_id: int) -> None:
    table = s.FACTS[kind]
    conn.execute(update(table).where(table.c.id == fid, table.c.rejected.is_(None))
                 .values(rejected=correction_id))
    if kind == "person":
        m = s.meetings
        conn.execute(update(m).where((m.c.person_a == fid) | (m.c.person_b == fid),
                                     m.c.rejected.is_(None)).values(rejected=correction_id))


def _override(conn: Connection, kind: str, fid: str, fields: dict[str, Any]) -> None:
    table = s.FACTS[kind]
    values: dict[str, Any] = {}
    for name, value in fields.items():
        column = _COLUMN.get(name, name)
        if column not in table.c:
            continue
        if value is not None and isinstance(table.c[column].type, Date):
            value = date.fromisoformat(value)
        values[column] = value
    if "name" in values and kind == "person":
        values["name_fold"] = (values["name"] or "").lower().replace("ё", "е")
    if values:
        conn.execute(update(table).where(table.c.id == fid).values(values))
    if kind == "event" and "date" in values:  # a region's events are read by date
        er = s.event_regions
        conn.execute(er.update().where(er.c.event_id == fid).values(date=values["date"]))
    if kind == "agreement" and "parties" in values:
        ap = s.agreement_parties
        conn.execute(ap.delete().where(ap.c.agreement_id == fid))
        conn.execute(ap.insert(), [{"agreement_id": fid, "code": c} for c in values["parties"].split()])


def listing(conn: Connection) -> list[dict[str, Any]]:
    """Every edit, oldest first, as stored."""
    q = select(s.corrections).order_by(s.corrections.c.id)
    return [dict(r) | {"payload": json.loads(r["payload"])} for r in conn.execute(q).mappings()]
