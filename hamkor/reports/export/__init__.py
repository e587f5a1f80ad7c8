"""Exports of the knowledge base, one module a format behind ``write(row)`` / ``finalize()``:

    csv      one file a table (a directory for several)    excel    XLSX, one sheet a table
    graphml  the region graph for Gephi and yEd             gexf     the region graph for Gephi
    ftm      FollowTheMoney entities (JSON lines)           jsonl    every fact with its evidence
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hamkor.errors import HamkorError

FORMATS = ("csv", "xlsx", "graphml", "gexf", "ftm", "jsonl")
WHAT = ("links", "agreements", "people", "events", "metrics", "all")
GRAPHS = ("graphml", "gexf")


def exporter(fmt: str, path: Path, what: str = "all") -> Any:
    """The exporter of ``fmt`` writing to ``path``, for the tables of ``what``."""
    from hamkor.reports.export import rows

    tables = rows.TABLES if what == "all" else _tables(what)
    if fmt == "csv":
        from hamkor.reports.export.csv import CSVExporter

        return CSVExporter(path, tables)
    if fmt == "xlsx":
        from hamkor.reports.export.excel import ExcelExporter

        return ExcelExporter(path, tables)
    if fmt == "graphml":
        from hamkor.reports.export.graphml import GraphMLExporter

        return GraphMLExporter(path)
    if fmt == "gexf":
        from hamkor.reports.export.gexf import GEXFExporter

        return GEXFExporter(path)
    if fmt == "ftm":
        from hamkor.reports.export.ftm import FtMExporter

        return FtMExporter(path)
    if fmt == "jsonl":
        from hamkor.reports.export.jsonl import JSONLExporter

        return JSONLExporter(path)
    raise HamkorError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")


def _tables(what: str) -> tuple[str, ...]:
    # people bring their meetings; so do events (a meeting is a contact on the timeline)
    return {"people": ("people", "meetings"), "events": ("events", "meetings")}.get(what, (what,))


def export(conn: Any, fmt: str, path: Path, what: str = "all") -> int:
    """Write ``what`` of the knowledge base to ``path`` as ``fmt``; the number of items written."""
    from hamkor.reports.export import collect

    if what not in WHAT:
        raise HamkorError(f"unknown selection {what!r}; choose one of {', '.join(WHAT)}")
    if fmt in GRAPHS and what not in ("links", "all"):
        raise HamkorError(f"{fmt} holds the region graph: use --what links or all")
    out = exporter(fmt, Path(path), what)
    items = collect.graph(conn) if fmt in GRAPHS else collect.items(conn, what)
    for item in items:
        out.write(item)
    out.finalize()
    return out.written

