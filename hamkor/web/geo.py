"""Regions on the map page, and the schematic tile grid kept for ``/api/map`` and for
pages read without JavaScript.

The map page draws real boundaries (``static/geo/regions.json``: Natural Earth admin-1,
see ``PROVENANCE.txt`` beside it) coloured by ``levels``. The tile grid: each region's
capital (``data/regions.tsv``, approximate latitude and longitude) is spread over a grid by
rank — dense European Russia gets room, Siberia is squeezed — and tiles are then swapped
while that brings them nearer their places. Uzbekistan's grid sits below.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

GRIDS = {"RU": (18, 9), "UZ": (7, 4)}  # columns, rows
UZ_OFFSET = (8, 10)  # where Uzbekistan's grid starts, below Russia's (columns, rows)


@dataclass(frozen=True)
class Place:
    code: str
    name: str
    short: str
    lat: float
    lon: float

    @property
    def country(self) -> str:
        return self.code[:2]


@cache
def places() -> dict[str, Place]:
    """The regions of ``data/regions.tsv`` by code."""
    text = files("hamkor.web").joinpath("data/regions.tsv").read_text(encoding="utf-8")
    rows = csv.DictReader((ln for ln in text.splitlines() if not ln.startswith("#")),
                          delimiter="\t")
    return {r["code"]: Place(r["code"], r["name"], r["short"], float(r["lat"]), float(r["lon"]))
            for r in rows}


def _ranks(values: list[float]) -> list[float]:
    """Each value's rank scaled to [0, 1], mixed with its linear position to keep some shape."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    lo, hi = min(values), max(values)
    out = [0.0] * len(values)
    for rank, i in enumerate(order):
        q = rank / max(len(values) - 1, 1)
        lin = (values[i] - lo) / ((hi - lo) or 1)
        out[i] = 0.75 * q + 0.25 * lin
    return out


def _layout(group: list[Place], cols: int, rows: int) -> dict[str, tuple[int, int]]:
    xs = [c * (cols - 1) for c in _ranks([p.lon for p in group])]
    ys = [r * (rows - 1) for r in _ranks([-p.lat for p in group])]  # north at the top
    want = {p.code: (x, y) for p, x, y in zip(group, xs, ys, strict=True)}
    free = {(c, r) for c in range(cols) for r in range(rows)}
    cell: dict[str, tuple[int, int]] = {}
    for p in group:  # greedy: nearest free cell
        x, y = want[p.code]
        best = min(free, key=lambda c: ((c[0] - x) ** 2 + (c[1] - y) ** 2, c))
        free.remove(best)
        cell[p.code] = best

    def cost(code: str, c: tuple[int, int]) -> float:
        x, y = want[code]
        return (c[0] - x) ** 2 + (c[1] - y) ** 2

    codes = sorted(cell)
    for _ in range(20):  # swap tiles (or move to a free cell) while that helps
        improved = False
        for i, a in enumerate(codes):
            for b in codes[i + 1:]:
                if cost(a, cell[b]) + cost(b, cell[a]) + 1e-9 < cost(a, cell[a]) + cost(b, cell[b]):
                    cell[a], cell[b] = cell[b], cell[a]
                    improved = True
            for c in sorted(free):
                if cost(a, c) + 1e-9 < cost(a, cell[a]):
                    free.add(cell[a])
                    free.remove(c)
                    cell[a] = c
                    improved = True
        if not improved:
            break
    return cell


@cache
def grid() -> dict[str, tuple[int, int]]:
    """Each region's tile (column, row) on the whole map."""
    out: dict[str, tuple[int, int]] = {}
    for country, (cols, rows) in GRIDS.items():
        group = sorted((p for p in places().values() if p.country == country), key=lambda p: p.code)
        dx, dy = UZ_OFFSET if country == "UZ" else (0, 0)
        for code, (c, r) in _layout(group, cols, rows).items():
            out[code] = (c + dx, r + dy)
    return out


def tiles(counts: Iterable[tuple[Any, int]]) -> list[dict[str, Any]]:
    """Every mapped region with its activity; ``counts`` is ``query.regions``' answer."""
    known = {ref.code: (ref, n) for ref, n in counts}
    out = []
    for code, (x, y) in grid().items():
        p = places()[code]
        ref, n = known.get(code, (None, 0))
        out.append({"code": code, "name": getattr(ref, "name", None) or p.name,
                    "short": p.short, "country": p.country, "x": x, "y": y, "count": n})
    return sorted(out, key=lambda t: (t["y"], t["x"]))


def levels(tiles: list[dict[str, Any]], steps: int = 5) -> list[dict[str, Any]]:
    """Each tile with ``level``: 0 for no activity, else 1…steps by the square root of its
    share of the most active region's count (a few busy regions do not wash out the rest)."""
    top = max((t["count"] for t in tiles), default=0)
    out = []
    for t in tiles:
        level = 0 if not t["count"] or not top else max(1, round(steps * (t["count"] / top) ** 0.5))
        out.append({**t, "level": level})
    return out


def region_name(ref: Any) -> str:
    """A region's Russian name; the map's name when the gazetteer gave only the code."""
    if ref.name == ref.code and ref.code in places():
        return places()[ref.code].name
    return ref.name


def code_name(code: str | None) -> str:
    """«Навоийская область» for UZ-NW, «Россия» for RU; the code itself when unknown."""
    if not code:
        return "—"
    if code in places():
        return places()[code].name
    return {"RU": "Россия", "UZ": "Узбекистан"}.get(code, code)
