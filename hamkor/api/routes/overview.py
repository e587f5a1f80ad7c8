"""/api/overview: counts, newest facts, agreements expiring soon, links per month."""

from __future__ import annotations

from fastapi import APIRouter, Response

from hamkor.api.deps import KbDep
from hamkor.api.models import OverviewPublic

router = APIRouter(prefix="/overview", tags=["overview"])


@router.get("", response_model=OverviewPublic)
async def overview(kb: KbDep) -> Response:
    return await kb.answer(OverviewPublic, "overview")
