"""Fixtures of the knowledge-base tests: a fresh database per test on each backend.

SQLite always; PostgreSQL too when HAMKOR_TEST_PG names a server
(``postgresql+psycopg://USER@HOST:PORT/DB``; ``scripts/pg-test-server.sh start`` prints one):
each test gets a database of its own there, dropped afterwards.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest

PG = os.environ.get("HAMKOR_TEST_PG")


def _pg_database(base: str) -> Iterator[str]:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    url = make_url(base)
    name = f"hamkor_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield url.set(database=name).render_as_string(hide_password=False)
    finally:
        from hamkor.kb import db

        db._engine.cache_clear()  # close pooled connections before the drop
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path) -> Iterator[str]:
    """A URL of an empty knowledge base, on each backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'kb.sqlite'}"
        return
    if not PG:
        pytest.skip("PostgreSQL: set HAMKOR_TEST_PG=postgresql+psycopg://… "
                    "(scripts/pg-test-server.sh start prints one)")
    yield from _pg_database(PG)


@pytest.fixture
def engine(db_url):
    from hamkor.kb import db

    eng = db.engine(db_url)
    yield eng
    eng.dispose()


@pytest.fixture
def second_url(request, tmp_path, db_url) -> Iterator[str]:
    """Another empty knowledge base on the same backend as ``db_url``."""
    if db_url.startswith("sqlite"):
        yield f"sqlite:///{tmp_path / 'other.sqlite'}"
    else:
        yield from _pg_database(PG)  # type: ignore[arg-type]
