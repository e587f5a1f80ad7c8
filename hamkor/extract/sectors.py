"""Sectors of cooperation the article names (industry, education, agriculture …)."""

from __future__ import annotations

from hamkor.extract import lexicon
from hamkor.extract.context import Context
from hamkor.extract.people import evidence
from hamkor.records import Sector

MIN_MENTIONS = 1


def sectors(ctx: Context) -> tuple[Sector, ...]:
    out = []
    text = ctx.text
    for name, rx in lexicon.SECTORS.items():
        hits = list(rx.finditer(text))
        if len(hits) >= MIN_MENTIONS:
            out.append(Sector(name, tuple(evidence(ctx.parsed, m.start(), m.end()) for m in hits[:5])))
    return tuple(out)
