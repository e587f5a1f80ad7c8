"""The analysts' edit forms: reject a fact, merge two people, correct a field (POST only)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse

from hamkor.api.deps import AnalystDep, EngineDep
from hamkor.api.errors import Forbidden
from hamkor.web import edits
from hamkor.web.pages.auth import safe_next
from hamkor.web.security import csrf_ok

router = APIRouter(prefix="/edit")


async def checked(request: Request, analyst: AnalystDep, csrf: Annotated[str, Form()] = "") -> str:
    """The analyst, once the form's CSRF token matched the session's."""
    if not csrf_ok(request, csrf):
        raise Forbidden("форма устарела (нет CSRF-токена): обновите страницу и повторите")
    return analyst


Analyst = Annotated[str, Depends(checked)]
Target = Annotated[str, Form(min_length=1, max_length=200)]
Next = Annotated[str, Form()]


def back(request: Request, next: str, message: str) -> RedirectResponse:
    request.app.state.cache.clear()  # the pages must show the edit at once
    request.session["flash"] = message
    return RedirectResponse(safe_next(next), status_code=303)


@router.post("/reject")
def reject(request: Request, engine: EngineDep, who: Analyst, target: Target, next: Next = "/",
           reason: Annotated[str | None, Form(max_length=500)] = None) -> RedirectResponse:
    try:
        cid = edits.reject(engine, target, who, reason)
    except edits.CorrectionError as e:
        return back(request, next, f"Не удалось: {e}")
    return back(request, next, f"Факт отклонён (правка №{cid}).")


@router.post("/set")
def set_field(request: Request, engine: EngineDep, who: Analyst, target: Target,
              field: Annotated[str, Form(max_length=32)],
              value: Annotated[str, Form(max_length=200)], next: Next = "/") -> RedirectResponse:
    try:
        cid = edits.set_field(engine, target, field, value, who)
    except edits.CorrectionError as e:
        return back(request, next, f"Не удалось: {e}")
    return back(request, next, f"Исправлено (правка №{cid}).")


@router.post("/merge")
def merge(request: Request, engine: EngineDep, who: Analyst, target: Target,
          other: Annotated[str, Form(min_length=1, max_length=200)], next: Next = "/"
          ) -> RedirectResponse:
    try:
        cid, kept = edits.merge(engine, target, other, who)
    except edits.CorrectionError as e:
        return back(request, next, f"Не удалось: {e}")
    return back(request, f"/people/{kept}", f"Люди объединены (правка №{cid}).")
