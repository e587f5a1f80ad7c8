"""/api/docs: Swagger UI from the vendored assets (FastAPI's own /docs would use a CDN)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from hamkor.web.render import page

router = APIRouter()


@router.get("/api/docs", response_class=HTMLResponse)
def swagger(request: Request) -> HTMLResponse:
    return page(request, "docs.html", openapi_url=request.app.openapi_url)
