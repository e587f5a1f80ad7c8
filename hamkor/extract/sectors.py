"""Sectors of cooperation the article names (industry, education, agriculture …)."""

from __future__ import annotations

import re

from hamkor.extract import lexicon
from hamkor.extract.context import Context
from hamkor.extract.people import evidence
from hamkor.nlp.words import fold
from hamkor.records import Sector

MIN_MENTIONS = 1


# All sectors in one pass: a named group per sector, tried only where a word starts.
ANY = re.compile(r"(?=\w)(?<!\w)(?:" + "|".join(f"(?P<{name}>{rx.pattern})" for name, rx in lexicon.SECTORS.items())
                 + ")", re.I)


def sectors(ctx: Context) -> tuple[Sector, ...]:
    hits: dict[str, list[re.Match[str]]] = {}
    for m in ANY.finditer(fold(ctx.text)):  # same length as the text: offsets hold
        if m.lastgroup:
            hits.setdefault(m.lastgroup, []).append(m)
    return tuple(Sector(name, tuple(evidence(ctx.parsed, m.start(), m.end()) for m in ms[:5]))
                 for name, ms in hits.items() if len(ms) >= MIN_MENTIONS)
