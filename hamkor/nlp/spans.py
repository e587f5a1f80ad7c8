"""NER spans made fit for the rules: a title, a place or a body NER took into a name; a name NER
took into an organisation; a place NER called a person."""

from __future__ import annotations

import re

from hamkor.nlp import names, orgs, titles
from hamkor.nlp.words import words
from hamkor.records import NamedSpan, Parsed, Place

PLACE_CONTEXT = re.compile(
    r"(?:\b(?:в|во|из|до|под|через|по|посетил\w*|побывал\w*|посетив|город\w*)\s+)$")
# Idioms where a region word does not mean the region.
IDIOMS = re.compile(r"^(?:московск\w+)\s+времен", re.I)


# «на Тверской», «на Тверской улице»: a street named after a place (an adjective with no noun).
STREET_BEFORE = re.compile(r"(?:^|\s)(?:на|по|с)\s+$", re.I)
STREET_AFTER = re.compile(r"^(?:\s*[,.;:!?)»]|\s+(?:улиц|площад|проспект|набережн|шосс)\w*)", re.I)


BRAND = re.compile(r"«[^«»]{1,40}»")


def _in_brand(p: Place, text: str) -> bool:
    """«завод «Зарафшан консерв» в Пайарыкском районе»: a town's name inside a company's quoted
    name, where the text says right after where the company is."""
    lo = text.rfind("«", max(0, p.start - 40), p.start + 1)
    if lo < 0:
        return False
    m = BRAND.match(text, lo)
    return bool(m and m.end() >= p.stop and len(m.group().split()) >= 2
                and re.match(r"\s+(?:в|во|из)\s+[А-ЯЁ]", text[m.end() : m.end() + 6]))


def keep_place(p: Place, persons: list[NamedSpan], text: str, last: Place | None) -> bool:
    if IDIOMS.match(text[p.start : p.start + 40]):
        return False
    if (p.kind == "adjective" and STREET_BEFORE.search(text[max(0, p.start - 5) : p.start])
            and STREET_AFTER.match(text[p.stop : p.stop + 20])):
        return False
    if p.kind in {"city", "district"} and _in_brand(p, text):
        return False
    for n in persons:
        if n.start <= p.start < n.stop or p.start <= n.start < p.stop:
            if p.start < n.start or p.stop > n.stop or len(text[p.stop : n.stop].split()) >= 2:
                return True  # «Республики Каракалпакстан Бахтияром …»: NER took the place too
            if " " in n.text.strip():
                return False  # «Алишер Навои» is a poet, «Сергей Киров» a person
            if p.kind == "adjective" and re.match(r"\s*(?:[«\"]|[а-яё])", text[p.stop : p.stop + 3]):
                return True  # «Ташкентский «Пахтакор»», «Омский завод»
            # one word NER calls a person: a place only where a place is expected
            head = text[max(0, p.start - 30) : p.start].split()
            if head and titles.title_word(head[-1]) is not None:
                return True  # «хоким Ургенча»: the title's place
            if last is not None and re.fullmatch(r"\s*(?:,|и|,\s*и)\s*", text[last.stop : p.start]):
                return True  # «посетила Чирчик и Навои»
            return bool(PLACE_CONTEXT.search(text[max(0, p.start - 40) : p.start]))
    return True


# «… технического университета Саидахрор Гуламов» that NER took as one organisation: a name at its end.
NAME_TAIL = re.compile(r"(?<=[а-яё»] )([А-ЯЁ][а-яё]+ [А-ЯЁ][а-яё]+(?:(?:ов|ев|ёв|ин|ын)(?:а|у|ым|ом|е|ой)?|"
                       r"(?:ск|цк)(?:ий|ого|ому|им|ом|ая|ой|ую)))$")


# «ректором <организация> Шерзодом Исломовым» typed as a place: first name and surname right
# after the body of a title.
NAME_PAIR = re.compile(r"[А-ЯЁ][а-яё]+ [А-ЯЁ][а-яё]+(?:ов|ев|ёв|ин|ын)(?:а|у|ым|ом|е|ой)?")


NAMESAKE = re.compile(r"(?:\bимени|\bим\.)\s+$")


