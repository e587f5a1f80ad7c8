"""RSS and Atom feeds: each item as a RawArticle, from its full content or its page.

The feed is fetched by our own client (timeouts, size limit) and handed to feedparser
as bytes: feedparser never fetches anything itself. An item carrying its full content
(``content:encoded``, Atom ``content``) is read from it; any other item's page is fetched.
The item's date is kept as the feed wrote it; the page's own date, where it has one, wins
over it when the article is cleaned.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from hamkor.errors import InputError
from hamkor.records import Failure, RawArticle
from hamkor.sources import ids
from hamkor.sources.files import read_bytes, saved
from hamkor.sources.http import HTML, Fetcher

_FEED_START = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*|<!DOCTYPE[^>]*>\s*|<\?[^>]*>\s*)*"
                         rb"<(?:rss|feed|rdf:RDF)\b", re.S | re.I)
HEAD = 4096


@dataclass(frozen=True)
class FeedItem:
    n: int  # position in the feed, from 1
    link: str | None  # absolute (resolved against the feed's address)
    guid: str | None
    title: str | None
    published: str | None  # as the feed wrote it
    content: str | None  # the item's full HTML, when the feed carries it


@dataclass(frozen=True)
class Feed:
    source: str
    title: str | None
    items: tuple[FeedItem, ...]
    problem: str | None = None  # malformed XML that was read anyway, or not a feed at all


def looks_like_feed(data: bytes) -> bool:
    """Whether a document starts like RSS, RDF or Atom."""
    return _FEED_START.match(data[:HEAD]) is not None


def _full_content(entry: Any) -> str | None:
    for c in entry.get("content") or ():
        value = (c.get("value") or "").strip()
        if not value:
            continue
        if "html" in (c.get("type") or "text/html"):
            return value
        return "".join(f"<p>{html.escape(p)}</p>" for p in value.split("\n") if p.strip())
    return None


def _base(source: str) -> str:
    if urlsplit(source).scheme in ("http", "https"):
        return source
    return Path(source).resolve().as_uri()


def parse(data: bytes, source: str, base: str | None = None) -> Feed:
    """An adapter: feedparser's result as our Feed (the one place feedparser is read).

    Links are resolved against ``base`` (the feed's final URL), else against ``source``.
    """
    import feedparser

    d = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=False)
    base = base or _base(source)
    items = []
    for n, e in enumerate(d.entries, 1):
        link = (e.get("link") or "").strip() or None
        items.append(FeedItem(
            n=n, link=urljoin(base, link) if link else None, guid=e.get("id") or None,
            title=" ".join((e.get("title") or "").split()) or None,
            published=e.get("published") or e.get("updated") or None,
            content=_full_content(e)))
    problem = None
    exc = d.get("bozo_exception")
    if d.get("bozo") and exc is not None and "Encoding" not in type(exc).__name__:
        where = f" at line {exc.getLineNumber()}" if hasattr(exc, "getLineNumber") else ""
        problem = f"malformed XML{where}: {getattr(exc, 'getMessage', lambda: exc)()}"
    if not items and not d.get("version"):
        problem = problem or "not an RSS or Atom feed"
    return Feed(source, d.feed.get("title") or None, tuple(items), problem)


def _page(item: FeedItem, title: str | None) -> bytes:
    """An item's full content as a page of its own."""
    t = html.escape(title or "")
    head = f"<title>{t}</title>" if t else ""
    h1 = f"<h1>{t}</h1>" if t else ""
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8">{head}</head>'
            f"<body><article>{h1}{item.content}</article></body></html>").encode()


def _fetch_page(link: str, local: bool, fetcher: Fetcher | None) -> tuple[bytes, date | None]:
    """The item's page and the day it was fetched: from the web, or from disk when the feed
    itself is a local file (the day the file was saved)."""
    parts = urlsplit(link)
    if parts.scheme in ("http", "https"):
        if fetcher is None:
            raise InputError(link, "no fetcher given to read the item's page")
        return fetcher.get(link, accept=HTML).data, date.today()
    if parts.scheme == "file" and local:
        from urllib.request import url2pathname

        path = Path(url2pathname(parts.path))
        return read_bytes(path), saved(path)
    raise InputError(link, "not an http(s) link")


def item_name(feed: Feed, item: FeedItem) -> str:
    return f"{feed.source} item {item.n}" + (f" «{item.title[:60]}»" if item.title else "")


def _raw(feed: Feed, item: FeedItem, data: bytes, fetched: date | None = None) -> RawArticle:
    if item.link:
        id, source = ids.from_url(item.link), item.link
    else:
        id, source = "u" + ids.digest(f"{feed.source}#{item.guid or item.n}"), item_name(feed, item)
    return RawArticle(id=id, source=source, data=data, kind="html", url=item.link,
                      title=item.title, published=item.published, site=feed.title,
                      fetched=fetched or date.today())


def articles(feed: Feed, fetcher: Fetcher | None = None) -> Iterator[RawArticle | Failure]:
    """Each item of the feed as a RawArticle, or a Failure naming the feed and the item."""
    if feed.problem:
        yield Failure(feed.source, feed.problem + (f"; {len(feed.items)} items read anyway"
                                                   if feed.items else ""))
    local = urlsplit(feed.source).scheme not in ("http", "https")
    for item in feed.items:
        name = item_name(feed, item)
        if item.link is None and item.content is None:
            yield Failure(name, "item has no link")
            continue
        if item.content is not None:
            yield _raw(feed, item, _page(item, item.title))
            continue
        try:
            data, fetched = _fetch_page(item.link or "", local, fetcher)
        except InputError as e:
            yield Failure(name, f"{e.source}: {e.problem}" if e.source != name else e.problem)
            continue
        yield _raw(feed, item, data, fetched)


def read(source: str, data: bytes, fetcher: Fetcher | None = None,
         base: str | None = None) -> Iterator[RawArticle | Failure]:
    """The items of a feed document read from ``source`` (a path or URL)."""
    yield from articles(parse(data, source, base), fetcher)
