"""What the extractors share about one article: each sentence's parties and the main actors.

A *party* is anything in a sentence that stands for a jurisdiction: a place, a national
body, an official (by their jurisdiction), a region adjective («омская делегация»).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from hamkor.extract import lexicon
from hamkor.extract.people import Entity, merge
from hamkor.nlp.link import dominant
from hamkor.nlp.words import fold
from hamkor.records import Linked, Sentence

# A title with no name after it (a capital after it would start the name or the body).
BARE_GOVERNOR = re.compile(r"\b(?i:губернатор\w*)\b(?!\s+[А-ЯЁ])")
BARE_HOKIM = re.compile(r"\b(?i:хоким(?:а|у|ом|е|ы|ов|ами|ах|ият\w*)?)\b(?!\s+[А-ЯЁ])")
COMPANY = re.compile(r"«|\b(?:[ПЗО]?АО|ООО|ОАО|АК|компани|корпораци|групп|холдинг|банк|завод|комбинат|фабрик|"
                     r"университет|институт|академи|колледж|школ|ректор|директор|предприяти|ассоциаци)", re.I)
TRADE_TO = re.compile(r"(?:экспорт|импорт|поставк|вывоз|ввоз)\w*\s+(?:\w+\s+)?(?:в|во|на)\s+$", re.I)
TRANSIT = re.compile(r"\b(?:пересадк\w*|транзит\w*)\s+(?:\w+\s+)?(?:в|во|через)\s+$", re.I)
LOCATION_PREP = re.compile(r"(?:^|\s)(?:в|во|на)\s+$", re.I)
# «генеральный консул Республики Узбекистан в Новосибирске»: where a mission sits, not a party
MISSION = re.compile(r"\b(?:консул|посол|посольств|консульств|представительств|торгпред)\w*"
                     r"(?:\s+[\w«»-]+){0,6}\s+(?:в|во)\s+$", re.I)


@dataclass(frozen=True)
class Party:
    code: str
    start: int
    stop: int
    kind: str  # person | region | city | district | adjective | country | body | title
    location: bool = False  # where something happened, not who took part
    person: Entity | None = None

    @property
    def side(self) -> str:
        return self.code[:2]

    @property
    def national(self) -> bool:
        """A national body or official: the country itself takes part."""
        return "-" not in self.code and self.kind in {"body", "person"}

    @property
    def specific(self) -> bool:
        return "-" in self.code


@dataclass
class View:
    """One sentence with what stands in it."""

    index: int
    sentence: Sentence
    low: str
    parties: list[Party]
    people: list[Entity]

    def side(self, side: str, locations: bool = False) -> list[Party]:
        return [p for p in self.parties if p.side == side and (locations or not p.location)]


class Context:
    def __init__(self, linked: Linked) -> None:
        self.linked = linked
        self.parsed = linked.parsed
        self.text = self.parsed.article.text
        self.entities = merge(linked.people)
        self.officials = [e for e in self.entities if e.official]
        self.dominant = dominant(linked.places)
        self.governor = self._governor()
        self.views = [self._view(i, s) for i, s in enumerate(self.parsed.sentences)]
        self.protagonist = {side: self._protagonist(side) for side in ("RU", "UZ")}

    def _governor(self) -> str | None:
        for e in self.officials:
            if e.best.title_norm in {"губернатор", "врио губернатор"} and e.of and "-" in e.of:
                return e.of
        return self.dominant.get("RU")

    def _view(self, i: int, s: Sentence) -> View:
        low = fold(s.text)
        parties: list[Party] = []
        for p in self.linked.places:
            if not s.start <= p.start < s.stop or self._event_name(s, p):
                continue
            parties.append(Party(p.code, p.start, p.stop, p.kind, self._is_location(s, p.start, low)))
        people = []
        for e in self.officials:
            ms = [m for m in e.mentions if m.sentence == i]
            if ms and e.of:
                people.append(e)
                parties.append(Party(e.of, ms[0].start, ms[0].stop, "person", person=e))
        for m in BARE_GOVERNOR.finditer(s.text):
            if self.governor and not any(p.kind == "person" and p.side == "RU" for p in parties):
                parties.append(Party(self.governor, s.start + m.start(), s.start + m.end(), "title"))
        for m in BARE_HOKIM.finditer(s.text):  # «встретился с хокимом области»: that region's
            code = self.uz_region(s.start + m.start())
            if code and not any(p.kind == "person" and p.side == "UZ" for p in parties):
                parties.append(Party(code, s.start + m.start(), s.start + m.end(), "title"))
        parties.sort(key=lambda p: p.start)
        return View(i, s, low, parties, people)

    def uz_region(self, pos: int) -> str | None:
        """The Uzbek region the text names last before a position (or most often)."""
        before = [p for p in self.linked.places if p.start < pos and p.code.startswith("UZ-")]
        return before[-1].code if before else self.dominant.get("UZ")

    def _event_name(self, s: Sentence, p) -> bool:
        """«Форум регионов России и Узбекистана»: a country in an event's name is no party."""
        head = fold(self.text[max(s.start, p.start - 80) : p.start])
        return p.kind == "country" and bool(lexicon.EVENT_NAME.search(head))

    def _is_location(self, s: Sentence, pos: int, low: str) -> bool:
        """«В Москве состоялась встреча …», a dateline, a multilateral event's venue."""
        head = self.text[s.start : pos]
        if TRADE_TO.search(head):
            return False  # «Экспорт в Россию …»: where the goods go, not where it happened
        if TRANSIT.search(head[-40:]):
            return True  # «с пересадкой в Москве», «транзитом через Казахстан»
        if not head.strip():
            rest = self.text[pos : pos + 60]
            return bool(re.match(r"[А-ЯЁA-Z\-‑ ]+,\s*\d", rest))  # «ТАШКЕНТ, 28 ноя — …»
        if LOCATION_PREP.search(head) and len(head.split()) <= 2:
            return True
        if MISSION.search(head[-100:]):
            return True
        return bool(LOCATION_PREP.search(head) and lexicon.MULTILATERAL.search(head))

    def _protagonist(self, side: str) -> Entity | None:
        """The one person of a side the article is about, if there is one clear one."""
        counts = Counter({e.name: len(e.mentions) for e in self.officials if e.side == side})
        if not counts:
            return None
        top = max(counts.values())
        tied = [e for e in self.officials if e.side == side and counts[e.name] == top]
        if len(tied) > 1:  # a tie: the one holder of a public post among them, if only one
            tied = [e for e in tied if _public(e)]
        return tied[0] if len(tied) == 1 else None


def _public(e: Entity) -> bool:
    """A post in government, not at a company, a university or a school."""
    return not COMPANY.search((e.best.body or "") + " " + (e.best.title or ""))


