"""Extraction records to and from JSON: the contract keys of GUIDE.md plus evidence.

The scored keys keep the contract's exact shapes (``meetings`` is a list of name pairs,
``regions`` a list of codes); their evidence travels beside them in ``*_evidence`` keys.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from hamkor.records import (
    Agreement,
    Event,
    Evidence,
    Extraction,
    Link,
    Meeting,
    Metric,
    Person,
    RegionMention,
    Sector,
)


def _ev(items: tuple[Evidence, ...]) -> list[dict[str, Any]]:
    return [e.to_json() for e in items]


def _ev_back(items: list[dict[str, Any]] | None) -> tuple[Evidence, ...]:
    return tuple(
        Evidence(e["start"], e["stop"], e.get("sentence", ""), e.get("sentence_start", 0))
        for e in items or ()
    )


def to_json(x: Extraction, with_text: bool = False) -> dict[str, Any]:
    """The record as a JSON-ready dict."""
    art = x.article
    out: dict[str, Any] = {
        "id": x.id,
        "published": x.published.isoformat() if x.published else None,
        "regions": [r.code for r in x.regions],
        "people": [
            {"name": p.name, "of": p.of, "title": p.title, "title_norm": p.title_norm,
             "body": p.body, "evidence": _ev(p.evidence)}
            for p in x.people
        ],
        "links": [
            {"ru": k.ru, "uz": k.uz, "basis": list(k.basis), "evidence": _ev(k.evidence)}
            for k in x.links
        ],
        "agreements": [
            {"kind": a.kind, "parties": list(a.parties), "from": a.start_year, "to": a.end_year,
             "title": a.title, "signed": a.signed, "status": a.status, "evidence": _ev(a.evidence)}
            for a in x.agreements
        ],
        "meetings": [list(m.people) for m in x.meetings],
        "metrics": [
            {"subject": m.subject, "counterpart": m.counterpart, "indicator": m.indicator,
             "period": m.period, "value": m.value, "unit": m.unit, "evidence": _ev(m.evidence)}
            for m in x.metrics
        ],
        "events": [
            {"type": e.type, "date": e.date, "place": e.place,
             "participants": list(e.participants), "evidence": _ev(e.evidence)}
            for e in x.events
        ],
        "sectors": [{"name": s.name, "evidence": _ev(s.evidence)} for s in x.sectors],
        "region_evidence": {r.code: _ev(r.evidence) for r in x.regions},
        "meeting_evidence": [
            {"people": list(m.people), "date": m.date, "place": m.place,
             "evidence": _ev(m.evidence)}
            for m in x.meetings
        ],
        "extractor": x.extractor,
    }
    if art is not None:
        meta: dict[str, Any] = {
            "source": art.source, "title": art.title, "url": art.url, "site": art.site,
            "language": art.language, "checksum": art.checksum,
        }
        if with_text:
            meta["text"] = art.text
        out["article"] = meta
    return out


def from_json(d: dict[str, Any]) -> Extraction:
    """The inverse of :func:`to_json` for the fact keys (the article is not rebuilt)."""
    region_ev = d.get("region_evidence") or {}
    meeting_ev = {tuple(m["people"]): m for m in d.get("meeting_evidence") or ()}
    published = d.get("published")
    return Extraction(
        id=str(d["id"]),
        published=date.fromisoformat(published) if published else None,
        regions=tuple(RegionMention(c, _ev_back(region_ev.get(c))) for c in d.get("regions") or ()),
        people=tuple(
            Person(p["name"], p["of"], p.get("title"), p.get("title_norm"), p.get("body"),
                   _ev_back(p.get("evidence")))
            for p in d.get("people") or ()
        ),
        links=tuple(
            Link(k["ru"], k["uz"], tuple(k.get("basis") or ()), _ev_back(k.get("evidence")))
            for k in d.get("links") or ()
        ),
        agreements=tuple(
            Agreement(a["kind"], tuple(a["parties"]), a.get("from"), a.get("to"), a.get("title"),
                      a.get("signed"), a.get("status"), _ev_back(a.get("evidence")))
            for a in d.get("agreements") or ()
        ),
        meetings=tuple(
            Meeting((m[0], m[1]), meeting_ev.get(tuple(m), {}).get("date"),
                    meeting_ev.get(tuple(m), {}).get("place"),
                    _ev_back(meeting_ev.get(tuple(m), {}).get("evidence")))
            for m in d.get("meetings") or ()
        ),
        metrics=tuple(
            Metric(m["subject"], m["counterpart"], m["indicator"], m["period"], float(m["value"]),
                   m["unit"], _ev_back(m.get("evidence")))
            for m in d.get("metrics") or ()
        ),
        events=tuple(
            Event(e["type"], e.get("date"), e.get("place"), tuple(e.get("participants") or ()),
                  _ev_back(e.get("evidence")))
            for e in d.get("events") or ()
        ),
        sectors=tuple(Sector(s["name"], _ev_back(s.get("evidence"))) for s in d.get("sectors") or ()),
        extractor=d.get("extractor", ""),
    )
