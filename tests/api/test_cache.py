"""The answer cache shared by the API and the pages."""

from __future__ import annotations

import threading
import time

from hamkor.api.cache import QueryCache


def test_hits_expiry_and_clear():
    cache, calls = QueryCache(ttl=0.2), []
    compute = lambda: calls.append(1) or len(calls)  # noqa: E731
    assert cache.get("k", compute) == 1
    assert cache.get("k", compute) == 1  # a hit
    cache.clear()
    assert cache.get("k", compute) == 2
    time.sleep(0.25)
    assert cache.get("k", compute) == 3  # expired


def test_off_when_ttl_is_zero():
    cache, calls = QueryCache(ttl=0), []
    for _ in range(3):
        cache.get("k", lambda: calls.append(1))
    assert len(calls) == 3


def test_concurrent_misses_compute_once_and_stale_is_served_meanwhile():
    cache, calls, release = QueryCache(ttl=0.05), [], threading.Event()

    def slow():
        calls.append(1)
        release.wait(5)
        return len(calls)

    threads = [threading.Thread(target=cache.get, args=("k", slow)) for _ in range(5)]
    for t in threads:
        t.start()
    time.sleep(0.1)
    release.set()
    for t in threads:
        t.join(5)
    assert len(calls) == 1
    time.sleep(0.1)  # expired: the next miss recomputes, others get the old answer meanwhile
    release.clear()
    worker = threading.Thread(target=cache.get, args=("k", slow))
    worker.start()
    time.sleep(0.05)
    assert cache.get("k", slow) == 1  # stale, without waiting
    release.set()
    worker.join(5)
    assert cache.get("k", slow) == 2


def test_json_keeps_none():
    from hamkor.api.models import RegionRef

    cache = QueryCache(ttl=10)
    assert cache.json("missing", lambda: None, RegionRef) is None
    body = cache.json("omsk", lambda: RegionRef(code="RU-OMS", name="Омская область", country="RU"),
                      RegionRef)
    assert body.decode() == '{"code":"RU-OMS","name":"Омская область","country":"RU"}'
