"""Briefing notes as downloads, for the pages and the API: one region, or a pair.

    await report_file(request, kb, "RU-OMS", "UZ-BU", since, "pdf")  ->  a Response to save

The bytes are kept in a small cache of their own (``app.state.reports``: a PDF with its
chart costs about a second), under the answer cache's generation, so an ingest or an edit
makes them stale too.
"""

from __future__ import annotations

from datetime import date
from typing import Literal
from urllib.parse import quote

from fastapi import Request, Response

from hamkor.api.cache import Reader
from hamkor.reports import FORMATS, MEDIA_TYPES

Format = Literal["docx", "pdf", "md", "html"]
assert set(FORMATS) == set(Format.__args__)  # type: ignore[attr-defined]

# A saved HTML note may be opened from the server: no script at all, its own inline style.
HTML_CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
            "form-action 'none'; frame-ancestors 'none'")

# The 200 answer as OpenAPI shows it: one media type a format.
OPENAPI = {200: {"content": {MEDIA_TYPES[f]: {} for f in FORMATS},
                 "description": "the note, as an attachment"},
           404: {"description": "a region not in the knowledge base"}}


def filename(code: str, pair: str | None, since: date | None, fmt: str) -> str:
    """«spravka-RU-OMS-UZ-BU-since-2024-01-01.pdf»: ASCII, so every browser keeps it."""
    parts = ["spravka", code] + ([pair] if pair else []) + ([f"since-{since}"] if since else [])
    return "-".join(parts) + "." + fmt


def disposition(name: str) -> str:
    russian = name.replace("spravka", "справка", 1)
    return f'attachment; filename="{name}"; filename*=UTF-8\'\'{quote(russian)}'


async def report_file(request: Request, kb: Reader, code: str, pair: str | None,
                      since: date | None, fmt: str) -> Response:
    """The note on ``code`` (narrowed to ``pair``) as an attachment of ``fmt``.

    A region not in the knowledge base raises ``hamkor.errors.NotFound`` (404 at the edge)."""
    from hamkor.reports import render

    reports = request.app.state.reports

    def make() -> bytes:
        kb.follow()
        key = (code, pair, since, fmt, date.today(), kb.cache.generation)
        return reports.get(key, lambda: render(kb.connection(), code, pair, since, fmt))

    data = await kb.run(make)
    headers = {"Content-Disposition": disposition(filename(code, pair, since, fmt)),
               "Cache-Control": "private, no-store"}
    if fmt == "html":
        headers["Content-Security-Policy"] = HTML_CSP
    return Response(data, media_type=MEDIA_TYPES[fmt], headers=headers)