def persons(parsed: Parsed) -> list[NamedSpan]:
    """The names of people among NER's spans, made whole."""
    text = parsed.article.text
    out = []
    prev: NamedSpan | None = None
    for n in parsed.names:
        after_body = prev is not None and prev.type == "ORG" and text[prev.stop : n.start] == " "
        prev = n
        if out and out[-1].start <= n.start and n.stop <= out[-1].stop:
            continue  # taken into the name before («… угли | Рахимов»)
        if NAMESAKE.search(text[max(0, n.start - 8) : n.start]):
            continue  # «университет имени Шарофа Рашидова»: part of a name, not a person
        if (n.type == "PER" or names.looks_like_person(n.text)
                or (after_body and NAME_PAIR.fullmatch(n.text) and names.first_readings(n.text.split()[0]))):
            out.append(extend(NamedSpan(n.start, n.stop, n.text, "PER"), text))  # «Бахромом Ниёзовичем Аминовым» as LOC
            continue
        m = NAME_TAIL.search(n.text)
        if m and not NAMESAKE.search(text[max(0, n.start + m.start() - 8) : n.start + m.start()]):
            out.append(extend(NamedSpan(n.start + m.start(), n.stop, m.group(1), "PER"), text))
    return out


# the word right before a span, on its line, one space away
WORD_BEFORE = re.compile(r"(?<![\w-])([А-ЯЁ][а-яё]+(?:-[А-ЯЁ]?[а-яё]+)?) $")


# «Нодирбек Ислом | угли | Султонов»: NER stopped at the Uzbek patronymic word.
UGLI_AFTER = re.compile(r"(?:^|\s)(?:угли|ўғли|оглы|кизи|қизи)\s+[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?")


def extend(span: NamedSpan, text: str) -> NamedSpan:
    """A name NER started at the patronymic («Эркином | Исмоиловичем Сайдуллаевым»): the
    capitalised word before it that agrees with the patronymic is the first name; a name NER
    stopped before «угли Фамилия» takes them in."""
    tail = UGLI_AFTER.match(text, span.stop)
    if tail and span.text.split()[-1].lower() not in names.UZ_PATRONYMIC:
        span = NamedSpan(span.start, tail.end(), text[span.start : tail.end()], span.type)
    m = WORD_BEFORE.search(text[max(0, span.start - 40) : span.start])
    ws = span.text.split()
    if m and len(ws) >= 3 and ws[1].lower() in names.UZ_PATRONYMIC and names.first_readings(m.group(1)):
        # «Дилноза | Рустам кизи Юсупова»: the first name before the father's name
        if titles.title_word(m.group(1)) is None:
            start = span.start - len(m.group(0))
            return NamedSpan(start, span.stop, text[start : span.stop], span.type)
    if m is None or not names.joins(m.group(1), span.text):
        return span
    start = span.start - len(m.group(0))
    return NamedSpan(start, span.stop, text[start : span.stop], span.type)


def untitle(span: NamedSpan) -> NamedSpan | None:
    """«Хоким Андижанского» as NER may give it: the title words are not the name."""
    ws = words(span.text, span.start)
    i = 0
    while i < len(ws) and (titles.title_word(ws[i].text) or titles.MODIFIERS.match(ws[i].low)):
        i += 1
    if i == 0:
        return span
    if i == len(ws):
        return None
    return NamedSpan(ws[i].start, span.stop, span.text[ws[i].start - span.start :], span.type)


def trim(span: NamedSpan, places: tuple[Place, ...], text: str) -> NamedSpan:
    """«Республики Каракалпакстан Бахтияром Утемуратовым» as NER gives it: the name is what
    follows the place."""
    for p in places:
        if span.start < p.stop < span.stop and len(text[p.stop : span.stop].split()) >= 2:
            start = p.stop + len(text[p.stop : span.stop]) - len(text[p.stop : span.stop].lstrip())
            return NamedSpan(start, span.stop, text[start : span.stop], span.type)
    ws = words(span.text, span.start)
    if len(ws) >= 3 and orgs.swallowed(ws[0].text) and not names.PATRONYMIC.search(ws[1].text):
        return NamedSpan(ws[1].start, span.stop, text[ws[1].start : span.stop], span.type)  # «Узгидромета Name»
    return span
