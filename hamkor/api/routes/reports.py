"""/api/regions/{code}/report.{fmt} and /api/pairs/{ru}/{uz}/report.{fmt}: briefing notes."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from hamkor.api.deps import KbDep
from hamkor.api.params import RegionCode, RegionQ, SinceQ, code
from hamkor.web.downloads import OPENAPI, Format, report_file

router = APIRouter(tags=["reports"])


@router.get("/regions/{region}/report.{fmt}", response_class=Response, responses=OPENAPI)
async def region_report(request: Request, kb: KbDep, region: RegionCode, fmt: Format,
                        pair: RegionQ = None, since: SinceQ = None) -> Response:
    """A briefing note («справка») on a region, or on its ties with ``pair`` only:
    DOCX, PDF, Markdown or HTML, every statement with numbered sources."""
    return await report_file(request, kb, code(region), code(pair), since, fmt)


@router.get("/pairs/{ru}/{uz}/report.{fmt}", response_class=Response, responses=OPENAPI)
async def pair_report(request: Request, kb: KbDep, ru: RegionCode, uz: RegionCode,
                      fmt: Format, since: SinceQ = None) -> Response:
    """A briefing note on the cooperation of two regions."""
    return await report_file(request, kb, code(ru), code(uz), since, fmt)
