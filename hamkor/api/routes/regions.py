"""/api/regions: every region with its interaction count; one region's dossier."""

from __future__ import annotations

from fastapi import APIRouter, Response

from hamkor.api.deps import KbDep
from hamkor.api.errors import not_found
from hamkor.api.models import DossierPublic, RegionCount
from hamkor.api.params import RegionCode, SinceQ, code

router = APIRouter(prefix="/regions", tags=["regions"])


@router.get("")
def list_regions(kb: KbDep) -> list[RegionCount]:
    """Every Russian and Uzbek region in the knowledge base, with its interaction count."""
    return [RegionCount(region=r, count=n) for r, n in kb.regions()]


@router.get("/{region}", response_model=DossierPublic,
            responses={404: {"description": "unknown region"}})
async def dossier(kb: KbDep, region: RegionCode, since: SinceQ = None) -> Response:
    """A region's dossier: partners, agreements, officials, timeline, trade, sources."""
    found = await kb.answer(DossierPublic, "dossier", code(region), since=since)
    if found is None:
        raise not_found(f"region {region}")
    return found
