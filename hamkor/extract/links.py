"""Links: a Russian and an Uzbek party that the article says interacted (GUIDE.md, «links»).

Sentence by sentence: a trigger (meeting, visit, joint project, institutions, trade,
general relations) and the parties standing in the sentence give pairs. Then, over the
whole article, a pair that only names the other *country* in general terms is dropped
when the article names a more specific partner on that side.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from hamkor.extract import lexicon
from hamkor.extract.context import Context, Party, View
from hamkor.extract.people import evidence
from hamkor.records import Agreement, Evidence, Link, Meeting

OUR = re.compile(r"\bнаш(?:а|е|его|ей|ему|им|их|ими|у)?\b", re.I)
DELEGATION = re.compile(r"^\W*(?:(?:также|затем|позже|кроме того)\W+)?(?:делегаци\w*|гост\w*)\b", re.I)
NEAR = 60  # characters around a trigger searched for invitation and plan words


@dataclass
class _Acc:
    basis: set[str] = field(default_factory=set)
    evidence: list[Evidence] = field(default_factory=list)
    strong: bool = False


# «пока не обсуждались», «не были подписаны»; «не только», «не раз», «не впервые» deny nothing
NEGATED = re.compile(r"(?:^|\s)(?:не|ни)\s+(?!(?:только|раз|менее|позднее|впервые|случайно|зря|редко)\b)"
                     r"(?:\w+\s+)?$")
# «переговоры пока не проводились», «встреча … так и не состоялась», «визит отменён»
NEGATED_AFTER = re.compile(r"^[^,.;:!?]*?(?:\bне\s+(?:состоял|проводил|провод|велись|прошл|был)|"
                           r"\b(?:отменен|отменил|перенесен|перенесл)\w*)")
# «переговоры в Ташкенте»: the city where the talks were, not a party to them
VENUE = re.compile(r"(?:переговор|встреч|бесед)\w*\s+(?:\w+\s+)?(?:в|во)\s+$")


@lru_cache(maxsize=8192)
def real(pattern: re.Pattern[str], low: str) -> re.Match[str] | None:
    """A match of the trigger with no invitation or plan word right around it."""
    for m in pattern.finditer(low):
        window = low[max(0, m.start() - NEAR) : m.end() + NEAR // 2]
        if (not lexicon.UNREAL_NEAR.search(window) and not NEGATED.search(low[: m.start()])
                and not NEGATED_AFTER.match(low[m.end() :])):
            return m
    return None


def in_title(ctx: Context, v: View, p: Party) -> bool:
    """A place inside an official's title («хокимом Бухарской области Name») stands for them."""
    for e in v.people:
        for m in e.mentions:
            if m.sentence == v.index and m.body and 0 <= m.start - p.stop <= len(m.body) + 4:
                return True
    return False


def _before(v: View, p: Party, n: int) -> str:
    """The n characters of the sentence (lower case) right before a party."""
    at = p.start - v.sentence.start
    return v.low[max(0, at - n) : at]


