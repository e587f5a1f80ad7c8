"""An agreement's status, derived from its period and today's date at query time.

    planned    the texts say it is planned, and none says it was signed

    expired    the period ended before this year
    expiring   in force and ends within 12 months
    in_force   the period covers today (or the texts say it is in force)
    signed     signed or approved; no period that places it in time, or one that starts later
"""

from __future__ import annotations

from datetime import date, timedelta

EXPIRING = timedelta(days=365)
# The CLI's spellings (in-force) and the stored ones (in_force).
ALIASES = {"in-force": "in_force", "inforce": "in_force", "expiring": "expiring",
           "expired": "expired", "signed": "signed", "planned": "planned", "unknown": "unknown",
           "in_force": "in_force"}


def derive(from_year: int | None, to_year: int | None, stated: str | None,
           today: date | None = None) -> str:
    today = today or date.today()
    if stated == "planned":
        return "planned"
    if to_year is not None and to_year < today.year:
        return "expired"
    if to_year is not None and (from_year is None or from_year <= today.year):
        return "expiring" if date(to_year, 12, 31) - today <= EXPIRING else "in_force"
    if from_year is not None and from_year <= today.year:
        return "in_force"
    if stated == "in_force" and from_year is None:
        return "in_force"
    return "signed"


def matches(status: str, wanted: str) -> bool:
    """Whether a status answers a filter; «in force» includes the expiring ones."""
    wanted = ALIASES.get(wanted, wanted)
    return status == wanted or (wanted == "in_force" and status == "expiring")
