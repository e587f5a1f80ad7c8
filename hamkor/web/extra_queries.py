"""Reads the web app needs that ``hamkor.kb.query`` does not offer (over the KB's tables)."""

from __future__ import annotations

from collections.abc import Hashable

from sqlalchemy import Connection, func, select

from hamkor.kb import schema as s


def generation(conn: Connection) -> Hashable:
    """Something that changes whenever the KB does: an ingest (articles stored or replaced)
    or a correction. The answer cache compares it every few seconds."""
    a, c = s.articles, s.corrections
    row = conn.execute(select(
        select(func.count()).select_from(a).scalar_subquery(),
        select(func.max(a.c.stored_at)).scalar_subquery(),
        select(func.max(c.c.id)).scalar_subquery(),
        select(func.count()).select_from(c).where(c.c.state == "undone").scalar_subquery(),
    )).one()
    return tuple(row)
