"""An HTML page to its article: main text (trafilatura) and metadata (title, date, site, URL).

The text keeps the article's paragraphs apart with blank lines; menus, related-link
lists, footers and scripts are left behind. The publication date comes, in this order,
from meta tags, JSON-LD, ``itemprop``, ``<time datetime>``, a short date line of the
page («30 апреля 2025», «12.11.2025 14:12», «вчера, 14:12») and a date in its address.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from copy import deepcopy
from datetime import date
from functools import cache
from typing import Any
from urllib.parse import urljoin, urlsplit

import lxml.html
from lxml import etree

from hamkor.clean import dates
from hamkor.errors import InputError

Meta = dict[str, str]
NO_ARTICLE = "no article text in the page"
MIN_CHARS = 40
MAX_ELEMENTS = 40_000  # after pruning; a larger page is not an article (and slow to read)
INVISIBLE = ("script", "style", "noscript", "template", "svg", "iframe", "object", "embed", "canvas")
INLINE = ("span", "font", "b", "i", "em", "strong", "small", "u", "s", "sup", "sub", "mark", "abbr")

PUBLISHED_META = (
    "article:published_time", "og:article:published_time", "og:published_time",
    "datepublished", "article.published", "published_time", "mediator_published_time",
    "pubdate", "publishdate", "publish_date", "publish-date", "parsely-pub-date",
    "sailthru.date", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date",
    "dcterms.created", "citation_publication_date", "date",
)
# Containers of furniture: a date inside them belongs to another article.
FURNITURE = ("aside", "nav", "footer", "form")
_FURNITURE_CLASS = re.compile(r"related|similar|recommend|more-news|sidebar|teaser|footer|menu", re.I)
_DATE_CLASS = re.compile(r"date|time|publish|posted|byline|meta|info", re.I)
DATE_LINE_MAX_CHARS = 80
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](\d{2})[/-](\d{2})(?=[/_.-]|$)")


def _tree(html: str, source: str) -> Any:
    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)
    try:
        return lxml.html.document_fromstring(html.encode("utf-8", "replace"), parser=parser)
    except (etree.ParserError, ValueError) as e:
        raise InputError(source, NO_ARTICLE) from e


def _prune(tree: Any, source: str) -> None:
    """Drop what is never text; on a page of very many elements, unwrap inline ones too.

    trafilatura's time grows with the number of elements: this keeps a page of scripts or
    of a hundred thousand spans from taking minutes.
    """
    etree.strip_elements(tree, *INVISIBLE, with_tail=False)
    if sum(1 for _ in tree.iter()) > MAX_ELEMENTS:
        etree.strip_tags(tree, *INLINE)
        if sum(1 for _ in tree.iter()) > MAX_ELEMENTS:
            raise InputError(source, f"{NO_ARTICLE}: more than {MAX_ELEMENTS} elements")


def _in_furniture(el: Any) -> bool:
    for anc in el.iterancestors():
        if not isinstance(anc.tag, str):
            continue
        if anc.tag in FURNITURE or _FURNITURE_CLASS.search(f"{anc.get('class', '')} {anc.get('id', '')}"):
            return True
    return False


def _meta_content(tree: Any) -> dict[str, str]:
    """Every <meta> by its lowercased name, property or itemprop (the first one wins)."""
    found: dict[str, str] = {}
    for m in tree.iter("meta"):
        key = (m.get("property") or m.get("name") or m.get("itemprop") or "").strip().lower()
        value = (m.get("content") or "").strip()
        if key and value and key not in found:
            found[key] = value
    return found


def _json_ld_dates(tree: Any) -> Iterator[str]:
    def walk(node: Any, depth: int = 0) -> Iterator[str]:
        if depth > 8:
            return
        if isinstance(node, dict):
            value = node.get("datePublished") or node.get("dateCreated")
            if isinstance(value, str):
                yield value
            for child in node.values():
                if isinstance(child, dict | list):
                    yield from walk(child, depth + 1)
        elif isinstance(node, list):
            for child in node[:50]:
                yield from walk(child, depth + 1)

    for script in tree.xpath('//script[contains(@type, "ld+json")]'):
        try:
            yield from walk(json.loads(script.text_content(), strict=False))
        except (ValueError, RecursionError):
            continue


def _date_line(text: str, today: date) -> str | None:
    """``text`` when it is a short line that is mostly a date (or «вчера, 14:12» resolved)."""
    line = " ".join(text.split())
    if not line or len(line) > DATE_LINE_MAX_CHARS:
        return None
    relative = dates.parse_relative(line, today)
    if relative:
        rest = re.sub(dates.TIME, "", dates.RELATIVE.sub("", line))
        return relative.isoformat() if len(rest.strip(" ,.в|—-")) <= 3 else None
    found = dates.parse_date(line)
    if found:
        _, start, stop = found
        rest = dates.LABEL.sub("", line[:start]) + re.sub(dates.TIME, "", line[stop:])
        rest = re.sub(r"\(?обновлено:?.*", "", rest, flags=re.I)
        if len(rest.strip(" \t|,—-–()г.")) <= dates.DATE_LINE_MAX_REST:
            return line
    return None


def _visible_dates(tree: Any, today: date) -> Iterator[str]:
    """Date lines in elements classed as dates, then text just before and after the <h1>."""
    for el in tree.iter():
        if not isinstance(el.tag, str) or el.tag in ("script", "style", "html", "body"):
            continue
        if len(el) <= 6 and _DATE_CLASS.search(f"{el.get('class', '')} {el.get('id', '')}") \
                and not _in_furniture(el):
            found = _date_line(el.text_content(), today)
            if found:
                yield found
    for h1 in tree.iter("h1"):
        near = h1.xpath("preceding::text()[normalize-space()][position() <= 3]")
        near += h1.xpath("following::text()[normalize-space()][position() <= 12]")
        for node in near:
            parent = node.getparent()
            if parent is None or parent.tag in ("script", "style") or _in_furniture(parent):
                continue
            found = _date_line(str(node), today)
            if found:
                yield found
        break


def _published(tree: Any, meta: dict[str, str], today: date) -> str | None:
    for key in PUBLISHED_META:
        if dates.from_metadata(meta.get(key)):
            return meta[key]
    for value in _json_ld_dates(tree):
        if dates.from_metadata(value):
            return value
    for el in tree.xpath('//*[@itemprop="datePublished"] | //time[@datetime]'):
        value = el.get("content") or el.get("datetime") or el.text_content()
        if not _in_furniture(el) and dates.from_metadata(value):
            return value.strip()
    return next(_visible_dates(tree, today), None)


def page_meta(tree: Any, url: str | None, today: date) -> Meta:
    """Title, published (as written), site and canonical URL from the page's markup."""
    meta = _meta_content(tree)
    out: Meta = {}
    title = meta.get("og:title") or meta.get("twitter:title") or tree.findtext(".//title")
    if title and title.strip():
        out["title"] = " ".join(title.split())
    canonical = tree.xpath('//link[@rel="canonical"]/@href') or [meta.get("og:url", "")]
    if canonical[0].strip():
        out["url"] = urljoin(url or "", canonical[0].strip())
    elif url:
        out["url"] = url
    published = _published(tree, meta, today)
    if published is None:  # a date in the address: /2025/03/14/
        m = _URL_DATE.search(urlsplit(out.get("url") or url or "").path)
        published = "-".join(m.groups()) if m and dates.from_metadata("-".join(m.groups())) else None
    if published:
        out["published"] = published
    site = meta.get("og:site_name") or meta.get("application-name")
    if site:
        out["site"] = site
    elif out.get("url"):
        host = urlsplit(out["url"]).hostname or ""
        if host:
            out["site"] = host.removeprefix("www.")
    return out


