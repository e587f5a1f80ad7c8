"""One router per resource; ``api_router`` gathers them under /api."""

from __future__ import annotations

from fastapi import APIRouter

from hamkor.api.routes import (
    agreements,
    articles,
    corrections,
    events,
    graph,
    links,
    metrics,
    overview,
    pairs,
    people,
    regions,
    reports,
    search,
)

api_router = APIRouter(prefix="/api")
for module in (overview, reports, regions, pairs, people, links, agreements, events, metrics, articles,
               search, graph, corrections):
    api_router.include_router(module.router)
