"""Briefing notes («справки») and exports of the knowledge base.

``render(conn, code, pair=None, since=None, fmt="docx") -> bytes`` is the one entry point the
CLI and the web app share (``MEDIA_TYPES[fmt]`` is the Content-Type to serve it with):

    query layer ──► gather.Brief ──► build.report ──► model.Report ──► markdown | html | word | pdf
                    (gather.py)      (build.py,        (model.py)       (one module a format)
                                      sections.py, cite.py, labels.py)

Exports (CSV, XLSX, GraphML, GEXF, FollowTheMoney, JSON Lines) live in ``reports.export``.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from hamkor.errors import HamkorError

FORMATS = ("docx", "pdf", "md", "html")
MEDIA_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "md": "text/markdown; charset=utf-8",
    "html": "text/html; charset=utf-8",
}


def render(conn: Any, code: str, pair: str | None = None, since: date | None = None,
           fmt: str = "docx", today: date | None = None) -> bytes:
    """The briefing note on region ``code`` (with partner ``pair`` only) as bytes of ``fmt``.

    Raises ``hamkor.errors.NotFound`` when a region is not in the knowledge base and
    ``HamkorError`` for an unknown format.
    """
    from hamkor.reports import build, gather

    return draw(build.report(gather.read(conn, code, pair, since), today), fmt)


def draw(report: Any, fmt: str, chart_href: str | None = None) -> bytes:
    """A built :class:`~hamkor.reports.model.Report` in format ``fmt``."""
    if fmt == "md":
        from hamkor.reports import markdown

        return markdown.render(report, chart_href)
    if fmt == "html":
        from hamkor.reports import html

        return html.render(report)
    if fmt == "docx":
        from hamkor.reports import word

        return word.render(report)
    if fmt == "pdf":
        from hamkor.reports import pdf

        return pdf.render(report)
    raise HamkorError(f"unknown report format {fmt!r}; choose one of {', '.join(FORMATS)}")
