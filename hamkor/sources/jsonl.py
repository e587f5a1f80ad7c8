"""JSON Lines dumps, one article an object a line (gzip accepted), field names set by options.

    --field text=body --field published=date --field id=uid --field url=link --field title=headline

A line that cannot be read becomes a Failure naming ``file:line``; the rest goes on.
"""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any, cast

from hamkor.errors import InputError
from hamkor.records import Failure, RawArticle
from hamkor.settings import MAX_INPUT_BYTES

# Our name → the dump's key (a dotted key reaches into nested objects: meta.date).
DEFAULT_FIELDS = {"text": "text", "html": "html", "id": "id", "published": "published",
                  "url": "url", "title": "title", "site": "site"}
SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")


def parse_fields(specs: Iterable[str]) -> dict[str, str]:
    """``["text=body", "id=uid"]`` as the full field map; raises InputError on a bad spec."""
    fields = dict(DEFAULT_FIELDS)
    for spec in specs:
        name, sep, key = spec.partition("=")
        name, key = name.strip(), key.strip()
        if not sep or not key:
            raise InputError("--field", f"expected NAME=KEY, got {spec!r}")
        if name not in DEFAULT_FIELDS:
            raise InputError("--field", f"unknown field {name!r}; one of {', '.join(DEFAULT_FIELDS)}")
        fields[name] = key
    return fields


def _get(record: Mapping[str, Any], key: str) -> Any:
    value: Any = record
    for part in key.split("."):
        if not isinstance(value, Mapping) or part not in value:
            return None
        value = value[part]
    return value


def _string(record: Mapping[str, Any], key: str) -> str | None:
    value = _get(record, key)
    if value is None or isinstance(value, dict | list):
        return None
    text = str(value).strip()
    return text or None


def _article(line: bytes, source: str, default_id: str, fields: Mapping[str, str]) -> RawArticle:
    try:
        record = json.loads(line)
    except (ValueError, RecursionError) as e:
        raise InputError(source, f"not JSON: {e}") from e
    if not isinstance(record, dict):
        raise InputError(source, f"not a JSON object but {type(record).__name__}")
    text, page = _string(record, fields["text"]), _string(record, fields["html"])
    if text is None and page is None and ("extractor" in record or {"regions", "links"} <= record.keys()):
        raise InputError(source, "an extraction record of `hamkor extract`, not an article "
                                 "(`hamkor ingest` stores such records as they are)")
    if text is None and page is None:
        raise InputError(source, f"no text: neither {fields['text']!r} nor {fields['html']!r} "
                                 "holds a string")
    return RawArticle(
        id=_string(record, fields["id"]) or default_id, source=source,
        data=(text or page or "").encode("utf-8"), kind="text" if text else "html",
        url=_string(record, fields["url"]), title=_string(record, fields["title"]),
        published=_string(record, fields["published"]), site=_string(record, fields["site"]))


def _lines(f: IO[bytes], limit: int) -> Iterator[bytes | None]:
    """Each line, or None for a line longer than ``limit`` (skipped, never held whole)."""
    while line := f.readline(limit + 1):
        if len(line) > limit and not line.endswith(b"\n"):
            while (rest := f.readline(limit + 1)) and not rest.endswith(b"\n"):
                pass
            yield None
        else:
            yield line


def read_stream(f: IO[bytes], source: str, fields: Mapping[str, str] | None = None,
                limit: int = MAX_INPUT_BYTES) -> Iterator[RawArticle | Failure]:
    """The articles of an open binary stream of JSON lines; ``source`` names it in ids."""
    fields = {**DEFAULT_FIELDS, **(fields or {})}
    stem = Path(source).name
    for suffix in SUFFIXES:
        stem = stem.removesuffix(suffix)
    n = 0
    try:
        for n, line in enumerate(_lines(f, limit), 1):
            where = f"{source}:{n}"
            if line is None:
                yield Failure(where, f"line longer than {limit / 1e6:.0f} MB")
                continue
            if not line.strip():
                continue
            try:
                yield _article(line, where, f"{stem}-{n}", fields)
            except InputError as e:
                yield Failure(e.source, e.problem)
    except (OSError, EOFError, zlib.error) as e:
        yield Failure(f"{source}:{n + 1}", f"cannot read further: {e}")


def read(path: Path, fields: Mapping[str, str] | None = None) -> Iterator[RawArticle | Failure]:
    """The articles of a .jsonl (or .jsonl.gz) file."""
    try:
        f = cast(IO[bytes], gzip.open(path, "rb")) if path.suffix == ".gz" else path.open("rb")
    except OSError as e:
        yield Failure(str(path), f"cannot read: {e.strerror or e}")
        return
    with f:
        yield from read_stream(f, str(path), fields)
