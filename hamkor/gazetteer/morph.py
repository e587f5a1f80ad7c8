"""Russian name forms in every case, with pymorphy3; own suffix rules for names it does not know.

Used by ``build`` only: the registry reads the compiled forms and never loads pymorphy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
# Head nouns of region and district names, and what they are called for coordination.
HEADS = {"область": "область", "край": "край", "республика": "республика", "округ": "округ",
         "район": "район", "вилоят": "вилоят", "туман": "туман"}
# Unknown words that still inflect as adjectives: «Навоийская», «Джиззакская», «Гиждуванский».
ADJ_END = re.compile(r"(?:ск|цк|н)(?:ий|ый|ая|ое|ие|ые)$")
INDECLINABLE_END = re.compile(r"[иуюоэеё]$")
PREPOSITIONS = {"на", "в", "под"}


@dataclass(frozen=True)
class Phrase:
    """One inflected form of a name; for «adjective + head» names, the adjective's lemma and head."""

    text: str
    lemma: str = ""
    head: str = ""


@lru_cache(maxsize=1)
def _morph() -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@cache
def _parses(word: str) -> tuple[Any, ...]:
    return tuple(_morph().parse(word))


@cache
def _known(word: str) -> bool:
    return bool(_morph().word_is_known(word.lower()))


def _parse(word: str) -> Any | None:
    """The dictionary's reading of a word, a place name first; None for an unknown word."""
    ps = _parses(word)
    geo = [p for p in ps if "Geox" in p.tag]
    if geo:
        return geo[0]
    if not _known(word):
        return None
    return ps[0]


def _cap(form: str, like: str) -> str:
    """Spell a generated form with the capitals of the original word (per hyphen part)."""
    parts, orig = form.split("-"), like.split("-")
    out = []
    for i, p in enumerate(parts):
        o = orig[i] if i < len(orig) else ""
        out.append(p[:1].upper() + p[1:] if o[:1].isupper() else p)
    return "-".join(out)


def _suffix_noun(word: str, case: str) -> str:
    """Case endings for a name the dictionary does not know («Мажлис», «Асака», «Карши»)."""
    if INDECLINABLE_END.search(word.lower()) or case in ("nomn",):
        return word
    low = word.lower()
    if low.endswith("а"):
        soft = low[-2:-1] in set("кгхжшчщ")
        return word[:-1] + {"gent": "и" if soft else "ы", "datv": "е", "accs": "у",
                            "ablt": "ой", "loct": "е"}[case]
    if low.endswith("я"):
        return word[:-1] + {"gent": "и", "datv": "е", "accs": "ю", "ablt": "ей", "loct": "е"}[case]
    if low.endswith(("й", "ь")):
        return word[:-1] + {"gent": "я", "datv": "ю", "accs": word[-1], "ablt": "ем",
                            "loct": "е"}[case]
    return word + {"gent": "а", "datv": "у", "accs": "", "ablt": "ом", "loct": "е"}[case]


def noun_forms(word: str) -> set[str]:
    """Every singular form (plural for plural-only names) of a one-word name: «Омск» → «Омске» …"""
    if "-" in word and ("-на-" in word or not _known_geo(word)):
        return _hyphenated(word, None)
    p = _parse(word)
    if p is None:
        return {_inflect_word(word, c) for c in CASES}
    plural = "Pltm" in p.tag or p.tag.number == "plur"
    if p.tag.POS == "ADJF":  # «Грозный», «Долгопрудный»
        number = "plur" if plural else "sing"
        return {adjective(word, c, p.tag.gender or "masc", number) for c in CASES}
    if p.tag.POS != "NOUN":
        return {_suffix_noun(word, c) for c in CASES}
    return {_cap(f.word, word) for f in p.lexeme
            if f.tag.POS == "NOUN" and (f.tag.number == "plur") == plural}


def _known_geo(word: str) -> bool:
    return any("Geox" in p.tag for p in _parses(word))


def _hyphenated(word: str, case: str | None) -> set[str]:
    """«Каменск-Уральский», «Ростов-на-Дону», «Южно-Сахалинск», «Гусь-Хрустальный»."""
    parts = word.split("-")
    cases = [case] if case else list(CASES)
    out = set()
    for c in cases:
        if len(parts) >= 3 and parts[1] in PREPOSITIONS:  # X-на-Y: only X
            out.add("-".join([_inflect_word(parts[0], c)] + parts[1:]))
        elif parts[0].lower().endswith(("о", "е")) or len(parts[0]) <= 3:  # Южно-, Анжеро-, Усть-
            out.add("-".join(parts[:-1] + [_inflect_word(parts[-1], c)]))
        else:
            out.add("-".join(_inflect_word(p, c) for p in parts))
    return out


