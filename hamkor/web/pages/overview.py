"""The overview, the partnership graph and the map."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from hamkor.api.deps import KbDep
from hamkor.api.params import BasisQ, SinceQ, UntilQ
from hamkor.web import geo
from hamkor.web.render import apage

router = APIRouter()


@router.get("/", response_class=HTMLResponse)
async def overview(request: Request, kb: KbDep) -> HTMLResponse:
    return await apage(request, "overview.html", ov=await kb.get("overview"))


@router.get("/graph", response_class=HTMLResponse)
async def graph(request: Request, kb: KbDep, since: SinceQ = None, until: UntilQ = None,
                kind: BasisQ = None) -> HTMLResponse:
    regions, links = await kb.get("graph", since=since, until=until, kind=kind)
    return await apage(request, "graph.html", regions=regions, links=links, since=since,
                       until=until, kind=kind)


@router.get("/map", response_class=HTMLResponse)
async def activity_map(request: Request, kb: KbDep) -> HTMLResponse:
    regions = await kb.get("regions")
    tiles = geo.tiles(regions)
    return await apage(request, "map.html", regions=regions, tiles=geo.levels(tiles),
                top=max((t["count"] for t in tiles), default=0), uz_row=geo.UZ_OFFSET[1])
