"""What every public query shares: region names read first, rejected facts left out, pages."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy import Connection

from hamkor.kb import places
from hamkor.kb.views import Page

F = TypeVar("F", bound=Callable[..., Any])


def reads(fn: F) -> F:
    """A public query: region names are read from the knowledge base first (``places``)."""

    @functools.wraps(fn)
    def wrapper(conn: Connection, *args: Any, **kwargs: Any) -> Any:
        info = getattr(conn, "info", {})
        if info.get("hamkor_reading"):  # inside another query: the names are read already
            return fn(conn, *args, **kwargs)
        places.use(conn)
        info["hamkor_reading"] = True
        try:
            return fn(conn, *args, **kwargs)
        finally:
            info.pop("hamkor_reading", None)

    return wrapper  # type: ignore[return-value]


def visible(table):  # type: ignore[no-untyped-def]
    return table.c.rejected.is_(None)


def page(items: list, total: int, offset: int, limit: int) -> Page:
    return Page(items, total, offset, limit)