def _inline(el: Any) -> str:
    """An element's text with <lb/> as a line break."""
    parts = [el.text or ""]
    for child in el:
        parts.append("\n" if child.tag == "lb" else _inline(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _block(el: Any) -> str:
    if el.tag == "list":
        return "\n".join(_block(item) for item in el if item.tag == "item")
    if el.tag == "table":
        rows = el.iter("row")
        return "\n".join("\t".join(_inline(c).strip() for c in row if c.tag == "cell") for row in rows)
    return _inline(el)


def _paragraphs(body: Any) -> str:
    """trafilatura's result tree as text: blocks apart by a blank line, lines kept."""
    blocks = []
    for el in body:
        lines = (" ".join(line.split()) for line in _block(el).split("\n"))
        text = "\n".join(line for line in lines if line)
        if text:
            blocks.append(text)
    return "\n\n".join(blocks)


def _fold(s: str) -> str:
    return " ".join(s.lower().replace("ё", "е").split())


@cache
def _config() -> Any:
    from trafilatura.settings import DEFAULT_CONFIG

    config = deepcopy(DEFAULT_CONFIG)
    config.set("DEFAULT", "extensive_date_search", "off")
    return config


def _extract(tree: Any, url: str | None, **options: Any) -> tuple[str, Meta]:
    """An adapter: trafilatura's Document to our text and metadata (the one place it is read)."""
    import trafilatura

    doc: Any = trafilatura.bare_extraction(
        tree, url=url, with_metadata=True, include_comments=False, include_tables=True,
        config=_config(), **options)
    if doc is None or doc.body is None:
        return "", {}
    # Not its date: htmldate guesses one from the body's text when the markup has none.
    meta = {k: v for k, v in (("title", doc.title), ("site", doc.sitename))
            if isinstance(v, str) and v.strip()}
    return _paragraphs(doc.body), meta


def main_text(html: str, source: str, url: str | None = None,
              today: date | None = None) -> tuple[str, Meta]:
    """The article text of an HTML page and its metadata (title, published, site, url).

    ``today`` is the date «вчера» is counted from (the day of reading by default).
    Raises InputError when the page holds no article.
    """
    tree = _tree(html, source)
    meta = page_meta(tree, url, today or date.today())
    headlines = {_fold(h.text_content()) for h in tree.iter("h1")}
    _prune(tree, source)
    text, found = _extract(tree, url)
    if len(text) < MIN_CHARS:  # trafilatura changed the tree: read the page anew
        tree = _tree(html, source)
        _prune(tree, source)
        text, found = _extract(tree, url, favor_recall=True)
    if len(text) < MIN_CHARS:
        raise InputError(source, NO_ARTICLE)
    if "site" not in meta and "site" in found:
        meta["site"] = found["site"]
    title = found.get("title") or meta.get("title")
    if title and _fold(title) == _fold(meta.get("site", "")):
        title = None  # a page titled by its site's name only
        meta.pop("title", None)
    if title:
        meta["title"] = title
        head = [_fold(line) for line in text.split("\n", 6)[:6]]
        if _fold(title) in headlines and _fold(title) not in head:
            text = f"{title}\n\n{text}"  # the page's headline, outside the part extracted
    return text, meta
