"""Sources: turn files, pages, feeds and dumps into RawArticle records.

    files.py   plain-text files and directories of them
    http.py    fetching with limits (timeouts, size, redirects, a polite rate per host)
    feeds.py   RSS and Atom, each item from its full content or its page
    jsonl.py   JSON Lines dumps (gzip accepted), field names set by options
    ids.py     article ids from URLs

``read_any`` takes any mix of them and dispatches by suffix, then by content.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from pathlib import Path

from hamkor.errors import InputError
from hamkor.records import Failure, RawArticle
from hamkor.settings import MAX_INPUT_BYTES
from hamkor.sources import feeds, files, ids, jsonl
from hamkor.sources.http import FEED, HTML, JSONL, Fetcher, Page

KINDS = {".txt": "text", ".text": "text", ".md": "text", ".html": "html", ".htm": "html",
         ".xhtml": "html", ".xml": "feed", ".rss": "feed", ".atom": "feed",
         ".jsonl": "jsonl", ".ndjson": "jsonl", ".jsonl.gz": "jsonl", ".ndjson.gz": "jsonl"}
_HTML_START = (b"<!doctype html", b"<html", b"<head", b"<body", b"<meta", b"<article")


def kind_of_name(name: str) -> str | None:
    """text | html | feed | jsonl by the file name, or None."""
    lower = name.lower()
    for suffix in sorted(KINDS, key=len, reverse=True):
        if lower.endswith(suffix) and len(lower) > len(suffix):
            return KINDS[suffix]
    return None


def sniff(data: bytes) -> str:
    """text | html | feed | jsonl by the first bytes."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if feeds.looks_like_feed(head):
        return "feed"
    if head.lower().startswith(_HTML_START) or b"<html" in head.lower():
        return "html"
    if head.startswith(b"{"):
        return "jsonl"
    return "text"


def _is_url(s: str) -> bool:
    return s.startswith(("http://", "https://"))


def _from_bytes(data: bytes, kind: str, source: str, id: str, fields: Mapping[str, str] | None,
                fetcher: Fetcher | None, url: str | None = None,
                fetched: date | None = None) -> Iterator[RawArticle | Failure]:
    if kind == "feed":
        yield from feeds.read(source, data, fetcher, base=url)
    elif kind == "jsonl":
        yield from jsonl.read_stream(io.BytesIO(data), source, fields)
    else:
        yield RawArticle(id=id, source=source, data=data, kind=kind, url=url,
                         fetched=fetched or date.today())


def _document(page: Page) -> bytes:
    """The body, in UTF-8 when the HTTP header names a charset the document itself does not."""
    from hamkor.clean.decode import declared_charset

    if not page.charset or declared_charset(page.data):
        return page.data
    try:
        return page.data.decode(page.charset).encode("utf-8")
    except (LookupError, UnicodeDecodeError):
        return page.data


def _kind_of_page(page: Page) -> str:
    found = sniff(page.data)
    if found == "feed" or page.media_type in FEED:
        return "feed"
    if page.media_type in HTML:
        return "html"
    if page.media_type in JSONL:
        return "jsonl"
    return found


def _read_url(url: str, fields: Mapping[str, str] | None, fetcher: Fetcher) -> Iterator[RawArticle | Failure]:
    try:
        page = fetcher.get(url)
    except InputError as e:
        yield Failure(e.source, e.problem)
        return
    kind = _kind_of_page(page)
    yield from _from_bytes(_document(page), kind, url, ids.from_url(page.final_url), fields,
                           fetcher, page.final_url)


def _read_path(path: Path, kind: str | None, fields: Mapping[str, str] | None,
               fetcher: Fetcher) -> Iterator[RawArticle | Failure]:
    if kind == "jsonl":
        yield from jsonl.read(path, fields)
        return
    try:
        data = files.read_bytes(path)
    except InputError as e:
        yield Failure(e.source, e.problem)
        return
    yield from _from_bytes(data, kind or sniff(data), str(path), path.stem, fields, fetcher,
                           fetched=files.saved(path))


def _walk(directory: Path) -> list[Path]:
    return sorted(f for f in directory.rglob("*")
                  if f.is_file() and kind_of_name(f.name)
                  and not any(p.startswith(".") for p in f.relative_to(directory).parts))


def read_any(paths_or_urls: Iterable[str | Path], fields: Mapping[str, str] | None = None,
             fetcher: Fetcher | None = None) -> Iterator[RawArticle | Failure]:
    """Every article of every input, in order; an input that cannot be read is a Failure.

    An input is a file (.txt/.md text, .html/.htm page, .xml/.rss/.atom feed, .jsonl[.gz]
    dump; any other name is sniffed), a directory (its files of those kinds), an http(s)
    URL (a page or a feed, by content type and content) or ``-`` (standard input, sniffed).
    ``fields`` maps JSONL field names (see ``jsonl.parse_fields``). Without a ``fetcher``
    one with the default limits is made, and closed when the iteration ends.
    """
    own = None
    if fetcher is None:
        fetcher = own = Fetcher()
    try:
        for item in paths_or_urls:
            s = str(item)
            if _is_url(s):
                yield from _read_url(s, fields, fetcher)
            elif s == "-":
                data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
                if len(data) > MAX_INPUT_BYTES:
                    yield Failure("<stdin>", f"too large (limit {MAX_INPUT_BYTES / 1e6:.0f} MB)")
                elif not data.strip():
                    yield Failure("<stdin>", "empty input")
                else:
                    yield from _from_bytes(data, sniff(data), "<stdin>", "stdin", fields, fetcher)
            elif (path := Path(s)).is_dir():
                found = _walk(path)
                if not found:
                    yield Failure(s, "directory has no .txt, .md, .html, .xml, .rss, .atom or "
                                     ".jsonl files")
                for f in found:
                    yield from _read_path(f, kind_of_name(f.name), fields, fetcher)
            elif path.exists():
                yield from _read_path(path, kind_of_name(path.name), fields, fetcher)
            else:
                yield Failure(s, "no such file or directory")
    finally:
        if own is not None:
            own.close()
