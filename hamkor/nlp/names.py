"""Person names to the nominative «Имя Фамилия», including names the dictionary does not know.

Russian news inflects Uzbek names like Russian ones («с хокимом Норматом Турсуновым»), so
each word of a name gets its possible readings — (case, gender, nominative, weight) — from
pymorphy where it knows the word and from declension rules by ending where it does not
(hamkor.nlp.declension); the reading first name, patronymic and surname agree on wins, with
the case the words around the name suggest and, failing any sign of another case, the
nominative preferred: a name already in the nominative stays as it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from hamkor.nlp import models, titles
from hamkor.nlp.declension import (
    CASES,
    SUFFIXED,
    ULLA,
    Reading,
    first_rules,
    fold,
    patronymic_rules,
    respell,
    surname_rules,
)

__all__ = ["Name", "normalize", "case_of", "fold", "joins", "looks_like_person",
           "PATRONYMIC", "INITIAL", "WORD", "UZ_PATRONYMIC", "CASES"]

INITIAL = re.compile(r"^[А-ЯЁA-Z]\.$|^[А-ЯЁA-Z]\.[А-ЯЁA-Z]\.$")
WORD = re.compile(r"[А-ЯЁA-Zа-яёa-zЎўҚқҒғҲҳʻ'’-]+\.?")
PATRONYMIC = re.compile(r"(?:ович|евич|ёвич|ьич)(?:а|у|ем|ом|е)?$|(?:овн|евн|ёвн|ичн)(?:а|ы|е|у|ой|ою)$", re.I)
UZ_PATRONYMIC = {"угли", "ўғли", "оглы", "кизи", "қизи", "ogli", "o'g'li", "qizi"}

# Prepositions and the case they govern (for the name right after them).
PREP_CASE = {"с": "ablt", "со": "ablt", "у": "gent", "от": "gent", "для": "gent", "без": "gent",
             "до": "gent", "к": "datv", "ко": "datv", "о": "loct", "об": "loct", "при": "loct"}
# pymorphy's minor cases, as the six
CASE_OF = {"gen1": "gent", "gen2": "gent", "acc2": "accs", "loc1": "loct", "loc2": "loct",
           "voct": "nomn"}

# how much each kind of evidence counts
KNOWN = 1.0         # pymorphy knows the word as a first name: 1 + twice its score
KNOWN_SURNAME = 0.0  # … as a surname: its score alone, for its lexicon has rare surnames
                     # the rules read better («Шумковым» is «Шумковой» to it, not «Шумков»)
GUESSED = 0.1       # pymorphy's guess for a word it does not know: × its score
HINT = 2.5          # the case the words before the name put it in
NOMINATIVE = 0.5    # no hint: a name is in the nominative unless its endings say otherwise
DISAGREE = 2.5      # first name and surname read apart must beat their agreement by this
MASCULINE = 0.5     # a surname alone, no hint: a man's rather than a woman's
IS_WORD = 1.0       # an a-stem surname the dictionary knows as a word («Середа»)


@dataclass(frozen=True)
class Name:
    first: str | None
    last: str

    @property
    def full(self) -> str:
        return f"{self.first} {self.last}" if self.first else self.last


def _cap(word: str) -> str:
    return "-".join(p[:1].upper() + p[1:].lower() for p in word.split("-"))


def _case(tag: object) -> str | None:
    case = str(getattr(tag, "case", None) or "")
    case = CASE_OF.get(case, case)
    return case if case in CASES else None


def _gender(tag: object) -> str:
    return "femn" if "femn" in tag else "masc"  # type: ignore[operator]


def _inflect_nominative(p: object, word: str, gender: str) -> str:
    nom = p.inflect({"nomn", "sing", gender}) or p.inflect({"nomn", "sing"})  # type: ignore[attr-defined]
    return respell(word, nom.word if nom else p.normal_form)  # type: ignore[attr-defined]


@lru_cache(maxsize=20000)
def _morph_readings(word: str, grammeme: str) -> tuple[tuple[Reading, ...], bool]:
    """pymorphy's readings of a word as a Name or Surn, and whether it knows the word."""
    known_score: dict[tuple[str, str, str], float] = {}
    guessed_score: dict[tuple[str, str, str], float] = {}
    parses = [p for p in models.morph().parse(word)
              if grammeme in p.tag and "plur" not in p.tag and _case(p.tag)]
    known = any(p.is_known for p in parses)
    # the score among the readings as a name, not among all the word's readings («Веру»)
    totals = {k: sum(p.score for p in parses if p.is_known == k) or 1.0 for k in (True, False)}
    for p in parses:
        score = p.score / totals[p.is_known]
        if "Fixd" in p.tag and grammeme == "Surn":
            score = 1.0  # an indeclinable surname the dictionary knows («Шойгу», a woman's «Ким»)
        elif "Fixd" in p.tag and _case(p.tag) != "nomn":
            score /= 2  # an indeclinable first name («Анне») is the rarer reading of an oblique form
        if score <= 0.05:
            continue
        case = _case(p.tag)
        genders = ("masc", "femn") if "ms-f" in p.tag else (_gender(p.tag),)
        scores = known_score if p.is_known else guessed_score
        for g in genders:  # a man's accusative is his genitive: the same form, no more likely
            k = ("gent" if g == "masc" and case == "accs" else case, g, _inflect_nominative(p, word, g))
            scores[k] = max(scores.get(k, 0.0), score)
    base, factor = (KNOWN, 2) if grammeme == "Name" else (KNOWN_SURNAME, 1)
    out = [Reading(c, g, nom, base + factor * s) for (c, g, nom), s in known_score.items()]
    out += [Reading(c, g, nom, GUESSED * s) for (c, g, nom), s in guessed_score.items()
            if (c, g, nom) not in known_score]
    return tuple(out), known


