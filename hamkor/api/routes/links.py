"""/api/links: pairs of regions that interacted, filtered by region, kind and period."""

from __future__ import annotations

from fastapi import APIRouter

from hamkor.api.deps import KbDep, PagingDep
from hamkor.api.models import LinkPublic, Page, page_of
from hamkor.api.params import BasisQ, RegionQ, SinceQ, UntilQ, code, period

router = APIRouter(prefix="/links", tags=["links"])


@router.get("")
def list_links(kb: KbDep, paging: PagingDep, region: RegionQ = None, kind: BasisQ = None,
               since: SinceQ = None, until: UntilQ = None) -> Page[LinkPublic]:
    period(since, until)
    found = kb.links(region=code(region), kind=kind, since=since, until=until,
                        offset=paging.offset, limit=paging.limit)
    return Page[LinkPublic](**page_of(found, LinkPublic))
