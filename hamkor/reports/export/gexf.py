"""GEXF of the region graph for Gephi, reproducible: the file's date is the newest contact in
the data (networkx would stamp today's date, so two runs on one KB would differ)."""

from __future__ import annotations

from datetime import date

from hamkor.reports.export.graph import GraphExporter

NO_DATE = date(2000, 1, 1)  # a graph with no dated link


class GEXFExporter(GraphExporter):
    def finalize(self) -> None:
        from networkx.readwrite.gexf import GEXFWriter

        writer = GEXFWriter(encoding="utf-8", prettyprint=True, version="1.2draft")
        meta = writer.xml.find("meta")
        if meta is not None:
            meta.set("lastmodifieddate", (self.newest or NO_DATE).isoformat())
            desc = meta.makeelement("description", {})
            desc.text = "hamkor: регионы России и Узбекистана и их взаимодействие"
            meta.append(desc)
        writer.add_graph(self.graph)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        writer.write(self.path)
