"""Titles of officials («хоким», «губернатор», «первый заместитель министра …») in text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from hamkor.errors import DataError

# Words that may stand before a title word and belong to it.
MODIFIERS = re.compile(
    r"^(?:перв\w+|втор\w+|генеральн\w+|исполнительн\w+|временно|исполняющ\w+|обязанност\w+|"
    r"врио|и\.о\.|вице|чрезвычайн\w+|полномочн\w+|и|постоянн\w+|главн\w+|федеральн\w+|"
    r"заместител\w+|замест\w+|руководител\w+|председател\w+)$"
)


@dataclass(frozen=True)
class TitleWord:
    pattern: re.Pattern[str]
    title: str
    side: str | None
    level: str | None


@lru_cache(maxsize=1)
def table() -> tuple[TitleWord, ...]:
    path = files("hamkor.nlp") / "data" / "titles.tsv"
    rows: list[TitleWord] = []
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    for n, line in enumerate(lines[1:], 2):
        cols = line.split("\t")
        if len(cols) != 4:
            raise DataError(f"titles.tsv: row {n}: expected 4 columns, got {len(cols)}")
        pat, title, side, level = cols
        try:
            rx = re.compile(rf"^(?:{pat})$")
        except re.error as e:
            raise DataError(f"titles.tsv: row {n}: bad pattern: {e}") from e
        rows.append(TitleWord(rx, title, None if side == "-" else side, None if level == "-" else level))
    return tuple(rows)


def title_word(word: str) -> TitleWord | None:
    """The title a single word is (in any case form), or None."""
    return _title_word(word.lower().replace("ё", "е"))


@lru_cache(maxsize=50000)
def _title_word(low: str) -> TitleWord | None:
    if not low[:1].isalpha():
        return None
    for t in table():
        if t.pattern.match(low):
            return t
    return None


# Adjectives a title may open with; they are given in the masculine nominative.
_ADJ = re.compile(r"^(?:перв|втор|генеральн|исполнительн|главн|федеральн|чрезвычайн|полномочн|постоянн)")
_ACTING = re.compile(r"^(?:врио|временно|исполняющ\w*|обязанност\w*|и\.о\.)$")


def normalize(words: list[str]) -> str:
    """A title's words in the nominative: «первым заместителем Председателя» → «первый
    заместитель председателя»; «временно исполняющим обязанности губернатора» → «врио губернатор».

    The opening adjectives and the head word go to the nominative; what follows the head
    (its genitive complement) stays as written, lower-cased.
    """
    low = [w.lower().replace("ё", "е") for w in words]
    acting = any(_ACTING.match(w) for w in low)
    if acting:
        low = [w for w in low if not _ACTING.match(w)]
    out: list[str] = ["врио"] if acting else []
    for i, w in enumerate(low):
        head = title_word(w)
        if head is not None and not _ADJ.match(w):
            out.append(head.title)
            out.extend(low[i + 1:])
            break
        out.append(_adjective(w) if _ADJ.match(w) else w)
    return " ".join(out)


def _adjective(word: str) -> str:
    from hamkor.nlp import models

    for p in models.morph().parse(word):
        if p.tag.POS == "ADJF":
            nominative = p.inflect({"masc", "sing", "nomn"})
            return nominative.word if nominative else p.normal_form
    return word
