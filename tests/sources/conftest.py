"""A real HTTP server on 127.0.0.1 serving our test pages and feeds, and the bad cases.

Paths: the files of tests/fixtures/web as they are; /cp1251.html, /koi8.html and
/koi8-header.html (the article in other encodings); /scripts.html (script-heavy); /slow
(answers after 10 s); /drip (one byte every 0.2 s, forever); /huge and /huge-declared
(1 GB, streamed); /loop-a ↔ /loop-b; /chain/N (N redirects); /404; /500; /image.png;
/text.txt; /dump-served.jsonl; /bad-links.xml (a feed whose items link to each bad case);
/flaky (the article, or HTTP 500 while ``served.flaky`` is set). Every request is logged with
its User-Agent.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from hamkor.sources.http import Fetcher, Limits

WEB = Path(__file__).resolve().parent.parent / "fixtures" / "web"
TEST_SECONDS = 60
GIGABYTE = 1024 ** 3
TYPES = {".html": "text/html; charset=utf-8", ".xml": "application/rss+xml",
         ".jsonl": "application/x-ndjson", ".txt": "text/plain; charset=utf-8"}
SCRIPT = "<script>var data = " + "[" + ",".join(f'"<p>item {i}</p>"' for i in range(3000)) + "];</script>"


@pytest.fixture(autouse=True)
def _bounded_time():
    """Fail a test that runs longer than TEST_SECONDS instead of hanging the run."""
    def expire(signum, frame):
        raise TimeoutError(f"test took longer than {TEST_SECONDS} s")

    old = signal.signal(signal.SIGALRM, expire)
    signal.alarm(TEST_SECONDS)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, old)


@dataclass
class Served:
    base: str
    log: list[tuple[str, str, float]] = field(default_factory=list)  # path, User-Agent, time
    sent: dict[str, int] = field(default_factory=dict)  # bytes written per streamed path
    stop: threading.Event = field(default_factory=threading.Event)
    flaky: threading.Event = field(default_factory=threading.Event)  # /flaky answers 500

    def url(self, path: str) -> str:
        return self.base + path


def _pages() -> dict[str, tuple[bytes, str]]:
    article = (WEB / "article.html").read_text(encoding="utf-8")
    plain = article.replace('<meta charset="utf-8">', "")
    pages = {f"/{p.name}": (p.read_bytes(), TYPES.get(p.suffix, "application/octet-stream"))
             for p in WEB.iterdir() if p.is_file()}
    pages["/cp1251.html"] = (article.replace('charset="utf-8"', 'charset="windows-1251"')
                             .encode("cp1251"), "text/html")
    pages["/koi8.html"] = (article.replace(
        '<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">')
        .encode("koi8_r", "xmlcharrefreplace"), "text/html")
    pages["/koi8-header.html"] = (plain.encode("koi8_r", "xmlcharrefreplace"), "text/html; charset=KOI8-R")
    pages["/scripts.html"] = (article.replace("<article>", "<article>" + SCRIPT * 6)
                              .replace("</head>", SCRIPT * 6 + "</head>").encode(), "text/html")
    pages["/image.png"] = (b"\x89PNG\r\n\x1a\n" + bytes(200), "image/png")
    pages["/text.txt"] = ("Хоким Джизакской области встретился с губернатором Самарской "
                          "области.".encode(), "text/plain; charset=utf-8")
    pages["/dump-served.jsonl"] = ((WEB / "dump.jsonl").read_bytes(), "application/x-ndjson")
    pages["/feed-as-html"] = ((WEB / "feed.xml").read_bytes(), "text/html")
    items = "".join(f"<item><title>{p}</title><link>{p}</link></item>" for p in BAD_LINKS)
    pages["/bad-links.xml"] = (f"<?xml version='1.0'?><rss version='2.0'><channel><title>Плохие "
                               f"ссылки</title>{items}</channel></rss>".encode(), TYPES[".xml"])
    return pages


# The items of /bad-links.xml: the good article between every bad case.
BAD_LINKS = ("/article.html", "/slow", "/404", "/500", "/loop-a", "/huge", "/menu-only.html",
             "/image.png", "/no-date.html")


def _handler(served: Served, pages: dict[str, tuple[bytes, str]]) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def _send(self, status: int, body: bytes = b"", ctype: str = "text/html",
                  headers: dict[str, str] | None = None) -> None:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            self.end_headers()
            try:
                self.wfile.write(body)
            except OSError:  # the client stopped reading (too large, timed out)
                pass

        def _stream(self, chunk: bytes, total: int, every: float = 0.0) -> None:
            sent = 0
            try:
                while sent < total and not served.stop.is_set():
                    self.wfile.write(chunk)
                    sent += len(chunk)
                    served.sent[self.path] = sent
                    if every:
                        time.sleep(every)
            except OSError:
                pass

        def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
            served.log.append((self.path, self.headers.get("User-Agent", ""), time.monotonic()))
            path = self.path
            if path in pages:
                body, ctype = pages[path]
                return self._send(200, body, ctype)
            if path == "/flaky":
                if served.flaky.is_set():
                    return self._send(500, b"down")
                return self._send(200, pages["/article.html"][0], "text/html")
            if path == "/slow":
                served.stop.wait(10)
                return self._send(200, b"<p>late</p>")
            if path == "/drip":
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.end_headers()
                return self._stream(b"<p>a</p>\n", GIGABYTE, every=0.2)
            if path in ("/huge", "/huge-declared"):
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                if path == "/huge-declared":
                    self.send_header("Content-Length", str(GIGABYTE))
                self.end_headers()
                return self._stream(b"<p>" + b"x" * (64 * 1024 - 7) + b"</p>\n", GIGABYTE)
            if path in ("/loop-a", "/loop-b"):
                other = "/loop-b" if path == "/loop-a" else "/loop-a"
                return self._send(302, headers={"Location": other})
            if path.startswith("/chain/"):
                n = int(path.rsplit("/", 1)[1])
                if n == 0:
                    return self._send(200, pages["/article.html"][0], "text/html")
                return self._send(301, headers={"Location": f"/chain/{n - 1}"})
            if path == "/500":
                return self._send(500, b"oops")
            return self._send(404, b"not here")

    return Handler


@pytest.fixture(scope="session")
def server() -> Iterator[Served]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    httpd.daemon_threads = True
    httpd.block_on_close = False
    served = Served(f"http://127.0.0.1:{httpd.server_address[1]}")
    httpd.RequestHandlerClass = _handler(served, _pages())
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield served
    served.stop.set()
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture()
def fetcher() -> Iterator[Fetcher]:
    limits = Limits(connect=2, read=1, total=4, max_bytes=2 * 1024 * 1024, min_interval=0)
    with Fetcher(limits) as f:
        yield f
