"""Organisations read from the bodies people's titles name: «ректор Самаркандского
государственного университета», «директор компании «Алтай-Агро»», «министр промышленности
Омской области» → a university, a company, a ministry, based where the person's post is.

An organisation's natural key is the stems of its name's words (so «университета» and
«университет» are one) and its region; a body that is only a noun («компании», «этого
предприятия») or only a place («Омской области») names no organisation.
"""

from __future__ import annotations

import re
from typing import Any

from hamkor.kb import stems

# The kind of an organisation by the first organisation noun of its name (word stems).
KINDS = [
    ("company", r"компани|предприяти|завод|фирм|холдинг|комбинат|корпораци|концерн|групп|банк|"
                r"фабрик|кластер|ооо$|ао$|пао$|оао$|зао$|мчж$"),
    ("university", r"университет|вуз|институт|академи|колледж|лице|техникум|школ"),
    ("government", r"министерств|мин(?:пром|эконом|сельхоз|обр|транс|фин|здрав|культ|энерго|"
                   r"строй|юст|труд|природ|спорт|цифр|вуз|иннов|инвест|внешторг|тур)|ведомств|комитет|департамент|управлени|агентств|"
                   r"администраци|правительств|хокимият|аппарат|служб|инспекци|дум|парламент|"
                   r"кенгаш|совет|посольств|консульств|представительств"),
    ("other", r"палат|ассоциаци|фонд|центр|союз|обществ|объединени|издательств|дирекци|организаци"),
]
_KIND = [(kind, re.compile(rf"^(?:{pattern})")) for kind, pattern in KINDS]
GENERIC_LEAD = re.compile(r"^(?:эт|наш|данн|указанн|сво)\w*$|^(?:его|ее|их)$")
# Words after the noun that name no particular one: «правительства региона».
GENERIC_TAIL = re.compile(r"^(?:регион|област|кра[яюе]|республик|город|стран|округ)\w*$")
ADJECTIVE = re.compile(r"(?:ого|его|ой|ей|ых|их|ую|юю|ый|ий|ая|яя|ое|ее)$")
ABBREVIATION = re.compile(r"^[А-ЯЁ][а-яё]{0,4}(?:[А-ЯЁ][а-яё]{0,4})+$")  # СамГУ, Минпромторг


def _words(body: str) -> list[str]:
    return stems.WORD.findall(body)


def _noun_at(folded: list[str]) -> tuple[str, int] | None:
    return next(((k, i) for i, w in enumerate(folded) for k, rx in _KIND if rx.match(w)), None)


def _trim(body: str) -> str:
    """The organisation's part of a body: «по международной деятельности петербургского вуза»
    (what a title's «по …» took along) → «петербургского вуза»."""
    words = _words(body)
    if not words or stems.fold(words[0]) != "по":
        return body
    found = _noun_at([stems.fold(w) for w in words])
    if found is None:
        return body
    start = found[1]
    while start > 1 and ADJECTIVE.search(stems.fold(words[start - 1])):
        start -= 1
    at = [m.start() for m in stems.WORD.finditer(body)][start]
    return body[at:]


def kind(body: str | None) -> str | None:
    """The kind of organisation a body names (company, university, government, other), or None
    when it names none: a bare noun, a place, a body without an organisation word."""
    if not body:
        return None
    words = _words(_trim(body))
    folded = [stems.fold(w) for w in words]
    found = _noun_at(folded)
    if found is None:
        abbreviations = [w for w in words if ABBREVIATION.match(w)]
        return "other" if abbreviations and len(words) <= 4 else None
    noun_at = found[1]
    named = [w for w in folded[noun_at + 1:] if not (GENERIC_LEAD.match(w) or GENERIC_TAIL.match(w))]
    quoted = "«" in body or '"' in body
    capital = any(w[:1].isupper() for w in words[noun_at:])
    lead = [w for w in folded[:noun_at] if not GENERIC_LEAD.match(w)]
    if not (named or quoted or capital or lead):
        return None  # «компании», «этого предприятия»: the text introduced it elsewhere
    return found[0]


def name(body: str) -> str:
    """The name as written, tidied: outer punctuation and spaces."""
    return " ".join(_trim(body).strip(" ,.;:—–-").split())


def key(body: str) -> str:
    """The stems of the name's words: one key for its case forms."""
    return " ".join(stems.stem(w) for w in (stems.fold(x) for x in _words(_trim(body))))



def claim(person: dict[str, Any]) -> tuple[tuple, dict[str, Any]] | None:
    """The organisation claim a person claim's body makes: (its natural key, its columns), or
    None. Shared by the claim builder and migration 0003 (which reads stored person claims)."""
    kind_ = kind(person["body"])
    if kind_ is None:
        return None
    key_, of = key(person["body"]), person["of"] or None
    return (key_, of, person["id"]), {
        "block": f"{key_}|{of or ''}", "name": name(person["body"]), "kind": kind_, "of": of,
        "person_claim": person["id"], "organisation_id": None,
    }


def block_parts(block: str) -> tuple[str, str | None]:
    """(key, region) of an organisation's block."""
    key_, _, of = block.rpartition("|")
    return key_, of or None
