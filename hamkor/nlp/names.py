"""Person names to the nominative «Имя Фамилия», including names the dictionary does not know.

Russian news inflects Uzbek names like Russian ones («с хокимом Норматом Турсуновым»),
so the case is read from the words around the name and from endings, and the ending is
taken off by rule; pymorphy is asked only about first names it knows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from hamkor.nlp import models

INITIAL = re.compile(r"^[А-ЯЁA-Z]\.$|^[А-ЯЁA-Z]\.[А-ЯЁA-Z]\.$")
WORD = re.compile(r"[А-ЯЁA-Zа-яёa-zЎўҚқҒғҲҳʻ'’-]+\.?")
PATRONYMIC = re.compile(r"(?:ович|евич|ьич|ична|овна|евна|инична)(?:а|у|ем|ом|е|ой|ы|ою)?$", re.I)
UZ_PATRONYMIC = {"угли", "ўғли", "оглы", "кизи", "қизи", "ogli", "o'g'li", "qizi"}

# Prepositions and the case they govern (for the name right after them).
PREP_CASE = {"с": "ablt", "со": "ablt", "у": "gent", "от": "gent", "для": "gent", "без": "gent",
             "до": "gent", "к": "datv", "ко": "datv", "о": "loct", "об": "loct", "при": "loct"}
CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")


@dataclass(frozen=True)
class Name:
    first: str | None
    last: str

    @property
    def full(self) -> str:
        return f"{self.first} {self.last}" if self.first else self.last


def fold(text: str) -> str:
    return text.lower().replace("ё", "е")


def _cap(word: str) -> str:
    return "-".join(p[:1].upper() + p[1:].lower() for p in word.split("-"))


@lru_cache(maxsize=20000)
def _known_first(word: str) -> tuple[tuple[str, str, str], ...]:
    """pymorphy's readings of a word as a first name: (case, gender, nominative)."""
    out = []
    for p in models.morph().parse(word):
        if "Name" in p.tag and p.score > 0.05 and p.is_known:
            gender = "femn" if "femn" in p.tag else "masc"
            nom = p.inflect({"nomn", "sing"})
            out.append((str(p.tag.case), gender, (nom.word if nom else p.normal_form)))
    return tuple(out)


def _first_guess(word: str) -> list[tuple[str, str]]:
    """(case, gender) readings of an unknown first name by its ending."""
    w = fold(word)
    if w.endswith(("ом", "ем", "ём")):
        return [("ablt", "masc")]
    if w.endswith(("ой", "ей")) and len(w) > 4:
        return [("ablt", "femn"), ("gent", "femn")]
    if w.endswith(("а", "я")):
        return [("gent", "masc"), ("nomn", "femn")]
    if w.endswith(("у", "ю")):
        return [("datv", "masc"), ("accs", "femn")]
    if w.endswith("ы"):
        return [("gent", "femn")]
    if w.endswith("е"):
        return [("loct", "masc"), ("datv", "femn")]
    return [("nomn", "masc")]


SURNAME_RULES: list[tuple[str, list[tuple[str, str, str]]]] = [
    # ending, [(case, gender, replacement)] — most specific endings first
    ("овым", [("ablt", "masc", "ов")]), ("евым", [("ablt", "masc", "ев")]),
    ("ёвым", [("ablt", "masc", "ёв")]), ("иным", [("ablt", "masc", "ин")]),
    ("ыным", [("ablt", "masc", "ын")]),
    ("овой", [("gent", "femn", "ова"), ("ablt", "femn", "ова"), ("datv", "femn", "ова"), ("loct", "femn", "ова")]),
    ("евой", [("gent", "femn", "ева"), ("ablt", "femn", "ева"), ("datv", "femn", "ева"), ("loct", "femn", "ева")]),
    ("иной", [("gent", "femn", "ина"), ("ablt", "femn", "ина"), ("datv", "femn", "ина"), ("loct", "femn", "ина")]),
    ("ову", [("datv", "masc", "ов"), ("accs", "femn", "ова")]),
    ("еву", [("datv", "masc", "ев"), ("accs", "femn", "ева")]),
    ("ину", [("datv", "masc", "ин"), ("accs", "femn", "ина")]),
    ("ове", [("loct", "masc", "ов")]), ("еве", [("loct", "masc", "ев")]), ("ине", [("loct", "masc", "ин")]),
    ("ова", [("gent", "masc", "ов"), ("accs", "masc", "ов"), ("nomn", "femn", "ова")]),
    ("ева", [("gent", "masc", "ев"), ("accs", "masc", "ев"), ("nomn", "femn", "ева")]),
    ("ина", [("gent", "masc", "ин"), ("accs", "masc", "ин"), ("nomn", "femn", "ина")]),
    ("ского", [("gent", "masc", "ский"), ("accs", "masc", "ский")]),
    ("скому", [("datv", "masc", "ский")]), ("ским", [("ablt", "masc", "ский")]),
    ("ском", [("loct", "masc", "ский")]),
    ("ской", [("gent", "femn", "ская"), ("ablt", "femn", "ская"), ("datv", "femn", "ская"), ("loct", "femn", "ская")]),
    ("скую", [("accs", "femn", "ская")]),
    ("цкого", [("gent", "masc", "цкий"), ("accs", "masc", "цкий")]), ("цким", [("ablt", "masc", "цкий")]),
    ("ов", [("nomn", "masc", "ов")]), ("ев", [("nomn", "masc", "ев")]), ("ин", [("nomn", "masc", "ин")]),
    ("ский", [("nomn", "masc", "ский")]), ("ская", [("nomn", "femn", "ская")]),
]
INDECLINABLE = ("ко", "дзе", "швили", "их", "ых", "аго", "яго", "о", "и", "у", "ю", "э")


