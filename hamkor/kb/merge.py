"""Cross-article identity: the claims of one block clustered into facts.

Every function here is a pure function of the *set* of claims it is given: claims are sorted
first and clusters are built in that order, so the result never depends on the order in
which articles were ingested. Ids are hashed from each cluster's natural key.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from hamkor.kb import names

Row = dict[str, Any]
MEETING_DAYS = 3  # two reports of one meeting are at most this many days apart
METRIC_TOLERANCE = 0.01  # the same figure, restated or rounded (1 %)
STATUS_RANK = {"in_force": 0, "signed": 1, "approved": 2, "planned": 3}


def mode(values: Iterable[Any]) -> Any:
    """The most common value that is not None; ties go to the smallest (as text)."""
    counts = Counter(v for v in values if v is not None and v != "")
    if not counts:
        return None
    return min(counts, key=lambda v: (-counts[v], str(v)))


def _order(row: Row) -> tuple:
    return (str(row.get("article_id")), str(row.get("id")))


# --- people --------------------------------------------------------------------------------


def people(groups: Sequence[tuple[str, str | None]]) -> dict[tuple[str, str | None], str]:
    """Person keys for the (key, of) pairs of one surname block.

    A full name is one person whatever the jurisdiction. A surname alone joins the one full
    name of that surname with a claim of the same jurisdiction (any, when it has none); when
    there is no such name, or several, it stays a person of its own: «турсунов|UZ-NW».
    """
    full = sorted({k for k, _ in groups if names.is_full(k)})
    full_of = {k: {o for kk, o in groups if kk == k} for k in full}
    out: dict[tuple[str, str | None], str] = {}
    for key, of in groups:
        if names.is_full(key) or names.is_fixed(key):
            out[(key, of)] = key
            continue
        candidates = [k for k in full if of in full_of[k]] if of else full
        out[(key, of)] = candidates[0] if len(candidates) == 1 else f"{key}|{of or ''}"
    return out


def title_key(title: str | None, title_norm: str | None) -> str | None:
    """The post a claim names, for grouping positions: the normalized title, else the title."""
    value = title_norm or title
    return " ".join(value.lower().replace("ё", "е").split()) if value else None


# --- agreements ----------------------------------------------------------------------------


def _compatible(a: int | None, b: int | None) -> bool:
    return a is None or b is None or a == b


def agreements(rows: Sequence[Row]) -> list[list[Row]]:
    """Clusters of one (kind, parties) block: the same period, where a missing year matches
    any. The most specific claims found the clusters, the most recent period first; vaguer
    claims join the first that fits (so an undated mention joins the latest document)."""

    def specificity(r: Row) -> tuple:
        start, stop = r["from_year"], r["to_year"]
        known = (start is not None) + (stop is not None)
        return (-known, -(stop or start or 0), -(start or 0), *_order(r))

    clusters: list[tuple[list[int | None], list[Row]]] = []
    for r in sorted(rows, key=specificity):
        for period, members in clusters:
            if _compatible(period[0], r["from_year"]) and _compatible(period[1], r["to_year"]):
                period[0] = period[0] if period[0] is not None else r["from_year"]
                period[1] = period[1] if period[1] is not None else r["to_year"]
                members.append(r)
                break
        else:
            clusters.append(([r["from_year"], r["to_year"]], [r]))
    return [members for _, members in clusters]


def period(rows: Sequence[Row]) -> tuple[int | None, int | None]:
    """The period a cluster of agreement claims states (every year any of them gives)."""
    return (mode(r["from_year"] for r in rows), mode(r["to_year"] for r in rows))


def status(rows: Sequence[Row]) -> str | None:
    """The strongest status the texts state: in force over signed over approved over planned."""
    found = [r["status"] for r in rows if r.get("status")]
    return min(found, key=lambda s: (STATUS_RANK.get(s, 9), s)) if found else None


# --- meetings ------------------------------------------------------------------------------


def meetings(rows: Sequence[Row]) -> list[list[Row]]:
    """Clusters of one pair of people: dates chained within MEETING_DAYS; an undated claim
    joins the cluster nearest its article's date (the latest when that is unknown too)."""
    dated = sorted((r for r in rows if r["date"] is not None), key=lambda r: (r["date"], *_order(r)))
    clusters: list[list[Row]] = []
    for r in dated:
        if clusters and (r["date"] - clusters[-1][-1]["date"]).days <= MEETING_DAYS:
            clusters[-1].append(r)
        else:
            clusters.append([r])
    undated = sorted((r for r in rows if r["date"] is None), key=_order)
    if not clusters:
        return [undated] if undated else []
    for r in undated:
        clusters[_nearest(clusters, r.get("published"))].append(r)
    return clusters


def _nearest(clusters: list[list[Row]], day: date | None) -> int:
    if day is None:
        return len(clusters) - 1

    def distance(i: int) -> int:
        first, last = clusters[i][0]["date"], clusters[i][-1]["date"]
        return 0 if first <= day <= last else min(abs((day - first).days), abs((day - last).days))

    return min(range(len(clusters)), key=lambda i: (distance(i), i))


def meeting_date(rows: Sequence[Row]) -> date | None:
    """The date most reports give; ties to the earliest."""
    counts = Counter(r["date"] for r in rows if r["date"] is not None)
    return min(counts, key=lambda d: (-counts[d], d)) if counts else None


# --- metrics -------------------------------------------------------------------------------


def metrics(rows: Sequence[Row]) -> list[list[Row]]:
    """Clusters of one (subject, counterpart, indicator, period, unit): values within 1 % of
    the smallest value of their cluster."""
    clusters: list[list[Row]] = []
    for r in sorted(rows, key=lambda r: (r["value"], *_order(r))):
        if clusters and _close(clusters[-1][0]["value"], r["value"]):
            clusters[-1].append(r)
        else:
            clusters.append([r])
    return clusters


def _close(a: float, b: float) -> bool:
    scale = max(abs(a), abs(b))
    return scale == 0 or abs(a - b) <= METRIC_TOLERANCE * scale


def precise(values: Iterable[float]) -> float:
    """The most precise of several statements of one figure (most significant digits)."""

    def digits(v: float) -> int:
        text = repr(float(v)).rstrip("0").rstrip(".").replace("-", "").replace(".", "").lstrip("0")
        return len(text)

    counts = Counter(float(v) for v in values)
    return min(counts, key=lambda v: (-digits(v), -counts[v], v))