def planned(v: View, p: Party) -> bool:
    """«… а завтра отправится в Ташкент»: a place a plan word stands right before."""
    return bool(lexicon.UNREAL_NEAR.search(_before(v, p, NEAR // 2)))


def parties(ctx: Context, v: View, side: str, visit: bool) -> list[Party]:
    """The parties of one side in a sentence, most specific first, locations left out."""
    out = [p for p in v.parties if p.side == side and p.kind != "person" and not in_title(ctx, v, p)
           and not planned(v, p)]
    if not visit:
        out = [p for p in out if not p.location]
    people = [p for p in v.parties if p.side == side and p.kind == "person"]
    return people + out


def narrow(ps: list[Party]) -> list[Party]:
    """Drop general country mentions when a region of that side, or the state itself, is named."""
    if any(p.specific or p.national for p in ps):
        return [p for p in ps if p.specific or p.national or p.kind == "title"]
    return ps


def sentence_pairs(ctx: Context, v: View) -> list[tuple[Party, Party, str]]:
    low = v.low
    meet = real(lexicon.MEETING, low)
    visit = real(lexicon.VISIT, low)
    unreal = lexicon.UNREAL.search(low)
    project = not unreal and lexicon.PROJECT.search(lexicon.OPENED_EVENT.sub(" ", low))
    inst = not unreal and lexicon.INSTITUTIONS.search(low)
    trade = real(lexicon.TRADE, low)
    relations = not unreal and lexicon.RELATIONS.search(low)
    if not (meet or visit or project or inst or trade or relations):
        return []
    ru = narrow(parties(ctx, v, "RU", bool(visit)))
    uz = narrow(parties(ctx, v, "UZ", bool(visit)))
    if meet and not visit:
        ru, uz = [p for p in ru if not _venue(v, p)], [p for p in uz if not _venue(v, p)]
    if meet and bool(ru) != bool(uz) and not lexicon.EVENT.search(low):
        ru, uz = _implied(ctx, ru, uz)
    if trade and bool(ru) != bool(uz) and OUR.search(low):
        ru, uz = _implied(ctx, ru, uz, by_region=True)
    if visit and bool(ru) != bool(uz) and DELEGATION.match(v.sentence.text):
        ru, uz = _implied(ctx, ru, uz, by_region=True)  # «Делегация посетила …»: the article's delegation
    if not ru or not uz:
        return []
    basis = ("meeting" if meet else "visit" if visit else "trade" if trade else "institutions"
             if inst else "project" if project else "relations")
    people_ru = [p for p in ru if p.kind == "person"]
    people_uz = [p for p in uz if p.kind == "person"]
    if lexicon.MULTILATERAL.search(low) and not (people_ru and people_uz) and not (trade or inst):
        return []  # a council or forum with delegations from both sides is not a link
    if meet and people_ru and people_uz:
        ru, uz = people_ru, people_uz
    elif visit and not (project or inst or trade) and not lexicon.SITE.search(low):
        # a visit to a city as such is no interaction; a visit to a region, body or site is
        ru = [p for p in ru if p.kind not in {"city", "district"} or p.location is False]
        uz = [p for p in uz if p.kind not in {"city", "district"}]
        ru = [p for p in ru if not (p.kind == "region" and _city_region(p))]
        uz = [p for p in uz if not (p.kind == "region" and _city_region(p))]
    return [(a, b, basis) for a in ru for b in uz]


def _venue(v: View, p: Party) -> bool:
    return p.kind in {"city", "district"} and bool(VENUE.search(_before(v, p, 40)))


def _city_region(p: Party) -> bool:
    return p.code in {"RU-MOW", "RU-SPE", "RU-SEV", "UZ-TK"}


def _implied(ctx: Context, ru: list[Party], uz: list[Party], by_region: bool = False
             ) -> tuple[list[Party], list[Party]]:
    """Fill the silent side with the article's main actor of that side («встреча с хокимом …»)."""
    missing = "UZ" if ru else "RU"
    who = ctx.protagonist.get(missing)
    if who is not None and who.of:
        party = Party(who.of, 0, 0, "person", person=who)
    elif by_region and ctx.dominant.get(missing):
        party = Party(ctx.dominant[missing], 0, 0, "region")
    else:
        return ru, uz
    return (ru, [party]) if missing == "UZ" else ([party], uz)


def links(ctx: Context, agreements: tuple[Agreement, ...],
          meetings: tuple[Meeting, ...] = ()) -> tuple[Link, ...]:
    found: dict[tuple[str, str], _Acc] = {}
    for v in ctx.views:
        for a, b, basis in sentence_pairs(ctx, v):
            if a.code == b.code:
                continue
            acc = found.setdefault((a.code, b.code), _Acc())
            acc.basis.add(basis)
            ev = evidence(ctx.parsed, v.sentence.start, v.sentence.stop)
            if ev not in acc.evidence:
                acc.evidence.append(ev)
            acc.strong |= (a.specific or a.national) and (b.specific or b.national)
            acc.strong |= basis == "trade"
    for ag in agreements:
        rus = [p for p in ag.parties if p.startswith("RU")]
        uzs = [p for p in ag.parties if p.startswith("UZ")]
        for r in rus:
            for u in uzs:
                acc = found.setdefault((r, u), _Acc())
                acc.basis.add("document")
                acc.evidence.extend(e for e in ag.evidence if e not in acc.evidence)
                acc.strong = True
    of = {e.name: e.of for e in ctx.officials}
    for m in meetings:  # officials who met link their jurisdictions («он встретился с …» too)
        sides = sorted((of.get(n) or "" for n in m.people), key=lambda c: not c.startswith("RU"))
        r, u = sides
        if r.startswith("RU") and u.startswith("UZ"):
            acc = found.setdefault((r, u), _Acc())
            acc.basis.add("meeting")
            acc.evidence.extend(e for e in m.evidence if e not in acc.evidence)
            acc.strong = True
    return tuple(Link(r, u, tuple(sorted(acc.basis)), tuple(acc.evidence))
                 for (r, u), acc in found.items() if _keep(r, u, acc, found))


def _keep(ru: str, uz: str, acc: _Acc, found: dict[tuple[str, str], _Acc]) -> bool:
    """A weak country-level pair stands only where no more specific partner is named."""
    if acc.strong:
        return True
    if uz == "UZ" and ru == "RU":
        return not any(k != ("RU", "UZ") for k in found)
    if uz == "UZ":
        return not any(r == ru and u != "UZ" for r, u in found)
    if ru == "RU":
        return not any(u == uz and r != "RU" for r, u in found)
    return True
