"""Issue 4's bad inputs against the loopback server: a clear error naming each bad item, the
rest goes on, and nothing stored is lost."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from hamkor import pipeline
from hamkor.records import Extraction, Failure
from hamkor.sources import read_any
from tests.sources.conftest import BAD_LINKS

WEB = Path(__file__).resolve().parent.parent / "fixtures" / "web"

# path → what its error says (the fixture's limits: read 1 s, total 4 s, 2 MB)
BAD = {
    "/menu-only.html": "no article text in the page",
    "/slow": "timed out",
    "/drip": "took longer than 4 s",
    "/404": "HTTP 404 Not Found",
    "/500": "HTTP 500",
    "/loop-a": "redirect loop at",
    "/huge": "too large: more than 2 MB",
    "/huge-declared": "too large: 1024 MB",
    "/image.png": "not a page or a feed: image/png",
}
GOOD = ("/article.html", "/broken.html", "/scripts.html")


def _results(urls: list[str], fetcher) -> list:
    return list(pipeline.run(read_any(urls, fetcher=fetcher)))


def test_each_bad_url_fails_alone_and_the_rest_goes_on(server, fetcher):
    paths = [p for pair in zip(BAD, [*GOOD] * 3, strict=False) for p in pair]
    out = _results([server.url(p) for p in paths], fetcher)
    assert len(out) == len(paths)  # one result a page, in order
    for path, result in zip(paths, out, strict=True):
        if path in BAD:
            assert isinstance(result, Failure), path
            assert result.source == server.url(path) and BAD[path] in result.problem, result
        else:
            assert isinstance(result, Extraction) and result.regions, path


def test_a_feed_whose_items_link_to_every_bad_case(server, fetcher):
    url = server.url("/bad-links.xml")
    out = _results([url], fetcher)
    good = [x for x in out if isinstance(x, Extraction)]
    fails = {x.source.split(" item ")[1]: x.problem for x in out
             if isinstance(x, Failure) and " item " in x.source}
    assert len(good) == 2 and {x.published.isoformat() for x in good} >= {"2025-03-14"}
    for n, path in enumerate(BAD_LINKS, 1):
        if path in BAD and path != "/menu-only.html":
            problem = fails[f"{n} «{path}»"]
            assert problem.startswith(f"{server.url(path)}: ") and BAD[path] in problem
    # the page was read, but there is no article in it: named by its address
    assert BAD["/menu-only.html"] in [x.problem for x in out if isinstance(x, Failure)
                                      and x.source == server.url("/menu-only.html")]


def test_malformed_feed_items_without_links_and_bad_json_lines(server, fetcher):
    urls = [server.url("/broken.xml"), server.url("/feed.xml"), server.url("/dump-served.jsonl")]
    out = list(read_any(urls, fields={"text": "body", "id": "uid"}, fetcher=fetcher))
    fails = [(x.source, x.problem) for x in out if isinstance(x, Failure)]
    assert any(s == urls[0] and p.startswith("malformed XML") for s, p in fails)
    assert (f"{urls[1]} item 4 «Анонс без ссылки»", "item has no link") in fails
    assert any(s == f"{urls[2]}:2" and p.startswith("not JSON") for s, p in fails)
    assert len([x for x in out if not isinstance(x, Failure)]) >= 6  # the rest was read


def test_the_extract_command_on_bad_urls(server):
    paths = ["/404", "/article.html", "/500", "/loop-a", "/huge-declared", "/menu-only.html",
             "/broken.xml"]
    r = subprocess.run([sys.executable, "-m", "hamkor", "extract", *map(server.url, paths)],
                       capture_output=True, text=True, timeout=55)
    assert r.returncode == 1
    records = [json.loads(line) for line in r.stdout.splitlines()]
    assert len(records) >= 2 and all(x["regions"] for x in records)  # the page, the feed's items
    for path in ("/404", "/500", "/loop-a", "/huge-declared", "/menu-only.html", "/broken.xml"):
        line = f"hamkor: {server.url(path)}: "
        assert line in r.stderr, (path, r.stderr)
    assert "HTTP 404 Not Found" in r.stderr and "redirect loop" in r.stderr
    assert "malformed XML" in r.stderr and "no article text in the page" in r.stderr


@pytest.fixture()
def engine(tmp_path):
    from hamkor.kb import db

    eng = db.engine(f"sqlite:///{tmp_path / 'kb.sqlite'}")
    yield eng
    eng.dispose()


def _stored(engine) -> dict:
    from sqlalchemy import func, select

    from hamkor.kb import schema as s

    with engine.connect() as conn:
        rows = {r.id: r.status for r in conn.execute(select(s.articles.c.id, s.articles.c.status))}
        claims = conn.execute(select(func.count()).select_from(s.region_claims)).scalar()
    return {"articles": rows, "claims": claims}


def test_nothing_stored_is_lost_when_a_page_goes_bad(server, engine, tmp_path):
    from hamkor.kb import store

    page = tmp_path / "page.html"
    shutil.copy(WEB / "article.html", page)
    first = store.ingest(engine, [server.url("/flaky"), page])
    assert (first.new, first.failed) == (2, 0)
    before = _stored(engine)
    assert before["articles"] == {"flaky": "ok", "page": "ok"} and before["claims"] > 0
    server.flaky.set()  # the server now answers 500 …
    shutil.copy(WEB / "menu-only.html", page)  # … and the page holds no article any more
    try:
        again = store.ingest(engine, [server.url("/flaky"), page, server.url("/404")])
    finally:
        server.flaky.clear()
    assert again.failed == 3
    problems = {f.source: f.problem for f in again.failures}
    assert problems[server.url("/flaky")] == "HTTP 500 Internal Server Error"
    assert problems[str(page)] == "no article text in the page"
    assert _stored(engine) == before


def test_the_ingest_command_on_bad_urls(server, tmp_path):
    paths = ["/404", "/article.html", "/loop-a", "/menu-only.html", "/broken.xml"]
    db = f"sqlite:///{tmp_path / 'kb.sqlite'}"
    r = subprocess.run([sys.executable, "-m", "hamkor", "ingest", "--db", db, "--json",
                        *map(server.url, paths)], capture_output=True, text=True, timeout=55)
    assert r.returncode == 1
    summary = json.loads(r.stdout)
    # the page is stored once (the broken feed's first item is the same page: unchanged)
    assert (summary["new"], summary["unchanged"], summary["failed"]) == (1, 1, 5)
    for path in ("/404", "/loop-a", "/menu-only.html", "/broken.xml"):
        assert f"hamkor: {server.url(path)}: " in r.stderr, (path, r.stderr)
