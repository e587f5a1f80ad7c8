"""Jurisdiction codes as RegionRefs.

Names come from the gazetteer when articles are stored (``lookup``) and are kept in the
``regions`` table; the read side names codes from that table (``use`` then ``ref``), so a query
never waits for the gazetteer to load. ``refresh`` renames the stored regions after the
gazetteer changed (``hamkor db upgrade`` runs it).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, select, update

from hamkor.kb.views import RegionRef

CODE = re.compile(r"^(RU|UZ)(-[A-Z0-9]{1,3})?$")
_names: dict[str, RegionRef] = {}  # code → the stored region, from the last ``use``


@lru_cache(maxsize=1)
def _gazetteer() -> Any:
    try:
        from hamkor.gazetteer import load

        return load()
    except Exception:  # absent or broken: codes stand for themselves
        return None


def _ask(method: str, code: str) -> Any:
    g = _gazetteer()
    if g is None or not hasattr(g, method):
        return None
    try:
        return getattr(g, method)(code)
    except Exception:
        return None


def _bare(code: str) -> RegionRef:
    return RegionRef(code, code, code[:2])


@lru_cache(maxsize=4096)
def lookup(code: str) -> RegionRef:
    """The region (or country) a code names, by the gazetteer; the code when it is unknown."""
    name = _ask("name", code)
    country = _ask("country_of", code)
    return RegionRef(code, str(name) if name else code,
                     str(country) if country in {"RU", "UZ"} else code[:2])


def use(conn: Connection) -> None:
    """Read the stored regions' names (cheap: one small table) for ``ref``."""
    from hamkor.kb.schema import regions

    global _names
    rows = conn.execute(select(regions.c.code, regions.c.name, regions.c.country)).all()
    _names = {c: RegionRef(c, n, k) for c, n, k in rows}  # swapped whole: safe for threads


def ref(code: str) -> RegionRef:
    """A code as stored (after ``use``); the code itself for a name when it is not stored."""
    return _names.get(code) or _bare(code)


def refresh(conn: Connection) -> int:
    """Rename the stored regions from the gazetteer; how many changed."""
    from hamkor.kb.schema import regions

    changed = 0
    for code, name, country in conn.execute(select(regions.c.code, regions.c.name,
                                                   regions.c.country)).all():
        new = lookup(code)
        if (new.name, new.country) != (name, country):
            conn.execute(update(regions).where(regions.c.code == code)
                         .values(name=new.name, country=new.country))
            changed += 1
    return changed


def well_formed(code: str) -> bool:
    return bool(CODE.match(code))


def known(code: str) -> bool:
    """A country, or a code the gazetteer knows (none when there is no gazetteer: then only
    the codes the knowledge base holds are known, see ``query.known_region``)."""
    if not well_formed(code):
        return False
    if code in {"RU", "UZ"}:
        return True
    if _gazetteer() is None:
        return False
    return bool(_ask("region", code))
