"""RSS and Atom: items from full content or their fetched pages; bad items named."""

from __future__ import annotations

import os
from datetime import date, datetime, timedelta
from pathlib import Path

from hamkor.clean.article import clean
from hamkor.records import Failure, RawArticle
from hamkor.sources import feeds, read_any

WEB = Path(__file__).resolve().parent.parent / "fixtures" / "web"


def test_rss_items_from_pages_and_full_content(server, fetcher):
    url = server.url("/feed.xml")
    out = list(read_any([url], fetcher=fetcher))
    raws = [x for x in out if isinstance(x, RawArticle)]
    fails = [x for x in out if isinstance(x, Failure)]
    ids = [r.id for r in raws]
    assert ids[1:] == ["no-date", "tambov-andijan"]  # the page's file name …
    assert ids[0].startswith("u") and len(ids[0]) == 17  # … unless it names no article («article»)
    first = raws[0]
    assert first.kind == "html" and first.url == server.url("/article.html")
    assert first.published == "Fri, 14 Mar 2025 10:05:00 +0300"  # as the feed wrote it
    assert first.site == "Вести Черноземья" and first.title.startswith("Липецкая")
    assert b"<article>" in first.data  # the page itself was fetched
    # Full content: no request for the item's page, which does not exist.
    assert not any(p == "/news/tambov-andijan.html" for p, _, _ in server.log)
    assert b"alert(1)" not in raws[2].data  # feedparser's sanitizer dropped the script
    assert [f.source for f in fails] == [f"{url} item 4 «Анонс без ссылки»",
                                         f"{url} item 5 «Пропавшая страница»"]
    assert fails[0].problem == "item has no link"
    assert "HTTP 404" in fails[1].problem


def test_feed_items_clean_into_articles(server, fetcher):
    raws = [x for x in read_any([server.url("/feed.xml")], fetcher=fetcher) if isinstance(x, RawArticle)]
    articles = [clean(r) for r in raws]
    assert articles[0].published == date(2025, 3, 14)
    assert "Хайрулло Бозаров" in articles[0].text and "Тамбов" not in articles[0].text
    # The page's own «Вчера, 16:40» wins over the feed's date, counted from the day of fetching.
    assert articles[1].published == date.today() - timedelta(days=1)
    assert articles[2].text.startswith("Тамбовские аграрии приедут в Андижан\n\n")
    assert "Андижанскую область" in articles[2].text


def test_atom_with_content():
    out = list(feeds.read(str(WEB / "atom.xml"), (WEB / "atom.xml").read_bytes()))
    assert len(out) == 1 and isinstance(out[0], RawArticle)
    raw = out[0]
    assert raw.id == "bukhara-ivanovo" and raw.published == "2025-03-19T09:00:00+05:00"
    assert raw.url == "https://news.example.uz/bukhara-ivanovo" and raw.site == "Новости Узбекистана"
    assert "Бухарской области" in clean(raw).text


def test_malformed_xml_is_named_and_what_can_be_read_is_read(server, fetcher):
    url = server.url("/broken.xml")
    out = list(read_any([url], fetcher=fetcher))
    assert isinstance(out[0], Failure) and out[0].source == url
    assert "malformed XML" in out[0].problem
    assert all(isinstance(x, RawArticle | Failure) for x in out)


def test_not_a_feed():
    out = list(feeds.read("x.xml", b"<?xml version='1.0'?><config><a>1</a></config>"))
    assert out == [Failure("x.xml", "not an RSS or Atom feed")]
    assert list(feeds.read("y.xml", b"")) == [Failure("y.xml", "not an RSS or Atom feed")]


def test_a_remote_feed_cannot_read_local_files(fetcher):
    xml = (b"<rss version='2.0'><channel><title>t</title><item><title>x</title>"
           b"<link>file:///etc/passwd</link></item></channel></rss>")
    out = list(feeds.read("http://127.0.0.1:1/feed.xml", xml, fetcher))
    assert len(out) == 1 and isinstance(out[0], Failure) and "not an http(s) link" in out[0].problem


