"""Meetings: pairs of named people, one of each country, who met or held talks."""

from __future__ import annotations

import re

from hamkor.extract import lexicon
from hamkor.extract.context import Context
from hamkor.extract.links import real
from hamkor.extract.people import Entity, evidence
from hamkor.records import Evidence, Meeting

# A sentence whose subject points back to people just named.
THEY = re.compile(r"^\W*(?:(?:затем|также|после этого|позже|кроме того|там|здесь)\W+)?(?:они|оба|обе|"
                  r"стороны|собеседники|сопредседател\w*|руководители|главы|политики|парламентарии|"
                  r"гости и хозяева)\b", re.I)


# «Она провела встречу с …»: the person the sentence before named.
# «Перед церемонией он встретился …»: a few words of time or place may come first.
PRONOUN = re.compile(r"^\W*(?:(?:затем|также|позже|там)\W+|(?:[А-ЯЁа-яё]+\s+){1,3}?)?(?:он|она)\s", re.I)
# «В переговорах также участвовал X»: X joined the talks the sentence before told of.
JOINED = re.compile(r"\b(?:участвовал\w*|принял\w* участие|приняли участие|присоединил\w*)")
# «… кроме губернатора, участвовал …»: the official of that title took part too.
COMPANION = re.compile(r"\b(?:кроме|помимо|наряду с|вместе с)\s+(губернатор|хоким)\w*")
# «главы двух городов провели переговоры»: the two sides just named, wherever it stands.
BOTH = re.compile(r"\b(?:главы|руководители|представители|лидеры)\s+(?:двух|обоих|обеих)\s+\w+", re.I)

# «По итогам переговоров A подписал …»: the talks were before; A's partner there is not implied.
AFTER = re.compile(r"\b(?:по итогам|по результатам|после|в развитие)\s+(?:\w+\s+)?(?:встреч|переговор|бесед|визит)\w*")


def meetings(ctx: Context) -> tuple[Meeting, ...]:
    found: dict[tuple[str, str], list[Evidence]] = {}
    last: tuple[int, list[Entity], list[Entity]] | None = None  # the latest meeting told of
    for v in ctx.views:
        if not real(lexicon.MEETING, v.low):
            continue
        after = not real(lexicon.MEETING, AFTER.sub(" ", v.low))
        ru = [e for e in v.people if e.side == "RU"]
        uz = [e for e in v.people if e.side == "UZ"]
        if not ru and not uz and (THEY.match(v.sentence.text) or BOTH.search(v.sentence.text)):
            ru, uz = _previous(ctx, v.index)
        ru = ru or _titled(ctx, v, "RU")
        uz = uz or _titled(ctx, v, "UZ")
        if bool(ru) != bool(uz) and PRONOUN.match(v.sentence.text):
            ru, uz = ru or _named_before(ctx, v.index, "RU"), uz or _named_before(ctx, v.index, "UZ")
        if (ru or uz) and last and v.index - last[0] <= 2 and JOINED.search(v.low):
            ru = ru + [e for e in last[1] if e not in ru]  # everyone at those talks met
            uz = uz + [e for e in last[2] if e not in uz]
        if bool(ru) != bool(uz) and not after and not lexicon.EVENT.search(v.low):
            ru, uz = _implied(ctx, v, ru, uz)
        ru, uz = ru + _companions(ctx, v, "RU", ru), uz + _companions(ctx, v, "UZ", uz)
        if ru and uz:
            last = (v.index, ru, uz)
        for a in ru:
            for b in uz:
                ev = evidence(ctx.parsed, v.sentence.start, v.sentence.stop)
                found.setdefault((a.name, b.name), []).append(ev)
    return tuple(Meeting((a, b), ctx.parsed.article.published.isoformat()
                         if ctx.parsed.article.published else None, None, tuple(evs))
                 for (a, b), evs in found.items())


def _titled(ctx: Context, v, side: str) -> list[Entity]:
    """«Губернатор встретился с хокимом области»: a bare title is the one official of that side
    the article names with that title and region."""
    out: list[Entity] = []
    for p in v.parties:
        if p.kind != "title" or p.side != side:
            continue
        word = v.sentence.text[p.start - v.sentence.start : p.stop - v.sentence.start].lower()
        same = [e for e in ctx.officials if e.of == p.code and e.best.title_norm
                and e.best.title_norm.split()[-1][:5] == word[:5]]
        if len(same) == 1 and same[0] not in out:
            out.append(same[0])
    return out


def _companions(ctx: Context, v, side: str, named: list[Entity]) -> list[Entity]:
    """«В переговорах с хокимом …, кроме губернатора, участвовал директор …»: the one official
    of the article with that title (of the sentence's region, for a hokim) took part too."""
    if not named:
        return []
    out: list[Entity] = []
    for m in COMPANION.finditer(v.low):
        word = m.group(1)
        if (word == "губернатор") != (side == "RU"):
            continue
        code = ctx.governor if side == "RU" else ctx.uz_region(v.sentence.start + m.start())
        same = [e for e in ctx.officials if e.of == code and e.best.title_norm == word]
        if len(same) == 1 and same[0] not in named and same[0] not in out:
            out.append(same[0])
    return out


def _previous(ctx: Context, index: int) -> tuple[list[Entity], list[Entity]]:
    """«Они провели встречу»: the people of both sides the sentence before named."""
    for v in reversed(ctx.views[max(0, index - 2) : index]):
        ru = [e for e in v.people if e.side == "RU"]
        uz = [e for e in v.people if e.side == "UZ"]
        if ru and uz:
            return ru, uz
    return [], []


def _named_before(ctx: Context, index: int, side: str) -> list[Entity]:
    """The person of a side the sentence before named last («… Вера Ершова. Она …»)."""
    if index == 0:
        return []
    v = ctx.views[index - 1]
    people = sorted(((m.start, e) for e in v.people if e.side == side for m in e.mentions
                     if m.sentence == index - 1), key=lambda x: x[0])
    return [people[-1][1]] if people else []


def _implied(ctx: Context, v, ru: list[Entity], uz: list[Entity]) -> tuple[list[Entity], list[Entity]]:
    """«Встреча с хокимом …» names one side; the other is the article's main actor, if the
    sentence names nobody else of that side (a bare title of that actor's region is fine)."""
    missing = "UZ" if ru else "RU"
    who = ctx.protagonist.get(missing)
    if who is None:
        return ru, uz
    others = [p for p in v.side(missing) if p.kind != "title" and not (p.kind == "person")]
    if any(p.code not in (who.of, missing) for p in others if not p.location):  # the country is fine
        return ru, uz
    return (ru, [who]) if missing == "UZ" else ([who], uz)
