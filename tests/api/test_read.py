"""Every read route of /api: answers, filters, 404s and bad parameters (422, clear message)."""

from __future__ import annotations

import pytest

from tests.web.kb import YEAR


def error(r, status: int) -> str:
    """The one error body: ``{"error": {"code": …, "message": …}}``; its message."""
    assert r.status_code == status, r.text
    body = r.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}, body
    assert body["error"]["message"]
    return body["error"]["message"]


def codes(regions) -> set[str]:
    return {r["code"] for r in regions}


def test_regions_with_counts(client):
    r = client.get("/api/regions")
    assert r.status_code == 200
    counts = {x["region"]["code"]: x["count"] for x in r.json()}
    assert counts["RU-OMS"] >= 1 and counts["UZ-NW"] >= 1
    names = {x["region"]["code"]: x["region"]["name"] for x in r.json()}
    assert names["UZ-NW"].startswith("Навоийская")


def test_dossier(client):
    d = client.get("/api/regions/RU-OMS").json()
    assert d["region"]["code"] == "RU-OMS" and d["region"]["country"] == "RU"
    assert "UZ-BU" in {p["uz"]["code"] for p in d["partners"]}
    agreement = d["agreements"][0]
    assert agreement["kind"] == "agreement" and agreement["from"] == YEAR - 1
    assert agreement["to"] == YEAR + 3
    assert "Виталий Хоценко" in {p["name"] for p in d["officials"]}
    assert d["metrics"][0]["value"] == pytest.approx(120e6)
    source = d["partners"][0]["sources"][0]
    assert source["href"] == f"/articles/{source['article_id']}#ev-{source['start']}"
    assert source["sentence"]


def test_dossier_lower_case_code_and_since(client):
    assert client.get("/api/regions/ru-oms").json()["region"]["code"] == "RU-OMS"
    assert client.get("/api/regions/RU-OMS", params={"since": f"{YEAR}-01-01"}).status_code == 200


@pytest.mark.parametrize("path, status", [
    ("/api/regions/KZ-ALA", 404),
    ("/api/regions/not a code", 422),
    ("/api/regions/RU-OMS?since=yesterday", 422),
    ("/api/pairs/KZ-ALA/UZ-ZZZ", 404),
    ("/api/pairs/RU-OMS/bad_code!", 422),
    ("/api/people/per-nobody", 404),
    ("/api/agreements/agr-nothing", 404),
    ("/api/agreement/agr-nothing", 404),
    ("/api/articles/no-such-article", 404),
    ("/api/nothing-here", 404),
])
def test_errors(client, path: str, status: int):
    error(client.get(path), status)


@pytest.mark.parametrize("path, mentions", [
    ("/api/people?limit=0", "limit"),
    ("/api/people?limit=100000", "limit"),
    ("/api/people?offset=-1", "offset"),
    ("/api/links?kind=bribery", "kind"),
    ("/api/links?since=2025-13-01", "since"),
    (f"/api/links?since={YEAR}-06-01&until={YEAR}-01-01", "since"),
    ("/api/links?region=Omsk!", "region"),
    ("/api/agreements?status=eternal", "status"),
    ("/api/agreements?kind=treaty", "kind"),
    ("/api/events?until=soon", "until"),
    ("/api/metrics?limit=abc", "limit"),
    ("/api/search", "q"),
    ("/api/search?q=%20%20", "q"),
    ("/api/graph?kind=war", "kind"),
])
def test_bad_parameters(client, path: str, mentions: str):
    message = error(client.get(path), 422)
    assert mentions in message


def test_pair(client):
    p = client.get("/api/pairs/RU-TA/UZ-NW").json()
    assert p["ru"]["code"] == "RU-TA" and p["uz"]["code"] == "UZ-NW"
    assert p["links"]["count"] >= 1 and "visit" in p["links"]["basis"]
    assert p["agreements"][0]["kind"] == "memorandum"
    assert {x["name"] for m in p["meetings"] for x in m["people"]} >= {"Нормат Турсунов"}


def test_people_page_and_person(client):
    page = client.get("/api/people", params={"limit": 2}).json()
    assert page["total"] >= 5 and len(page["items"]) == 2 and page["limit"] == 2
    rest = client.get("/api/people", params={"offset": 2, "limit": 50}).json()
    assert len(rest["items"]) == page["total"] - 2
    found = client.get("/api/people", params={"q": "Турсун"}).json()["items"]
    assert [p["name"] for p in found] == ["Нормат Турсунов"]
    person = client.get(f"/api/people/{found[0]['id']}").json()
    assert person["of"] == "UZ-NW" and person["positions"][0]["title_norm"] == "хоким"
    assert person["meetings"] and person["sources"]


