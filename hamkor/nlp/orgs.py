"""The organisation a title's body refers back to, and the region that organisation is from.

«Генеральный директор компании Олег Шубин» names no place; the company does, where the text
introduced it: «компания «Беловский уголь» из Кузбасса», «барнаульская «Алтайская мельничная
компания»», «Самаркандский государственный университет» for «ректор СамГУ».
"""

from __future__ import annotations

import re

from hamkor.nlp.words import fold, is_foreign, is_verb, words
from hamkor.records import Place

ORG = re.compile(
    r"\b(?:агро|авто|нефте|газо|энерго|тепло|строй|медиа|фарм)?"  # «агрохолдинг»
    r"(компани|предприяти|завод|фирм|агентств|холдинг|комбинат|корпораци|концерн|групп|банк|"
    r"университет|вуз|институт|академи|колледж|фабрик|объединени|ассоциаци|центр|фонд|кластер|"
    r"обществ|издательств|инспекци|служб|дирекци|палат)\w*", re.I)
# A body that is only an organisation noun («компании», «этого предприятия», ««Алтай-Агро»»).
GENERIC = re.compile(r"^(?:(?:эт\w+|наш\w+|данн\w+|указанн\w+|сво\w+)\s+)?(?:\w+\s+)?" + ORG.pattern + r"$",
                     re.I)
QUOTED = re.compile(r"«([^»]{2,60})»")
ABBR = re.compile(r"^[А-ЯЁ][а-яё]{0,3}(?:[А-ЯЁ][а-яё]{0,3}){1,4}$")
PREFIX = re.compile(r"^(?:ООО|АО|ОАО|ЗАО|ПАО|АК|АООТ|МЧЖ|СП|ИП)$")
ADJECTIVE = re.compile(r"(?:ск|цк)(?:ий|ая|ое|ие|ого|ой|ому|им|ую|ых|их|ими|ом)$", re.I)
# Names of national bodies and companies built on the country's name: «Узгидромет», «Росстат».
NATIONAL = [("UZ", re.compile(r"^Уз(?!бекистан)[а-яё]{4,}")),
            ("RU", re.compile(r"^Рос(?!си|тов|сош)[а-яё]{4,}"))]
AFTER_OK = {"из", "при", "в", "во", "«", "»", '"'}
BEFORE_WORDS = 3
AFTER_WORDS = 4


def refers(body: str | None) -> bool:
    """A body that names an organisation without a place: it needs an antecedent."""
    if not body:
        return False
    b = " ".join(w.text for w in words(body) if w.text not in "«»\"")
    return bool(GENERIC.match(b) or QUOTED.search(body) or _abbreviation(body))


# «Федерального дорожного агентства», «Федеральной таможенной службы»: Russia's federal bodies.
FEDERAL = re.compile(r"\bфедеральн\w+\s+(?:\w+\s+){0,2}(?:агентств|служб|казначейств|собрани|"
                     r"палат|антимонопольн|таможенн|налогов)\w*", re.I)


def national(body: str | None) -> str | None:
    """The country of a body named like «Узгидромет», «Росгидромет», «Федеральное … агентство»."""
    if FEDERAL.search(body or ""):
        return "RU"
    for w in words(body or ""):
        for code, rx in NATIONAL:
            if rx.match(w.text):
                return code
    return None


def swallowed(word: str) -> bool:
    """A body's name NER may take into the name after it («Узгидромета Наргиза Садыкова»)."""
    return national(word) is not None or bool(ABBR.match(word) and sum(c.isupper() for c in word) >= 2)


def antecedent(text: str, places: tuple[Place, ...], start: int, stop: int) -> tuple[str | None, bool]:
    """(the region code of the organisation the body text[start:stop] points back to, it is
    foreign)."""
    low = fold(text)
    body = text[start:stop]
    pos = start
    cands: list[tuple[int, int]] = []
    m = QUOTED.search(body)
    if m:
        cands += _quoted(text, m.group(1))
    abbr = _abbreviation(body)
    if abbr:
        cands += _expand(text, abbr)
    if abbr and not [c for c in cands if not (c[0] < stop and start < c[1])]:
        cands = [(m.start(), m.end()) for m in re.finditer(rf"(?<!\w){re.escape(abbr)}(?!\w)", text)]
    if m or abbr:
        # «проректор ТОГУ», «директор компании «Х»»: the organisation so named, and no other one
        return _first_attached(text, places, cands, start, stop)
    noun = ORG.search(fold(body))
    found = list(ORG.finditer(low[:pos]))
    if noun:  # the same noun first («предприятия» → «агропредприятие»)
        cands += [(o.start(), o.end()) for o in reversed(found) if o.group(1)[:4] == noun.group(1)[:4]]
    cands += [(o.start(), o.end()) for o in reversed(found)]
    return _first_attached(text, places, cands, start, stop)


