"""Every item of the knowledge base an export asks for, read page by page from the query layer."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from hamkor.kb import adapt, query

PAGE = 2000
WHAT = ("links", "agreements", "people", "events", "metrics", "all")


def _pages(fetch: Callable[..., Any]) -> Iterator[Any]:
    offset = 0
    while True:
        page = fetch(offset=offset, limit=PAGE)
        yield from page.items
        offset += len(page.items)
        if not page.items or offset >= page.total:
            return


def items(conn: Any, what: str = "all") -> Iterator[Any]:
    """The views of ``what`` (one of :data:`WHAT`); people bring their meetings, once each."""
    kinds = WHAT[:-1] if what == "all" else (what,)
    if "links" in kinds:
        yield from _pages(lambda **kw: query.links(conn, **kw))
    if "agreements" in kinds:
        yield from _pages(lambda **kw: query.agreements(conn, **kw))
    if "people" in kinds or "events" in kinds:
        yield from _people(conn, with_people="people" in kinds)
    if "events" in kinds:
        yield from _pages(lambda **kw: query.events(conn, **kw))
    if "metrics" in kinds:
        yield from _pages(lambda **kw: query.metrics(conn, **kw))


def _people(conn: Any, with_people: bool) -> Iterator[Any]:
    seen: set[str] = set()
    for ref in _pages(lambda **kw: query.people(conn, **kw)):
        person = query.person(conn, ref.id)
        if person is None:
            continue
        if with_people:
            yield person
        for m in person.meetings:
            if m.id not in seen:
                seen.add(m.id)
                yield m


def graph(conn: Any) -> Iterator[Any]:
    """The region graph: every region (RegionRef), then every link and agreement."""
    regions, links = query.graph(conn, sources_limit=adapt.MAX_SOURCES)
    yield from regions
    yield from links
    yield from _pages(lambda **kw: query.agreements(conn, **kw))
