"""Text helpers of the gazetteer: folding for comparison, Uzbek Latin → Cyrillic, Uzbek suffixes.

Folding keeps the length of the text (one character for one), so offsets found in the
folded text are offsets in the original.
"""

from __future__ import annotations

import re

# Uzbek apostrophes (oʻ, gʻ, tutuq belgisi) written in many ways; Uzbek Cyrillic letters read as
# their Russian neighbours, so «Қўқон» and «Кукон», «Навоий» and «Навоий» compare equal.
_FOLD = str.maketrans({
    "ё": "е", "ʻ": "'", "ʼ": "'", "‘": "'", "’": "'", "`": "'", "´": "'", "‑": "-",
    "қ": "к", "ғ": "г", "ҳ": "х", "ў": "у",
})
CYRILLIC = re.compile(r"[А-Яа-яЁёЎўҚқҒғҲҳ]")


def fold(text: str) -> str:
    """Lower case, «ё» as «е», one apostrophe, Uzbek Cyrillic letters as Russian; same length."""
    low = text.lower()
    if len(low) != len(text):  # a character whose lower case is longer (İ): keep it as it is
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return low.translate(_FOLD)


def is_latin(text: str) -> bool:
    return CYRILLIC.search(text) is None


_PAIRS = {"o'": "ў", "g'": "ғ", "sh": "ш", "ch": "ч"}
_IOTATED = {"o": "ё", "u": "ю", "a": "я", "e": "е"}
_SINGLE = dict(zip("abdefghijklmnopqrstuvxyz", "абдэфгҳижклмнопқрстувхйз", strict=True))
_VOWELS = set("aeiou")


def uz_cyrillic(latin: str) -> str:
    """Uzbek Latin spelled in Uzbek Cyrillic: «Farg'ona» → «Фарғона», «Yangiyo'l» → «Янгийўл»."""
    s = latin.translate(_FOLD)
    out: list[str] = []
    i = 0
    while i < len(s):
        ch, low = s[i], s[i].lower()
        two = s[i : i + 2].lower()
        up = ch.isupper()
        if two in _PAIRS:
            c, i = _PAIRS[two], i + 2
        elif low == "y" and s[i + 1 : i + 2].lower() in _IOTATED and s[i + 2 : i + 3] != "'":
            c, i = _IOTATED[s[i + 1].lower()], i + 2
        elif low == "e":
            start = i == 0 or not s[i - 1].isalpha()
            c, i = ("э" if start else "е"), i + 1
        elif low == "'":
            c, i = "ъ", i + 1
        elif low in _SINGLE:
            c, i = _SINGLE[low], i + 1
        else:
            c, i = ch, i + 1
        out.append(c.upper() if up else c)
    return "".join(out)


# Uzbek case endings: locative, dative, ablative, genitive, accusative, «… in».
_OWNED = ("da", "ga", "dan", "ning", "ni", "dagi")
_GENERIC = ("viloyati", "tumani", "shahri", "respublikasi", "o'lkasi", "okrugi")


def uz_latin_forms(name: str) -> set[str]:
    """An Uzbek Latin name with its common case endings: «Buxoro» → «Buxoroda», «Buxoroga» …"""
    out = {name}
    last = name.split()[-1].lower().translate(_FOLD)
    if last in _GENERIC:
        out |= {name + e for e in _OWNED}
        return out
    end = last[-1:]
    dative = "ka" if end == "k" else "qa" if end in ("q", "g") else "ga"
    out |= {name + e for e in ("da", dative, "dan", "ning", "ni", "dagi")}
    return out


def apostrophe_variants(form: str) -> set[str]:
    """«farg'ona» and «fargona»: Uzbek Latin is often written without the apostrophe."""
    return {form, form.replace("'", "")} if "'" in form else {form}
