"""Search: articles, people, agreements and regions by Russian word forms."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from hamkor.api.deps import KbDep
from hamkor.web.render import apage

router = APIRouter()


@router.get("/search", response_class=HTMLResponse)
async def search(request: Request, kb: KbDep,
           q: Annotated[str, Query(max_length=200)] = "",
           offset: Annotated[int, Query(ge=0, le=10_000)] = 0) -> HTMLResponse:
    text = q.strip()
    found = await kb.get("search", text, offset=offset, limit=20) if text else None
    return await apage(request, "search.html", q=text, found=found)
