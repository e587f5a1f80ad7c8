"""Finding name forms in running text: one Aho–Corasick automaton, longest word-bounded matches.

Region adjectives are read with what follows them: «Бухарской и Навоийской областях» gives
one hit per adjective, each resolved by the head noun at the end of the chain
(«Ташкентской, …, Навоийской областями» → UZ-TO); a bare adjective keeps its own meaning
(«ташкентский» → UZ-TK), and one before a street, a time or a valley names no region.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import ahocorasick

from hamkor.gazetteer.text import fold
from hamkor.records import Place


@dataclass(frozen=True)
class Form:
    code: str
    kind: str  # region | city | district | adjective | country | body
    proper: bool = False  # matches only with a capital first letter
    exact: str = ""  # an abbreviation: matches only as written
    coordinated: bool = False  # an adjective that names a place only before a head noun
    lemma: str = ""
    head: str = ""


# The head noun right after an adjective («омской области», «пермского края»).
HEAD_AFTER = re.compile(
    r"\s+(?:автономн\w+\s+)?(област(?:ь|и|ью|ей|ям|ями|ях)\b|обл\.|"
    r"кра(?:й|я|ю|ем|е|ев|ям|ями|ях)\b|республик(?:а|и|е|у|ой|ам|ами|ах)?\b|"
    r"округ(?:а|у|ом|е|и|ов|ам|ами|ах)?\b|район(?:а|у|ом|е|ы|ов|ам|ами|ах)?\b|"
    r"вилоят(?:а|у|ом|е|ы|ов|ам|ами|ах)?\b|туман(?:а|у|ом|е|ы|ов|ам|ами|ах)?\b)")
HEADS = (("обл", "область"), ("кра", "край"), ("респ", "республика"), ("окр", "округ"),
         ("рай", "район"), ("вил", "вилоят"), ("тум", "туман"))
# Nouns after which a region adjective names a street, a time zone or a valley, not the region.
NOT_PLACE = re.compile(r"\s+(?:улиц|проспект|шоссе|переул|бульвар|площад|набережн|вокзал|"
                       r"времен|время|долин|тракт|проезд)")
# Words before a name that make it a street or a namesake («улица Навои», «имени Кирова»).
STREET_BEFORE = re.compile(r"(?:\b(?:ул|пр|пл|пер|наб|им)\.|\b(?:улиц\w*|проспект\w*|"
                           r"переул\w*|бульвар\w*|площад\w*|набережн\w*|имени|шоссе))\s*$")
# «Омском» is Omsk's instrumental and an adjective's prepositional: before a noun in the
# prepositional («в Георгиевском зале», «на Смоленском бульваре») it is the adjective.
ADJ_LIKE = ("ском", "цком")
NOUN_AFTER = re.compile(r"\s+[а-яё-]*[а-яё](?:е|у|ом|ем)\b")
CHAIN = re.compile(r"\s*,\s*(?:и\s+|а также\s+)?|\s+(?:и|или|а также)\s+")


@dataclass(frozen=True)
class _Hit:
    start: int
    stop: int
    form: Form


class Matcher:
    """All forms of the gazetteer in one automaton over folded text."""

    def __init__(self, forms: dict[str, Form]) -> None:
        self.pairs: dict[tuple[str, str], tuple[str, str]] = {
            (f.lemma, f.head): (f.code, f.kind) for f in forms.values() if f.head}
        self.automaton = ahocorasick.Automaton()
        for form, f in forms.items():
            self.automaton.add_word(form, (len(form), f))
        self.automaton.make_automaton()

    def find(self, text: str) -> list[Place]:
        low = fold(text)
        hits = self._longest(self._candidates(text, low))
        out = []
        for i, h in enumerate(hits):
            code, kind = h.form.code, h.form.kind
            if kind in ("region", "city", "district", "adjective"):
                if STREET_BEFORE.search(low[max(0, h.start - 16) : h.start]):
                    continue
            if kind in ("city", "district") and low.endswith(ADJ_LIKE, h.start, h.stop):
                if NOUN_AFTER.match(text, h.stop):
                    continue
            if kind == "adjective":
                resolved = self._chain(low, hits, i)
                if resolved is None:
                    continue
                code, kind = resolved
            out.append(Place(h.start, h.stop, text[h.start : h.stop], code, kind))
        return out

    def _candidates(self, text: str, low: str) -> list[_Hit]:
        out = []
        n = len(low)
        for end, (length, f) in self.automaton.iter(low):
            start, stop = end - length + 1, end + 1
            if start > 0 and (low[start - 1].isalnum() or low[start - 1] in "-'"):
                continue
            if stop < n and (low[stop].isalnum() or low[stop] in "-'"):
                continue
            if f.proper and not text[start].isupper():
                continue
            if f.exact and text[start:stop].replace("ё", "е") != f.exact:
                continue
            out.append(_Hit(start, stop, f))
        return out

    @staticmethod
    def _longest(hits: list[_Hit]) -> list[_Hit]:
        hits.sort(key=lambda h: (h.start, h.start - h.stop))
        out: list[_Hit] = []
        for h in hits:
            if not out or h.start >= out[-1].stop:
                out.append(h)
        return out

    def _chain(self, low: str, hits: list[_Hit], i: int) -> tuple[str, str] | None:
        """What an adjective names: by the head noun after it, or after a chain of adjectives."""
        f = hits[i].form
        own = None if f.coordinated else (f.code, "adjective")
        j, pos = i, hits[i].stop
        while True:
            m = HEAD_AFTER.match(low, pos)
            if m:
                head = next(k for p, k in HEADS if m.group(1).startswith(p))
                return self.pairs.get((f.lemma, head))
            if j == i and NOT_PLACE.match(low, pos):
                return None
            sep = CHAIN.match(low, pos)
            if not sep or j + 1 >= len(hits) or hits[j + 1].start != sep.end():
                return own
            nxt = hits[j + 1].form
            if nxt.kind == "adjective":
                j, pos = j + 1, hits[j + 1].stop
                continue
            if nxt.head:
                return self.pairs.get((f.lemma, nxt.head), own)
            return own
