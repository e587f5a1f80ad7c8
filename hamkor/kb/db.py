"""Engines and connections: SQLite (WAL, FTS5) or PostgreSQL, migrated to head on first use."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from hamkor.errors import HamkorError
from hamkor.settings import default_db_url

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
WRITE = {"hamkor_write": True}  # execution option: take SQLite's write lock at BEGIN
CACHE_KB = 65536  # SQLite's page cache of a connection (the default is 2 MB)
MMAP_BYTES = 1 << 30  # SQLite reads the file through a memory map up to this size


class DatabaseError(HamkorError):
    """The database URL is wrong or the database cannot be opened."""


def _sqlite_setup(engine: Engine) -> None:
    """WAL, foreign keys, a busy timeout, a larger cache read through a memory map; BEGIN
    IMMEDIATE for writers so two never deadlock."""

    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
        dbapi_conn.isolation_level = None  # we emit BEGIN ourselves
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.execute(f"PRAGMA cache_size=-{CACHE_KB}")
        cur.execute(f"PRAGMA mmap_size={MMAP_BYTES}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        immediate = conn.get_execution_options().get("hamkor_write")
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def engine(url: str | None = None, upgrade: bool = True) -> Engine:
    """The engine for a URL (``--db``, else HAMKOR_DB, else the SQLite file in the data dir).

    The schema is brought to the newest migration the first time an engine for a URL is made.
    """
    url = url or default_db_url()
    return _engine(url, upgrade)


@lru_cache(maxsize=16)
def _engine(url: str, upgrade: bool) -> Engine:
    try:
        parsed = make_url(url)
    except ArgumentError as e:
        raise DatabaseError(f"not a database URL: {url!r}") from e
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        eng = create_engine(parsed, connect_args={"timeout": 30})
        _sqlite_setup(eng)
    elif parsed.get_backend_name() == "postgresql":
        eng = create_engine(parsed, pool_pre_ping=True)
    else:
        raise DatabaseError(f"unsupported database {parsed.get_backend_name()!r}: "
                            "use sqlite:///PATH or postgresql+psycopg://…")
    if upgrade:
        migrate(eng)
    return eng


def writer(eng: Engine) -> Engine:
    """The same engine, beginning its transactions as a writer (SQLite: BEGIN IMMEDIATE)."""
    return eng.execution_options(**WRITE)


@contextmanager
def connect(url: str | None = None) -> Iterator[Connection]:
    """A read connection to the knowledge base."""
    with engine(url).connect() as conn:
        yield conn


def _config(conn: Connection):  # type: ignore[no-untyped-def]
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = conn
    return cfg


def revision(eng: Engine) -> tuple[str | None, str]:
    """The database's migration revision and the newest one this code knows."""
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    with eng.connect() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
        head = ScriptDirectory.from_config(_config(conn)).get_current_head()
    return current, head or ""


def migrate(eng: Engine) -> bool:
    """Upgrade to the newest migration; True when anything was done."""
    from alembic import command
    from alembic.runtime.migration import MigrationContext

    current, head = revision(eng)
    if current == head:
        return False
    with writer(eng).begin() as conn:  # SQLite: BEGIN IMMEDIATE serialises two upgraders
        if conn.dialect.name == "postgresql":
            conn.exec_driver_sql("SELECT pg_advisory_xact_lock(7242062)")
        if MigrationContext.configure(conn).get_current_revision() == head:
            return False  # another process did it meanwhile
        command.upgrade(_config(conn), "head")
    return True


def is_sqlite(conn: Connection | Engine) -> bool:
    return conn.dialect.name == "sqlite"


def tables(eng: Engine) -> list[str]:
    return sorted(inspect(eng).get_table_names())
