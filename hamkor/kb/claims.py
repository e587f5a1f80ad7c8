"""Adapter: one Extraction as the claim rows of its article, each with its evidence rows.

A claim's id is hashed from its article and its natural key, so the same fact read again
from an unchanged article gets the same id. The ``block`` of a claim is the key that
``merge.py`` clusters on; people's blocks are their surnames (after corrections re-key them).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from hamkor.kb import names, orgs
from hamkor.kb.ids import make_id
from hamkor.records import Evidence, Extraction

Row = dict[str, Any]
Rekey = Callable[[str, str, str | None], str]  # (key, article id, of) → key after corrections


@dataclass(frozen=True)
class ClaimSet:
    """The rows one article contributes: claims by kind, and evidence."""

    article_id: str
    rows: dict[str, list[Row]] = field(default_factory=dict)
    evidence: list[Row] = field(default_factory=list)

    def blocks(self) -> dict[str, set[str]]:
        return {kind: {r["block"] for r in rows} for kind, rows in self.rows.items()}


def _date(value: str | date | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _same_key(rekey: Rekey | None) -> Rekey:
    return rekey or (lambda k, _a, _o: k)


class _Builder:
    def __init__(self, x: Extraction, rekey: Rekey | None) -> None:
        self.x = x
        self.aid = x.id
        self.published = x.published
        self.rekey = _same_key(rekey)
        self.rows: dict[str, dict[str, Row]] = {}
        self.evidence: dict[str, list[Evidence]] = {}

    def add(self, kind: str, natural: tuple, row: Row, ev: tuple[Evidence, ...]) -> str:
        cid = make_id("claim", kind, self.aid, *natural)
        table = self.rows.setdefault(kind, {})
        if cid not in table:
            table[cid] = {"id": cid, "article_id": self.aid, "published": self.published, **row}
        spans = self.evidence.setdefault(cid, [])
        spans.extend(e for e in ev if e not in spans)
        return cid

    def person(self, name: str, of: str | None, title: str | None = None,
               title_norm: str | None = None, body: str | None = None,
               ev: tuple[Evidence, ...] = (), implicit: int = 0) -> str:
        raw = names.key(name)
        k = self.rekey(raw, self.aid, of)
        return self.add("person", (raw,), {
            "block": names.surname(k), "name": name.strip(), "name_key": raw, "key": k, "of": of,
            "title": title,
            "title_norm": title_norm, "body": body,
            "implicit": implicit, "person_id": None, "position_id": None,
        }, ev)

    def find_person(self, name: str) -> str | None:
        """The article's person claim a name refers to: same key, else the one same surname."""
        k = names.key(name)
        people = list(self.rows.get("person", {}).values())
        same = [r["id"] for r in people if names.key(r["name"]) == k]
        if same:
            return same[0]
        last = k.split()[-1] if k else ""
        by_surname = [r["id"] for r in people if names.key(r["name"]).split()[-1:] == [last]]
        return by_surname[0] if len(by_surname) == 1 else None


def build(x: Extraction, rekey: Rekey | None = None) -> ClaimSet:
    """The claims of one extraction (``rekey`` applies the people corrections to keys)."""
    b = _Builder(x, rekey)
    for r in x.regions:
        b.add("region", (r.code,), {"block": r.code, "code": r.code}, r.evidence)
    for p in x.people:
        if names.key(p.name):
            b.person(p.name, p.of, p.title, p.title_norm, p.body, p.evidence)
    for k in x.links:
        b.add("link", (k.ru, k.uz), {"block": f"{k.ru} {k.uz}", "ru": k.ru, "uz": k.uz,
                                     "basis": " ".join(sorted(set(k.basis))),
                                     "link_id": None}, k.evidence)
    for a in x.agreements:
        parties = " ".join(sorted(set(a.parties)))
        b.add("agreement", (a.kind, parties, a.start_year, a.end_year), {
            "block": f"{a.kind} {parties}", "kind": a.kind, "parties": parties,
            "from_year": a.start_year, "to_year": a.end_year, "title": a.title,
            "signed": _date(a.signed), "status": a.status,
            "agreement_id": None,
        }, a.evidence)
    for m in x.meetings:
        ids = []
        for name in m.people:
            ids.append(b.find_person(name) or b.person(name, None, implicit=1))
        ca, cb = sorted(ids)
        b.add("meeting", (ca, cb, m.date), {
            "block": "", "claim_a": ca, "claim_b": cb, "date": _date(m.date), "place": m.place,
            "meeting_id": None,
        }, m.evidence)
    for m in x.metrics:
        key = (m.subject, m.counterpart, m.indicator, m.period, m.unit)
        b.add("metric", (*key, repr(float(m.value))), {
            "block": " ".join(key), "subject": m.subject, "counterpart": m.counterpart,
            "indicator": m.indicator, "period": m.period, "value": float(m.value),
            "unit": m.unit, "metric_id": None,
        }, m.evidence)
    for e in x.events:
        codes = " ".join(sorted({p for p in e.participants if names.code_like(p)}))
        people = "\t".join(b.find_person(p) or f"={p}" for p in e.participants
                           if not names.code_like(p))
        when = _date(e.date)
        natural = (e.type, when, e.place, codes, people)
        cid = make_id("claim", "event", x.id, *natural)
        block = f"{e.type} {when.isoformat()} {codes}" if when else cid
        b.add("event", natural, {"block": block, "type": e.type, "date": when, "place": e.place,
                                 "codes": codes, "people": people, "event_id": None}, e.evidence)
    for s in x.sectors:
        b.add("sector", (s.name,), {"block": s.name, "name": s.name}, s.evidence)
    for cid, row in list(b.rows.get("person", {}).items()):  # with the person's evidence
        org = orgs.claim(row)
        if org is not None:
            b.add("organisation", org[0], org[1], tuple(b.evidence.get(cid, ())))
    return _finish(b)


def _finish(b: _Builder) -> ClaimSet:
    rows = {kind: list(table.values()) for kind, table in b.rows.items()}
    evidence = []
    for kind, table in b.rows.items():
        for cid in table:
            for seq, e in enumerate(b.evidence.get(cid, ())):
                evidence.append({"claim_id": cid, "seq": seq, "article_id": b.aid, "kind": kind,
                                 "start": e.start, "stop": e.stop, "sentence": e.sentence,
                                 "sentence_start": e.sentence_start})
    return ClaimSet(b.aid, rows, evidence)
