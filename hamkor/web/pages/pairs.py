"""A pair of regions: every interaction in time order with its sources."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from fastapi.responses import HTMLResponse

from hamkor.api.deps import KbDep
from hamkor.api.errors import not_found
from hamkor.api.params import RegionCode, SinceQ, code
from hamkor.web.downloads import Format, report_file
from hamkor.web.render import apage
from hamkor.web.timeline import pair_timeline

router = APIRouter()


@router.get("/pairs/{ru}/{uz}", response_class=HTMLResponse)
async def pair(request: Request, kb: KbDep, ru: RegionCode, uz: RegionCode) -> HTMLResponse:
    found = await kb.get("pair", code(ru), code(uz))
    if found is None:
        raise not_found(f"пара {ru}/{uz}")
    return await apage(request, "pair.html", p=found, timeline=pair_timeline(found))


@router.get("/pairs/{ru}/{uz}/report.{fmt}")
async def report(request: Request, kb: KbDep, ru: RegionCode, uz: RegionCode, fmt: Format,
                 since: SinceQ = None) -> Response:
    """The pair's «справка» to download."""
    return await report_file(request, kb, code(ru), code(uz), since, fmt)
