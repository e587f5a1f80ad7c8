"""The map's bundled boundaries: every gazetteer region has one, the file stays small."""

from __future__ import annotations

import json

from hamkor.web import geo
from hamkor.web.render import STATIC

GEO = STATIC / "geo" / "regions.json"


def test_every_region_has_a_boundary():
    features = json.loads(GEO.read_text())["features"]
    codes = [f["properties"]["code"] for f in features]
    assert sorted(codes) == sorted(geo.places()) and len(codes) == 97
    for f in features:
        assert f["geometry"]["type"] in ("Polygon", "MultiPolygon")
        assert len(f["properties"]["cp"]) == 2


def test_moscow_city_is_the_small_one():
    features = {f["properties"]["code"]: f for f in json.loads(GEO.read_text())["features"]}
    assert len(json.dumps(features["RU-MOW"])) < len(json.dumps(features["RU-MOS"]))


def test_small_with_provenance():
    assert GEO.stat().st_size < 150_000
    note = (GEO.parent / "PROVENANCE.txt").read_text()
    assert "Natural Earth" in note and "public domain" in note


def test_map_page_loads_the_boundaries(client):
    page = client.get("/map").text
    assert 'data-geo="/static/geo/regions.json"' in page and "/static/js/map.js" in page
    assert "<script>" not in page  # no inline script: the CSP would block it
    r = client.get("/static/geo/regions.json")
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/json")
