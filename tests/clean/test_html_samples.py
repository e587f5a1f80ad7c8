"""The sample corpus as web pages (samples/make_web.py): the same article comes out of each.

A page gives the text file's article line for line (menus, asides, footers and scripts of
the page stripped); a feed item with ``content:encoded`` gives it from the headline on.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hamkor.clean.article import clean
from hamkor.records import RawArticle
from hamkor.sources import read_any
from hamkor.sources.files import read

SAMPLES = Path(__file__).resolve().parent.parent.parent / "samples"


def _lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def _pages() -> list[Path]:
    return sorted((SAMPLES / "html").glob("*.html"))


@pytest.mark.skipif(not _pages(), reason="samples/html is not generated yet")
@pytest.mark.parametrize("source", ["html", "feed.xml"])
def test_every_page_and_feed_item_gives_the_text_article(source):
    raws = list(read_any([SAMPLES / source]))
    assert all(isinstance(r, RawArticle) for r in raws), [r for r in raws if not isinstance(r, RawArticle)]
    assert {r.id for r in raws} == {p.stem for p in _pages()}
    for raw in raws:
        page, text = clean(raw), clean(read(SAMPLES / "articles" / f"{raw.id}.txt"))
        got, want = _lines(page.text), _lines(text.text)
        if source == "feed.xml" and got != want:  # content:encoded: from the headline on
            want = want[len(want) - len(got):]
        assert got == want, raw.id
        assert page.published == text.published or text.published is None, raw.id
