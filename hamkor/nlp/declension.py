"""How Russian declines personal names, as rules by ending: for a word as it stands in a
text, every (case, gender, nominative) it can be, with a weight.

For names the dictionary does not know — Uzbek first names and surnames above all — these
rules are all there is; hamkor.nlp.names weighs them with pymorphy's readings. Masculine
accusative is folded into the genitive (the same form for a person's name), so that the
words of one name agree on it even when a first name in -а has its own accusative
(«Никиту Кузьмина»).
"""

from __future__ import annotations

import re
from typing import NamedTuple

CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
VOWELS = set("аеёиоуыэюя")
HUSHING = set("жшчщц")
VELAR = set("гкх")


class Reading(NamedTuple):
    case: str
    gender: str
    nominative: str
    weight: float


def fold(text: str) -> str:
    return text.lower().replace("ё", "е")


def respell(word: str, nominative: str) -> str:
    """The nominative in the word's own letters where they agree («Петром», «пётр» → «Петр»)."""
    a, b = fold(word), fold(nominative)
    k = 0
    while k < min(len(a), len(b)) and a[k] == b[k]:
        k += 1
    return word[:k] + nominative[k:]


def _key(case: str, gender: str) -> str:
    return "gent" if gender == "masc" and case == "accs" else case


def _r(case: str, gender: str, nominative: str, weight: float) -> Reading:
    return Reading(_key(case, gender), gender, nominative, weight)


def _all_cases(word: str, genders: tuple[str, ...], weight: float) -> list[Reading]:
    return [_r(c, g, word, weight) for g in genders for c in CASES]


def _strongest(readings: list[Reading]) -> list[Reading]:
    """One reading per (case, gender, nominative), the heaviest: two rules that give the same
    reading are one piece of evidence, not two."""
    out: dict[tuple[str, str, str], Reading] = {}
    for r in readings:
        k = (r.case, r.gender, fold(r.nominative))
        if k not in out or r.weight > out[k].weight:
            out[k] = r
    return list(out.values())


def _strip(word: str, ending: str) -> str | None:
    """The word without the ending (compared with «ё» as «е»), or None if it does not end so
    or too little is left."""
    if fold(word).endswith(fold(ending)) and len(word) - len(ending) >= 2:
        return word[: len(word) - len(ending)] if ending else word
    return None


# --- consonant stems: masculine declines (Бахром, Шевчук, Пашинян, Гоголь, Гайдай) ------

CONS_MASC = (("", "nomn"), ("а", "gent"), ("я", "gent"), ("у", "datv"), ("ю", "datv"),
             ("ом", "ablt"), ("ем", "ablt"), ("ём", "ablt"), ("е", "loct"))


def _consonant_stem(stem: str, ending: str) -> list[str]:
    """The nominatives a stem left by a masculine ending can have."""
    last = fold(stem)[-1:]
    if not last or last in "ьъ":
        return []
    soft = fold(ending)[:1] in ("я", "ю", "е")
    if not soft:
        return [stem] if last not in VOWELS and last != "й" else []
    if last in VOWELS:
        return [stem + "й"]  # Алексея, Гайдаю → Алексей, Гайдай
    if last in HUSHING:
        return [stem]  # Ткачем → Ткач
    if fold(ending) == "е":
        return [stem, stem + "ь"]  # Бахроме → Бахром; Гоголе → Гоголь
    return [stem + "ь"]  # Гоголя → Гоголь


CASE_LIKE = ("ом", "ем", "ём", "ым", "им", "ой", "ей", "ий", "ый")
INSTRUMENTAL = ("ом", "ем", "ём", "ым")


def consonant(word: str, weight: float, nominative: float | None = None) -> list[Reading]:
    """A masculine consonant stem's readings; `nominative` weighs the word as it stands."""
    out = []
    for ending, case in CONS_MASC:
        stem = _strip(word, ending)
        if stem is None:
            continue
        if not ending:
            last = fold(word)[-1]
            if last not in VOWELS and (nominative is None or nominative > 0):
                out.append(_r("nomn", "masc", word, weight if nominative is None else nominative))
            continue
        for n, nom in enumerate(_consonant_stem(stem, ending)):
            out.append(_r(case, "masc", nom, weight * (1 if n == 0 else 0.5)))
    return out


# --- a-stems: Середа, Кучма, Илья, Дилноза, Абдулла; men and women decline alike -----------

