"""People: mentions of one person in an article merged into one, with their jurisdiction.

Needs the linked person mentions; gives one Person per real person who has a title tying
them to a body of Russia or Uzbekistan. A surname-only mention joins the full name with
that surname; the jurisdiction is the one the most trusted mention gives.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from hamkor.nlp.words import fold
from hamkor.records import Evidence, Parsed, Person, PersonMention


@dataclass
class Entity:
    """One person of the article while rules run over it (not a record)."""

    name: str
    mentions: list[PersonMention] = field(default_factory=list)

    @property
    def best(self) -> PersonMention:
        return max(self.mentions, key=lambda m: (m.confidence, m.title is not None, -m.start))

    @property
    def of(self) -> str | None:
        return self.best.of

    @property
    def side(self) -> str | None:
        of = self.of
        return of[:2] if of else None

    @property
    def foreign(self) -> bool:
        return any(m.foreign for m in self.mentions) and not any(m.of for m in self.mentions)

    @property
    def official(self) -> bool:
        return self.of is not None and not self.foreign

    def sentences(self) -> set[int]:
        return {m.sentence for m in self.mentions}


def surname(name: str) -> str:
    return fold(name.split()[-1])


ENDINGS = ("ыми", "ами", "ыми", "ого", "ому", "ым", "им", "ом", "ем", "ой", "ей", "ою", "ую",
           "а", "я", "у", "ю", "е", "ы", "и")


def stem(word: str) -> str:
    """A surname without its case ending («Малышева», «Малышевым» → «малышев»)."""
    w = fold(word)
    for e in ENDINGS:
        if w.endswith(e) and len(w) - len(e) >= 4:
            return w[: -len(e)]
    return w


def merge(mentions: tuple[PersonMention, ...]) -> list[Entity]:
    """Group mentions by person: full names first, then surname-only mentions join them."""
    by_key: dict[str, Entity] = {}
    full_by_surname: dict[str, list[Entity]] = {}
    for m in sorted(mentions, key=lambda m: -len(m.name.split())):
        parts = m.name.split()
        if len(parts) >= 2:
            key = fold(m.name)
            if key not in by_key:
                # «Шавкат Мирзиёев» and «Шавкат Мирзиеев» are one; so are two spellings of a first name
                same = [e for e in full_by_surname.get(surname(m.name), [])
                        if fold(e.name.split()[0])[:3] == fold(parts[0])[:3]]
                if same:
                    by_key[key] = same[0]
                else:
                    by_key[key] = Entity(m.name)
                    full_by_surname.setdefault(surname(m.name), []).append(by_key[key])
            by_key[key].mentions.append(m)
        else:
            fulls = full_by_surname.get(surname(m.name), [])
            if not fulls:  # «встреча Малышева …»: an inflected form the normalizer misread
                fulls = [e for k, es in full_by_surname.items() if stem(k) == stem(m.name) for e in es]
            if len(fulls) == 1:
                fulls[0].mentions.append(m)
            else:
                by_key.setdefault(fold(m.name), Entity(m.name)).mentions.append(m)
    seen: list[Entity] = []
    for e in by_key.values():
        if all(e is not s for s in seen):
            seen.append(e)
    return sorted(seen, key=lambda e: min(m.start for m in e.mentions))


def evidence(parsed: Parsed, start: int, stop: int) -> Evidence:
    """The evidence for a span: itself and the sentence around it."""
    for s in parsed.sentences:
        if s.start <= start < s.stop:
            return Evidence(start, stop, s.text, s.start)
    return Evidence(start, stop, parsed.article.text[start:stop], start)


def people(parsed: Parsed, entities: list[Entity]) -> tuple[Person, ...]:
    out = []
    for e in entities:
        if not e.official:
            continue
        b = e.best
        ev = tuple(evidence(parsed, m.start, m.stop) for m in e.mentions if m.title or m is b)
        out.append(Person(e.name, e.of or "", b.title, b.title_norm, b.body, ev))
    return tuple(out)
