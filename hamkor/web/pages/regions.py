"""Regions: the list and each region's dossier."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from fastapi.responses import HTMLResponse

from hamkor.api.deps import KbDep
from hamkor.api.errors import not_found
from hamkor.api.params import RegionCode, RegionQ, SinceQ, code
from hamkor.web.downloads import Format, report_file
from hamkor.web.render import apage

router = APIRouter()


@router.get("/regions", response_class=HTMLResponse)
async def regions(request: Request, kb: KbDep) -> HTMLResponse:
    found = sorted(await kb.get("regions"), key=lambda r: (r[0].country, -r[1], r[0].name))
    return await apage(request, "regions.html", regions=found)


@router.get("/regions/{region}", response_class=HTMLResponse)
async def dossier(request: Request, kb: KbDep, region: RegionCode, since: SinceQ = None
            ) -> HTMLResponse:
    found = await kb.get("dossier", code(region), since=since)
    if found is None:
        raise not_found(f"регион {region}")
    return await apage(request, "region.html", d=found, since=since, trade=trade(found.metrics))


@router.get("/regions/{region}/report.{fmt}")
async def report(request: Request, kb: KbDep, region: RegionCode, fmt: Format,
                 pair: RegionQ = None, since: SinceQ = None) -> Response:
    """The region's «справка» to download (``pair``: its ties with one partner only)."""
    return await report_file(request, kb, code(region), code(pair), since, fmt)


def trade(metrics: list) -> list[dict]:
    """The dossier's figures as the trade chart reads them (``static/js/charts.js``)."""
    return [{"period": m.period, "indicator": m.indicator, "value": m.value, "unit": m.unit}
            for m in metrics]
