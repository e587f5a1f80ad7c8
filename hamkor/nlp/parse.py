"""Stage: Article → Parsed. Needs clean text; adds sentences (by paragraph) and named entities."""

from __future__ import annotations

import re

from razdel import sentenize

from hamkor.nlp import models
from hamkor.records import Article, NamedSpan, Parsed, Sentence


def sentences(text: str) -> tuple[Sentence, ...]:
    """Sentences within paragraphs: a line break always ends a sentence (headings, captions)."""
    out: list[Sentence] = []
    pos = 0
    for n, line in enumerate(text.split("\n")):
        for s in sentenize(line):
            if s.text.strip():
                out.append(Sentence(pos + s.start, pos + s.stop, s.text, n))
        pos += len(line) + 1
    return tuple(out)


def names(text: str) -> tuple[NamedSpan, ...]:
    """natasha's NER spans, as our records; a span never crosses a line break (a heading)."""
    out = []
    for s in models.ner()(text).spans:
        for m in re.finditer(r"[^\n]+", text[s.start : s.stop]):
            piece = m.group().strip()
            if len(piece) > 1:
                start = s.start + m.start() + m.group().index(piece)
                out.append(NamedSpan(start, start + len(piece), piece, s.type))
    return tuple(out)


def parse(article: Article) -> Parsed:
    return Parsed(article=article, sentences=sentences(article.text), tokens=(),
                  names=names(article.text))