def _inflect_word(word: str, case: str) -> str:
    p = _parse(word)
    if p is None:
        if ADJ_END.search(word.lower()):
            return adjective(word, case, "masc", "sing")
        return _suffix_noun(word, case)
    number = "plur" if "Pltm" in p.tag or p.tag.number == "plur" else "sing"
    if p.tag.POS == "ADJF":
        return adjective(word, case, p.tag.gender or "masc", number)
    f = p.inflect({case, number}) if p.tag.POS == "NOUN" else None
    return _cap(f.word, word) if f else word


def _adj_parse(word: str) -> Any | None:
    return next((p for p in _parses(word) if p.tag.POS == "ADJF"), None)


def is_adjective(word: str) -> bool:
    """A word that inflects as an adjective in a name: known, or unknown with an adjective ending."""
    if "-" in word and not is_adjective(word.split("-")[-1]):
        return False
    p = _adj_parse(word)
    if p is None:
        return False
    return _known(word) or ADJ_END.search(word.lower()) is not None


@cache
def adjective(word: str, case: str, gender: str, number: str) -> str:
    """One adjective of a name in the given case, gender and number (inanimate accusative)."""
    p = _adj_parse(word)
    if p is None:
        return word
    tags = {case, number} | ({gender} if number == "sing" else set())
    if case == "accs" and (number == "plur" or gender == "masc"):
        tags |= {"inan"}
    f = p.inflect(tags)
    return _cap(f.word, word) if f else word


def adjective_lemma(word: str) -> str:
    p = _adj_parse(word)
    return p.normal_form if p else word.lower()


def adjective_forms(lemma: str) -> set[str]:
    """Every full form of an adjective: «омский» → «омская», «омскими», «омском» …"""
    p = _adj_parse(lemma)
    if p is None:
        return {lemma}
    return {f.word for f in p.lexeme if f.tag.POS == "ADJF"}


def phrase_forms(name: str) -> set[Phrase]:
    """Every case of a name; a region or district name also with its head in the plural.

    The head is the first noun; adjectives before it agree with it, words after it stay:
    «Омская область» → «Омской области», «Омской областях»; «Республика Татарстан» →
    «Республики Татарстан»; «Совет Федерации» → «Совета Федерации».
    """
    words = name.split()
    adjs = 0
    while adjs < len(words) - 1 and is_adjective(words[adjs]):
        adjs += 1
    if adjs == 0:
        head_forms = {c: _case_forms(words[0], c) for c in CASES}
        return {Phrase(" ".join([f] + words[1:])) for c in CASES for f in head_forms[c]}
    head = words[adjs]
    first = _adj_parse(words[0])
    number = "plur" if first is not None and first.tag.number == "plur" else "sing"
    gender = (first.tag.gender if first is not None else None) or "masc"
    head_key = HEADS.get(head.lower(), "")
    lemma = adjective_lemma(words[0]) if head_key else ""
    out = set()
    for c in CASES:
        pre = [adjective(w, c, gender, number) for w in words[:adjs]]
        out.add(Phrase(" ".join(pre + [_inflect_noun(head, c, number)] + words[adjs + 1 :]),
                       lemma, head_key))
        if head_key and number == "sing":  # «Омской и Новосибирской областей»
            first = adjective(words[0], c, gender, "sing")
            rest = [adjective(w, c, gender, "plur") for w in words[1:adjs]]
            plural_head = _inflect_noun(head, c, "plur")
            out.add(Phrase(" ".join([first] + rest + [plural_head] + words[adjs + 1 :]), lemma, head_key))
    return out


def _case_forms(word: str, case: str) -> set[str]:
    if "-" in word and not _known_geo(word):
        return _hyphenated(word, case)
    return {_inflect_word(word, case)}


@cache
def _inflect_noun(word: str, case: str, number: str) -> str:
    """A head noun in a case and number («Воды» of «Минеральные Воды» is plural)."""
    if "-" in word:
        return _inflect_word(word, case)
    ps = [p for p in _parses(word) if p.tag.POS == "NOUN"]
    p = next((p for p in ps if "nomn" in p.tag and p.tag.number == number), ps[0] if ps else None)
    if p is None:
        return _suffix_noun(word, case) if number == "sing" else word
    f = p.inflect({case, number})
    return _cap(f.word, word) if f else word
