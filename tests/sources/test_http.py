"""Fetching against a real server on 127.0.0.1: limits, statuses, redirects, politeness."""

from __future__ import annotations

import time

import pytest

from hamkor.errors import FetchError
from hamkor.sources.http import HTML, Fetcher, Limits


def test_a_page_is_fetched_with_our_user_agent(server, fetcher):
    page = fetcher.get(server.url("/article.html"))
    assert page.status == 200 and page.media_type == "text/html" and page.charset == "utf-8"
    assert "Ферганской".encode() in page.data
    assert any(p == "/article.html" and ua.startswith("hamkor/") for p, ua, _ in server.log)


@pytest.mark.parametrize("path, problem", [
    ("/404", "HTTP 404"),
    ("/500", "HTTP 500"),
    ("/loop-a", "redirect loop"),
    ("/chain/6", "more than 5 redirects"),
    ("/image.png", "not a page or a feed: image/png"),
    ("/huge-declared", "too large: 1024 MB"),
])
def test_failures_name_the_url_and_the_problem(server, fetcher, path, problem):
    with pytest.raises(FetchError) as e:
        fetcher.get(server.url(path))
    assert e.value.source == server.url(path)
    assert problem in e.value.problem


def test_five_redirects_are_followed(server, fetcher):
    page = fetcher.get(server.url("/chain/5"))
    assert page.final_url == server.url("/chain/0") and page.url == server.url("/chain/5")


def test_a_slow_server_times_out(server, fetcher):
    started = time.monotonic()
    with pytest.raises(FetchError, match="timed out"):
        fetcher.get(server.url("/slow"))
    assert time.monotonic() - started < 3


def test_a_dripping_server_hits_the_total_deadline(server, fetcher):
    started = time.monotonic()
    with pytest.raises(FetchError, match="longer than 4 s"):
        fetcher.get(server.url("/drip"))
    assert time.monotonic() - started < 6


def test_a_huge_body_is_stopped_at_the_limit_not_buffered(server, fetcher):
    started = time.monotonic()
    with pytest.raises(FetchError, match="too large: more than 2 MB"):
        fetcher.get(server.url("/huge"))
    assert time.monotonic() - started < 10
    time.sleep(0.3)
    # The server stopped soon after the limit: nowhere near the 1 GB it meant to send.
    assert server.sent["/huge"] < 64 * 1024 * 1024


def test_unreachable_and_non_http(fetcher):
    with pytest.raises(FetchError, match="cannot connect"):
        fetcher.get("http://127.0.0.1:9/")  # the discard port: nothing listens on loopback
    with pytest.raises(FetchError, match="not an http"):
        fetcher.get("ftp://127.0.0.1/file")


def test_accept_limits_the_kinds(server, fetcher):
    with pytest.raises(FetchError, match="not a page or a feed: application/rss"):
        fetcher.get(server.url("/feed.xml"), accept=HTML)


def test_requests_to_one_host_are_spaced():
    clock = [0.0]
    slept: list[float] = []

    def sleep(s: float) -> None:
        slept.append(s)
        clock[0] += s

    f = Fetcher(Limits(min_interval=1.5), clock=lambda: clock[0], sleep=sleep)
    f._wait_turn("a.example")
    clock[0] += 0.5
    f._wait_turn("a.example")
    f._wait_turn("b.example")
    f.close()
    assert slept == [pytest.approx(1.0)]


def test_politeness_against_the_server(server):
    with Fetcher(Limits(min_interval=0.4, read=2, total=5)) as f:
        started = time.monotonic()
        f.get(server.url("/text.txt"))
        f.get(server.url("/text.txt"))
        assert time.monotonic() - started >= 0.4
