"""Templates: one Jinja environment (autoescape on), and the context every page gets."""

from __future__ import annotations

import json
from collections.abc import Callable, Hashable
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import anyio.to_thread
from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from hamkor.web import labels
from hamkor.web.geo import code_name, region_name
from hamkor.web.security import csrf_token

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"


def _data(value: Any) -> str:
    """JSON for a ``data-`` attribute; autoescape makes it safe inside the quotes."""
    from hamkor.kb.views import to_json

    return json.dumps(to_json(value), ensure_ascii=False, separators=(",", ":"))


def _query(**params: Any) -> str:
    return urlencode({k: v for k, v in params.items() if v not in (None, "")})


@cache
def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.globals.update(L=labels, word=labels.word, day=labels.day, years=labels.years,
                       number=labels.number, query=_query)
    env.filters.update(data=_data, urlpart=lambda s: quote(str(s), safe=""), rname=region_name,
                       codename=code_name)
    return env


# Pages that carry the session's CSRF token even for anonymous visitors: never cached.
PERSONAL = {"login.html", "error.html"}


def _prepare(request: Request, template: str, http_status: int, context: dict[str, Any]
             ) -> tuple[Callable[[], str], Hashable | None]:
    """The renderer of a page, and its cache key when what it shows depends on the URL alone
    (anonymous visitors, no message to show): a dossier's page can be a quarter megabyte."""
    user = request.session.get("user")
    here = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    ctx = {"request": request, "user": user, "csrf": csrf_token(request),
           "path": request.url.path, "public": request.app.state.public, "here": here,
           "flash": request.session.pop("flash", None), **context}

    def render() -> str:
        return environment().get_template(template).render(ctx)

    cacheable = user is None and not ctx["flash"] and template not in PERSONAL and http_status == 200
    return render, (("page", template, here) if cacheable else None)


def page(request: Request, template: str, http_status: int = 200, **context: Any) -> HTMLResponse:
    """Render ``template`` with the request's analyst, CSRF token and the app's mode."""
    render, key = _prepare(request, template, http_status, context)
    html = request.app.state.cache.get(key, render) if key else render()
    return HTMLResponse(Markup(html), status_code=http_status)


async def apage(request: Request, template: str, http_status: int = 200, **context: Any
                ) -> HTMLResponse:
    """``page`` for async routes: a cached page is answered on the event loop."""
    render, key = _prepare(request, template, http_status, context)
    cache = request.app.state.cache
    hit = cache.peek(key) if key else None
    if hit is not None:
        html = hit[1]
    elif key:
        html = await anyio.to_thread.run_sync(cache.get, key, render)
    else:
        html = await anyio.to_thread.run_sync(render)
    return HTMLResponse(Markup(html), status_code=http_status)


def error_page(request: Request, status: int, message: str) -> HTMLResponse:
    titles = {404: "Не найдено", 401: "Нужен вход", 403: "Доступ запрещён",
              422: "Неверный запрос"}
    return page(request, "error.html", http_status=status, status_code=status,
                title=titles.get(status, "Ошибка"), message=message)
