"""GraphML of the region graph (opens in Gephi, yEd, networkx.read_graphml)."""

from __future__ import annotations

from hamkor.reports.export.graph import GraphExporter


class GraphMLExporter(GraphExporter):
    def finalize(self) -> None:
        import networkx as nx

        self.path.parent.mkdir(parents=True, exist_ok=True)
        nx.write_graphml(self.graph, self.path, encoding="utf-8", prettyprint=True)