def a_stem(word: str, genders: dict[str, float], nominative: float = 1.0) -> list[Reading]:
    """An a-stem's readings; `nominative` scales the word as it stands."""
    out: list[Reading] = []
    low = fold(word)

    def add(case: str, nom: str, scale: float = 1.0) -> None:
        out.extend(_r(case, g, nom, w * scale) for g, w in genders.items() if w > 0)

    if low.endswith(("а", "я")) and len(low) > 2:
        add("nomn", word, nominative)
    for ending, cases in (("ы", ("gent",)), ("и", ("gent", "datv", "loct")), ("е", ("datv", "loct")),
                          ("у", ("accs",)), ("ю", ("accs",)), ("ой", ("ablt",)), ("ою", ("ablt",)),
                          ("ей", ("ablt",)), ("ею", ("ablt",)), ("ёй", ("ablt",)), ("ёю", ("ablt",))):
        stem = _strip(word, ending)
        if stem is None:
            continue
        last = fold(stem)[-1]
        e = fold(ending)
        if e in ("ы", "у", "ой", "ою"):
            if last in VOWELS or last in "ьй" or (e == "ы" and (last in VELAR or last in HUSHING)):
                continue
            add(cases[0], stem + "а")
        elif e == "и":
            if last == "и":  # Марии → Мария (gent, datv, loct)
                for c in cases:
                    add(c, stem + "я")
            elif last in VOWELS or last == "й":
                continue
            elif last in VELAR or last in HUSHING:
                add("gent", stem + "а")  # Волги
            else:
                add("gent", stem + "я")  # Ильи, Дыни
        elif e == "е":
            if last in VOWELS:  # an -ия word has -ии (Марии), not -ие
                continue
            for c in cases:
                add(c, stem + ("я" if last in "ьи" else "а"))  # Илье, Середе
        elif e == "ю":
            if last in VOWELS and last != "и":
                continue
            add("accs", stem + "я")
        else:  # ей, ею, ёй, ёю
            if last in VOWELS and last != "и":
                continue
            add("ablt", stem + ("а" if last in HUSHING else "я"))
    return out


# --- surnames --------------------------------------------------------------------------

POSSESSIVE = ("ов", "ев", "ёв", "ин", "ын")
POSS_ENDINGS = (("", "nomn", "masc", ""), ("а", "gent", "masc", ""), ("у", "datv", "masc", ""),
                ("ым", "ablt", "masc", ""), ("е", "loct", "masc", ""),
                ("а", "nomn", "femn", "а"), ("ой", "gent", "femn", "а"), ("ой", "datv", "femn", "а"),
                ("ой", "ablt", "femn", "а"), ("ою", "ablt", "femn", "а"), ("ой", "loct", "femn", "а"),
                ("у", "accs", "femn", "а"))
ADJECTIVAL = ("ск", "цк")
ADJ_ENDINGS = (("ий", "nomn", "masc", "ий", 2.0), ("ой", "nomn", "masc", "ой", 1.0),
               ("ого", "gent", "masc", "ий", 2.0), ("ому", "datv", "masc", "ий", 2.0),
               ("им", "ablt", "masc", "ий", 2.0), ("ом", "loct", "masc", "ий", 2.0),
               ("ая", "nomn", "femn", "ая", 2.0), ("ой", "gent", "femn", "ая", 2.0),
               ("ой", "datv", "femn", "ая", 2.0), ("ой", "ablt", "femn", "ая", 2.0),
               ("ой", "loct", "femn", "ая", 2.0), ("ую", "accs", "femn", "ая", 2.0))
# endings of surnames that do not decline at all (Хоценко, Дурново, Черных, Шенгелия is not)
INDECLINABLE = re.compile(r"(?:о|ых|их|дзе|швили|э)$")
ADJ_GENITIVE = re.compile(r"(?:ого|его)$")
SUFFIXED = re.compile(r"(?:ов|ев|ин|ын|ск|цк)(?:а|ы|е|у|ой|ою)?$")


