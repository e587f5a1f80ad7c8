"""/api/pairs/{ru}/{uz}: everything between one Russian and one Uzbek region."""

from __future__ import annotations

from fastapi import APIRouter, Response

from hamkor.api.deps import KbDep
from hamkor.api.errors import not_found
from hamkor.api.models import PairPublic
from hamkor.api.params import RegionCode, code

router = APIRouter(prefix="/pairs", tags=["pairs"])


@router.get("/{ru}/{uz}", response_model=PairPublic,
            responses={404: {"description": "unknown pair"}})
async def pair(kb: KbDep, ru: RegionCode, uz: RegionCode) -> Response:
    """Every interaction of the pair in time order, with sources."""
    found = await kb.answer(PairPublic, "pair", code(ru), code(uz))
    if found is None:
        raise not_found(f"pair {ru}/{uz}")
    return found
