"""/api/search?q=: articles, people, agreements and regions by Russian word forms."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response

from hamkor.api.deps import KbDep
from hamkor.api.models import Page, SearchHit

router = APIRouter(prefix="/search", tags=["search"])

Text = Annotated[str, Query(min_length=1, max_length=200, pattern=r"\S",
                            description="words in any case form: «Навои» finds «Навоийской»")]


@router.get("", response_model=Page[SearchHit])
async def search(kb: KbDep, q: Text,
           offset: Annotated[int, Query(ge=0, le=10_000)] = 0,
           limit: Annotated[int, Query(ge=1, le=100)] = 20) -> Response:
    return await kb.answer(Page[SearchHit], "search", q.strip(), offset=offset, limit=limit)
