"""Events: visits, meetings, signings, councils, forums and exhibitions, with date and place."""

from __future__ import annotations

import re

from hamkor.extract import lexicon
from hamkor.extract.context import Context
from hamkor.extract.links import real
from hamkor.extract.people import evidence
from hamkor.records import Event

KINDS = [
    ("signing", re.compile(r"\bподписа\w*", re.I)),
    ("meeting", lexicon.MEETING),
    ("visit", lexicon.VISIT),
    ("council", re.compile(r"\bсовет\w*\s+регион\w*|\bмежправкомисс\w*|\bзаседани\w+\s+(?:межправ|совет)\w*", re.I)),
    ("forum", re.compile(r"\bфорум\w*|\bсаммит\w*|\bконференци\w*", re.I)),
    ("exhibition", re.compile(r"\bвыставк\w*|\bярмарк\w*|\bиннопром\w*", re.I)),
    ("milestone", re.compile(r"\bзапуст\w*|\bзапуск\w*|\bоткрыт\w+\s+(?:завод|предприяти|производств|центр)\w*|"
                             r"\bзаверш\w+\s+(?:строительств|модернизац)\w*|\bввод\w*\s+в\s+эксплуатац\w*", re.I)),
]


def events(ctx: Context) -> tuple[Event, ...]:
    """One event per sentence and kind, only where both sides or a joint event are named."""
    published = ctx.parsed.article.published
    date = published.isoformat() if published else None
    out: list[Event] = []
    seen: set[tuple[str, frozenset[str]]] = set()
    for v in ctx.views:
        for kind, rx in KINDS:
            m = real(rx, v.low)
            if not m:
                continue
            codes = frozenset(p.code for p in v.parties if not p.location)
            sides = {c[:2] for c in codes}
            if kind not in {"council", "forum", "exhibition"} and sides != {"RU", "UZ"}:
                continue
            if (kind, codes) in seen:
                continue
            seen.add((kind, codes))
            where = next((ctx.text[p.start : p.stop] for p in v.parties if p.location), None)
            people = tuple(e.name for e in v.people)
            start = v.sentence.start + m.start()
            out.append(Event(kind, date, where, people + tuple(sorted(codes)),
                             (evidence(ctx.parsed, start, v.sentence.start + m.end()),)))
            break
    return tuple(out)
