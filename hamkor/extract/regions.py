"""Regions: every Russian or Uzbek sub-national region the article's own text mentions."""

from __future__ import annotations

from hamkor.extract.people import evidence
from hamkor.records import Linked, RegionMention


def regions(linked: Linked) -> tuple[RegionMention, ...]:
    found: dict[str, list] = {}
    for p in linked.places:
        if "-" in p.code:
            found.setdefault(p.code, []).append(evidence(linked.parsed, p.start, p.stop))
    return tuple(RegionMention(code, tuple(evs)) for code, evs in found.items())
