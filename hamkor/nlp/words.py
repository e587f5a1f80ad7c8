"""Words of a sentence with offsets, and the few word facts the rules need."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from hamkor.nlp import models

WORD = re.compile(r"[\w'’ʻ]+(?:[-‑][\w'’ʻ]+)*\.?|[^\w\s]")


@dataclass(frozen=True)
class Word:
    start: int  # offsets into the article text
    stop: int
    text: str

    @property
    def low(self) -> str:
        return fold(self.text)


def fold(text: str) -> str:
    return text.lower().replace("ё", "е").replace("‑", "-")


@lru_cache(maxsize=4096)
def words(text: str, offset: int = 0) -> tuple[Word, ...]:
    """The words and punctuation of a text, with offsets (shifted by ``offset``)."""
    out = []
    for m in WORD.finditer(text):
        w = m.group()
        if len(w) > 2 and w.endswith(".") and not re.match(r"^(?:[А-ЯЁA-Z]\.)+$", w):
            w = w[:-1]  # a sentence's last word, not an abbreviation
        out.append(Word(offset + m.start(), offset + m.start() + len(w), w))
    return tuple(out)


@lru_cache(maxsize=50000)
def is_verb(word: str) -> bool:
    """A finite verb, infinitive or gerund (the end of a noun phrase)."""
    p = models.morph().parse(word)[0]
    return p.tag.POS in ("VERB", "INFN", "GRND") and p.score > 0.3


@lru_cache(maxsize=50000)
def case(word: str) -> str | None:
    parses = [p for p in models.morph().parse(word) if p.tag.POS in ("NOUN", "ADJF")]
    return str(parses[0].tag.case) if parses else None


@lru_cache(maxsize=1)
def foreign_stems() -> tuple[str, ...]:
    text = (files("hamkor.nlp") / "data" / "foreign.txt").read_text(encoding="utf-8")
    return tuple(ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#"))


def is_foreign(word: str) -> bool:
    low = fold(word)
    return any(low.startswith(s) for s in foreign_stems())
