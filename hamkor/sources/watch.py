"""Polling feeds: which items are new since the last round, read and handed to a store.

The items already handed over are remembered by key (their link, else their guid) in a
small JSON state file, so a round fetches only the pages of new items. An item whose page
cannot be fetched is tried again in the next rounds, up to ``MAX_TRIES``.
"""

from __future__ import annotations

import json
import logging
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from hamkor.errors import InputError
from hamkor.records import Failure, RawArticle
from hamkor.sources import feeds, files
from hamkor.sources.http import FEED, HTML, Fetcher

log = logging.getLogger("hamkor.watch")
MAX_TRIES = 3  # rounds an item's page may fail before it is given up
KEEP_KEYS = 5000  # per feed: the most recent keys are kept, older ones forgotten
Store = Callable[[list[RawArticle]], Any]  # stores articles; returns a summary to log
_DURATION = re.compile(r"(\d+(?:\.\d+)?)([smhd]?)")
_SECONDS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_duration(text: str) -> float:
    """«30m», «1h30m», «90s», «2h», «45» (seconds) in seconds; ValueError otherwise."""
    s = text.strip().lower().replace(" ", "")
    parts = list(_DURATION.finditer(s))
    if not s or "".join(m.group(0) for m in parts) != s:
        raise ValueError(f"expected a duration such as 30m, 1h or 90s, got {text!r}")
    seconds = sum(float(m.group(1)) * _SECONDS[m.group(2)] for m in parts)
    if seconds <= 0:
        raise ValueError("the interval must be positive")
    return seconds


class State:
    """Seen item keys per feed, in a JSON file written atomically after each feed."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.feeds: dict[str, dict[str, dict[str, Any]]] = {}
        if path.exists():
            try:
                self.feeds = json.loads(path.read_text(encoding="utf-8")).get("feeds", {})
            except (OSError, ValueError, AttributeError):
                log.warning("state file %s unreadable: starting afresh", path)

    def _feed(self, feed: str) -> dict[str, dict[str, Any]]:
        return self.feeds.setdefault(feed, {"seen": {}, "tries": {}})

    def seen(self, feed: str, key: str) -> bool:
        return key in self._feed(feed)["seen"]

    def mark(self, feed: str, key: str) -> None:
        f = self._feed(feed)
        f["seen"][key] = datetime.now(UTC).isoformat(timespec="seconds")
        f["tries"].pop(key, None)

    def failed(self, feed: str, key: str) -> int:
        """Count one more failure of the item; the number so far."""
        tries = self._feed(feed)["tries"]
        tries[key] = tries.get(key, 0) + 1
        return tries[key]

    def save(self) -> None:
        for f in self.feeds.values():
            if len(f["seen"]) > KEEP_KEYS:
                newest = sorted(f["seen"].items(), key=lambda kv: kv[1])[-KEEP_KEYS:]
                f["seen"] = dict(newest)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps({"feeds": self.feeds}, ensure_ascii=False, indent=1),
                       encoding="utf-8")
        os.replace(tmp, self.path)


def item_key(item: feeds.FeedItem) -> str:
    return item.link or item.guid or f"#{item.n} {item.title or ''}"


def read_feed(source: str, fetcher: Fetcher) -> feeds.Feed:
    """The feed at a URL or path; raises InputError when it cannot be read at all."""
    if urlsplit(source).scheme in ("http", "https"):
        page = fetcher.get(source, accept=FEED | HTML)
        feed = feeds.parse(page.data, source, base=page.final_url)
    else:
        feed = feeds.parse(files.read_bytes(Path(source)), source)
    if feed.problem and not feed.items:
        raise InputError(source, feed.problem)
    if feed.problem:
        log.warning("%s: %s; reading the %d items found", source, feed.problem, len(feed.items))
    return feed


@dataclass(frozen=True)
class Round:
    """What one round did."""

    feeds: int = 0
    failed_feeds: int = 0
    items: int = 0
    new: int = 0
    stored: int = 0
    failed_items: int = 0


def poll(sources: Iterable[str], fetcher: Fetcher, state: State, store: Store,
         stop: Callable[[], bool] = lambda: False) -> Round:
    """One round over the feeds: new items read and stored, the state saved after each feed."""
    r = Round()
    for source in sources:
        if stop():
            break
        try:
            feed = read_feed(source, fetcher)
        except InputError as e:
            log.error("%s: %s (will retry next round)", source, e.problem)
            r = _add(r, feeds=1, failed_feeds=1)
            continue
        new = [it for it in feed.items if not state.seen(source, item_key(it))]
        read, failed = _read_items(feeds.Feed(feed.source, feed.title, tuple(new)), fetcher,
                                   state, stop)
        raws = [raw for _, raw in read]
        if raws:
            try:
                summary = store(raws)
            except Exception as e:  # the database is down: the items stay new for next round
                log.error("%s: cannot store %d articles: %s: %s", source, len(raws),
                          type(e).__name__, e)
                raws = []
            else:
                for key, _ in read:
                    state.mark(source, key)
                log.info("%s: stored %d new articles: %s", source, len(raws), summary)
        state.save()
        log.info("%s: %d items, %d new, %d stored, %d failed", source, len(feed.items), len(new),
                 len(raws), failed)
        r = _add(r, feeds=1, items=len(feed.items), new=len(new), stored=len(raws),
                 failed_items=failed)
    return r


def _read_items(feed: feeds.Feed, fetcher: Fetcher, state: State,
                stop: Callable[[], bool]) -> tuple[list[tuple[str, RawArticle]], int]:
    """The new items' articles by key; failures logged, counted, given up after MAX_TRIES."""
    raws: list[tuple[str, RawArticle]] = []
    failed = 0
    # feeds.articles yields exactly one result per item, in order.
    for item, result in zip(feed.items, feeds.articles(feed, fetcher), strict=True):
        key = item_key(item)
        if isinstance(result, RawArticle):
            raws.append((key, result))
        elif isinstance(result, Failure):
            failed += 1
            permanent = item.link is None
            tries = MAX_TRIES if permanent else state.failed(feed.source, key)
            if tries >= MAX_TRIES:
                state.mark(feed.source, key)
            log.warning("%s: %s%s", result.source, result.problem,
                        " (given up)" if tries >= MAX_TRIES else " (will retry next round)")
        if stop():
            break
    return raws, failed


def _add(r: Round, **n: int) -> Round:
    return Round(**{k: getattr(r, k) + n.get(k, 0) for k in Round.__dataclass_fields__})
