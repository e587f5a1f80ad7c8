"""Stage: RawArticle → Article. Needs bytes or HTML; adds clean text, date, language, checksum."""

from __future__ import annotations

import hashlib
import re
import unicodedata

from hamkor.clean import boilerplate, dates, language
from hamkor.clean.decode import decode
from hamkor.errors import InputError
from hamkor.records import Article, RawArticle
from hamkor.settings import MAX_TEXT_CHARS

MIN_TEXT_CHARS = 40
_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")


def normalize_text(text: str) -> str:
    """NFC, one kind of space, no invisible characters, no CR."""
    text = unicodedata.normalize("NFC", text)
    text = _INVISIBLE.sub("", _SPACES.sub(" ", text))
    return text.replace("\r\n", "\n").replace("\r", "\n")


def clean(raw: RawArticle) -> Article:
    """The cleaned article; raises InputError when there is no article to read."""
    text, warnings = decode(raw.data, raw.source)
    text = normalize_text(text)
    if raw.kind == "html":
        from hamkor.clean.html import main_text  # lazy: trafilatura is heavy

        text, meta = main_text(text, raw.source, raw.url, raw.fetched)
        title = raw.title or meta.get("title")
        published_meta = meta.get("published") or raw.published  # the page's own date first
        site = raw.site or meta.get("site")
        url = raw.url or meta.get("url")
    else:
        title, published_meta, site, url = raw.title, raw.published, raw.site, raw.url
    body, dropped = boilerplate.strip(text)
    if len(body) > MAX_TEXT_CHARS:
        warnings.append(f"text cut to {MAX_TEXT_CHARS} characters")
        body = body[:MAX_TEXT_CHARS]
    if len(body.strip()) < MIN_TEXT_CHARS:
        raise InputError(raw.source, "no article text (empty after removing page furniture)")
    lang = language.detect(body)
    if lang == "other":
        raise InputError(raw.source, "not a Russian or Uzbek text")
    published = dates.from_metadata(published_meta)
    span = None
    if published is None:
        found = dates.from_text(body)
        if found:
            published, span = found
        else:  # a date on a furniture line («Челябинск · 07.07.2025 · Промышленность») the strip took
            found = dates.from_text(text, foot=False)  # not the dates of «Читайте также» lists
            published = found[0] if found else None
    if title is None:
        first = body.split("\n", 1)[0].strip()
        title = first[:200] if len(first) < 200 else None
    return Article(
        id=raw.id,
        source=raw.source,
        text=body,
        published=published,
        published_span=span,
        language=lang,
        title=title,
        url=url,
        site=site,
        checksum=hashlib.sha256(raw.data).hexdigest(),
        dropped=dropped,
        warnings=tuple(warnings),
    )