def test_links_filters(client):
    everything = client.get("/api/links").json()
    assert everything["total"] == 3
    omsk = client.get("/api/links", params={"region": "RU-OMS"}).json()["items"]
    assert [(k["ru"]["code"], k["uz"]["code"]) for k in omsk] == [("RU-OMS", "UZ-BU")]
    visits = client.get("/api/links", params={"kind": "visit"}).json()["items"]
    assert {k["uz"]["code"] for k in visits} == {"UZ-NW"}
    later = client.get("/api/links", params={"since": f"{YEAR}-05-01"}).json()["items"]
    assert "UZ-BU" not in {k["uz"]["code"] for k in later}


def test_agreements_and_agreement(client):
    page = client.get("/api/agreements").json()
    assert page["total"] == 2
    expiring = client.get("/api/agreements", params={"status": "expiring"}).json()["items"]
    assert [a["kind"] for a in expiring] == ["memorandum"]
    memo = expiring[0]
    assert client.get(f"/api/agreements/{memo['id']}").json()["id"] == memo["id"]
    assert client.get(f"/api/agreement/{memo['id']}").json()["to"] == YEAR
    by_region = client.get("/api/agreements", params={"region": "UZ-BU", "kind": "agreement"})
    assert by_region.json()["total"] == 1


def test_events_timeline(client):
    events = client.get("/api/events").json()
    assert events["total"] == 3
    navoi = client.get("/api/events", params={"region": "UZ-NW"}).json()["items"]
    assert [e["type"] for e in navoi] == ["visit"]


def test_metrics(client):
    items = client.get("/api/metrics", params={"region": "RU-OMS"}).json()["items"]
    assert [(m["indicator"], m["period"], m["unit"]) for m in items] == [
        ("trade_turnover", "2024", "USD")]


def test_article_with_spans(client):
    a = client.get("/api/articles/omsk-bukhara").json()
    assert a["published"] == f"{YEAR}-03-10"
    kinds = {f["kind"] for f in a["facts"]}
    assert {"region", "person", "link", "agreement", "metric"} <= kinds
    for f in a["facts"]:
        assert 0 <= f["start"] < f["stop"] <= len(a["text"])
    person = next(f for f in a["facts"] if f["kind"] == "person")
    assert a["text"][person["start"]:person["stop"]] in ("Виталий Хоценко", "Ботиром Зариповым")


def test_search_word_forms(client):
    hits = client.get("/api/search", params={"q": "Навоийской"}).json()
    assert hits["total"] >= 1
    assert any(h["kind"] == "region" and h["id"] == "UZ-NW" for h in hits["items"]) or any(
        h["kind"] == "article" and h["id"] == "tatarstan-navoi" for h in hits["items"])


def test_overview(client):
    ov = client.get("/api/overview").json()
    assert ov["counts"]["articles"] == 3
    assert [a["kind"] for a in ov["expiring"]] == ["memorandum"]
    assert all(set(m) == {"month", "count"} for m in ov["links_per_month"])


def test_graph_and_map(client):
    g = client.get("/api/graph").json()
    assert {"RU-OMS", "RU-TA", "UZ-BU", "UZ-NW"} <= codes(g["regions"])
    assert {(k["ru"]["code"], k["uz"]["code"]) for k in g["links"]} >= {("RU-OMS", "UZ-BU")}
    only_visits = client.get("/api/graph", params={"kind": "visit"}).json()["links"]
    assert {k["uz"]["code"] for k in only_visits} == {"UZ-NW"}
    tiles = client.get("/api/map").json()
    assert len(tiles) == 97  # 83 Russian and 14 Uzbek regions
    assert len({(t["x"], t["y"]) for t in tiles}) == 97  # one tile each
    assert next(t for t in tiles if t["code"] == "RU-OMS")["count"] >= 1
    # the country labels of the map page sit on free cells
    taken = {(t["x"], t["y"]) for t in tiles}
    assert not taken & {(3, 0), (4, 0), (5, 0), (0, 10), (1, 10), (2, 10)}


def test_openapi_and_local_docs(client):
    spec = client.get("/api/openapi.json").json()
    for path in ("/api/regions", "/api/regions/{region}", "/api/pairs/{ru}/{uz}", "/api/people",
                 "/api/people/{id}", "/api/links", "/api/agreements", "/api/agreements/{id}",
                 "/api/events", "/api/metrics", "/api/articles/{id}", "/api/search",
                 "/api/overview", "/api/graph", "/api/map", "/api/corrections"):
        assert path in spec["paths"], path
    docs = client.get("/api/docs")
    assert docs.status_code == 200
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in docs.text
    for cdn in ("cdn.", "unpkg", "jsdelivr", "googleapis", "http://", "https://"):
        assert cdn not in docs.text
    assert client.get("/static/vendor/swagger-ui/swagger-ui-bundle.js").status_code == 200
    assert client.get("/static/vendor/swagger-ui/LICENSE").status_code == 200
    assert client.get("/static/vendor/echarts/LICENSE").status_code == 200


def test_security_headers(client):
    r = client.get("/api/regions")
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"


def test_static_stays_in_its_folder(client):
    for path in ("/static/../../settings.py", "/static/%2e%2e/%2e%2e/settings.py",
                 "/static/..%2f..%2fsettings.py"):
        assert client.get(path).status_code == 404
