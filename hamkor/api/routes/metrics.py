"""/api/metrics: trade figures (turnover, export, import) with their periods."""

from __future__ import annotations

from fastapi import APIRouter

from hamkor.api.deps import KbDep, PagingDep
from hamkor.api.models import MetricPublic, Page, page_of
from hamkor.api.params import RegionQ, code

router = APIRouter(prefix="/metrics", tags=["metrics"])


@router.get("")
def list_metrics(kb: KbDep, paging: PagingDep, region: RegionQ = None) -> Page[MetricPublic]:
    found = kb.metrics(region=code(region), offset=paging.offset, limit=paging.limit)
    return Page[MetricPublic](**page_of(found, MetricPublic))
