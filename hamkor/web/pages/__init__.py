"""The web pages: one router per resource, each a few lines over ``hamkor.kb.query``."""

from __future__ import annotations

from fastapi import APIRouter

from hamkor.web.pages import (
    agreements,
    articles,
    auth,
    docs,
    edits,
    overview,
    pairs,
    people,
    regions,
    search,
)

web_router = APIRouter(include_in_schema=False)
for module in (overview, regions, pairs, people, agreements, articles, search, auth, edits, docs):
    web_router.include_router(module.router)
