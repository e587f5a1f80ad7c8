"""The migrations build exactly the tables of schema.py, and upgrading is idempotent."""

from __future__ import annotations

from hamkor.kb import db
from hamkor.kb.schema import include_name, metadata


def test_migrations_match_the_schema(engine):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_name": include_name})
        diff = compare_metadata(context, metadata)
    assert diff == []


def test_at_head_and_upgrade_is_idempotent(engine):
    current, head = db.revision(engine)
    assert current == head != ""
    assert db.migrate(engine) is False


def test_search_index_exists(engine):
    names = set(db.tables(engine))
    assert set(metadata.tables) <= names
    if engine.dialect.name == "sqlite":
        assert "article_fts" in names


def test_sqlite_is_in_wal_mode(engine):
    if engine.dialect.name != "sqlite":
        return
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
