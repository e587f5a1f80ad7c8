"""Analysts who may edit: the ``web_users`` table, argon2 password hashes.

The table lives in the knowledge base's database but apart from the KB's own schema, and is
created when missing, so the web app never depends on a KB migration to let people log in.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import (
    Column,
    DateTime,
    Engine,
    Integer,
    MetaData,
    String,
    Table,
    insert,
    select,
    update,
)

metadata = MetaData()

web_users = Table(
    "web_users",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(64), nullable=False, unique=True),
    Column("password_hash", String(255), nullable=False),
    Column("created", DateTime(timezone=True), nullable=False),
)

NAME = re.compile(r"^[\w.@-]{1,64}$")
MIN_PASSWORD = 8

_hasher = PasswordHasher()
# Verified against when the name is unknown, so a wrong name takes as long as a wrong password.
_DUMMY = _hasher.hash("not a password of anyone")


class UserError(ValueError):
    """A name or password that cannot be used; the message says why."""


def ensure(engine: Engine) -> None:
    """Create ``web_users`` if it is missing (idempotent)."""
    metadata.create_all(engine, tables=[web_users], checkfirst=True)


def add(engine: Engine, name: str, password: str, replace: bool = False) -> None:
    """Add an analyst (or, with ``replace``, set a known one's password)."""
    if not NAME.match(name):
        raise UserError(f"{name!r}: a name is 1–64 letters, digits or . @ _ -")
    if len(password) < MIN_PASSWORD:
        raise UserError(f"the password must have at least {MIN_PASSWORD} characters")
    ensure(engine)
    hashed = _hasher.hash(password)
    with engine.begin() as conn:
        known = conn.execute(select(web_users.c.id).where(web_users.c.name == name)).first()
        if known and not replace:
            raise UserError(f"{name}: already exists (use --replace to set a new password)")
        if known:
            conn.execute(update(web_users).where(web_users.c.name == name)
                         .values(password_hash=hashed))
        else:
            conn.execute(insert(web_users).values(name=name, password_hash=hashed,
                                                  created=datetime.now(UTC)))


def verify(engine: Engine, name: str, password: str) -> bool:
    """True when ``name`` is an analyst and ``password`` is theirs."""
    ensure(engine)
    with engine.connect() as conn:
        row = conn.execute(select(web_users.c.password_hash)
                           .where(web_users.c.name == name)).first()
    try:
        ok = _hasher.verify(row[0] if row else _DUMMY, password)
    except (VerificationError, InvalidHashError):
        return False
    return bool(ok and row)


def exists(engine: Engine, name: str) -> bool:
    with engine.connect() as conn:
        return conn.execute(select(web_users.c.id).where(web_users.c.name == name)).first() is not None


def names(engine: Engine) -> list[str]:
    ensure(engine)
    with engine.connect() as conn:
        return [r[0] for r in conn.execute(select(web_users.c.name).order_by(web_users.c.name))]