def _surname_readings(word: str) -> list[tuple[str, str, str]]:
    """(case, gender, nominative) readings of a surname."""
    w = word
    low = fold(w)
    for ending, readings in SURNAME_RULES:
        if low.endswith(fold(ending)) and len(low) > len(ending) + 1:
            stem = w[: len(w) - len(ending)]
            return [(c, g, stem + rep) for c, g, rep in readings]
    if low.endswith(INDECLINABLE):
        return [(c, g, w) for c in CASES for g in ("masc", "femn")]
    # a consonant stem (Пашинян, Юсупбек): declines like a masculine noun
    if low.endswith(("ом", "ем")) and len(low) > 4:
        return [("ablt", "masc", w[:-2])]
    if low.endswith("ым") and len(low) > 4:
        return [("ablt", "masc", w[:-2])]
    if low.endswith(("а", "я")) and len(low) > 3:
        return [("gent", "masc", w[:-1]), ("nomn", "femn", w)]
    if low.endswith("у") and len(low) > 3:
        return [("datv", "masc", w[:-1])]
    if low.endswith("е") and len(low) > 3:
        return [("loct", "masc", w[:-1])]
    return [("nomn", "masc", w)] + [("nomn", "femn", w)]


def _first_nominative(word: str, case: str, gender: str) -> str:
    for c, g, nom in _known_first(word):
        if c == case and g == gender:
            return nom
    w, low = word, fold(word)
    if gender == "masc":
        if case == "ablt" and low.endswith(("ом", "ем", "ём")):
            return w[:-2]
        if case in ("gent", "accs") and low.endswith(("а", "я")):
            return w[:-1] + ("й" if low.endswith("я") and low[-2:-1] in "иа" else "")
        if case in ("datv", "loct") and low.endswith(("у", "ю", "е")):
            return w[:-1]
        return w
    if case == "ablt" and low.endswith(("ой", "ей")):
        return w[:-2] + ("а" if low.endswith("ой") else "я")
    if case in ("gent",) and low.endswith(("ы", "и")):
        return w[:-1] + "а"
    if case in ("datv", "loct", "accs") and low.endswith(("е", "у", "ю")):
        return w[:-1] + "а"
    return w


def _pick(first: str | None, last: str, hint: str | None) -> tuple[str, str, str]:
    """The (case, gender, surname nominative) that first name, surname and hint agree on."""
    surnames = _surname_readings(last)
    if first is None:
        options = [(c, g) for c, g, _ in surnames]
    else:
        known = [(c, g) for c, g, _ in _known_first(first)]
        options = known or _first_guess(first)
    for c, g in ([o for o in options if o[0] == hint] if hint else []) + options:
        for sc, sg, nom in surnames:
            if sc == c and sg == g:
                return c, g, nom
        if hint and c == hint and first is not None:
            continue
    # no agreement: trust the surname's first reading (or keep the word)
    sc, sg, nom = surnames[0]
    return sc, sg, nom


@lru_cache(maxsize=20000)
def normalize(text: str, case_hint: str | None = None) -> Name | None:
    """«Шавкатом Миромовичем Мирзиеевым» → Name('Шавкат', 'Мирзиеев'); None if no name is left."""
    words = [w for w in WORD.findall(text) if not INITIAL.match(w)]
    words = [w.rstrip(".") for w in words if fold(w) not in UZ_PATRONYMIC]
    if not words:
        return None
    if len(words) >= 3 and PATRONYMIC.search(words[1]):
        words = [words[0], words[-1]]
    elif len(words) >= 3:
        words = [words[0], words[-1]]
    elif len(words) == 2 and PATRONYMIC.search(words[1]):
        words = [words[0]]
    if len(words) == 1:
        case, gender, last = _pick(None, words[0], case_hint)
        return Name(None, _cap(last))
    first, last = words
    # «Фамилия Имя» order: a known surname first and a known first name second
    if not _known_first(first) and _known_first(last) and fold(first).endswith(("ов", "ев", "ин", "ова", "ева", "ина")):
        first, last = last, first
    case, gender, last_nom = _pick(first, last, case_hint)
    return Name(_cap(_first_nominative(first, case, gender)), _cap(last_nom))


@lru_cache(maxsize=20000)
def case_of(word: str) -> str | None:
    """The case a preposition or title noun right before a name puts it in (best guess)."""
    low = fold(word)
    if low in PREP_CASE:
        return PREP_CASE[low]
    parses = [p for p in models.morph().parse(low) if "NOUN" in p.tag and p.score > 0.1]
    if not parses:
        return None
    return str(parses[0].tag.case)