def _first_attached(text: str, places: tuple[Place, ...], cands: list[tuple[int, int]], start: int,
                    stop: int) -> tuple[str | None, bool]:
    for a, b in cands:
        if a < stop and start < b:
            continue  # the body itself
        code, foreign = _attached(text, places, a, b)
        if code or foreign:
            return code, foreign
    return None, False


def nearest(text: str, places: tuple[Place, ...], lo: int, pos: int) -> str | None:
    """The region of the organisation named last in text[lo:pos] (for a title with no body)."""
    for o in reversed(list(ORG.finditer(fold(text[lo:pos])))):
        code, _ = _attached(text, places, lo + o.start(), lo + o.end())
        if code:
            return code
    return None


def _abbreviation(body: str) -> str | None:
    for w in words(body):
        if ABBR.match(w.text) and not PREFIX.match(w.text) and sum(c.isupper() for c in w.text) >= 2:
            return w.text
    return None


def _quoted(text: str, name: str) -> list[tuple[int, int]]:
    """Other mentions of a quoted name, in any case form (words compared by their stems)."""
    stems = [fold(w)[:5] for w in name.split()]
    out = []
    for m in QUOTED.finditer(text):
        ws = m.group(1).split()
        if len(ws) == len(stems) and all(fold(w)[:5] == s for w, s in zip(ws, stems, strict=True)):
            out.append((m.start(), m.end()))
    return out


def _expand(text: str, abbr: str) -> list[tuple[int, int]]:
    """«СамГУ» → the words «Самаркандский государственный университет» where the text has them."""
    chunks = [fold(c) for c in re.findall(r"[А-ЯЁ][а-яё]*", abbr)]
    ws = [w for w in words(text) if w.text[0].isalpha()]
    out = []
    for i in range(len(ws) - len(chunks) + 1):
        if all(ws[i + k].low.startswith(c) for k, c in enumerate(chunks)) and ws[i].text[0].isupper():
            out.append((ws[i].start, ws[i + len(chunks) - 1].stop))
    return out


def _attached(text: str, places: tuple[Place, ...], a: int, b: int) -> tuple[str | None, bool]:
    """The region an organisation mention names: inside it, an adjective just before it, or
    «из …», «при …» just after it."""
    inside = [p for p in places if a <= p.start and p.stop <= b]
    if inside:
        return inside[0].code, False
    around = [p for p in places if p.start <= a and b <= p.stop]  # «Торгово-промышленной палате
    if around:                                                     # Республики Узбекистан» as one body
        return around[0].code, False
    before = [p for p in places if p.stop <= a and ADJECTIVE.search(p.text)
              and _gap(text[p.stop : a], BEFORE_WORDS)]
    if before:
        return before[-1].code, False
    after = text[b : b + 80]
    ws = []
    for w in words(after, b):
        if w.text in {",", ".", ";", ":", "(", ")", "—", "–"} or w.low in {"и", "а", "или"}:
            break  # «ТОГУ и Ферганский университет»: the place after «и» is another's
        ws.append(w)
        if len(ws) > AFTER_WORDS + 2:
            break
    for i, w in enumerate(ws):
        hit = next((p for p in places if p.start == w.start), None)
        if hit:
            gap = [x for x in ws[:i] if x.text not in AFTER_OK]
            if len(gap) <= AFTER_WORDS and not any(x.text[0].islower() and is_verb(x.low) for x in gap):
                return hit.code, False
            break
        if is_foreign(w.text) and i <= AFTER_WORDS:
            return None, True
    return None, False


def _gap(between: str, n: int) -> bool:
    """Only a few words (and quotes) between a place adjective and the noun it qualifies."""
    ws = [w for w in words(between) if w.text not in "«»\""]
    return len(ws) <= n and all(w.text[0].isalpha() and not is_verb(w.low) for w in ws)