def test_a_local_feed_reads_its_local_pages(tmp_path):
    (tmp_path / "html").mkdir()
    (tmp_path / "html" / "a1.html").write_bytes((WEB / "article.html").read_bytes())
    xml = ("<rss version='2.0'><channel><title>Локальная лента</title><item><title>Липецк</title>"
           "<link>html/a1.html</link><pubDate>Fri, 14 Mar 2025 10:05:00 +0300</pubDate></item>"
           "<item><title>Нет файла</title><link>html/none.html</link></item></channel></rss>")
    (tmp_path / "feed.xml").write_text(xml, encoding="utf-8")
    out = list(read_any([tmp_path / "feed.xml"]))
    assert isinstance(out[0], RawArticle) and out[0].id == "a1"
    assert out[1].source == f"{tmp_path / 'feed.xml'} item 2 «Нет файла»"
    assert isinstance(out[1], Failure) and "No such file" in out[1].problem


def test_looks_like_feed():
    assert feeds.looks_like_feed(b'<?xml version="1.0"?>\n<!-- c -->\n<rss version="2.0">')
    assert feeds.looks_like_feed(b'<feed xmlns="http://www.w3.org/2005/Atom">')
    assert not feeds.looks_like_feed(b"<!DOCTYPE html><html>")


def _local_feed(tmp_path: Path, items: list[tuple[str, str, str]]) -> Path:
    """A feed file of (page file, page HTML, pubDate) items, the pages beside it."""
    xml = ["<rss version='2.0'><channel><title>Лента</title>"]
    for name, page, pub in items:
        (tmp_path / name).write_text(page, encoding="utf-8")
        xml.append(f"<item><title>{name}</title><link>{name}</link><pubDate>{pub}</pubDate></item>")
    (tmp_path / "feed.xml").write_text("".join(xml) + "</channel></rss>", encoding="utf-8")
    return tmp_path / "feed.xml"


BODY = ("<p>Делегация Навоийской области посетила Екатеринбург и провела переговоры о поставках "
        "вагонов.</p><p>Стороны договорились об обучении инженеров.</p>")


def _html(head: str = "", before: str = "") -> str:
    return (f"<html><head><meta charset='utf-8'>{head}</head><body><article><h1>Навои и Урал</h1>"
            f"{before}{BODY}</article></body></html>")


def test_the_pages_own_date_wins_over_the_feeds(tmp_path):
    feed = _local_feed(tmp_path, [
        ("meta.html", _html('<meta property="article:published_time" content="2025-02-03T10:00">'),
         "Mon, 10 Feb 2025 09:00:00 +0000"),
        ("time.html", _html(before='<time datetime="2025-02-04">4 февраля</time>'),
         "Mon, 10 Feb 2025 09:00:00 +0000"),
        ("visible.html", _html(before="<p>5 февраля 2025, 14:12</p>"), "Mon, 10 Feb 2025 09:00:00 +0000"),
        ("yesterday.html", _html(before='<div class="date">Вчера, 16:40</div>'),
         "Mon, 10 Feb 2025 09:00:00 +0000"),
        ("none.html", _html(), "Mon, 10 Feb 2025 09:00:00 +0000"),
    ])
    saved = datetime(2025, 2, 7, 12, 0).timestamp()  # the day the page was saved
    os.utime(tmp_path / "yesterday.html", (saved, saved))
    got = {r.id: clean(r).published for r in read_any([feed]) if isinstance(r, RawArticle)}
    assert got == {"meta": date(2025, 2, 3), "time": date(2025, 2, 4), "visible": date(2025, 2, 5),
                   "yesterday": date(2025, 2, 6), "none": date(2025, 2, 10)}


def test_a_saved_pages_yesterday_counts_from_the_day_it_was_saved(tmp_path):
    page = tmp_path / "p.html"
    page.write_text(_html(before='<div class="date">вчера в 09:15</div>'), encoding="utf-8")
    saved = datetime(2025, 3, 1, 8, 0).timestamp()
    os.utime(page, (saved, saved))
    [raw] = read_any([page])
    assert raw.fetched == date(2025, 3, 1) and clean(raw).published == date(2025, 2, 28)
