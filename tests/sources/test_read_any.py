"""read_any: one entry for files, directories, pages, feeds, dumps, URLs and standard input."""

from __future__ import annotations

import io
import shutil
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

from hamkor.clean.article import clean
from hamkor.records import Failure, RawArticle
from hamkor.sources import read_any, sniff

WEB = Path(__file__).resolve().parent.parent / "fixtures" / "web"
TEXT = "Хоким Джизакской области встретился с губернатором Самарской области."


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    (d / "sub").mkdir(parents=True)
    (d / "a.txt").write_text(TEXT, encoding="utf-8")
    (d / "b.md").write_text(TEXT, encoding="utf-8")
    shutil.copy(WEB / "no-date.html", d / "sub" / "c.html")
    shutil.copy(WEB / "dump.jsonl", d / "d.jsonl")
    shutil.copy(WEB / "atom.xml", d / "e.atom")
    (d / "notes.pdf").write_bytes(b"%PDF-1.4")
    (d / ".hidden.txt").write_text(TEXT, encoding="utf-8")
    return d


def test_a_directory_gives_every_kind_in_order(folder):
    out = list(read_any([folder]))
    got = [(x.id, x.kind) if isinstance(x, RawArticle) else x.source for x in out]
    assert got == [("a", "text"), ("b", "text"),
                   f"{folder}/d.jsonl:1", f"{folder}/d.jsonl:2", f"{folder}/d.jsonl:3",
                   f"{folder}/d.jsonl:5", f"{folder}/d.jsonl:6", ("d-7", "html"),
                   ("bukhara-ivanovo", "html"), ("c", "html")]


def test_missing_and_empty_inputs(tmp_path):
    (tmp_path / "empty").mkdir()
    out = list(read_any([tmp_path / "nope.txt", tmp_path / "empty"]))
    assert [f.problem for f in out] == ["no such file or directory",
                                        "directory has no .txt, .md, .html, .xml, .rss, .atom or "
                                        ".jsonl files"]


def test_an_unknown_suffix_is_sniffed(tmp_path):
    page = tmp_path / "page.php"
    shutil.copy(WEB / "article.html", page)
    feed = tmp_path / "rss"
    shutil.copy(WEB / "atom.xml", feed)
    out = list(read_any([page, feed]))
    assert [(x.id, x.kind) for x in out] == [("page", "html"), ("bukhara-ivanovo", "html")]
    assert sniff(b"{\"text\": 1}\n") == "jsonl" and sniff("Текст".encode()) == "text"


@pytest.mark.parametrize("path", ["/article.html", "/cp1251.html", "/koi8.html", "/koi8-header.html",
                                  "/scripts.html", "/chain/2"])
def test_pages_by_url_in_any_encoding(server, fetcher, path):
    out = list(read_any([server.url(path)], fetcher=fetcher))
    assert len(out) == 1 and isinstance(out[0], RawArticle) and out[0].kind == "html"
    article = clean(out[0])
    assert "Игорь Артамонов и хоким Ферганской области Хайрулло Бозаров" in article.text
    assert "Андижанской" not in article.text and "dataLayer" not in article.text
    assert article.title == "Липецкая и Ферганская области подписали соглашение"
    assert str(article.published) == "2025-03-14"


def test_broken_page_by_url(server, fetcher):
    [raw] = read_any([server.url("/broken.html")], fetcher=fetcher)
    assert "Навоийской" in clean(raw).text


def test_text_and_a_feed_served_as_html(server, fetcher):
    out = list(read_any([server.url("/text.txt"), server.url("/feed-as-html")], fetcher=fetcher))
    assert out[0].kind == "text" and out[0].data.decode() == TEXT
    assert {x.id for x in out[1:] if isinstance(x, RawArticle)} >= {"no-date", "tambov-andijan"}


def test_fetch_failures_are_failures_and_the_rest_goes_on(server, fetcher):
    out = list(read_any([server.url("/404"), server.url("/image.png"), server.url("/text.txt")],
                        fetcher=fetcher))
    assert [type(x).__name__ for x in out] == ["Failure", "Failure", "RawArticle"]
    assert out[0] == Failure(server.url("/404"), "HTTP 404 Not Found")


def test_standard_input_is_sniffed(monkeypatch):
    data = (WEB / "atom.xml").read_bytes()
    monkeypatch.setattr(sys, "stdin", SimpleNamespace(buffer=io.BytesIO(data)))
    [raw] = read_any(["-"])
    assert raw.id == "bukhara-ivanovo"
    monkeypatch.setattr(sys, "stdin", SimpleNamespace(buffer=io.BytesIO(TEXT.encode())))
    [raw] = read_any(["-"])
    assert (raw.id, raw.source, raw.kind) == ("stdin", "<stdin>", "text")


def test_the_inputs_of_one_ingest_share_the_polite_rate(server):
    from hamkor.kb import inputs

    started = time.monotonic()
    out = list(inputs.expand([server.url("/text.txt"), server.url("/no-date.html")]))
    assert all(isinstance(x, RawArticle) for x in out)
    times = [t for p, _, t in server.log if p in ("/text.txt", "/no-date.html") and t >= started]
    assert len(times) == 2 and times[1] - times[0] >= 0.9  # the default interval: 1 s a host
