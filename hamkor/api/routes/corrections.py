"""/api/corrections: analysts' edits (reject, set, merge); /api/session: who is logged in."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Request
from pydantic import BaseModel, Field
from sqlalchemy import Engine

from hamkor.api.deps import AnalystDep, ApiWriterDep, EngineDep, UserDep
from hamkor.web import edits
from hamkor.web.security import csrf_token

router = APIRouter(tags=["corrections"])


class SessionPublic(BaseModel):
    user: str | None
    csrf: str


class CorrectionCreate(BaseModel):
    """One edit: ``reject`` a fact, ``set`` a field of it, ``merge`` a person ``into`` another."""

    op: Literal["reject", "set", "merge"]
    target: Annotated[str, Field(min_length=1, max_length=200, description="a fact id: agr-…")]
    field: Annotated[str | None, Field(max_length=32)] = None
    value: Annotated[str | None, Field(max_length=200)] = None
    into: Annotated[str | None, Field(max_length=200, description="merge: a person id or name")] = None
    reason: Annotated[str | None, Field(max_length=500)] = None


class CorrectionCreated(BaseModel):
    id: int
    target: str


@router.get("/session")
def session(request: Request, user: UserDep) -> SessionPublic:
    """The logged-in analyst (or null) and the CSRF token that writes must send."""
    return SessionPublic(user=user, csrf=csrf_token(request))


@router.get("/corrections")
def list_corrections(engine: EngineDep, _analyst: AnalystDep) -> list[dict]:
    """Every edit, oldest first (analysts only)."""
    return edits.listing(engine)


@router.post("/corrections", status_code=201,
             responses={401: {"description": "not logged in"}, 403: {"description": "no CSRF token"},
                        422: {"description": "the edit cannot be made"}})
def create(request: Request, engine: EngineDep, who: ApiWriterDep, body: CorrectionCreate
           ) -> CorrectionCreated:
    try:
        return _apply(engine, who, body)
    except edits.CorrectionError as e:
        raise HTTPException(422, str(e)) from e
    finally:
        request.app.state.cache.clear()


def _apply(engine: Engine, who: str, body: CorrectionCreate) -> CorrectionCreated:
    if body.op == "reject":
        return CorrectionCreated(id=edits.reject(engine, body.target, who, body.reason),
                                 target=body.target)
    if body.op == "set":
        if not body.field or body.value is None:
            raise HTTPException(422, "set needs field and value")
        cid = edits.set_field(engine, body.target, body.field, body.value, who, body.reason)
        return CorrectionCreated(id=cid, target=body.target)
    if not body.into:
        raise HTTPException(422, "merge needs into (a person id or name)")
    cid, kept = edits.merge(engine, body.target, body.into, who, body.reason)
    return CorrectionCreated(id=cid, target=kept)
