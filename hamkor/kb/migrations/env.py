"""Alembic environment: run on the connection ``hamkor.kb.db.upgrade`` hands over."""

from __future__ import annotations

from alembic import context

from hamkor.kb.schema import include_name, metadata

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only `alembic` run by hand, with a URL in the config
    from hamkor.kb.db import engine

    with engine(config.get_main_option("sqlalchemy.url"), upgrade=False).begin() as connection:
        context.configure(connection=connection, target_metadata=metadata, include_name=include_name,
                          render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
else:
    context.configure(connection=connection, target_metadata=metadata, include_name=include_name,
                      render_as_batch=config.attributes.get("render_as_batch", True))
    with context.begin_transaction():
        context.run_migrations()
