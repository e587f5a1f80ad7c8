"""The region graph shared by GraphML and GEXF: nodes are regions, edges their interactions.

Every attribute value is a str, int or float: GraphML refuses None, dates and lists, so
dates are ISO text ("" when unknown) and lists are «; »-joined text.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from hamkor.kb.views import AgreementView, LinkView, RegionRef
from hamkor.reports.export.base import Exporter


class GraphExporter(Exporter):
    """Collects regions, links and agreements into a networkx graph; subclasses save it."""

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        import networkx as nx

        self.graph = nx.Graph()
        self.newest: date | None = None

    def _node(self, r: RegionRef) -> None:
        if r.code not in self.graph:
            self.graph.add_node(r.code, label=r.name, name=r.name, country=r.country,
                                level="region" if "-" in r.code else "country", interactions=0)

    def write(self, row: Any) -> None:
        if isinstance(row, RegionRef):
            self._node(row)
        elif isinstance(row, LinkView):
            self._link(row)
        elif isinstance(row, AgreementView):
            self._agreement(row)
        else:
            return
        self.written += 1

    def _link(self, k: LinkView) -> None:
        self._node(k.ru)
        self._node(k.uz)
        edge = self._edge(k.ru.code, k.uz.code)
        edge["weight"] += k.count
        edge["basis"] = _merge(edge["basis"], k.basis)
        edge["first"] = _min_iso(edge["first"], k.first)
        edge["last"] = _max_iso(edge["last"], k.last)
        edge["sources"] += len({s.article_id for s in k.sources})
        for code in (k.ru.code, k.uz.code):
            self.graph.nodes[code]["interactions"] += k.count
        if k.last and (self.newest is None or k.last > self.newest):
            self.newest = k.last

    def _agreement(self, a: AgreementView) -> None:
        ru = [p for p in a.parties if p.country == "RU"]
        uz = [p for p in a.parties if p.country == "UZ"]
        for x in ru:
            for y in uz:
                self._node(x)
                self._node(y)
                self._edge(x.code, y.code)["agreements"] += 1

    def _edge(self, ru: str, uz: str) -> dict[str, Any]:
        if not self.graph.has_edge(ru, uz):
            self.graph.add_edge(ru, uz, weight=0, basis="", first="", last="", sources=0,
                                agreements=0, label=f"{ru} — {uz}")
        return self.graph.edges[ru, uz]


def _merge(joined: str, more: Any) -> str:
    basis = [b for b in joined.split("; ") if b] + list(more)
    return "; ".join(dict.fromkeys(basis))


def _min_iso(current: str, d: date | None) -> str:
    if d is None:
        return current
    return min(current, d.isoformat()) if current else d.isoformat()


def _max_iso(current: str, d: date | None) -> str:
    if d is None:
        return current
    return max(current, d.isoformat())
