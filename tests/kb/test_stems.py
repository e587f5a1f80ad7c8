"""Russian word forms for search: stems, «ё» folding, prefix matching."""

from __future__ import annotations

import pytest

from hamkor.kb import search, stems


@pytest.mark.parametrize("word, stem", [
    ("Навои", "наво"), ("Навоийской", "навоийск"), ("Бухара", "бухар"), ("Бухарской", "бухарск"),
    ("Омской", "омск"), ("Омск", "омск"), ("области", "област"), ("областью", "област"),
    ("соглашение", "соглашен"), ("соглашения", "соглашен"), ("подписали", "подписа"),
    ("Ёлкин", "елкин"), ("ёлкина", "елкин"), ("2025", "2025"), ("Navoiy", "navoiy"),
])
def test_stem(word, stem):
    assert stems.stem(word) == stem


@pytest.mark.parametrize("query, text, found", [
    ("Навои", "делегация Навоийской области", True),
    ("Бухара", "в Бухарскую область", True),
    ("хоким Бухары", "хокимом Бухарской области", True),
    ("Ёлкин", "встреча с Елкиным", True),
    ("Елкин", "встреча с Ёлкиным", True),
    ("Самарканд", "в Бухарской области", False),
    ("соглашения", "подписали соглашение", True),
])
def test_matches(query, text, found):
    assert search.matches(text, query) is found


def test_snippet_is_around_the_first_match():
    body = "Начало. " + "слово " * 40 + "Хоким Навоийской области принял гостей. " + "конец " * 40
    snippet = search.snippet(body, "Навои")
    assert "Навоийской" in snippet and snippet.startswith("…") and snippet.endswith("…")
