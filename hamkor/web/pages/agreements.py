"""Agreements: the list with filters and each agreement's page."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from hamkor.api.deps import KbDep, PagingDep
from hamkor.api.errors import not_found
from hamkor.api.params import AgreementKind, Id, RegionQ, Status, code
from hamkor.web.edits import fields_of
from hamkor.web.render import apage, page

router = APIRouter()


@router.get("/agreements", response_class=HTMLResponse)
def agreements(request: Request, kb: KbDep, paging: PagingDep,
               status: Annotated[Status | None, Query()] = None, region: RegionQ = None,
               kind: Annotated[AgreementKind | None, Query()] = None) -> HTMLResponse:
    found = kb.agreements(status=status, region=code(region), kind=kind,
                             offset=paging.offset, limit=paging.limit)
    return page(request, "agreements.html", found=found, status=status, region=region, kind=kind)


@router.get("/agreements/{id}", response_class=HTMLResponse)
async def agreement(request: Request, kb: KbDep, id: Id) -> HTMLResponse:
    found = await kb.get("agreement", id)
    if found is None:
        raise not_found(f"соглашение {id}")
    return await apage(request, "agreement.html", a=found, fields=fields_of(found.id))