@lru_cache(maxsize=20000)
def _is_word(nominative: str) -> bool:
    """pymorphy knows the nominative as a word in its own right («Середа», not «Серед»)."""
    low = fold(nominative)
    return any(p.is_known and fold(p.normal_form) == low and _case(p.tag) == "nomn"
               for p in models.morph().parse(low))


def _best(readings: Iterable[Reading]) -> dict[tuple[str, str], Reading]:
    """For each (case, gender), the nominative with the most weight (dictionary and rules
    that agree add up)."""
    total: dict[tuple[str, str, str], float] = {}
    for r in readings:
        k = (r.case, r.gender, fold(r.nominative))
        total[k] = total.get(k, 0.0) + r.weight
    spelled = {(r.case, r.gender, fold(r.nominative)): r.nominative for r in readings}
    out: dict[tuple[str, str], Reading] = {}
    for (case, gender, low), weight in total.items():
        # equal weights: the longer nominative («Игоре» is Игорь's rather than «Игор»'s)
        if (case, gender) not in out or (weight, len(low)) > (out[case, gender].weight,
                                                               len(out[case, gender].nominative)):
            out[case, gender] = Reading(case, gender, spelled[case, gender, low], weight)
    return out


@lru_cache(maxsize=20000)
def _known_first(word: str) -> tuple[tuple[str, str, str], ...]:
    """pymorphy's readings of a word it knows as a first name: (case, gender, nominative)."""
    readings, known = _morph_readings(word, "Name")
    return tuple((r.case, r.gender, r.nominative) for r in readings) if known else ()


@lru_cache(maxsize=20000)
def first_readings(word: str) -> dict[tuple[str, str], Reading]:
    """A first name's readings; of a hyphenated one («Касым-Жомарт») only the last part declines."""
    head, _, tail = word.rpartition("-")
    if head:
        return {k: r._replace(nominative=f"{head}-{r.nominative}") for k, r in first_readings(tail).items()}
    morph, known = _morph_readings(word, "Name")
    rules = first_rules(word)
    if ULLA.search(fold(word)):  # «Абдулле» is Абдулла's, whatever else the dictionary has
        morph = tuple(r for r in morph if fold(r.nominative).endswith(("лла", "лло")))
        known = bool(morph)
    if known:  # the dictionary knows the word: the rules only for a name of the other gender
        genders = {r.gender for r in morph}  # («Феруза» is not only the genitive of «Феруз»)
        rules = [r for r in rules if r.gender not in genders]
    return _best([*morph, *rules])


@lru_cache(maxsize=20000)
def _single_surname(word: str) -> dict[tuple[str, str], Reading]:
    morph, _ = _morph_readings(word, "Surn")
    best = _best([*morph, *surname_rules(word)])
    if SUFFIXED.search(fold(word)):
        return best
    # an a-stem the dictionary knows as a word is likelier than a stem it does not («Середе»
    # is «Середа», not «Серед»)
    return {k: r._replace(weight=r.weight + IS_WORD) if fold(r.nominative).endswith(("а", "я"))
            and _is_word(r.nominative) else r for k, r in best.items()}


