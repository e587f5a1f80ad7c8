"""What the read side returns: plain frozen dataclasses, every fact with its sources.

Field names follow the extraction contract (../shared/eval/GUIDE.md): a link has ``ru`` and
``uz``; an agreement ``kind``, ``parties``, ``from_year``/``to_year`` (JSON ``from``/``to``).
``to_json`` turns any of them into JSON-ready values with the contract's names.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Generic, TypeVar

T = TypeVar("T")

# Agreement statuses, derived from the period and today's date at query time.
STATUSES = ("signed", "in_force", "expiring", "expired", "planned", "unknown")


@dataclass(frozen=True)
class Source:
    """One place a fact was read: the article, the span of its trigger and the sentence."""

    article_id: str
    title: str | None
    url: str | None
    published: date | None
    start: int
    stop: int
    sentence: str


@dataclass(frozen=True)
class RegionRef:
    code: str  # ISO 3166-2 (RU-OMS, UZ-BU) or a country (RU, UZ)
    name: str  # Russian nominative; the code itself when the gazetteer does not know it
    country: str  # RU | UZ


@dataclass(frozen=True)
class PersonRef:
    id: str  # "" for a participant named in an event but not known as a person
    name: str
    of: str | None
    title: str | None


@dataclass(frozen=True)
class Position:
    title: str | None
    title_norm: str | None
    body: str | None
    of: str | None
    first_seen: date | None
    last_seen: date | None
    sources: list[Source] = field(default_factory=list)
    id: str = ""


@dataclass(frozen=True)
class MeetingView:
    id: str
    people: list[PersonRef]
    date: date | None
    sources: list[Source] = field(default_factory=list)


@dataclass(frozen=True)
class OrganisationRef:
    id: str
    name: str  # as the texts write it (in the case the title put it: «министерства …»)
    kind: str  # company | university | government | other
    of: str | None  # the region it is based in


@dataclass(frozen=True)
class OrganisationView:
    id: str
    name: str
    kind: str
    region: RegionRef | None
    count: int  # stories that tell of it (copies of one article count once)
    first: date | None
    last: date | None
    people: list[PersonRef]  # those its newest mentions name
    sources: list[Source] = field(default_factory=list)


@dataclass(frozen=True)
class PersonView:
    id: str
    name: str
    of: str | None
    positions: list[Position]
    meetings: list[MeetingView]
    sources: list[Source] = field(default_factory=list)
    organisations: list[OrganisationRef] = field(default_factory=list)  # (``person`` only)


@dataclass(frozen=True)
class LinkView:
    ru: RegionRef
    uz: RegionRef
    count: int  # stories that tell of it (copies of one article count once)
    basis: list[str]
    first: date | None
    last: date | None
    sources: list[Source] = field(default_factory=list)
    id: str = ""


@dataclass(frozen=True)
class AgreementView:
    id: str
    kind: str
    parties: list[RegionRef]
    from_year: int | None
    to_year: int | None
    signed: date | None
    status: str  # one of STATUSES
    title: str | None
    sources: list[Source] = field(default_factory=list)


@dataclass(frozen=True)
class EventView:
    id: str
    type: str
    date: date | None
    place: str | None
    participants: list[PersonRef]
    regions: list[RegionRef]
    sources: list[Source] = field(default_factory=list)


@dataclass(frozen=True)
class MetricView:
    id: str
    subject: RegionRef
    counterpart: RegionRef
    indicator: str
    period: str
    value: float
    unit: str
    sources: list[Source] = field(default_factory=list)


@dataclass(frozen=True)
class FactSpan:
    """A fact's span in an article's text, for highlighting."""

    kind: str  # region | person | link | agreement | meeting | metric | event | sector
    fact_id: str
    start: int
    stop: int
    label: str


@dataclass(frozen=True)
class ArticleRef:
    """Another article of the same story: a copy or a light rewrite on another site."""

    id: str
    title: str | None
    url: str | None
    published: date | None


@dataclass(frozen=True)
class ArticleView:
    id: str
    source: str
    title: str | None
    url: str | None
    published: date | None
    language: str | None
    text: str
    facts: list[FactSpan]
    status: str = "ok"  # ok | irrelevant | failed
    reason: str | None = None
    story: list[ArticleRef] = field(default_factory=list)  # the other copies, oldest first


@dataclass(frozen=True)
class Dossier:
    region: RegionRef
    partners: list[LinkView]
    agreements: list[AgreementView]
    officials: list[PersonView]
    events: list[EventView]
    metrics: list[MetricView]
    sectors: list[tuple[str, int]]
    sources: list[Source]  # the articles that mention the region (one Source each)
    totals: dict[str, int] = field(default_factory=dict)  # how many of each list in all
    organisations: list[OrganisationView] = field(default_factory=list)  # based in the region


@dataclass(frozen=True)
class PairView:
    ru: RegionRef
    uz: RegionRef
    links: LinkView | None
    agreements: list[AgreementView]
    events: list[EventView]
    meetings: list[MeetingView]
    metrics: list[MetricView]


@dataclass(frozen=True)
class Overview:
    counts: dict[str, int]
    newest: list[EventView]
    expiring: list[AgreementView]
    links_per_month: list[tuple[str, int]]  # ("2025-04", n) in order


@dataclass(frozen=True)
class SearchHit:
    kind: str  # article | person | agreement | region
    id: str
    title: str
    snippet: str
    score: float


@dataclass(frozen=True)
class Page(Generic[T]):
    items: list[T]
    total: int
    offset: int
    limit: int


@dataclass(frozen=True)
class CorrectionView:
    id: int
    op: str  # reject | merge | split | set
    target: str
    payload: dict[str, Any]
    author: str
    created: str  # ISO time, UTC
    reason: str | None
    state: str  # applied | pending (its fact is not in the knowledge base now) | undone


_RENAME = {"from_year": "from", "to_year": "to"}


def to_json(value: Any) -> Any:
    """Any view (or list, tuple, dict of them) as JSON-ready values with the contract's names."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {_RENAME.get(f.name, f.name): to_json(getattr(value, f.name))
                for f in dataclasses.fields(value)}
    if isinstance(value, list | tuple):
        return [to_json(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_json(v) for k, v in value.items()}
    if isinstance(value, date):
        return value.isoformat()
    return value
