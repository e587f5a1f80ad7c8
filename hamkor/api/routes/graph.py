"""/api/graph and /api/map: the partnership graph and the regions' activity for the map."""

from __future__ import annotations

from fastapi import APIRouter, Response

from hamkor.api.deps import KbDep
from hamkor.api.models import GraphPublic, MapTile
from hamkor.api.params import BasisQ, SinceQ, UntilQ, period
from hamkor.web import geo

router = APIRouter(tags=["graph"])


@router.get("/graph", response_model=GraphPublic)
async def graph(kb: KbDep, since: SinceQ = None, until: UntilQ = None,
          kind: BasisQ = None) -> Response:
    """Regions of both sides and the links between them, weighted by interactions."""
    period(since, until)
    return await kb.answer(GraphPublic, "graph", since=since, until=until, kind=kind)


@router.get("/map")
def activity_map(kb: KbDep) -> list[MapTile]:
    """Every region of both countries with its activity, placed on a schematic tile grid (x, y);
    the boundaries the map page draws are /static/geo/regions.json."""
    return [MapTile.model_validate(t) for t in geo.tiles(kb.regions())]
