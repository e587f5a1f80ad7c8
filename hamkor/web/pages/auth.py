"""Login and logout for analysts (a signed session cookie; CSRF token on the form)."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlsplit

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from hamkor.api.deps import EngineDep
from hamkor.api.errors import Forbidden
from hamkor.web import users
from hamkor.web.render import page
from hamkor.web.security import csrf_ok

router = APIRouter()


def safe_next(target: str | None) -> str:
    """Only a path on this site: never an open redirect to another host."""
    if not target:
        return "/"
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return "/"
    return target


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request, next: str | None = None) -> HTMLResponse:
    return page(request, "login.html", next=safe_next(next), error=None)


@router.post("/login", response_class=HTMLResponse, response_model=None)
def login(request: Request, engine: EngineDep, name: Annotated[str, Form(max_length=64)],
          password: Annotated[str, Form(max_length=1024)], csrf: Annotated[str, Form()] = "",
          next: Annotated[str, Form()] = "/") -> HTMLResponse | RedirectResponse:
    if not csrf_ok(request, csrf):
        raise Forbidden("форма устарела: обновите страницу и войдите снова")
    if not users.verify(engine, name, password):
        return page(request, "login.html", http_status=401, next=safe_next(next),
                    error="Неверное имя или пароль")
    request.session.clear()  # a new session (and a new CSRF token) on login
    request.session["user"] = name
    return RedirectResponse(safe_next(next), status_code=303)


@router.post("/logout")
def logout(request: Request, csrf: Annotated[str, Form()] = "") -> RedirectResponse:
    if not csrf_ok(request, csrf):
        raise Forbidden("форма устарела: обновите страницу")
    request.session.clear()
    return RedirectResponse("/", status_code=303)
