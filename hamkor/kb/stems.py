"""Russian word forms for search: «ё» read as «е», and a light Snowball stemmer.

Articles are indexed and queries are asked by stems; a query stem matches as a prefix, so
«Навои» (stem «наво») finds «Навоийской» (stem «навоийск»).
"""

from __future__ import annotations

import re
from functools import lru_cache

WORD = re.compile(r"\w+")
VOWELS = "аеиоуыэюя"

_GERUND = re.compile(r"(?:(?<=[ая])(?:в|вши|вшись)|ив|ивши|ившись|ыв|ывши|ывшись)$")
_REFLEXIVE = re.compile(r"(?:ся|сь)$")
_ADJECTIVE = (r"(?:ее|ие|ые|ое|ими|ыми|ей|ий|ый|ой|ем|им|ым|ом|его|ого|ему|ому|их|ых|ую|юю|ая|яя"
              r"|ою|ею)")
_PARTICIPLE = r"(?:(?<=[ая])(?:ем|нн|вш|ющ|щ)|ивш|ывш|ующ)"
_ADJECTIVAL = re.compile(rf"(?:{_PARTICIPLE})?{_ADJECTIVE}$")
_VERB = re.compile(r"(?:(?<=[ая])(?:ла|на|ете|йте|ли|й|л|ем|н|ло|но|ет|ют|ны|ть|ешь|нно)"
                   r"|ила|ыла|ена|ейте|уйте|ите|или|ыли|ей|уй|ил|ыл|им|ым|ен|ило|ыло|ено|ят|ует"
                   r"|уют|ит|ыт|ены|ить|ыть|ишь|ую|ю)$")
_NOUN = re.compile(r"(?:а|ев|ов|ие|ье|е|иями|ями|ами|еи|ии|и|ией|ей|ой|ий|й|иям|ям|ием|ем|ам|ом|о"
                   r"|у|ах|иях|ях|ы|ь|ию|ью|ю|ия|ья|я)$")
_DERIVATIONAL = re.compile(r"ость?$")
_SUPERLATIVE = re.compile(r"ейше?$")


def fold(text: str) -> str:
    """Lower case with «ё» read as «е»: the form every comparison uses."""
    return text.lower().replace("ё", "е")


def _regions(word: str) -> tuple[int, int]:
    """Start of RV (after the first vowel) and of R2, as Snowball defines them."""
    rv = next((i + 1 for i, c in enumerate(word) if c in VOWELS), len(word))
    r1 = next((i + 1 for i in range(1, len(word)) if word[i] not in VOWELS
               and word[i - 1] in VOWELS), len(word))
    r2 = next((i + 1 for i in range(r1 + 1, len(word)) if word[i] not in VOWELS
               and word[i - 1] in VOWELS), len(word))
    return rv, r2


def _cut(rx: re.Pattern[str], word: str, start: int) -> str | None:
    m = rx.search(word, start)
    return word[: m.start()] if m and m.start() >= start else None


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The Snowball stem of one Russian word (other words are only folded)."""
    word = fold(word)
    if not re.search("[а-я]", word):
        return word
    rv, r2 = _regions(word)
    cut = _cut(_GERUND, word, rv)
    if cut is None:
        word = _cut(_REFLEXIVE, word, rv) or word
        for rx in (_ADJECTIVAL, _VERB, _NOUN):
            cut = _cut(rx, word, rv)
            if cut is not None:
                break
    word = cut if cut is not None else word
    if word.endswith("и") and len(word) > rv:
        word = word[:-1]
    if _DERIVATIONAL.search(word) and _DERIVATIONAL.search(word).start() >= r2:  # type: ignore[union-attr]
        word = _DERIVATIONAL.sub("", word)
    sup = _cut(_SUPERLATIVE, word, rv)
    if sup is not None:
        word = sup
    if word.endswith("нн"):
        word = word[:-1]
    elif word.endswith("ь"):
        word = word[:-1]
    return word


def terms(text: str) -> list[str]:
    """The stems of a text's words, in order (the indexed form of an article)."""
    return [stem(w) for w in WORD.findall(text)]


def query_terms(text: str) -> list[str]:
    """Distinct stems of a query, in order; each is matched as a prefix of indexed stems."""
    seen: dict[str, None] = {}
    for w in WORD.findall(text):
        s = stem(w)
        if s:
            seen.setdefault(s, None)
    return list(seen)
