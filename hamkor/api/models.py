"""What the API answers: Pydantic models over the read side's views (``hamkor.kb.views``).

Ladders follow the FastAPI template: ``XBase`` holds a thing's own fields, ``XPublic`` adds
its id and sources. Every model reads a view dataclass by attribute (``from_attributes``).
"""

from __future__ import annotations

from datetime import date
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field, computed_field, field_validator, model_validator

T = TypeVar("T")


class Model(BaseModel):
    model_config = ConfigDict(from_attributes=True, populate_by_name=True)


class Source(Model):
    """Where a fact was read; ``href`` opens the article on the highlighted sentence."""

    article_id: str
    title: str | None
    url: str | None
    published: date | None
    start: int
    stop: int
    sentence: str

    @computed_field  # type: ignore[prop-decorator]
    @property
    def href(self) -> str:
        return f"/articles/{self.article_id}#ev-{self.start}"


class Sourced(Model):
    sources: list[Source] = []


class RegionRef(Model):
    code: str
    name: str
    country: str

    @model_validator(mode="after")
    def _named(self) -> RegionRef:
        """A region the gazetteer did not name gets the map's Russian name for it."""
        if self.name == self.code:
            from hamkor.web.geo import places

            known = places().get(self.code)
            if known is not None:
                self.name = known.name
        return self


class RegionCount(Model):
    region: RegionRef
    count: int


class PersonRef(Model):
    id: str
    name: str
    of: str | None
    title: str | None


class PositionPublic(Sourced):
    id: str = ""
    title: str | None
    title_norm: str | None
    body: str | None
    of: str | None
    first_seen: date | None
    last_seen: date | None


class MeetingPublic(Sourced):
    id: str
    people: list[PersonRef]
    date: date | None


class PersonBase(Model):
    name: str
    of: str | None


class PersonPublic(PersonBase, Sourced):
    id: str
    positions: list[PositionPublic]
    meetings: list[MeetingPublic]


class LinkBase(Model):
    ru: RegionRef
    uz: RegionRef
    count: int
    basis: list[str]
    first: date | None
    last: date | None


class LinkPublic(LinkBase, Sourced):
    id: str = ""


class AgreementBase(Model):
    kind: str
    parties: list[RegionRef]
    from_year: int | None = Field(serialization_alias="from")
    to_year: int | None = Field(serialization_alias="to")
    signed: date | None
    status: str
    title: str | None


class AgreementPublic(AgreementBase, Sourced):
    id: str


class EventBase(Model):
    type: str
    date: date | None
    place: str | None
    participants: list[PersonRef]
    regions: list[RegionRef]


class EventPublic(EventBase, Sourced):
    id: str


class MetricBase(Model):
    subject: RegionRef
    counterpart: RegionRef
    indicator: str
    period: str
    value: float
    unit: str


class MetricPublic(MetricBase, Sourced):
    id: str


class FactSpan(Model):
    kind: str
    fact_id: str
    start: int
    stop: int
    label: str


class ArticleRef(Model):
    """Another article of the same story (a copy or a light rewrite)."""

    id: str
    title: str | None
    url: str | None
    published: date | None

    @computed_field  # type: ignore[prop-decorator]
    @property
    def href(self) -> str:
        return f"/articles/{self.id}"


class ArticlePublic(Model):
    id: str
    source: str
    title: str | None
    url: str | None
    published: date | None
    language: str | None
    text: str
    facts: list[FactSpan]
    status: str = "ok"
    reason: str | None = None
    story: list[ArticleRef] = Field([], description="the other articles of its story (copies)")


class SectorCount(Model):
    name: str
    count: int


class DossierPublic(Sourced):
    region: RegionRef
    partners: list[LinkPublic]
    agreements: list[AgreementPublic]
    officials: list[PersonPublic]
    events: list[EventPublic]
    metrics: list[MetricPublic]
    sectors: list[SectorCount]

    @field_validator("sectors", mode="before")
    @classmethod
    def _pairs(cls, v: Any) -> Any:
        return [{"name": x[0], "count": x[1]} if isinstance(x, tuple | list) else x for x in v]


class PairPublic(Model):
    ru: RegionRef
    uz: RegionRef
    links: LinkPublic | None
    agreements: list[AgreementPublic]
    events: list[EventPublic]
    meetings: list[MeetingPublic]
    metrics: list[MetricPublic]


class MonthCount(Model):
    month: str
    count: int


class OverviewPublic(Model):
    counts: dict[str, int]
    newest: list[EventPublic]
    expiring: list[AgreementPublic]
    links_per_month: list[MonthCount]

    @field_validator("links_per_month", mode="before")
    @classmethod
    def _pairs(cls, v: Any) -> Any:
        return [{"month": x[0], "count": x[1]} if isinstance(x, tuple | list) else x for x in v]


class SearchHit(Model):
    kind: str
    id: str
    title: str
    snippet: str
    score: float


class GraphPublic(Model):
    regions: list[RegionRef]
    links: list[LinkBase]

    @model_validator(mode="before")
    @classmethod
    def _pair(cls, v: Any) -> Any:
        """``query.graph`` answers a (regions, links) tuple."""
        return {"regions": v[0], "links": v[1]} if isinstance(v, tuple) else v


class MapTile(Model):
    code: str
    name: str
    short: str
    country: str
    x: int
    y: int
    count: int


class CorrectionPublic(Model):
    id: int
    op: str
    target: str
    payload: dict[str, Any]
    author: str
    created: str
    reason: str | None
    state: str


class Page(Model, Generic[T]):
    items: list[T]
    total: int
    offset: int
    limit: int


class ErrorDetail(Model):
    code: str
    message: str


class ErrorBody(Model):
    """The one error format of every endpoint: ``{"error": {"code": …, "message": …}}``."""

    error: ErrorDetail


def page_of(page: Any, model: type[BaseModel]) -> dict[str, Any]:
    """A view ``Page`` as the fields of an API ``Page[model]``."""
    return {"items": [model.model_validate(x) for x in page.items], "total": page.total,
            "offset": page.offset, "limit": page.limit}
