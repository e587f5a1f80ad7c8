"""The few statements that differ between SQLite and PostgreSQL, and batching helpers."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import Any, TypeVar

from sqlalchemy import Connection, Table, TextClause, text

T = TypeVar("T")
CHUNK = 400  # values in one IN (…): well under SQLite's limit of bound parameters
COMPOUND = 128  # parts of one UNION ALL (SQLite allows 500)


def chunks(items: Iterable[T], size: int = CHUNK) -> Iterator[list[T]]:
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def insert_ignore(conn: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert rows, skipping those whose primary key (or a unique key) is already there."""
    if not rows:
        return
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    conn.execute(insert(table).on_conflict_do_nothing(), list(rows))


def insert(conn: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    if rows:
        conn.execute(table.insert(), list(rows))


def first_ids(conn: Connection, table: str, column: str, values: Iterable[Any], order: str,
              limit: int, where: str = "", params: dict[str, Any] | None = None) -> list[Any]:
    """The ids of the first ``limit`` rows (in ``order``) of ``table`` for each value of
    ``column``: a compound of one small index read per value, so a value with many rows costs
    no more than one with few. ``where`` is more SQL (" AND …") with its ``params``."""
    out: dict[Any, None] = {}
    for chunk in chunks(values, COMPOUND):
        size = 1 << (len(chunk) - 1).bit_length()  # a few sizes, so a few statements
        padded = chunk + [chunk[-1]] * (size - len(chunk))
        bound = {f"v{i}": v for i, v in enumerate(padded)} | (params or {}) | {"n": limit}
        out.update(dict.fromkeys(conn.execute(_compound(table, column, size, order, where),
                                              bound).scalars()))
    return list(out)


@lru_cache(maxsize=256)
def _compound(table: str, column: str, size: int, order: str, where: str) -> TextClause:
    """Text, and kept: Core is slow to build (and to parse) a compound of a hundred parts."""
    parts = [f'SELECT id FROM (SELECT id FROM "{table}" WHERE "{column}" = :v{i}{where} '
             f"ORDER BY {order} LIMIT :n) AS p{i}" for i in range(size)]
    return text(" UNION ALL ".join(parts))
