"""The relevance filter: may this article concern Russia–Uzbekistan cooperation? Before any NLP.

One keyword automaton (Aho–Corasick) over the gazetteer's name forms and a few trigger
stems finds, in one pass, a Russian party, an Uzbek party and a word of cooperation. An
article missing any of the three is dropped, with the reason. The filter is tuned for
recall: it keeps every article with a link, and drops what plainly is not about the two.

    >>> check("Хоким Бухарской области посетил Омск, стороны подписали соглашение").relevant
    True
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

RU, UZ, COOP = "RU", "UZ", "COOP"
WHAT = {RU: "Russian party", UZ: "Uzbek party", COOP: "word of cooperation"}

# Stems match at the start of a word, with any ending: «узбек» → «узбекских», «узбекистанцы».
UZ_STEMS = (
    "узбек", "ўзбек", "o'zbek", "ozbek", "uzbek", "хоким", "hokim", "вилоят", "viloyat",
    "ташкент", "тошкент", "toshkent", "tashkent", "самарканд", "samarqand", "бухар", "buxoro",
    "навои", "навоий", "navoiy", "андижан", "andijon", "наманган", "namangan", "ферган", "farg'on",
    "хорезм", "xorazm", "каракалпак", "qoraqalpog", "сурхандар", "surxondaryo", "кашкадар",
    "qashqadaryo", "джизак", "жиззах", "jizzax", "сырдар", "сирдар", "sirdaryo", "термез",
    "нукус", "карши", "ургенч", "мирзиеев", "арипов", "олий мажлис", "чирчик", "алмалык",
    "ангрен", "коканд", "маргилан", "шахрисабз", "узэкспо", "узавто",
)
RU_STEMS = (
    "росси", "rossiya", "russia", "russian", "москв", "москов", "подмосков", "петербург",
    "петербуржц", "татарстан", "казан", "путин", "мишустин", "госдум",
    "совет федерации", "минпромторг", "минэкономразвития", "роскосмос", "росатом", "кремл",
    "россельхоз", "башкир", "свердловск", "новосибирск", "омск", "томск", "челябинск",
    "самарск", "нижегородск", "краснодар", "красноярск", "оренбург", "астрахан", "иркутск",
    "ставрополь", "волгоград", "пермск", "прикам", "уральск", "алтайск", "тюмен", "кузбасс",
)
# Whole words only (short, or a word inside others).
RU_WORDS = ("рф", "россия", "рт")
# A gazetteer form is a proper name («Ковров», «Навои») and must be capitalised in the text,
# unless it is an adjective («узбекских», «казанские»).
_ADJECTIVE = re.compile(r"(?:ий|ый|ой|ая|яя|ое|ее|ие|ые|их|ых|ую|юю|ым|им|ыми|ими|ого|его|ому|ему"
                        r"|ом|ем|ою|ею)$")
COOP_STEMS = (
    "сотруднич", "взаимодейств", "соглашени", "меморандум", "договор", "протокол", "дорожн",
    "план мероприятий", "программ", "визит", "делегац", "встреч", "встрет", "переговор",
    "посети", "посещ", "побывал", "прибыл", "прибыв", "принял", "принима", "обсуди", "обсужд",
    "подписа", "товарооборот", "торгов", "экспорт", "импорт", "постав", "закуп", "продаж",
    "продава", "подготов", "строит", "постро", "открыт", "запуск", "студент", "университет",
    "инвест", "проект", "партнер", "совместн", "побратим", "форум", "совет регионов",
    "межрегиональн", "обмен", "обуч", "стажировк", "модернизац",
    "hamkorlik", "uchrashuv", "tashrif", "kelishuv", "memorandum", "savdo", "eksport",
    "loyiha", "investitsiya", "ҳамкорлик", "учрашув", "ташриф",
)
# As the gazetteer folds its forms: one apostrophe, Uzbek Cyrillic letters as Russian ones.
_FOLD = (("ё", "е"), ("‑", "-"), ("ʻ", "'"), ("ʼ", "'"), ("‘", "'"), ("’", "'"), ("`", "'"),
         ("´", "'"), ("қ", "к"), ("ғ", "г"), ("ҳ", "х"), ("ў", "у"))


def fold(text: str) -> str:
    """Lowercase, «ё» as «е», one apostrophe ('), «қ ғ ҳ ў» as «к г х у»."""
    text = text.lower()
    for a, b in _FOLD:  # str.replace, many times faster than str.translate on Cyrillic
        if a in text:
            text = text.replace(a, b)
    return text


@dataclass(frozen=True)
class Verdict:
    relevant: bool
    reason: str  # what was found, or what was missing («no Uzbek party named»)
    found: tuple[tuple[str, str], ...] = ()  # (side, the form as folded) of the first hit of each side


def _word_char(c: str) -> bool:
    return c.isalnum() or c == "'"


class Filter:
    """Automata over name forms (folded form → a code starting RU or UZ) and trigger stems.

    One automaton a side, read in the order UZ, RU, cooperation: each stops at its first
    hit, and the first side found missing ends the check (most articles lack an Uzbek party).
    """

    def __init__(self, forms: Mapping[str, str] | None = None) -> None:
        import ahocorasick

        keys: dict[str, tuple[str, bool, bool]] = {}  # key → side, prefix, proper
        for form, code in (forms or {}).items():
            side, key = code[:2].upper(), fold(form.strip())
            if side in (RU, UZ) and len(key) >= 2:
                keys[key] = (side, False, _ADJECTIVE.search(key) is None)
        for side, stems in ((UZ, UZ_STEMS), (RU, RU_STEMS), (COOP, COOP_STEMS)):
            for stem in stems:
                keys[fold(stem)] = (side, True, False)
        for word in RU_WORDS:
            keys.setdefault(word, (RU, False, False))
        self._sides: dict[str, Any] = {side: ahocorasick.Automaton() for side in (UZ, RU, COOP)}
        for key, (side, prefix, proper) in keys.items():
            self._sides[side].add_word(key, (prefix, proper, len(key), key))
        for a in self._sides.values():
            a.make_automaton()

    def _first(self, side: str, text: str, t: str) -> str | None:
        """The first form of the side in the folded text ``t``, at word boundaries."""
        n = len(t)
        aligned = n == len(text)  # folding kept every offset: capitals can be checked
        for end, (prefix, proper, length, key) in self._sides[side].iter(t):
            start = end - length + 1
            if start > 0 and _word_char(t[start - 1]):
                continue
            if not prefix and end + 1 < n and _word_char(t[end + 1]):
                continue
            if proper and aligned and not text[start].isupper():
                continue
            return key
        return None

    def check(self, text: str) -> Verdict:
        """Whether the text names a Russian party, an Uzbek party and a word of cooperation."""
        t = fold(text)
        found: list[tuple[str, str]] = []
        for side in (UZ, RU, COOP):
            key = self._first(side, text, t)
            if key is None:
                return Verdict(False, f"no {WHAT[side]} named", tuple(found))
            found.append((side, key))
        return Verdict(True, "names " + ", ".join(f"«{k}»" for _, k in found), tuple(found))


def _gazetteer_forms() -> dict[str, str]:
    """The gazetteer's name forms, or none while it is not there (the stems still work)."""
    try:
        from hamkor.gazetteer import load
    except ImportError:
        return {}
    return dict(load().forms())


@cache
def default() -> Filter:
    """The filter over the bundled gazetteer, built once per process."""
    return Filter(_gazetteer_forms())


def screened_text(title: str | None, text: str) -> str:
    """What the filter reads of an article: its title, then its text."""
    return f"{title or ''}\n{text}"


def check(text: str) -> Verdict:
    """The verdict of the default filter on one article's text."""
    return default().check(text)
