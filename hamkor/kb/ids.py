"""Ids hashed from natural keys (as followthemoney's ``make_id``), so re-running is idempotent."""

from __future__ import annotations

import hashlib

PREFIX = {
    "person": "per", "position": "pos", "link": "lnk", "agreement": "agr", "meeting": "mtg",
    "metric": "met", "event": "evt", "organisation": "org", "claim": "c",
}


def make_id(kind: str, *parts: object) -> str:
    """``per-1f3a…``: a kind prefix and the SHA-1 of the parts (None is its own value)."""
    key = "\x1f".join("\x00" if p is None else str(p) for p in parts)
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:20]
    return f"{PREFIX.get(kind, kind)}-{digest}"


def kind_of(fact_id: str) -> str | None:
    """The fact kind an id names, from its prefix (None when it is not one of ours)."""
    prefix = fact_id.split("-", 1)[0]
    return next((k for k, p in PREFIX.items() if p == prefix and k != "claim"), None)
