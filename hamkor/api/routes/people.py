"""/api/people: officials and heads of organisations, with positions over time."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from hamkor.api.deps import KbDep, PagingDep
from hamkor.api.errors import not_found
from hamkor.api.models import Page, PersonPublic, PersonRef, page_of
from hamkor.api.params import Id

router = APIRouter(prefix="/people", tags=["people"])


@router.get("")
def list_people(kb: KbDep, paging: PagingDep,
                q: Annotated[str | None, Query(max_length=200, description="part of a name")] = None,
                ) -> Page[PersonRef]:
    found = kb.people(q=q or None, offset=paging.offset, limit=paging.limit)
    return Page[PersonRef](**page_of(found, PersonRef))


@router.get("/{id}", responses={404: {"description": "unknown person"}})
def person(kb: KbDep, id: Id) -> PersonPublic:
    """A person by id (or by name): positions with their dates, meetings, sources."""
    found = kb.person(id)
    if found is None:
        raise not_found(f"person {id}")
    return PersonPublic.model_validate(found)