@lru_cache(maxsize=20000)
def surname_readings(word: str) -> dict[tuple[str, str], Reading]:
    """A surname's readings; both parts of a double surname decline («Римского-Корсакова»)."""
    parts = word.split("-")
    if len(parts) == 1 or not all(parts):
        return _single_surname(word)
    each = [_single_surname(p) for p in parts]
    common = set(each[0]).intersection(*each[1:])
    if not common:  # only the last part declines
        head = "-".join(parts[:-1])
        return {k: r._replace(nominative=f"{head}-{r.nominative}") for k, r in each[-1].items()}
    return {k: Reading(k[0], k[1], "-".join(e[k].nominative for e in each),
                       sum(e[k].weight for e in each) / len(each)) for k in common}


def patronymic_readings(word: str) -> dict[tuple[str, str], Reading]:
    return _best(patronymic_rules(word))


def _hint_matches(case: str, hint: str | None) -> bool:
    if hint is None:
        return False
    if hint in ("gent", "accs"):
        return case in ("gent", "accs")
    return case == hint


def _bonus(k: tuple[str, str], hint: str | None, alone: bool = False) -> float:
    """What the words around the name say for reading it in case and gender k."""
    s = 0.0
    if _hint_matches(k[0], hint):
        s += HINT
    elif k[0] == "nomn" and hint in (None, "nomn") and not alone:
        s += NOMINATIVE
    if alone and hint is None and k[1] == "masc":
        s += MASCULINE
    return s


def _choose(parts: list[dict[tuple[str, str], Reading]], hint: str | None,
            alone: bool = False) -> tuple[str, str] | None:
    """The (case, gender) every part has a reading for, the best supported; None if none.

    A surname `alone` has nothing to agree with: «Зорина» is as much a man's genitive as a
    woman's nominative, and the men are more; there the nominative needs a hint."""
    keys = set(parts[0]).intersection(*parts[1:]) if parts else set()
    if not keys:
        return None

    def score(k: tuple[str, str]) -> tuple[float, int]:
        return sum(p[k].weight for p in parts) + _bonus(k, hint, alone), -CASES.index(k[0])

    return max(sorted(keys), key=score)


def _agrees(fr: dict[tuple[str, str], Reading], sr: dict[tuple[str, str], Reading],
            k: tuple[str, str], hint: str | None) -> bool:
    """First name and surname read together as k, rather than each on its own: a weak
    reading both share («Натальей» as a name in a consonant, to agree with «Ким») loses to
    two strong ones that differ."""
    together = fr[k].weight + sr[k].weight + _bonus(k, hint)
    apart = max(r.weight + _bonus(kk, hint) for kk, r in fr.items()) + max(r.weight for r in sr.values())
    return together >= apart - DISAGREE


def _lone(readings: dict[tuple[str, str], Reading], word: str, hint: str | None) -> str:
    """A word's nominative when nothing agrees with it."""
    k = _choose([readings], hint)
    return readings[k].nominative if k else word


@lru_cache(maxsize=20000)
def _is_patronymic(word: str) -> bool:
    """«Нуриддинович», «Петровна»; not a surname of that shape the dictionary knows only as one
    («Тарасевич», «Карпенкович»)."""
    if not (PATRONYMIC.search(word) and len(word) > 6) or _known_first(word):
        return False
    parses = [p for p in models.morph().parse(word) if p.is_known]
    return not (parses and any("Surn" in p.tag for p in parses) and not any("Patr" in p.tag for p in parses))


