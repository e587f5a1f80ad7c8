"""Polling feeds: only new items are read, failures retried then given up; the command."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from hamkor.records import RawArticle
from hamkor.sources.watch import MAX_TRIES, State, parse_duration, poll

EMPTY_FEED = "<rss version='2.0'><channel><title>Пустая лента</title></channel></rss>"


class Store:
    def __init__(self, fail: bool = False) -> None:
        self.raws: list[RawArticle] = []
        self.fail = fail

    def __call__(self, raws: list[RawArticle]) -> str:
        if self.fail:
            raise ConnectionError("database is down")
        self.raws += raws
        return f"{len(raws)} stored"


def test_only_new_items_and_retries(server, fetcher, tmp_path):
    state = State(tmp_path / "state.json")
    store = Store()
    url = server.url("/feed.xml")
    r = poll([url], fetcher, state, store)
    assert (r.items, r.new, r.stored, r.failed_items) == (5, 5, 3, 2)
    assert [x.id for x in store.raws][1:] == ["no-date", "tambov-andijan"]
    # The item without a link is given up at once; the 404 is retried up to MAX_TRIES rounds.
    for round_no in range(2, MAX_TRIES + 1):
        r = poll([url], fetcher, State(tmp_path / "state.json"), store)
        assert (r.new, r.stored, r.failed_items) == (1, 0, 1), round_no
    r = poll([url], fetcher, State(tmp_path / "state.json"), store)
    assert (r.new, r.stored, r.failed_items) == (0, 0, 0)
    assert len(store.raws) == 3
    assert sum(1 for p, _, _ in server.log if p == "/article.html") >= 1


def test_network_and_store_errors_are_survived(server, fetcher, tmp_path):
    state = State(tmp_path / "state.json")
    r = poll([server.url("/500"), server.url("/slow")], fetcher, state, Store())
    assert (r.feeds, r.failed_feeds) == (2, 2)
    r = poll([server.url("/feed.xml")], fetcher, state, Store(fail=True))
    assert r.stored == 0
    r = poll([server.url("/feed.xml")], fetcher, state, Store())
    assert r.stored == 3  # not marked seen while the store was down


def test_a_corrupt_state_file_starts_afresh(tmp_path):
    path = tmp_path / "state.json"
    path.write_text("{not json")
    state = State(path)
    assert not state.seen("f", "k")
    state.mark("f", "k")
    state.save()
    assert State(path).seen("f", "k")


@pytest.mark.parametrize("text, seconds", [("30m", 1800), ("1h30m", 5400), ("90s", 90), ("45", 45),
                                           ("2 h", 7200), ("1d", 86400)])
def test_parse_duration(text, seconds):
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "soon", "0", "5x", "m"])
def test_parse_duration_rejects(text):
    with pytest.raises(ValueError):
        parse_duration(text)


def _env(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "HAMKOR_DATA": str(tmp_path / "data"),
            "HAMKOR_DB": f"sqlite:///{tmp_path / 'kb.sqlite'}"}


def test_watch_once_ingests_then_skips(server, tmp_path):
    cmd = [sys.executable, "-m", "hamkor", "watch", "--once", "--min-interval", "0",
           server.url("/feed.xml")]
    first = subprocess.run(cmd, capture_output=True, text=True, timeout=50, env=_env(tmp_path))
    assert first.returncode == 0, first.stderr
    assert "3 stored" in first.stderr and "item has no link (given up)" in first.stderr
    assert "HTTP 404 Not Found (will retry next round)" in first.stderr
    assert (tmp_path / "data" / "watch-state.json").exists()
    second = subprocess.run(cmd, capture_output=True, text=True, timeout=50, env=_env(tmp_path))
    assert "5 items, 1 new, 0 stored, 1 failed" in second.stderr


def test_watch_once_fails_on_an_unreadable_feed(tmp_path):
    r = subprocess.run([sys.executable, "-m", "hamkor", "watch", "--once", str(tmp_path / "nope.xml")],
                       capture_output=True, text=True, timeout=50, env=_env(tmp_path))
    assert r.returncode == 1 and "will retry next round" in r.stderr


def test_watch_stops_cleanly_on_sigterm(tmp_path):
    feed = tmp_path / "feed.xml"
    feed.write_text(EMPTY_FEED, encoding="utf-8")
    p = subprocess.Popen([sys.executable, "-m", "hamkor", "watch", "--every", "1h", str(feed)],
                         stderr=subprocess.PIPE, text=True, env=_env(tmp_path))
    assert p.stderr is not None
    lines = []
    deadline = time.monotonic() + 40
    while time.monotonic() < deadline:
        line = p.stderr.readline()
        lines.append(line)
        if "next round in 1h" in line or not line:
            break
    assert "next round in 1h" in lines[-1], lines
    started = time.monotonic()
    p.send_signal(signal.SIGTERM)
    rest = p.communicate(timeout=20)[1]
    assert p.returncode == 0
    assert "stopping" in rest and "stopped" in rest
    assert time.monotonic() - started < 10
