"""HTML pages to article text and metadata: furniture left out, dates found, bad pages survived."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pytest

from hamkor.clean.article import clean
from hamkor.clean.decode import declared_charset, decode
from hamkor.clean.html import main_text
from hamkor.errors import InputError
from hamkor.records import RawArticle

WEB = Path(__file__).resolve().parent.parent / "fixtures" / "web"
BODY = ("<p>Делегация Навоийской области посетила Екатеринбург и провела переговоры с "
        "руководством завода о поставках вагонов.</p><p>Стороны договорились об обучении "
        "инженеров в уральских колледжах.</p>")
TODAY = date(2025, 3, 19)


def page(head: str = "", before: str = "", after: str = "") -> str:
    return (f"<html><head>{head}</head><body><nav><a href='/'>Главная</a> <a href='/n'>Новости</a>"
            f"</nav><article><h1>Навои и Урал</h1>{before}{BODY}{after}</article>"
            "<footer>© 2025 Урал-пресс</footer></body></html>")


def test_article_text_without_furniture_and_its_metadata():
    html = (WEB / "article.html").read_text(encoding="utf-8")
    text, meta = main_text(html, "article.html", "https://vesti.example.ru/x?utm=1", TODAY)
    paragraphs = text.split("\n\n")
    assert paragraphs[0] == "Липецкая и Ферганская области подписали соглашение"
    assert any(p.startswith("Губернатор Липецкой области Игорь Артамонов") for p in paragraphs)
    assert any(p.startswith("Товарооборот Липецкой области") for p in paragraphs)
    for furniture in ("Политика", "Читайте также", "Андижанской", "Все права защищены", "cookies",
                      "dataLayer", "font-family"):
        assert furniture not in text
    assert meta == {"title": "Липецкая и Ферганская области подписали соглашение",
                    "published": "2025-03-14T10:05:00+03:00", "site": "Вести Черноземья",
                    "url": "https://vesti.example.ru/news/2025/03/14/lipetsk-fergana.html"}


def test_relative_visible_date_and_no_date_from_the_sidebar():
    html = (WEB / "no-date.html").read_text(encoding="utf-8")
    text, meta = main_text(html, "no-date.html", None, TODAY)
    assert meta["published"] == "2025-03-18"
    assert "Самаркандской области" in text and "Популярное" not in text
    assert "url" not in meta


@pytest.mark.parametrize("head, before, expected", [
    ('<meta name="pubdate" content="2024-06-05">', "", "2024-06-05"),
    ('<script type="application/ld+json">{"@context": "https://schema.org", "@graph": '
     '[{"@type": "WebPage"}, {"@type": "NewsArticle", "datePublished": "2025-01-20T08:00:00Z"}]}'
     "</script>", "", "2025-01-20T08:00:00Z"),
    ("", '<span itemprop="datePublished" content="2025-02-01">1 февраля</span>', "2025-02-01"),
    ("", '<time datetime="2025-02-03T12:00">3 февраля, 12:00</time>', "2025-02-03T12:00"),
    ("", '<div class="news-date">30 апреля 2025</div>', "30 апреля 2025"),
    ("", "<p>12.11.2025 14:12</p>", "12.11.2025 14:12"),
    ("", '<div class="published">Вчера, 14:10</div>', "2025-03-18"),
    ("", "<p>Сегодня в Ташкенте 30 апреля 2025 года прошла ярмарка.</p>", None),
])
def test_publication_date_sources(head, before, expected):
    _, meta = main_text(page(head, before), "p.html", None, TODAY)
    assert meta.get("published") == expected


def test_a_date_in_a_related_list_is_not_the_article_date():
    related = ('<aside class="related"><ul><li><span class="date">1 января 2024</span>'
               "<a href='/o'>Другое</a></li></ul></aside>")
    _, meta = main_text(page(after=related), "p.html", None, TODAY)
    assert "published" not in meta


@pytest.mark.parametrize("html", [
    (WEB / "menu-only.html").read_text(encoding="utf-8"),
    "",
    "   \n",
    "<<<>>>&&&;;;" * 500,
    "<!--" + BODY * 100,
    "<html><body>" + "<div>" * 100_000 + BODY + "</div>" * 100_000 + "</body></html>",
])
def test_a_page_without_an_article(html):
    with pytest.raises(InputError, match="no article text in the page"):
        main_text(html, "bad.html")


def test_broken_markup_is_read():
    html = (WEB / "broken.html").read_text(encoding="utf-8")
    text, meta = main_text(html, "broken.html")
    assert "Делегация Навоийской области посетила Екатеринбург" in text
    assert "до конца года" in text


def test_script_heavy_and_span_heavy_pages_are_read_quickly():
    script = "<script>var a = '<p>не текст</p>';</script>"
    started = time.monotonic()
    text, _ = main_text(page(head=script * 20_000, before=script * 20_000), "s.html")
    assert "не текст" not in text and "Навоийской" in text
    text, _ = main_text(page(before="<span>x</span>" * 100_000), "w.html")
    assert "Навоийской" in text
    assert time.monotonic() - started < 20


@pytest.mark.parametrize("encoding, meta", [
    ("cp1251", '<meta charset="windows-1251">'),
    ("koi8_r", '<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">'),
])
def test_declared_single_byte_encodings(encoding, meta):
    data = page(meta).encode(encoding)
    assert declared_charset(data) in ("cp1251", "koi8-r")
    text, warnings = decode(data, "p.html")
    assert "Навоийской" in text and not warnings


def test_a_page_declaring_cp1251_that_is_utf8():
    text, warnings = decode(page('<meta charset="windows-1251">').encode(), "p.html")
    assert "Навоийской" in text and "UTF-8" in warnings[0]


def test_clean_stage_reads_an_html_article_in_cp1251():
    html = (WEB / "article.html").read_text(encoding="utf-8")
    data = html.replace('charset="utf-8"', 'charset="windows-1251"').encode("cp1251")
    article = clean(RawArticle(id="a", source="a.html", data=data, kind="html"))
    assert article.published == date(2025, 3, 14)
    assert article.title == "Липецкая и Ферганская области подписали соглашение"
    assert article.site == "Вести Черноземья"
    assert "Хайрулло Бозаров" in article.text and "Тамбов" not in article.text


def test_a_date_in_the_address_and_a_title_that_is_only_the_site():
    head = '<title>Урал-пресс</title><meta property="og:site_name" content="Урал-пресс">'
    html = page(head).replace("<h1>Навои и Урал</h1>", "")
    text, meta = main_text(html, "p.html", "https://ural.example/2025/02/07/navoi.html", TODAY)
    assert meta["published"] == "2025-02-07"
    assert "title" not in meta and not text.startswith("Урал-пресс")


def test_a_headline_outside_the_extracted_part_is_put_first():
    html = ("<html><body><div class='head'><h1>Навои и Урал</h1></div><div class='menu'>"
            "<a href='/'>Главная</a></div><div class='story'>" + BODY + "</div></body></html>")
    text, meta = main_text(html, "p.html")
    assert text.startswith("Навои и Урал\n\nДелегация Навоийской") and meta["title"] == "Навои и Урал"
