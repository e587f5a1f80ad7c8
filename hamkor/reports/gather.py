"""What a briefing note is about, read from the query layer: a region, or a region and one partner.

The only module of ``reports`` that calls ``hamkor.kb.query``; everything after it works on
the view dataclasses of ``hamkor.kb.views``, so fixtures of those are enough to test it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from hamkor.errors import NotFound


@dataclass(frozen=True)
class Brief:
    """The facts of one note: a dossier, narrowed to one partner when ``partner`` is set."""

    region: Any  # RegionRef
    partner: Any | None  # RegionRef of the partner a pair note is about
    links: tuple[Any, ...]  # LinkView
    agreements: tuple[Any, ...]  # AgreementView
    officials: tuple[Any, ...]  # PersonView
    events: tuple[Any, ...]  # EventView
    meetings: tuple[Any, ...]  # MeetingView
    metrics: tuple[Any, ...]  # MetricView
    sectors: tuple[tuple[str, int], ...]
    sources: tuple[Any, ...]  # Source: every source of the dossier
    since: date | None = None
    names: dict[str, str] = field(default_factory=dict, compare=False)  # code → Russian name


def read(conn: Any, code: str, pair: str | None = None, since: date | None = None) -> Brief:
    """The brief of region ``code`` (narrowed to partner ``pair``) from the knowledge base."""
    from hamkor.kb import query

    dossier = query.dossier(conn, code, since=since)
    if dossier is None:
        raise NotFound(f"region {code} is not in the knowledge base")
    names = {r.code: r.name for r, _ in query.regions(conn)}
    brief = replace(from_dossier(dossier, since), names=names)
    if pair is None:
        return brief
    other = query.dossier(conn, pair, since=since)
    if other is None:
        raise NotFound(f"region {pair} is not in the knowledge base")
    return narrow(brief, from_dossier(other, since))


def from_dossier(d: Any, since: date | None = None) -> Brief:
    """A brief of a whole dossier; the meetings are those of its officials, once each."""
    meetings: dict[str, Any] = {}
    for person in d.officials:
        for m in person.meetings:
            meetings.setdefault(m.id, m)
    return Brief(region=d.region, partner=None, links=tuple(d.partners),
                 agreements=tuple(d.agreements), officials=tuple(d.officials),
                 events=tuple(d.events), meetings=tuple(meetings.values()),
                 metrics=tuple(d.metrics), sectors=tuple(d.sectors), sources=tuple(d.sources),
                 since=since)


def narrow(brief: Brief, other: Brief) -> Brief:
    """``brief`` cut down to what involves ``other.region``; officials of both sides."""
    code = other.region.code
    country = code.split("-")[0]
    own = {p.id for p in brief.officials}
    theirs = {p.id for p in other.officials}

    def with_partner(people: Any) -> bool:
        return any(p.id in theirs or p.of == code for p in people)

    links = tuple(k for k in brief.links if code in (k.ru.code, k.uz.code))
    meetings = tuple(m for m in brief.meetings if with_partner(m.people))
    met_own = {p.id for m in meetings for p in m.people if p.id in own}
    officials = tuple(p for p in brief.officials if p.id in met_own) or brief.officials
    return replace(
        brief,
        partner=other.region,
        links=links,
        agreements=tuple(a for a in brief.agreements if code in {r.code for r in a.parties}),
        officials=officials + tuple(p for p in other.officials if p.id not in own),
        events=tuple(e for e in brief.events
                     if code in {r.code for r in e.regions} or with_partner(e.participants)),
        meetings=meetings,
        metrics=tuple(m for m in brief.metrics
                      if {m.subject.code, m.counterpart.code} & {code, country}),
        sources=tuple(s for k in links for s in k.sources),
    )
