"""A whole knowledge base as plain sorted rows, to compare two databases (tests, ``db dump``).

Columns that record *when* or *in which order* something was written (``stored_at``, the
search table's row number, a correction's time) are left out: two knowledge bases built from
the same articles in another order or at another time dump alike.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, func, select

from hamkor.kb import schema as s

VOLATILE = {"articles": {"stored_at"}, "article_terms": {"id"}, "corrections": {"created"}}


def _plain(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, float):
        return round(value, 9)
    return value


def dump(conn: Connection, skip: set[str] | None = None) -> dict[str, list[tuple]]:
    """Every table's rows as sorted tuples of plain values (columns in schema order)."""
    out = {}
    for name, table in sorted(s.metadata.tables.items()):
        if skip and name in skip:
            continue
        cols = [c for c in table.c if c.name not in VOLATILE.get(name, set())]
        rows = conn.execute(select(*cols)).all()
        out[name] = sorted((tuple(_plain(v) for v in r) for r in rows), key=repr)
    return out


def counts(conn: Connection) -> dict[str, int]:
    """The number of rows of every table."""
    return {name: conn.execute(select(func.count()).select_from(table)).scalar() or 0
            for name, table in sorted(s.metadata.tables.items())}
