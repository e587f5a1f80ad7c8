"""Query and path parameters shared by several routes, validated (bad ones answer 422)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from fastapi import Path, Query

CODE = r"^[A-Za-z]{2}(-[A-Za-z0-9]{1,3})?$"  # RU, UZ, RU-OMS, UZ-BU …

Basis = Literal["meeting", "visit", "document", "project", "institutions", "trade", "relations"]
AgreementKind = Literal["agreement", "memorandum", "protocol", "roadmap", "plan", "other"]
Status = Literal["signed", "in_force", "expiring", "expired", "planned", "unknown"]

RegionCode = Annotated[str, Path(pattern=CODE, description="ISO 3166-2 code: RU-OMS, UZ-BU")]
RegionQ = Annotated[str | None, Query(pattern=CODE, description="only facts of this region")]
SinceQ = Annotated[date | None, Query(description="from this date (YYYY-MM-DD)")]
UntilQ = Annotated[date | None, Query(description="up to this date (YYYY-MM-DD)")]
BasisQ = Annotated[Basis | None, Query(description="only links of this kind of interaction")]
Id = Annotated[str, Path(min_length=1, max_length=200)]


def code(value: str | None) -> str | None:
    return value.upper() if value else value


def period(since: date | None, until: date | None) -> None:
    """A period whose start is after its end is a bad request (422), not an empty answer."""
    if since and until and since > until:
        from fastapi import HTTPException

        raise HTTPException(422, f"since (query): {since} is after until {until}")