@lru_cache(maxsize=20000)
def normalize(text: str, case_hint: str | None = None) -> Name | None:
    """«Шавкатом Миромовичем Мирзиеевым» → Name('Шавкат', 'Мирзиеев'); None if no name is left."""
    words = [w for w in WORD.findall(text) if not INITIAL.match(w)]
    words = [w.rstrip(".") for w in words if fold(w) not in UZ_PATRONYMIC]
    words = [w for w in words if w.strip("-")]
    if not words:
        return None
    hint = CASE_OF.get(case_hint or "", case_hint)
    patronymic: str | None = None
    if len(words) >= 3:
        if _is_patronymic(words[1]):
            patronymic = words[1]
            words = [words[0], words[-1]]
        elif _is_patronymic(words[-1]):  # «Эргашев Бахром Нуриддинович»: surname, name, patronymic
            patronymic = words[-1]
            words = [words[1], words[0]]
        else:
            words = [words[0], words[-1]]
    elif len(words) == 2 and _is_patronymic(words[1]):
        # «Шавкат Миромонович»: a first name and patronymic, the surname not given
        first = words[0]
        k = _choose([first_readings(first), patronymic_readings(words[1])], hint)
        nom = first_readings(first)[k].nominative if k else _lone(first_readings(first), first, hint)
        return Name(None, _cap(nom))
    elif len(words) == 2 and _is_patronymic(words[0]):
        # «Исмоиловичем Сайдуллаевым»: the first name fell outside the span; the patronymic
        # tells the case and gender of the surname
        patronymic, words = words[0], [words[1]]
    if len(words) == 1:
        last = words[0]
        parts = [surname_readings(last)]
        if patronymic:
            parts.append(patronymic_readings(patronymic))
        k = _choose(parts, hint, alone=not patronymic)
        nom = parts[0][k].nominative if k else _lone(parts[0], last, hint)
        return Name(None, _cap(nom))
    first, last = words
    # «Фамилия Имя» order: a known surname first and a known first name second
    if (not _known_first(first) and _known_first(last)
            and fold(first).endswith(("ов", "ев", "ин", "ова", "ева", "ина"))):
        first, last = last, first
    fr, sr = first_readings(first), surname_readings(last)
    parts = [fr, sr]
    if patronymic:
        pr = patronymic_readings(patronymic)
        if pr:
            parts.append(pr)
    k = _choose(parts, hint) or _choose([fr, sr], hint)
    if k is not None and _agrees(fr, sr, k, hint):
        return Name(_cap(fr[k].nominative), _cap(sr[k].nominative))
    # no agreement: each word on its own, the first name's gender put on the surname
    kf = _choose([fr], hint)
    first_nom = fr[kf].nominative if kf else first
    same_gender = {k: r for k, r in sr.items() if kf is None or k[1] == kf[1]}
    last_nom = _lone(same_gender or sr, last, hint)
    return Name(_cap(first_nom), _cap(last_nom))


def looks_like_person(text: str) -> bool:
    """«Бахромом Ниёзовичем Аминовым»: first name, patronymic and surname, whatever NER
    typed it as."""
    ws = [w for w in WORD.findall(text) if not INITIAL.match(w)]
    return (len(ws) == 3 and all(w[:1].isupper() for w in ws) and _is_patronymic(ws[1])
            and not _is_patronymic(ws[2]))


def joins(word: str, span_text: str) -> bool:
    """The word right before a name that starts with a patronymic («Эркином» + «Исмоиловичем
    Сайдуллаевым») is its first name: capitalised, and in the patronymic's case and gender."""
    ws = WORD.findall(span_text)
    if not ws or not word[:1].isupper() or not _is_patronymic(ws[0]) or _is_patronymic(word):
        return False
    if titles.title_word(word) is not None or _known_not_name(word):
        return False  # «Хоким Рустамович …» at a sentence's start; «Ташкента»
    return _choose([first_readings(word), patronymic_readings(ws[0])], None) is not None


@lru_cache(maxsize=20000)
def _known_not_name(word: str) -> bool:
    """pymorphy knows the word, and not as a first name."""
    parses = models.morph().parse(word)
    return any(p.is_known for p in parses) and not any("Name" in p.tag for p in parses)


@lru_cache(maxsize=20000)
def case_of(word: str) -> str | None:
    """The case a preposition or title noun right before a name puts it in (best guess).

    A name stands in the case of a noun for a person it follows («хокимом Норматом»), not of
    a thing's («курса», «Бухары»: «студентка третьего курса Шахноза Каримова»), nor of an
    indeclinable one («замминистра»)."""
    low = fold(word)
    if low in PREP_CASE:
        return PREP_CASE[low]
    parses = [p for p in models.morph().parse(low) if "NOUN" in p.tag and p.score > 0.1]
    if not parses or "inan" in parses[0].tag or "Fixd" in parses[0].tag:
        return None
    return _case(parses[0].tag)
