"""/api/events: the timeline (visits, meetings, signings, forums …)."""

from __future__ import annotations

from fastapi import APIRouter

from hamkor.api.deps import KbDep, PagingDep
from hamkor.api.models import EventPublic, Page, page_of
from hamkor.api.params import RegionQ, SinceQ, UntilQ, code, period

router = APIRouter(prefix="/events", tags=["events"])


@router.get("")
def timeline(kb: KbDep, paging: PagingDep, region: RegionQ = None, since: SinceQ = None,
             until: UntilQ = None) -> Page[EventPublic]:
    period(since, until)
    found = kb.events(region=code(region), since=since, until=until,
                         offset=paging.offset, limit=paging.limit)
    return Page[EventPublic](**page_of(found, EventPublic))
