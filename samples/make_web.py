"""The sample corpus as web pages and a feed, to test reading HTML and RSS end to end.

    python samples/make_web.py [--articles samples/articles] [--out samples]

Writes ``html/<id>.html`` for each ``articles/<id>.txt`` — every line of the article in
its place (the headline as <h1>) inside a page of our own with a header menu, meta tags
(the publication date from ``expected.jsonl``), a related-links aside and a footer, all of
which must be stripped — and ``feed.xml``, RSS 2.0 with an item per page, linked relative
to the feed (every third item also carries the text after its headline in
``content:encoded``). The output is deterministic: regenerate after editing an article.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from datetime import UTC, date, datetime
from email.utils import format_datetime
from html import escape
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from hamkor.clean.boilerplate import MENU_LINE, NOISE_LINE  # noqa: E402
from hamkor.clean.dates import from_text  # noqa: E402

SITE = "Вестник регионов"
MENU = ("Главная", "Политика", "Экономика", "Регионы", "Общество", "Спорт")
TITLE_MAX = 200
HEAD_LINES = 4
DATELINE = re.compile(r"^[А-ЯЁA-Z][А-ЯЁA-Z .-]+, \d")


def find_title(lines: list[str]) -> int | None:
    """The index of the headline among the first lines: short, no final period, not a menu,
    a date line, a credit or a dateline («ПЕРМЬ, 22 июля 2025 — …»)."""
    for i, line in enumerate(lines[:HEAD_LINES]):
        if NOISE_LINE.match(line) or MENU_LINE.match(line) or " | " in line or " / " in line:
            continue
        if from_text(line) is not None:
            continue
        if DATELINE.match(line) or len(line) >= TITLE_MAX or line.endswith((".", "…")):
            return None
        return i
    return None


def split(text: str) -> tuple[int | None, list[str]]:
    """The non-empty lines and the index of the title among them."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return find_title(lines), lines


def body_html(lines: list[str], title: int | None) -> str:
    """Every line in its place: the headline as <h1>, the others as paragraphs."""
    return "\n".join(f"  <h1>{escape(line)}</h1>" if i == title else f"  <p>{escape(line)}</p>"
                     for i, line in enumerate(lines))


def page(id: str, title: int | None, lines: list[str], published: str | None,
         related: list[tuple[str, str]]) -> str:
    headline = lines[title] if title is not None else None
    head_title = (f"<title>{escape(headline)} — {SITE}</title>\n"
                  f'<meta property="og:title" content="{escape(headline, quote=True)}">\n'
                  if headline else f"<title>{SITE}</title>\n")
    head_date = (f'<meta property="article:published_time" content="{published}">\n'
                 if published else "")
    time_tag = f'  <time class="date" datetime="{published}">{published}</time>\n' if published else ""
    menu = "".join(f'<li><a href="/{i}">{m}</a></li>' for i, m in enumerate(MENU))
    aside = "".join(f'<li><a href="{rid}.html">{escape(rt)}</a></li>' for rid, rt in related)
    return f"""<!DOCTYPE html>
<html lang="ru">
<head>
<meta charset="utf-8">
{head_title}<meta property="og:site_name" content="{SITE}">
{head_date}<link rel="canonical" href="https://vestnik.example/news/{id}.html">
<script>window.counter = {{"page": "{id}"}};</script>
</head>
<body>
<header><a class="logo" href="/">{SITE}</a><nav class="menu"><ul>{menu}</ul></nav></header>
<main>
<article>
{time_tag}{body_html(lines, title)}
</article>
<aside class="related"><h3>Читайте также</h3><ul>{aside}</ul></aside>
</main>
<footer><p>© {SITE}. Все права защищены. При цитировании ссылка обязательна.</p>
<p>Сайт использует cookies.</p></footer>
</body>
</html>
"""


def rfc822(published: str | None) -> str | None:
    if not published:
        return None
    d = date.fromisoformat(published)
    return format_datetime(datetime(d.year, d.month, d.day, 9, 0, tzinfo=UTC))


def feed(items: list[tuple[str, int | None, list[str], str | None]]) -> str:
    out = ['<?xml version="1.0" encoding="utf-8"?>',
           '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">',
           "<channel>", f"<title>{SITE}</title>", "<link>https://vestnik.example/</link>",
           "<description>Образцы статей hamkor</description>"]
    for n, (id, title, lines, published) in enumerate(items):
        out.append("<item>")
        body = lines[title + 1:] if title is not None else lines  # a feed carries no furniture
        if title is not None:
            out.append(f"  <title>{escape(lines[title])}</title>")
        out.append(f"  <link>html/{id}.html</link>")
        out.append(f'  <guid isPermaLink="false">{id}</guid>')
        if (when := rfc822(published)) is not None:
            out.append(f"  <pubDate>{when}</pubDate>")
        out.append(f"  <description>{escape(body[0][:300] if body else '')}</description>")
        if n % 3 == 0:
            content = "".join(f"<p>{escape(line)}</p>" for line in body).replace("]]>", "]]&gt;")
            out.append(f"  <content:encoded><![CDATA[{content}]]></content:encoded>")
        out.append("</item>")
    out += ["</channel>", "</rss>", ""]
    return "\n".join(out)


def _headline(title: int | None, lines: list[str]) -> str:
    return lines[title] if title is not None else lines[0][:80]


def published_dates(expected: Path) -> dict[str, str | None]:
    if not expected.is_file():
        return {}
    rows = [json.loads(x) for x in expected.read_text(encoding="utf-8").splitlines() if x.strip()]
    return {r["id"]: r.get("published") for r in rows}


def make(articles: Path, out: Path) -> int:
    dates = published_dates(articles.parent / "expected.jsonl")
    texts = {p.stem: split(p.read_text(encoding="utf-8")) for p in sorted(articles.glob("*.txt"))}
    ids = sorted(texts)
    (out / "html").mkdir(parents=True, exist_ok=True)
    items = []
    for i, id in enumerate(ids):
        title, lines = texts[id]
        if not lines:
            continue
        others = [ids[(i + k) % len(ids)] for k in (1, 2, 3) if len(ids) > k]
        related = [(o, _headline(*texts[o])) for o in others if texts[o][1]]
        html = page(id, title, lines, dates.get(id), related)
        (out / "html" / f"{id}.html").write_text(html, encoding="utf-8")
        items.append((id, title, lines, dates.get(id)))
    (out / "feed.xml").write_text(feed(items), encoding="utf-8")
    return len(items)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=Path, default=HERE / "articles")
    ap.add_argument("--out", type=Path, default=HERE)
    args = ap.parse_args()
    n = make(args.articles, args.out)
    print(f"wrote {n} pages to {args.out / 'html'} and {args.out / 'feed.xml'}")


if __name__ == "__main__":
    main()
