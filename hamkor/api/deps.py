"""Dependencies the routes declare with ``Annotated``: a connection, paging, the analyst."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Annotated

import anyio.to_thread
from fastapi import Depends, Header, Query, Request
from sqlalchemy import Engine

from hamkor.api.cache import Reader
from hamkor.api.errors import Forbidden, LoginRequired
from hamkor.web import security, users


def make_engine(url: str | None) -> Engine:
    """The KB's engine (``hamkor.kb.db``: WAL for SQLite), or a plain one while that is absent."""
    try:
        from hamkor.kb import db
    except ModuleNotFoundError as e:  # the KB's connection module is not written yet
        if e.name != "hamkor.kb.db":
            raise
        from sqlalchemy import create_engine

        from hamkor.settings import default_db_url

        return create_engine(url or default_db_url())
    return db.engine(url)


def get_engine(request: Request) -> Engine:
    return request.app.state.engine


EngineDep = Annotated[Engine, Depends(get_engine)]


async def current_user(request: Request) -> str | None:
    """The logged-in analyst's name, or None (a session of a deleted user counts as none).

    The cheap dependencies are async: each sync one would cost a hop to a worker thread."""
    name = request.session.get("user")
    if not name:
        return None
    if not await anyio.to_thread.run_sync(users.exists, request.app.state.engine, name):
        request.session.clear()
        return None
    return name


UserDep = Annotated[str | None, Depends(current_user)]


async def require_reader(request: Request, user: UserDep) -> str | None:
    """Reading is open unless the app was started with ``--login-required``."""
    if not request.app.state.public and user is None:
        raise LoginRequired("login required to read this knowledge base")
    return user


async def get_reader(request: Request, _reader: Annotated[str | None, Depends(require_reader)]
                     ) -> AsyncIterator[Reader]:
    """The read side for one request (cached; a connection only on a miss).

    Async on purpose: a sync generator's exit would need a worker thread to give the
    connection back, and with every thread busy waiting for a connection nothing would move.
    """
    kb = Reader(request.app.state.engine, request.app.state.cache)
    try:
        yield kb
    finally:
        kb.close()


KbDep = Annotated[Reader, Depends(get_reader)]


async def require_analyst(user: UserDep) -> str:
    if user is None:
        raise LoginRequired("log in as an analyst to make corrections")
    return user


AnalystDep = Annotated[str, Depends(require_analyst)]


async def require_api_csrf(request: Request, analyst: AnalystDep,
                     x_csrf_token: Annotated[str | None, Header()] = None) -> str:
    """A write through the JSON API: the analyst's session and its CSRF token in a header."""
    if not security.csrf_ok(request, x_csrf_token):
        raise Forbidden("missing or wrong X-CSRF-Token header (see GET /api/session)")
    return analyst


ApiWriterDep = Annotated[str, Depends(require_api_csrf)]


@dataclass(frozen=True)
class Paging:
    offset: int
    limit: int


async def paging(offset: Annotated[int, Query(ge=0, le=1_000_000, description="items to skip")] = 0,
           limit: Annotated[int, Query(ge=1, le=200, description="items per page")] = 50) -> Paging:
    return Paging(offset, limit)


PagingDep = Annotated[Paging, Depends(paging)]
