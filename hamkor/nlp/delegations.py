"""Delegations and the region they come from: «делегация Хорезмской области во главе с …»,
«омская делегация»; and the region a bare title is the title of elsewhere in the text."""

from __future__ import annotations

import re
from collections import Counter

from hamkor.nlp import orgs
from hamkor.records import NamedSpan, Place, Sentence

DELEGATION = re.compile(r"делегаци\w*", re.I)
LEADS = re.compile(r"во главе с|возглав\w*|под руководством|в состав\w*|вошл\w*|входил\w*", re.I)


def _inside(places: tuple[Place, ...], start: int, stop: int) -> list[Place]:
    return [p for p in places if start <= p.start and p.stop <= stop]


def places_of(sent: Sentence, places: tuple[Place, ...]) -> list[Place]:
    """The place each delegation a sentence names comes from."""
    out = []
    for m in DELEGATION.finditer(sent.text):
        a, b = sent.start + max(0, m.start() - 30), sent.start + m.end() + 45
        at = sent.start + m.start()
        # «делегация Хорезмской области», «омская делегация»; not «принял в Твери делегацию»
        near = [p for p in _inside(places, a, b) if ("-" in p.code or p.kind == "country")
                and (p.start > at or orgs.ADJECTIVE.search(p.text))]
        if near:
            out.append(min(near, key=lambda p: abs(p.start - at)))
    return out


def count(sentences: tuple[Sentence, ...], places: tuple[Place, ...]) -> Counter[str]:
    """How often the text names a delegation of each place."""
    c: Counter[str] = Counter()
    for s in sentences:
        for p in places_of(s, places):
            c[p.code] += 1
    return c


def led(span: NamedSpan, sent: Sentence, places: tuple[Place, ...], counts: Counter[str]) -> str | None:
    """The place of the delegation a name leads or belongs to («во главе с Name»), if any."""
    head = sent.text[: span.start - sent.start]
    if not (DELEGATION.search(head) and LEADS.search(head)):
        return None
    here = places_of(sent, places)
    if here:
        return here[0].code
    return counts.most_common(1)[0][0] if counts else None


def titled_region(text: str, places: tuple[Place, ...], stem: str, side: str) -> str | None:
    """The region a bare title refers to: «губернатор Омской области» elsewhere in the text."""
    c: Counter[str] = Counter()
    for m in re.finditer(stem + r"\w*\s+", text, re.I):
        for p in _inside(places, m.end(), m.end() + 40)[:1]:
            if p.code.startswith(side + "-") and p.start == m.end():
                c[p.code] += 1
    return c.most_common(1)[0][0] if c else None