def surname_rules(word: str) -> list[Reading]:
    """Every reading of a surname by its ending."""
    low = fold(word)
    if INDECLINABLE.search(low) and not ADJ_GENITIVE.search(low) and len(low) > 3:
        return _all_cases(word, ("masc", "femn"), 2.0)
    out: list[Reading] = []
    for suffix in POSSESSIVE:
        for ending, case, gender, nom_end in POSS_ENDINGS:
            stem = _strip(word, suffix + ending)
            if stem is not None:
                base = word[: len(word) - len(ending)] if ending else word
                out.append(_r(case, gender, base + nom_end, 2.0))
    for suffix in ADJECTIVAL:
        for ending, case, gender, nom_end, weight in ADJ_ENDINGS:
            stem = _strip(word, suffix + ending)
            if stem is not None:
                out.append(_r(case, gender, word[: len(word) - len(ending)] + nom_end, weight))
    # a surname that ends like a case ending is seldom in the nominative («Пашиняном»)
    case_like = low.endswith(CASE_LIKE) and len(low) >= 5  # not «Ким»
    out += consonant(word, 1.0, 0.0 if case_like and low.endswith(INSTRUMENTAL) else 0.3 if case_like else 1.0)
    # a woman's surname that ends in a consonant does not decline (Наталья Ким, Ирина Шевчук)
    if low[-1:] not in VOWELS and not case_like and not low.endswith(POSSESSIVE):
        out += _all_cases(word, ("femn",), 1.0)
    if SUFFIXED.search(low):
        # «Каримова» could still be a man's a-stem as it stands, but «Каримову» is no a-stem's
        if low.endswith("а"):
            out += [_r("nomn", "masc", word, 0.12)]
        return _strongest(out)
    # a surname in -а is more often a man's genitive («Скрипника») than an a-stem (Середа)
    out += a_stem(word, {"masc": 1.0, "femn": 1.0}, 0.4)
    if low[-1:] in ("и", "у", "е", "ю"):  # Шойгу, Алиханли: perhaps not declined
        out += _all_cases(word, ("masc", "femn"), 0.3)
    return _strongest(out)


# --- first names -----------------------------------------------------------------------

# Uzbek names on Arabic «-улла» (Абдулла, Зиёдулла, Хабибулла, Рахматулла): a masculine a-stem
ULLA = re.compile(r"(?:улл|алл)(?:а|ы|е|у|ой|ою)$")


def first_rules(word: str) -> list[Reading]:
    """Every reading of a first name by its ending."""
    low = fold(word)
    if ULLA.search(low):
        return a_stem(word, {"masc": 2.0})
    # «Натальей», «Алексеем» are not names in a consonant; «Бахром», «Тошбой» are
    out = consonant(word, 1.0, 0.3 if low.endswith(("ей", "ем", "ём", "ым")) and len(low) >= 5 else 1.0)
    if low[-1:] not in VOWELS:
        out += _all_cases(word, ("femn",), 0.3)  # a woman's name in a consonant does not decline
    # in -а, a woman's name more often than a man's; in an oblique case, a man's consonant
    # stem more often than an a-stem («Жамшиду» is Жамшид's dative)
    out += a_stem(word, {"masc": 0.4, "femn": 0.8}, nominative=1.25)
    if low.endswith("о"):
        out += _all_cases(word, ("masc", "femn"), 1.0)  # Абдулло, Шахло
    elif low[-1:] in ("и", "у", "е", "ю", "э"):
        out += _all_cases(word, ("masc", "femn"), 0.3)
    if low.endswith("ии") and len(low) > 4:  # Виталии → Виталий
        out.append(_r("loct", "masc", word[:-1] + "й", 1.0))
    return _strongest(out)


# --- patronymics -----------------------------------------------------------------------

PATR_MASC = re.compile(r"(ович|евич|ьич|ич)(|а|у|ем|е)$")
PATR_FEMN = re.compile(r"(овна|евна|ична|инична)$|(овн|евн|ичн)(ы|е|у|ой|ою)$")
PATR_MASC_CASES = {"": ("nomn",), "а": ("gent",), "у": ("datv",), "ем": ("ablt",), "е": ("loct",)}
PATR_FEMN_CASES = {"ы": ("gent",), "е": ("datv", "loct"), "у": ("accs",), "ой": ("ablt",), "ою": ("ablt",)}


def patronymic_rules(word: str) -> list[Reading]:
    """The case and gender a patronymic's ending shows (Исмоиловичем, Бахтиёровной)."""
    low = fold(word)
    m = PATR_MASC.search(low)
    if m:
        return [_r(c, "masc", word, 3.0) for c in PATR_MASC_CASES[m.group(2)]]
    m = PATR_FEMN.search(low)
    if m and m.group(1):
        return [_r("nomn", "femn", word, 3.0)]
    if m:
        return [_r(c, "femn", word, 3.0) for c in PATR_FEMN_CASES[m.group(3)]]
    return []
