"""Article ids for what has no file name: a page's URL, a JSONL line."""

from __future__ import annotations

import hashlib
import re
from urllib.parse import unquote, urlsplit

# Last path segments that name no article of their own.
GENERIC = {"", "index", "default", "article", "news", "view", "show", "item", "page", "amp",
           "print", "detail", "details", "post", "story", "full"}
_UNSAFE = re.compile(r"[^\w.-]+")
MAX_SLUG = 80


def digest(text: str, n: int = 16) -> str:
    return hashlib.sha1(text.encode("utf-8", "replace")).hexdigest()[:n]


def from_url(url: str) -> str:
    """A readable, stable id: the page's file name without extension, or a hash of the URL.

    >>> from_url("https://example.org/news/s001_omsk.html")
    's001_omsk'
    """
    parts = urlsplit(url)
    segments = [s for s in unquote(parts.path).split("/") if s]
    slug = segments[-1] if segments else ""
    stem = slug.rsplit(".", 1)[0] if "." in slug[1:] else slug
    stem = _UNSAFE.sub("-", stem).strip("-.")[:MAX_SLUG]
    if stem.lower() in GENERIC or stem.isdigit() or parts.query:
        return f"{stem}-{digest(url, 10)}" if stem and stem.lower() not in GENERIC else "u" + digest(url)
    return stem
