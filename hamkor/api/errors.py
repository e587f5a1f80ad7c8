"""One error body for every API failure: ``{"error": {"code": …, "message": …}}``.

The handlers answer JSON under /api and hand every other path to the web pages' error page.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from hamkor.errors import AuthError, NotFound

CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
         405: "method_not_allowed", 409: "conflict", 422: "invalid", 500: "internal"}


class LoginRequired(Exception):
    """Reading needs a login (``--login-required``) or a write needs an analyst."""


class Forbidden(Exception):
    """The request came without the form's CSRF token, or with a wrong one."""


def not_found(what: str) -> StarletteHTTPException:
    return StarletteHTTPException(404, f"{what}: not found")


def body(status: int, message: str) -> dict[str, Any]:
    return {"error": {"code": CODES.get(status, str(status)), "message": message}}


def json_error(status: int, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(body(status, message), status_code=status, headers=headers)


def validation_message(exc: RequestValidationError) -> str:
    """«limit (query): Input should be less than or equal to 200; …»: what was wrong, where."""
    parts = []
    for e in exc.errors():
        loc = [str(x) for x in e.get("loc", ())]
        where = ".".join(loc[1:]) or "request"
        place = f" ({loc[0]})" if loc and loc[0] in ("query", "path", "body", "header") else ""
        parts.append(f"{where}{place}: {e.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


PageRenderer = Callable[[Request, int, str], Response]


def install(app: FastAPI, page_error: PageRenderer) -> None:
    """Translate errors at the edge: JSON under /api, an HTML page (or a login redirect) elsewhere."""

    def is_api(request: Request) -> bool:
        return request.url.path.startswith("/api")

    def answer(request: Request, status: int, message: str) -> Response:
        if is_api(request):
            return json_error(status, message)
        return page_error(request, status, message)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else CODES.get(exc.status_code, "error")
        if exc.status_code == 404 and message == "Not Found":
            message = f"{request.url.path}: no such page"
        return answer(request, exc.status_code, message)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        return answer(request, 422, validation_message(exc))

    @app.exception_handler(NotFound)
    async def missing(request: Request, exc: NotFound) -> Response:
        return answer(request, 404, str(exc) or "not found")

    @app.exception_handler(LoginRequired)
    async def login(request: Request, exc: LoginRequired) -> Response:
        if is_api(request) or request.method != "GET":
            return answer(request, 401, str(exc) or "login required")
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        from urllib.parse import quote

        return RedirectResponse(f"/login?next={quote(target, safe='')}", status_code=303)

    @app.exception_handler(AuthError)
    async def auth(request: Request, exc: AuthError) -> Response:
        return answer(request, 401, str(exc) or "login required")

    @app.exception_handler(Forbidden)
    async def forbidden(request: Request, exc: Forbidden) -> Response:
        return answer(request, 403, str(exc) or "forbidden")
