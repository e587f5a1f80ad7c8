"""/api/agreements: cooperation documents with their period and derived status."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from hamkor.api.deps import KbDep, PagingDep
from hamkor.api.errors import not_found
from hamkor.api.models import AgreementPublic, Page, page_of
from hamkor.api.params import AgreementKind, Id, RegionQ, Status, code

router = APIRouter(tags=["agreements"])


@router.get("/agreements")
def list_agreements(kb: KbDep, paging: PagingDep,
                    status: Annotated[Status | None, Query()] = None, region: RegionQ = None,
                    kind: Annotated[AgreementKind | None, Query()] = None) -> Page[AgreementPublic]:
    """Agreements; ``expiring`` are in force and end within twelve months."""
    found = kb.agreements(status=status, region=code(region), kind=kind,
                             offset=paging.offset, limit=paging.limit)
    return Page[AgreementPublic](**page_of(found, AgreementPublic))


@router.get("/agreements/{id}", responses={404: {"description": "unknown agreement"}})
def agreement(kb: KbDep, id: Id) -> AgreementPublic:
    found = kb.agreement(id)
    if found is None:
        raise not_found(f"agreement {id}")
    return AgreementPublic.model_validate(found)


router.add_api_route("/agreement/{id}", agreement, methods=["GET"], include_in_schema=False)
