"""The pages as HTML (no browser): each answers in Russian, links facts to their sentences,
escapes what articles say, and the article page anchors every extracted item."""

from __future__ import annotations

import re

import pytest

from hamkor.web.highlight import render
from tests.web.kb import EVIL_TEXT, YEAR


def ids(client) -> dict[str, str]:
    people = {p["name"]: p["id"] for p in client.get("/api/people").json()["items"]}
    memo = client.get("/api/agreements", params={"kind": "memorandum"}).json()["items"][0]
    return {"person": people["Нормат Турсунов"], "agreement": memo["id"]}


def pages(client) -> list[str]:
    found = ids(client)
    return ["/", "/graph", f"/graph?since={YEAR}-01-01&kind=visit", "/map", "/regions",
            "/regions/RU-OMS", "/regions/UZ-NW", "/pairs/RU-TA/UZ-NW", "/people", "/people?q=Нор",
            f"/people/{found['person']}", "/agreements", "/agreements?status=expiring",
            f"/agreements/{found['agreement']}", "/articles/omsk-bukhara", "/articles/evil",
            "/search?q=Навоийской", "/search", "/login", "/api/docs"]


def test_every_page_answers(client):
    for path in pages(client):
        r = client.get(path)
        assert r.status_code == 200, (path, r.text[:500])
        assert r.headers["content-type"].startswith("text/html")
        assert inline_code(r.text) == [], path


def inline_code(html: str) -> list[str]:
    """Inline scripts, event-handler attributes and style attributes: the CSP forbids them."""
    from html.parser import HTMLParser

    found: list[str] = []

    class Parser(HTMLParser):
        def handle_starttag(self, tag, attrs):
            names = dict(attrs)
            if tag == "script" and not names.get("src"):
                found.append("inline <script>")
            found.extend(f"{tag} {k}=" for k in names if k.startswith("on") or k == "style")

    Parser().feed(html)
    return found


def test_pages_are_russian(client):
    assert 'lang="ru"' in client.get("/").text
    assert "Соглашения, истекающие в течение года" in client.get("/").text
    assert "Партнёры" in client.get("/regions/RU-OMS").text


def test_facts_link_to_their_sentences(client):
    html = client.get("/regions/RU-OMS").text
    links = re.findall(r'href="/articles/([^"#]+)#ev-(\d+)"', html)
    assert links
    for article_id, start in links:
        article = client.get(f"/articles/{article_id}").text
        assert f'id="ev-{start}"' in article, (article_id, start)


def test_html_errors_for_pages(client):
    r = client.get("/regions/KZ-ALA")
    assert r.status_code == 404 and "Не найдено" in r.text
    assert client.get("/graph?since=nonsense").status_code == 422


def test_article_escapes_payloads(client):
    html = client.get("/articles/evil").text
    assert "<script>alert" not in html and "<img src=x" not in html and "<svg onload" not in html
    assert "&lt;script&gt;alert(&#39;xss-text&#39;)&lt;/script&gt;" in html
    assert "&lt;script&gt;alert(&#39;xss-title&#39;)" in html
    person = client.get("/regions/RU-MOW").text
    assert "<img src=x onerror=alert(9)>" not in person


@pytest.mark.parametrize("text, spans, marks", [
    ("Омск и Бухара.", [("region", "r1", 0, 4, "RU-OMS"), ("region", "r2", 7, 13, "UZ-BU")], 2),
    ("Один. Два три.", [("link", "l", 6, 14, "x"), ("event", "e", 10, 13, "y")], 3),
    ("", [], 0),
])
def test_highlight(text, spans, marks):
    class F:
        def __init__(self, kind, fact_id, start, stop, label):
            self.kind, self.fact_id, self.start, self.stop, self.label = kind, fact_id, start, stop, label

    html = str(render(text, [F(*s) for s in spans]))
    assert html.count("<mark") == marks
    assert re.sub(r"<[^>]+>", "", html) == text
    for s in spans:
        assert f'id="ev-{s[2]}"' in html


def test_highlight_escapes():
    class F:
        kind, fact_id, start, stop, label = "region", "r", 0, 8, "<b>label</b>"

    html = str(render(EVIL_TEXT, [F()]))
    assert "<script>" not in html and "<b>label" not in html and "&lt;script&gt;" in html


def test_many_concurrent_page_misses_all_answer(kb_url):
    """With every answer a cache miss, more concurrent pages than worker threads and KB slots
    all complete: no request holds a KB connection while it waits for a thread."""
    import asyncio

    import httpx

    from hamkor.api.app import create_app
    from hamkor.api.cache import QueryCache
    from tests.web.conftest import Server, free_port

    app = create_app(kb_url, secret="test-secret")
    app.state.cache = QueryCache(ttl=0)

    async def hammer(base: str) -> list[int]:
        async with httpx.AsyncClient(base_url=base, timeout=30) as client:
            paths = ["/regions/RU-OMS", "/regions/UZ-BU", "/"] * 16
            return [r.status_code for r in await asyncio.gather(*(client.get(p) for p in paths))]

    with Server(app, free_port()) as server:
        codes = asyncio.run(hammer(server.url))
    assert codes == [200] * len(codes)


def test_a_reprint_is_one_story_on_the_article_page_and_in_the_api(fresh_app, tmp_path):
    """Another site's copy of the Omsk article: the link still counts one report, with both
    sources, and each article names the other."""
    from dataclasses import replace

    from fastapi.testclient import TestClient

    from hamkor.api.deps import make_engine
    from hamkor.kb import store
    from tests.web import kb

    app = fresh_app()
    original = kb.omsk()
    copy = replace(original, id="omsk-reprint",
                   article=replace(original.article, id="omsk-reprint",
                                   url="https://other.example/omsk", site="other.example"))
    with TestClient(app) as c:
        before = c.get("/api/links", params={"region": "RU-OMS"}).json()["items"]
        store.store_extractions(make_engine(f"sqlite:///{tmp_path / 'kb.sqlite'}"), [copy])
        app.state.cache.clear()  # the generation is looked at every few seconds only
        a = c.get("/api/articles/omsk-reprint").json()
        assert [x["id"] for x in a["story"]] == ["omsk-bukhara"]
        assert a["story"][0]["href"] == "/articles/omsk-bukhara"
        page = c.get("/articles/omsk-bukhara").text
        assert "Та же новость ещё в 1 источнике" in page and 'href="/articles/omsk-reprint"' in page
        after = c.get("/api/links", params={"region": "RU-OMS"}).json()["items"]
    count = {(x["ru"]["code"], x["uz"]["code"]): x["count"] for x in after}
    assert count == {(x["ru"]["code"], x["uz"]["code"]): x["count"] for x in before}
    bukhara = next(x for x in after if x["uz"]["code"] == "UZ-BU")
    assert {s["article_id"] for s in bukhara["sources"]} == {"omsk-bukhara", "omsk-reprint"}
