"""Agreements: cooperation documents between the two sides, with kind, parties and period.

A document noun («соглашение», «дорожная карта», «план мероприятий» …) with an act
(signed, approved, in force) gives a document; its parties are named in the sentence
(«между X и Y», «с X областью») or, when the sentence leaves a side unnamed («стороны
подписали …»), they are the parties the text was just speaking of.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from hamkor.extract import lexicon
from hamkor.extract.context import Context, Party, View
from hamkor.extract.links import in_title
from hamkor.extract.people import evidence
from hamkor.nlp.words import is_foreign
from hamkor.records import Agreement

Y = r"((?:19|20)\d{2})"
DASH = r"\s*(?:[-–—‑]|по|до)\s*"
PERIODS = [
    (re.compile(rf"\b(?:на|в)\s+(?:период\s+)?(?:с\s+)?{Y}{DASH}{Y}", re.I), "range"),
    (re.compile(rf"(?<!\d){Y}{DASH}{Y}\s*(?:гг|годы|годов|год)", re.I), "range"),
    (re.compile(rf"\bс\s+{Y}\s+по\s+{Y}", re.I), "range"),
    (re.compile(rf"\bна\s+{Y}\s*(?:год|г\.)", re.I), "single"),
    (re.compile(rf"\bдо\s+(?:конца\s+)?{Y}\s*(?:год|г\.|$)", re.I), "until"),
]
LENGTH = re.compile(r"\b(двух|трех|трёх|пяти|четырех|четырёх|десяти|2-х|3-х|5-ти)\s*-?\s*летн\w*", re.I)
YEARS = {"двух": 2, "2-х": 2, "трех": 3, "трёх": 3, "3-х": 3, "четырех": 4, "четырёх": 4,
         "пяти": 5, "5-ти": 5, "десяти": 10}
BETWEEN = re.compile(r"\bмежду\b", re.I)
WITH = re.compile(r"\bс\b", re.I)
PART_OF = re.compile(r"(?:\bс|\bсо|\bв|\bвключая)\s+(?:\w+\s+){0,2}$", re.I)
ALIAS = re.compile(r"^[\w\s-]{0,40}?\(\s*[«\"]?\s*$")  # the document's other name, in brackets
FOCUS_WINDOW = 6  # sentences back in which the parties of «стороны подписали …» are sought


@dataclass(frozen=True)
class _Doc:
    kind: str
    start: int  # offsets in the sentence
    stop: int
    within: bool = False  # named inside the phrase of the document before it


# «план мероприятий по реализации соглашения на 2026 год»: the agreement is part of the plan's
# phrase, and so is the period after it.
WITHIN = re.compile(r"^[^,;()]{0,40}?\b(?:по\s+реализаци\w*|о\s+реализаци\w*|по\s+выполнени\w*|"
                    r"во\s+исполнени\w*|в\s+развити\w*|к)\s+(?:\w+\s+)?$")


DOC_HINT = re.compile(r"карт|меморандум|протокол|соглашени|договор|контракт|план|программ|декларац|коммюнике")


def documents(low: str) -> list[_Doc]:
    if not DOC_HINT.search(low):
        return []
    docs = sorted((_Doc(k, m.start(), m.end()) for k, rx in lexicon.DOCUMENTS for m in rx.finditer(low)),
                  key=lambda d: d.start)
    out: list[_Doc] = []
    for d in docs:
        if any(o.start <= d.start < o.stop for o in out):
            continue  # «план» inside «дорожная карта … план …» already taken
        if out and PART_OF.search(low[max(out[-1].stop, d.start - 40) : d.start]):
            continue  # «дорожная карта с детальным планом …»: a part of the previous one
        if out and ALIAS.match(low[out[-1].stop : d.start]):
            out[-1] = _Doc(d.kind, out[-1].start, d.stop)  # «план мероприятий («дорожная карта»)»: one
            continue
        if out and WITHIN.match(low[out[-1].stop : d.start]):
            d = _Doc(d.kind, d.start, d.stop, within=True)
        out.append(d)
    return out


def period(low: str, published_year: int | None) -> tuple[int | None, int | None]:
    for rx, kind in PERIODS:
        m = rx.search(low)
        if m:
            if kind == "range":
                return int(m.group(1)), int(m.group(2))
            if kind == "single":
                return int(m.group(1)), int(m.group(1))
            return None, int(m.group(1))
    m = LENGTH.search(low)
    if m and published_year:
        return published_year, published_year + YEARS[m.group(1).lower()] - 1
    return None, None


def agreements(ctx: Context) -> tuple[Agreement, ...]:
    year = ctx.parsed.article.published.year if ctx.parsed.article.published else None
    found: list[Agreement] = []
    for v in ctx.views:
        low = v.low
        docs = documents(low)
        if not docs or not lexicon.DOC_ACT.search(low) or lexicon.DOC_PLANNED.search(low):
            continue
        sides = _parties(ctx, v)
        if sides is None:
            continue
        for n, d in enumerate(docs):
            # a document's phrase runs to the next document of its own (not one it names)
            end = next((o.start for o in docs[n + 1 :] if not o.within), len(low))
            frm, to = (None, None) if d.within else period(low[d.start : end], year)
            title = _title(v.sentence.text[d.start : end])
            ev = evidence(ctx.parsed, v.sentence.start + d.start, v.sentence.start + d.stop)
            for ru in sides[0]:
                for uz in sides[1]:
                    found.append(Agreement(d.kind, (ru, uz), frm, to, title=title,
                                           status=_status(low), evidence=(ev,)))
    return merge(found)


def _title(text: str) -> str:
    """The document as the text names it: the noun and its «о …» phrase, not what follows."""
    cut = re.split(r",|;|:|\s(?:и|а|с|со|между|на|до|в|во|был\w*|подписа\w*|утвер\w*|"
                   r"заключ\w*|одобр\w*|действ\w*|—|–)\s", text, maxsplit=1)[0]
    return " ".join(cut.split()[:10]).strip(" .\"«»")


def _status(low: str) -> str:
    if re.search(r"\bдейству", low):
        return "in_force"
    if re.search(r"\bутвер|\bодобр", low):
        return "approved"
    return "signed"


def _parties(ctx: Context, v: View) -> tuple[list[str], list[str]] | None:
    """The Russian and the Uzbek parties of the documents in a sentence."""
    low = v.low
    m = BETWEEN.search(low)
    start = v.sentence.start + (m.end() if m else 0)
    named = [p for p in v.parties if p.start >= start and not in_title(ctx, v, p) and not p.location]
    named += [p for p in v.parties if p.kind == "person" and p.start >= start]
    out: list[list[str]] = []
    if {p.code for p in named if p.kind == "country"} == {"RU", "UZ"} and not any(p.specific for p in named):
        return ["RU"], ["UZ"]  # «Межправкомиссия Россия — Узбекистан одобрила программу …»
    for side in ("RU", "UZ"):
        ps = [p for p in named if p.side == side]
        codes = _most_specific(ps)
        if not codes and any(is_foreign(w) for w in low.split()):
            return None  # «подписал соглашение с хякимом … Туркменистана»: a third country's
        if not codes or codes == [side] and not any(p.national for p in ps):
            focus = _focus(ctx, v.index, side)
            codes = [focus] if focus else codes
        if not codes:
            return None
        out.append(codes)
    return out[0], out[1]


def _most_specific(ps: list[Party]) -> list[str]:
    codes: list[str] = []
    for p in ps:
        if p.code not in codes:
            codes.append(p.code)
    specific = [c for c in codes if "-" in c]
    return specific or codes


def _focus(ctx: Context, index: int, side: str) -> str | None:
    """The region of a side the text spoke of last (a person, place or bare title); else the
    country, when the text spoke of a national body or official of that side."""
    window = list(reversed(ctx.views[max(0, index - FOCUS_WINDOW) : index + 1]))
    for v in window:
        specific = [p for p in v.parties if p.side == side and p.specific and not p.location]
        if specific:
            return specific[-1].code if v.index < index else specific[0].code
    for v in window:
        if any(p.side == side and p.national for p in v.parties):
            return side
    return None


def merge(found: list[Agreement]) -> tuple[Agreement, ...]:
    """One entry per kind and parties, unless the periods differ; evidence is pooled."""
    out: list[Agreement] = []
    for a in found:
        key = (a.kind, frozenset(a.parties))
        same = [o for o in out if (o.kind, frozenset(o.parties)) == key and _compatible(o, a)]
        if not same:
            out.append(a)
            continue
        o = same[0]
        merged = Agreement(o.kind, o.parties, o.start_year or a.start_year, o.end_year or a.end_year,
                           o.title, o.signed or a.signed, o.status,
                           o.evidence + tuple(e for e in a.evidence if e not in o.evidence))
        out[out.index(o)] = merged
    return tuple(out)


def _compatible(a: Agreement, b: Agreement) -> bool:
    return all(x is None or y is None or x == y
               for x, y in ((a.start_year, b.start_year), (a.end_year, b.end_year)))
