"""Every record that crosses a stage boundary.

The flow (only ``pipeline.py`` knows it):

    RawArticle → Article → Parsed → Linked → Extraction

All records are frozen; a stage returns a new record and never changes its input.
Anything taken from text carries its character offsets into ``Article.text``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

RU, UZ = "RU", "UZ"


@dataclass(frozen=True)
class Span:
    """A piece of the cleaned text: ``text == article.text[start:stop]``."""

    start: int
    stop: int
    text: str


@dataclass(frozen=True)
class Evidence:
    """Where a fact was read: the span of its trigger and the sentence around it."""

    start: int
    stop: int
    sentence: str
    sentence_start: int = 0

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start, "stop": self.stop, "sentence": self.sentence,
                "sentence_start": self.sentence_start}


# --- stage 0: what a source hands over --------------------------------------------------


@dataclass(frozen=True)
class RawArticle:
    """Bytes or text as read from a source, before any cleaning."""

    id: str
    source: str  # a path, URL or "<stdin>"
    data: bytes
    kind: str = "text"  # text | html
    url: str | None = None
    title: str | None = None
    published: str | None = None  # as the source gave it (feed date, JSONL field)
    site: str | None = None
    fetched: date | None = None  # the day it was fetched (or the file saved): what «вчера» counts from


# --- stage 1: cleaned ------------------------------------------------------------------


@dataclass(frozen=True)
class Article:
    """Clean article text with its metadata; everything later points into ``text``."""

    id: str
    source: str
    text: str
    published: date | None = None
    published_span: Span | None = None
    language: str = "ru"
    title: str | None = None
    url: str | None = None
    site: str | None = None
    checksum: str = ""
    dropped: tuple[Span, ...] = ()  # page furniture removed, offsets into the decoded text
    warnings: tuple[str, ...] = ()  # read, but with a problem worth telling (truncated …)


# --- stage 2: parsed -------------------------------------------------------------------


@dataclass(frozen=True)
class Token:
    start: int
    stop: int
    text: str


@dataclass(frozen=True)
class Sentence:
    start: int
    stop: int
    text: str
    paragraph: int = 0  # index of the paragraph (line block) the sentence is in


@dataclass(frozen=True)
class NamedSpan:
    """A named entity found by NER: PER, LOC or ORG."""

    start: int
    stop: int
    text: str
    type: str


@dataclass(frozen=True)
class Parsed:
    """Needs an Article; adds sentences, tokens and named entities."""

    article: Article
    sentences: tuple[Sentence, ...]
    tokens: tuple[Token, ...]
    names: tuple[NamedSpan, ...]


# --- stage 3: linked -------------------------------------------------------------------


@dataclass(frozen=True)
class Place:
    """A mention of a region, city, district, country or national body, resolved to a code."""

    start: int
    stop: int
    text: str
    code: str  # RU-OMS, UZ-BU … or RU / UZ
    kind: str  # region | city | district | adjective | country | body


@dataclass(frozen=True)
class PersonMention:
    """One mention of a person, with the title and body the text gives next to it."""

    start: int
    stop: int
    text: str
    name: str  # normalized «Имя Фамилия» (or «Фамилия» when only that is known)
    title: str | None = None  # as written
    title_norm: str | None = None  # хоким, губернатор, министр …
    body: str | None = None  # the body as written («Бухарской области», «Минпромторга РТ»)
    of: str | None = None  # jurisdiction code
    side: str | None = None  # RU or UZ
    confidence: int = 0  # 3 the title names the body, 2 a delegation, 1 from context, 0 none
    foreign: bool = False  # the title ties them to a third country
    sentence: int = -1  # index into Parsed.sentences


@dataclass(frozen=True)
class Linked:
    """Needs Parsed; adds places and people resolved to jurisdictions."""

    parsed: Parsed
    places: tuple[Place, ...]
    people: tuple[PersonMention, ...]


# --- stage 4: extraction (the contract of ../shared/eval/GUIDE.md) ----------------------


@dataclass(frozen=True)
class Person:
    name: str
    of: str
    title: str | None = None
    title_norm: str | None = None
    body: str | None = None
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Link:
    ru: str
    uz: str
    basis: tuple[str, ...] = ()  # meeting, visit, document, project, institutions, trade, relations
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Agreement:
    kind: str  # agreement | memorandum | protocol | roadmap | plan | other
    parties: tuple[str, ...]
    start_year: int | None = None
    end_year: int | None = None
    title: str | None = None  # the document as named in the text
    signed: str | None = None  # ISO date when the text gives it
    status: str | None = None  # signed | approved | in_force | planned
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Meeting:
    people: tuple[str, str]
    date: str | None = None
    place: str | None = None
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Metric:
    subject: str
    counterpart: str
    indicator: str  # trade_turnover | export | import
    period: str
    value: float
    unit: str  # USD | RUB | %
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Event:
    type: str  # visit | meeting | signing | council | forum | exhibition | milestone
    date: str | None = None
    place: str | None = None
    participants: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class RegionMention:
    code: str
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Sector:
    name: str  # industry | education | agriculture | …
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Extraction:
    """Needs Linked; adds the contract record of GUIDE.md with evidence for every item."""

    id: str
    published: date | None
    regions: tuple[RegionMention, ...] = ()
    people: tuple[Person, ...] = ()
    links: tuple[Link, ...] = ()
    agreements: tuple[Agreement, ...] = ()
    meetings: tuple[Meeting, ...] = ()
    metrics: tuple[Metric, ...] = ()
    events: tuple[Event, ...] = ()
    sectors: tuple[Sector, ...] = ()
    article: Article | None = field(default=None, compare=False)
    extractor: str = ""


@dataclass(frozen=True)
class Dropped:
    """An article the relevance filter found unrelated, before any NLP, and why."""

    article: Article
    reason: str


@dataclass(frozen=True)
class Failure:
    """An input that could not be read or extracted: which one and why."""

    source: str
    problem: str
