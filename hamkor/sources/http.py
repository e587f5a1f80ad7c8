"""Fetching pages and feeds politely and within limits; every failure is a FetchError.

Limits: connect and read timeouts, a total deadline per URL, a size limit (the body is
streamed and dropped at the limit, never buffered whole), a bounded number of redirects
(a loop is named as one), and a minimum interval between two requests to one host.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from hamkor import __version__
from hamkor.errors import FetchError

if TYPE_CHECKING:
    import httpx

USER_AGENT = f"hamkor/{__version__} (reader of regional cooperation news; +https://pypi.org/project/hamkor/)"
HTML = frozenset({"text/html", "application/xhtml+xml"})
FEED = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml",
                  "application/xml", "text/xml", "application/feed+xml"})
TEXT = frozenset({"text/plain", "text/markdown"})
JSONL = frozenset({"application/x-ndjson", "application/jsonl", "application/jsonlines",
                   "application/x-jsonlines", "application/json"})
ACCEPT_ANY = HTML | FEED | TEXT | JSONL
ACCEPT_HEADER = ("text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, "
                 "application/xml;q=0.9, text/xml;q=0.9, text/plain;q=0.8, */*;q=0.1")


@dataclass(frozen=True)
class Limits:
    connect: float = 10.0  # seconds to connect
    read: float = 20.0  # seconds without a byte
    total: float = 60.0  # seconds for the whole URL, redirects included
    max_bytes: int = 10 * 1024 * 1024
    max_redirects: int = 5
    min_interval: float = 1.0  # seconds between two requests to one host


@dataclass(frozen=True)
class Page:
    """A fetched document."""

    url: str  # as asked
    final_url: str  # after redirects
    status: int
    media_type: str  # lowercased, without parameters; "" when the server gave none
    charset: str | None
    data: bytes


def _media_type(header: str) -> tuple[str, str | None]:
    media, _, params = header.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("\"'").lower()
    return media.strip().lower(), charset


def _mb(n: int) -> str:
    return f"{round(n / 1024 / 1024, 1):g} MB" if n >= 1024 * 1024 else f"{n} bytes"


class Fetcher:
    """An HTTP client with hamkor's limits; one per run, closed when done (a context manager)."""

    def __init__(self, limits: Limits = Limits(), user_agent: str = USER_AGENT,
                 transport: httpx.BaseTransport | None = None,
                 clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep, trust_env: bool = False) -> None:
        """``trust_env``: use proxies from HTTP(S)_PROXY and the like (off: direct connections)."""
        import httpx  # lazy: only a run that fetches pays for it

        self.limits = limits
        self._clock, self._sleep = clock, sleep
        self._last: dict[str, float] = {}
        self._lock = threading.Lock()
        self._client = httpx.Client(
            headers={"User-Agent": user_agent, "Accept": ACCEPT_HEADER},
            timeout=httpx.Timeout(limits.read, connect=limits.connect),
            follow_redirects=False, transport=transport, trust_env=trust_env)

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def _wait_turn(self, host: str) -> None:
        """Sleep until ``min_interval`` has passed since the last request to ``host``."""
        with self._lock:
            last = self._last.get(host)
            if last is not None:
                delay = last + self.limits.min_interval - self._clock()
                if delay > 0:
                    self._sleep(delay)
            self._last[host] = self._clock()

    def get(self, url: str, accept: frozenset[str] = ACCEPT_ANY) -> Page:
        """The document at ``url``; raises FetchError naming the URL and the problem."""
        deadline = self._clock() + self.limits.total
        seen = {url}
        current = url
        for _ in range(self.limits.max_redirects + 1):
            parts = urlsplit(current)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise FetchError(url, f"not an http(s) URL: {current}")
            nxt = self._one(url, current, parts.hostname, deadline, accept)
            if isinstance(nxt, Page):
                return nxt
            if nxt in seen:
                raise FetchError(url, f"redirect loop at {nxt}")
            seen.add(nxt)
            current = nxt
        raise FetchError(url, f"more than {self.limits.max_redirects} redirects")

    def _one(self, url: str, current: str, host: str, deadline: float,
             accept: frozenset[str]) -> Page | str:
        """One request: a Page, or the URL a redirect points to."""
        import httpx

        self._wait_turn(host)
        left = deadline - self._clock()
        if left <= 0:
            raise FetchError(url, f"took longer than {self.limits.total:g} s")
        timeout = httpx.Timeout(min(self.limits.read, left), connect=min(self.limits.connect, left))
        try:
            with self._client.stream("GET", current, timeout=timeout) as r:
                if r.is_redirect:
                    location = r.headers.get("location")
                    if not location:
                        raise FetchError(url, f"HTTP {r.status_code} redirect without a Location")
                    return str(r.url.join(location))
                if r.status_code >= 400:
                    raise FetchError(url, f"HTTP {r.status_code} {r.reason_phrase}".rstrip())
                media, charset = _media_type(r.headers.get("content-type", ""))
                if media and media not in accept:
                    raise FetchError(url, f"not a page or a feed: {media}")
                size = r.headers.get("content-length", "")
                if size.isdigit() and int(size) > self.limits.max_bytes:
                    raise FetchError(url, f"too large: {_mb(int(size))} "
                                          f"(limit {_mb(self.limits.max_bytes)})")
                data = self._body(url, r, deadline)
                return Page(url, str(r.url), r.status_code, media, charset, data)
        except httpx.ConnectTimeout as e:
            raise FetchError(url, f"no connection within {self.limits.connect:g} s") from e
        except httpx.TimeoutException as e:
            raise FetchError(url, f"timed out: no data for {min(self.limits.read, left):g} s") from e
        except httpx.UnsupportedProtocol as e:
            raise FetchError(url, "not an http(s) URL") from e
        except httpx.ConnectError as e:
            raise FetchError(url, f"cannot connect: {e}") from e
        except httpx.HTTPError as e:
            raise FetchError(url, f"{type(e).__name__}: {e}") from e

    def _body(self, url: str, r: httpx.Response, deadline: float) -> bytes:
        """The body, streamed: stopped at the size limit and at the deadline."""
        chunks: list[bytes] = []
        size = 0
        for chunk in r.iter_bytes():
            size += len(chunk)
            if size > self.limits.max_bytes:
                raise FetchError(url, f"too large: more than {_mb(self.limits.max_bytes)}")
            if self._clock() > deadline:
                raise FetchError(url, f"took longer than {self.limits.total:g} s")
            chunks.append(chunk)
        return b"".join(chunks)
