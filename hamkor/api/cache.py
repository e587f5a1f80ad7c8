"""A cache of read-side answers, shared by the API and the pages.

The views are frozen dataclasses, so one answer can serve many requests. Every few seconds
(``CHECK``) one request asks the KB for its generation (``extra_queries.generation``: an
ingest or a correction changes it, from this process or another) and the cache is emptied
when it moved; an edit made through the app empties it at once. An entry lives at most
``ttl`` seconds (``HAMKOR_CACHE_TTL``, default 600; 0 turns the cache off). Concurrent
misses of one key compute it once; while an expired entry is recomputed, its old answer
is served.
"""

from __future__ import annotations

import os
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

import anyio.to_thread
from fastapi import Response
from pydantic import BaseModel
from sqlalchemy import Connection, Engine

from hamkor.kb import query

CHECK = 2.0  # seconds between two looks at the KB's generation


class QueryCache:
    def __init__(self, ttl: float | None = None, size: int = 2048) -> None:
        self.ttl = float(os.environ.get("HAMKOR_CACHE_TTL", "600")) if ttl is None else ttl
        self.size = size
        self._data: OrderedDict[Hashable, tuple[float, Any]] = OrderedDict()
        self._lock = threading.Lock()
        self._computing: dict[Hashable, threading.Lock] = {}
        self._generation = 0
        self._kb_generation: Hashable = None
        self._checked = 0.0
        self._checking = threading.Lock()
        # KB connections open at once: below the engine's pool (5 + 10 overflow), so a slow
        # query makes others wait here rather than time out in the pool.
        self.slots = threading.BoundedSemaphore(10)

    def get(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        if self.ttl <= 0:
            return compute()
        hit = self._fresh(key)
        if hit is not None:
            return hit[1]
        with self._lock:
            lock = self._computing.setdefault(key, threading.Lock())
            generation = self._generation
            stale = self._data.get(key)
        if stale is not None and lock.locked():  # being recomputed: the old answer meanwhile
            return stale[1]
        with lock:  # one computes, the others wait for its answer
            hit = self._fresh(key)
            if hit is not None:
                return hit[1]
            value = compute()
            with self._lock:
                if generation == self._generation:  # not cleared meanwhile
                    self._data[key] = (time.monotonic() + self.ttl, value)
                    self._data.move_to_end(key)
                    while len(self._data) > self.size:
                        self._data.popitem(last=False)
                self._computing.pop(key, None)
            return value

    def follow(self, probe: Callable[[], Hashable]) -> None:
        """Empty the cache when the KB's generation (``probe()``) moved; at most every CHECK s."""
        if not self.due():
            return
        if not self._checking.acquire(blocking=False):  # another request is looking
            return
        try:
            seen = probe()
            if seen != self._kb_generation:
                if self._kb_generation is not None:
                    self.clear()
                self._kb_generation = seen
            self._checked = time.monotonic()
        finally:
            self._checking.release()

    def json(self, key: Hashable, compute: Callable[[], Any], model: type[BaseModel]
             ) -> bytes | None:
        """The JSON of ``model`` over ``compute()``'s view (None stays None), cached as bytes:
        a big dossier costs more to serialise than to find once it is cached."""

        def encode() -> bytes | None:
            view = compute()
            return None if view is None else model.model_validate(view).model_dump_json(by_alias=True).encode()

        return self.get(("json", key), encode)

    @property
    def generation(self) -> int:
        """Moves on every ``clear``: a key that carries it is stale once the KB changed."""
        return self._generation

    def peek(self, key: Hashable) -> tuple[float, Any] | None:
        """A fresh entry as (expiry, value), or None: never computes, never waits."""
        return None if self.ttl <= 0 else self._fresh(key)

    def due(self) -> bool:
        """Time to look at the KB's generation again."""
        return self.ttl > 0 and time.monotonic() - self._checked >= CHECK

    def _fresh(self, key: Hashable) -> tuple[float, Any] | None:
        with self._lock:
            hit = self._data.get(key)
            if hit is None or hit[0] < time.monotonic():
                return None
            self._data.move_to_end(key)
            return hit

    def clear(self) -> None:
        with self._lock:
            self._data.clear()
            self._generation += 1


class Reader:
    """``hamkor.kb.query`` for one request: ``kb.dossier("RU-OMS")`` is
    ``query.dossier(conn, "RU-OMS")`` through the cache; the connection is opened on a miss."""

    def __init__(self, engine: Engine, cache: QueryCache) -> None:
        self.engine = engine
        self.cache = cache
        self._conn: Connection | None = None

    def connection(self) -> Connection:
        if self._conn is None:
            self.cache.slots.acquire()
            try:
                self._conn = self.engine.connect()
            except BaseException:
                self.cache.slots.release()
                raise
        return self._conn

    def follow(self) -> None:
        """Let the cache notice an ingest or a correction made elsewhere."""
        from hamkor.web.extra_queries import generation

        self.cache.follow(lambda: generation(self.connection()))

    def close(self) -> None:
        if self._conn is not None:
            try:
                self._conn.close()
            finally:
                self._conn = None
                self.cache.slots.release()

    def __getattr__(self, name: str) -> Callable[..., Any]:
        fn = getattr(query, name)

        def call(*args: Any, **kwargs: Any) -> Any:
            self.follow()
            key = (name, args, tuple(sorted(kwargs.items())))
            return self.cache.get(key, lambda: fn(self.connection(), *args, **kwargs))

        return call

    # The async side, for routes that are mostly cache hits: a hit is answered on the event
    # loop; only a miss (or a look at the KB's generation) takes a worker thread.

    async def run(self, work: Callable[[], Any]) -> Any:
        """``work()`` in a worker thread, its KB connection given back before the thread is.
        An async route then never holds a connection while it awaits a thread: with every
        thread waiting for a connection held by such a route, nothing would move."""
        def once() -> Any:
            try:
                return work()
            finally:
                self.close()

        return await anyio.to_thread.run_sync(once)

    async def _follow(self) -> None:
        if self.cache.due():
            await self.run(self.follow)

    async def get(self, name: str, *args: Any, **kwargs: Any) -> Any:
        """``await kb.get("dossier", code)``: ``query.dossier(conn, code)`` through the cache."""
        await self._follow()
        key = (name, args, tuple(sorted(kwargs.items())))
        hit = self.cache.peek(key)
        if hit is not None:
            return hit[1]
        fn = getattr(query, name)
        return await self.run(
            lambda: self.cache.get(key, lambda: fn(self.connection(), *args, **kwargs)))

    async def answer(self, model: type[BaseModel], name: str, *args: Any, **kwargs: Any
                     ) -> Response | None:
        """``query.<name>(…)`` as a ready JSON response of ``model`` (None when not found)."""
        await self._follow()
        key = (name, args, tuple(sorted(kwargs.items())))
        hit = self.cache.peek(("json", key))
        if hit is not None:
            body = hit[1]
        else:
            fn = getattr(query, name)
            body = await self.run(lambda: self.cache.json(
                key, lambda: fn(self.connection(), *args, **kwargs), model))
        return None if body is None else Response(body, media_type="application/json")
