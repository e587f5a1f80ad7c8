"""Inputs of an ingest: articles to extract, and extraction records to store as they are.

Paths, URLs and ``-`` are read by ``hamkor.sources`` (text, HTML, feeds, JSONL dumps); a
.jsonl file (or a directory of them, or stdin) of records that ``hamkor extract`` wrote is
read as Extractions instead, so a corpus extracted once can be stored without the NLP.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from hamkor import jsonio
from hamkor.records import Article, Extraction, Failure, RawArticle

Item = str | Path | RawArticle | Extraction | Failure


# --- inputs --------------------------------------------------------------------------------


def checksum(x: Extraction) -> str:
    if x.article is not None and x.article.checksum:
        return x.article.checksum
    record = json.dumps(jsonio.to_json(x), ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(record.encode("utf-8")).hexdigest()


def _from_record(d: dict[str, Any], source: str) -> Extraction:
    """A JSONL record of ``hamkor extract --text`` (or ``jsonio.to_json``) with its article."""
    x = jsonio.from_json(d)
    meta = d.get("article") or {}
    article = Article(
        id=x.id, source=meta.get("source") or source, text=meta.get("text") or "",
        published=x.published, language=meta.get("language") or "ru", title=meta.get("title"),
        url=meta.get("url"), site=meta.get("site"), checksum=meta.get("checksum") or "")
    if not article.checksum:
        body = json.dumps(d, ensure_ascii=False, sort_keys=True).encode("utf-8")
        article = replace(article, checksum=hashlib.sha256(body).hexdigest())
    return replace(x, article=article)


def _jsonl(lines: Iterable[str], source: str) -> Iterator[Extraction | Failure]:
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            yield _from_record(json.loads(line), source)
        except (ValueError, KeyError, TypeError, AttributeError) as e:
            yield Failure(f"{source}:{n}", f"not an extraction record ({type(e).__name__}: {e})")


def is_record(line: str | bytes) -> bool:
    """Whether a JSON line is an extraction record (``hamkor extract``), not a raw article."""
    try:
        d = json.loads(line)
    except ValueError:
        return False
    return isinstance(d, dict) and ("extractor" in d or {"regions", "links"} <= d.keys())


def _first_line(path: Path) -> bytes:
    try:
        with open(path, "rb") as f:
            return next((line for line in f if line.strip()), b"")
    except OSError:
        return b""


def _records_file(path: Path) -> bool:
    return path.is_file() and path.name.endswith(".jsonl") and is_record(_first_line(path))


def _records_only(directory: Path) -> bool:
    """A directory of extraction records (.jsonl) and of nothing else to read."""
    files = [f for f in directory.rglob("*") if f.is_file() and not f.name.startswith(".")]
    return bool(files) and all(_records_file(f) for f in files)


def _jsonl_file(path: Path) -> Iterator[Extraction | Failure]:
    try:
        with open(path, encoding="utf-8") as f:
            yield from _jsonl(f, str(path))
    except (OSError, UnicodeDecodeError) as e:
        yield Failure(str(path), f"cannot read: {e}")


class _Fetchers:
    """One HTTP client for every input of a run, so the polite rate per host holds across
    them; made when the first input needs it, closed at the end."""

    def __init__(self) -> None:
        self.fetcher: Any = None

    def get(self) -> Any:
        if self.fetcher is None:
            from hamkor.sources.http import Fetcher

            self.fetcher = Fetcher()
        return self.fetcher

    def close(self) -> None:
        if self.fetcher is not None:
            self.fetcher.close()


def _raw(path: str, fields: dict[str, str] | None, fetchers: _Fetchers
         ) -> Iterator[RawArticle | Failure]:
    """Articles to extract: files, pages, feeds, dumps, URLs (``hamkor.sources``)."""
    from hamkor.sources import read_any

    yield from read_any([path], fields, fetchers.get())


def _stdin(fields: dict[str, str] | None) -> Iterator[RawArticle | Extraction | Failure]:
    import io
    import sys

    data = sys.stdin.buffer.read()
    first = next((line for line in data.splitlines() if line.strip()), b"")
    if is_record(first):
        yield from _jsonl(io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"), "<stdin>")
        return
    from hamkor.sources import jsonl, sniff

    if not data.strip():
        yield Failure("<stdin>", "empty input")
    elif sniff(data) == "jsonl":
        yield from jsonl.read_stream(io.BytesIO(data), "<stdin>", fields)
    else:
        yield RawArticle(id="stdin", source="<stdin>", data=data, kind=sniff(data))


def expand(items: Iterable[Item], fields: dict[str, str] | None = None
           ) -> Iterator[RawArticle | Extraction | Failure]:
    """What the items hold: articles to extract from paths, URLs and ``-`` (any source
    ``hamkor.sources`` reads), extraction records from .jsonl files of ``hamkor extract``
    (with ``--text`` to keep the text searchable), and records handed over as they are."""
    fetchers = _Fetchers()
    try:
        for item in items:
            if isinstance(item, RawArticle | Extraction | Failure):
                yield item
                continue
            path = str(item)
            if path == "-":
                yield from _stdin(fields)
            elif _records_file(Path(path)):
                yield from _jsonl_file(Path(path))
            elif Path(path).is_dir() and _records_only(Path(path)):
                for p in sorted(Path(path).rglob("*.jsonl")):
                    yield from _jsonl_file(p)
            else:
                yield from _raw(path, fields, fetchers)
    finally:
        fetchers.close()


def count(items: Iterable[Item]) -> int | None:
    """How many records the items hold, for a progress bar; None when that cannot be known
    without reading them (URLs, feeds, stdin)."""
    n = 0
    for item in items:
        if not isinstance(item, str | Path):
            n += 1
            continue
        path = Path(item)
        if str(item) == "-" or "://" in str(item):
            return None
        if path.is_dir():
            from hamkor.sources import kind_of_name

            files = sorted(f for f in path.rglob("*") if f.is_file() and kind_of_name(f.name)
                           and not f.name.startswith("."))
        else:
            files = [path]
        for f in files:
            name = f.name.lower()
            if name.endswith((".jsonl", ".ndjson")) and f.is_file():
                n += _lines(f)
            elif name.endswith((".xml", ".rss", ".atom", ".gz")):
                return None
            else:
                n += 1
    return n


def _lines(path: Path) -> int:
    with open(path, "rb") as f:
        return sum(1 for line in f if line.strip())
