"""The gazetteer: regions of both countries with every name form, cities that roll up, bodies.

Loaded once per process into one registry (``load()``), validated on load. Name forms in
every case are generated with pymorphy3; matching is an Aho–Corasick automaton over the
lower-cased text with «ё» read as «е», longest word-bounded match first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

import ahocorasick

from hamkor.errors import DataError
from hamkor.records import Place

CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
HEADS = {"область": "oblast", "край": "krai", "республика": "republic", "округ": "ao"}
HEAD_WORD = re.compile(
    r"\s*(област(?:ь|и|ью|ей|ям|ями|ях)|кра(?:й|я|ю|ем|е|ев|ям|ями|ях)|республик(?:а|и|е|у|ой|ам|ами|ах))\b")
CHAIN = re.compile(r"\s*(?:,|и|,\s*и|а также)\s*")
CODE = re.compile(r"^(?:RU|UZ)(?:-[A-Z]{2,3})?$")


@dataclass(frozen=True)
class Region:
    code: str
    country: str
    name: str
    kind: str
    capital: str
    name_en: str = ""
    name_uz_latn: str = ""
    name_uz_cyrl: str = ""


@dataclass(frozen=True)
class _Form:
    code: str
    kind: str  # region | city | district | adjective | country | body
    proper: bool  # must start with a capital letter in the text
    stem: str = ""  # for adjectives: the lemma, to pair with a head noun («бухарский» + область)


def fold(text: str) -> str:
    return text.lower().replace("ё", "е").replace("ʻ", "'").replace("‘", "'").replace("’", "'").replace("‑", "-")


def _rows(name: str) -> list[tuple[int, list[str]]]:
    text = (files("hamkor.gazetteer") / "data" / name).read_text(encoding="utf-8")
    out = []
    header = True
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        if header:
            header = False
            continue
        out.append((n, line.split("\t")))
    return out


@lru_cache(maxsize=1)
def _morph():
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


def inflect_word(word: str, tags: set[str]) -> str:
    if "-" in word and not word[0].islower():
        head, _, rest = word.partition("-")
        if rest.startswith(("на-", "Камчатский", "Сахалинск")):
            return inflect_word(head, tags) + "-" + rest
    p = _morph().parse(word)[0]
    form = p.inflect(tags)
    return form.word if form else word.lower()


def phrase_forms(name: str) -> set[str]:
    """Every case (and the plural of the head) of a name: adjectives and the first noun inflect."""
    words = name.split()
    parsed = [_morph().parse(w)[0] for w in words]
    head = next((i for i, p in enumerate(parsed) if p.tag.POS == "NOUN"), len(words) - 1)
    if any(p.tag.POS not in ("ADJF", "NOUN") for p in parsed[: head + 1]):
        head = 0
    gender = parsed[head].tag.gender or "masc"
    number = "plur" if "plur" in parsed[head].tag or "Pltm" in parsed[head].tag else "sing"
    out = {fold(name)}
    for case in CASES:
        inflected = []
        for i, w in enumerate(words):
            if i > head:
                inflected.append(w)
            elif parsed[i].tag.POS == "ADJF":
                tags = {case, number} | ({gender} if number == "sing" else set())
                if case == "accs" and gender == "masc":
                    tags |= {"inan"}
                inflected.append(inflect_word(w, tags))
            else:
                inflected.append(inflect_word(w, {case, number}))
        out.add(fold(" ".join(inflected)))
    if fold(words[0]) in ("город",):
        return out
    # locatives like «в Омске» come out of «loct»; «Навои», «Сочи» are indeclinable and stay
    return out


def adjective_forms(lemma: str) -> set[str]:
    p = next((p for p in _morph().parse(lemma) if p.tag.POS == "ADJF"), None)
    if p is None:
        return {fold(lemma)}
    return {fold(f.word) for f in p.lexeme if f.tag.POS == "ADJF"}


class Gazetteer:
    def __init__(self) -> None:
        self.regions: dict[str, Region] = {}
        self._forms: dict[str, _Form] = {}
        self._heads: dict[tuple[str, str], str] = {}  # (adjective lemma, head) → code
        self._load_regions()
        self._load_cities()
        self._load_extra()
        self._automaton = ahocorasick.Automaton()
        for form, f in self._forms.items():
            self._automaton.add_word(form, (form, f))
        self._automaton.make_automaton()

    # --- loading ----------------------------------------------------------------------

    def _add(self, form: str, f: _Form, where: str) -> None:
        form = fold(form).strip()
        if not form:
            return
        old = self._forms.get(form)
        if old is not None and old.code != f.code:
            # the longer-standing meaning wins only for adjectives («московский» is the city);
            # two regions sharing one form is a data error
            if old.kind == f.kind and old.kind not in ("adjective",):
                raise DataError(f"{where}: form {form!r} maps to {old.code} and {f.code}")
            if f.kind != "adjective":
                self._forms[form] = f
            return
        if old is None or (old.kind == "adjective" and f.kind != "adjective"):
            self._forms[form] = f

    def _load_regions(self) -> None:
        for n, cols in _rows("regions.tsv"):
            where = f"regions.tsv:{n}"
            if len(cols) < 3 or not CODE.match(cols[0]):
                raise DataError(f"{where}: expected code, name, capital[, forms]")
            code, name, capital = cols[0], cols[1], cols[2]
            forms = [x for x in (cols[3] if len(cols) > 3 else "").split("|") if x]
            words = name.split()
            kind = next((HEADS[fold(w)] for w in words if fold(w) in HEADS), "city")
            self.regions[code] = Region(code, code[:2], name, kind, capital)
            for f in phrase_forms(name.split(" — ")[0].split(" (")[0]):
                self._add(f, _Form(code, "region", True), where)
            for extra in forms:
                latin = not re.search(r"[А-Яа-яЁё]", extra)
                variants = {extra} if latin or extra.isupper() else phrase_forms(extra)
                for f in variants:
                    self._add(f, _Form(code, "region", True), where)
            if kind in ("oblast", "krai", "ao") and words[0][0].isupper():
                lemma = _morph().parse(words[0])[0].normal_form
                head = fold(words[-1]) if kind != "ao" else "округ"
                self._heads[(lemma, head)] = code
                for f in adjective_forms(lemma):
                    self._add(f, _Form(code, "adjective", False, lemma), where)
            if capital and code not in ("RU-MOW", "RU-SPE", "RU-SEV", "UZ-TK"):
                for f in phrase_forms(capital):
                    self._add(f, _Form(code, "city", True), where)

    def _load_cities(self) -> None:
        for n, cols in _rows("cities.tsv"):
            where = f"cities.tsv:{n}"
            if len(cols) < 2 or cols[1] not in self.regions:
                raise DataError(f"{where}: unknown region code {cols[1] if len(cols) > 1 else ''!r}")
            names = [cols[0]] + [x for x in (cols[2] if len(cols) > 2 else "").split("|") if x]
            for nm in names:
                latin = not re.search(r"[А-Яа-яЁё]", nm)
                for f in ({nm} if latin else phrase_forms(nm)):
                    self._add(f, _Form(cols[1], "city", True), where)

    def _load_extra(self) -> None:
        for n, cols in _rows("extra.tsv"):
            where = f"extra.tsv:{n}"
            if len(cols) != 3 or not CODE.match(cols[1]):
                raise DataError(f"{where}: expected form, code, kind")
            form, code, kind = cols
            if kind == "none":
                continue
            if kind in ("adjective", "country_adj"):
                lemma = _morph().parse(form)[0].normal_form
                for f in adjective_forms(form):
                    self._forms[f] = _Form(code, "adjective" if kind == "adjective" else "country", False, lemma)
            else:
                latin = not re.search(r"[А-Яа-яЁё]", form)
                for f in ({form} if latin or form.isupper() else phrase_forms(form)):
                    self._forms[fold(f)] = _Form(code, kind, True)

    # --- the API ------------------------------------------------------------------------

    def region(self, code: str) -> Region | None:
        return self.regions.get(code)

    def country_of(self, code: str) -> str | None:
        return code[:2] if code[:2] in ("RU", "UZ") else None

    def name(self, code: str) -> str:
        if code == "RU":
            return "Россия"
        if code == "UZ":
            return "Узбекистан"
        r = self.regions.get(code)
        return r.name if r else code

    def forms(self) -> dict[str, str]:
        return {f: v.code for f, v in self._forms.items()}

    def resolve(self, form: str) -> str | None:
        f = self._forms.get(fold(form).strip())
        return f.code if f else None

    def find(self, text: str) -> list[Place]:
        low = fold(text)
        hits: list[tuple[int, int, _Form]] = []
        for end, (form, f) in self._automaton.iter(low):
            start = end - len(form) + 1
            if start > 0 and (low[start - 1].isalnum() or low[start - 1] in "-'"):
                continue
            if end + 1 < len(low) and (low[end + 1].isalnum() or low[end + 1] in "-'"):
                continue
            if f.proper and not text[start].isupper():
                continue
            hits.append((start, end + 1, f))
        hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
        out: list[Place] = []
        last = -1
        chosen: list[tuple[int, int, _Form]] = []
        for s, e, f in hits:
            if s >= last:
                chosen.append((s, e, f))
                last = e
        for i, (s, e, f) in enumerate(chosen):
            code = f.code
            if f.kind == "adjective":
                code = self._coordinated(low, chosen, i) or code
            out.append(Place(s, e, text[s:e], code, f.kind))
        return out

    def _coordinated(self, low: str, chosen: list[tuple[int, int, _Form]], i: int) -> str | None:
        """«Бухарской и Навоийской областях»: an adjective resolved by the head noun after the chain."""
        j, pos = i, chosen[i][1]
        while True:
            m = HEAD_WORD.match(low, pos)
            if m:
                head = m.group(1)
                key = "область" if head.startswith("област") else "край" if head.startswith("кра") else "республика"
                return self._heads.get((chosen[i][2].stem, key))
            c = CHAIN.match(low, pos)
            if not c or j + 1 >= len(chosen) or chosen[j + 1][0] != c.end() or chosen[j + 1][2].kind != "adjective":
                return None
            j += 1
            pos = chosen[j][1]


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    return Gazetteer()
