"""People: the list (with a name filter) and each person's page."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from hamkor.api.deps import KbDep, PagingDep
from hamkor.api.errors import not_found
from hamkor.api.params import Id
from hamkor.web.edits import fields_of
from hamkor.web.render import apage, page

router = APIRouter()


@router.get("/people", response_class=HTMLResponse)
def people(request: Request, kb: KbDep, paging: PagingDep,
           q: Annotated[str | None, Query(max_length=200)] = None) -> HTMLResponse:
    found = kb.people(q=q or None, offset=paging.offset, limit=paging.limit)
    return page(request, "people.html", found=found, q=q or "")


@router.get("/people/{id}", response_class=HTMLResponse)
async def person(request: Request, kb: KbDep, id: Id) -> HTMLResponse:
    found = await kb.get("person", id)
    if found is None:
        raise not_found(f"лицо {id}")
    return await apage(request, "person.html", p=found, fields=fields_of(found.id))
