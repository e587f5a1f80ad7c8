"""Compile every name form of the data files into ``data/forms.tsv``.

    python -m hamkor.gazetteer.build           # write data/forms.tsv
    python -m hamkor.gazetteer.build --check   # exit 1 when it is out of date

Generating the forms needs pymorphy3 and takes a few seconds; the registry reads the
compiled file instead, so a process loads the gazetteer in a fraction of a second.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
from dataclasses import dataclass, replace
from pathlib import Path

from hamkor.errors import DataError
from hamkor.gazetteer import morph
from hamkor.gazetteer.tables import DATA, SOURCES, Tables, read
from hamkor.gazetteer.text import apostrophe_variants, fold, is_latin, uz_cyrillic, uz_latin_forms

FORMS = "forms.tsv"
COLUMNS = ("form", "code", "kind", "flags", "lemma", "head")
ABBREVIATION = re.compile(r"^(?=(?:[^А-ЯЁA-Z]*[А-ЯЁA-Z]){2})[А-ЯЁA-Zа-яё]{2,5}$")  # РФ, РУз, СПб
UZ_HEAD = {"область": "вилоят", "район": "туман"}
# Flags: P a proper name (matches only capitalised), X an abbreviation (matches as written),
# C an adjective that names a place only before a head noun («Гиждуванского и … районов»).
RANK = {"C": 0, "derived": 1, "explicit": 2}


@dataclass(frozen=True)
class Entry:
    form: str  # folded
    code: str
    kind: str  # region | city | district | adjective | country | body
    flags: str = ""
    lemma: str = ""  # adjectives and «adjective + head» names: the adjective's lemma; X: as written
    head: str = ""  # «adjective + head» names: the head (область, край, район …)
    rank: int = 3  # adjectives: which of two meanings wins
    where: str = ""

    def row(self) -> str:
        return "\t".join((self.form, self.code, self.kind, self.flags, self.lemma, self.head))


class Compiler:
    """Collects entries; two codes for one form is a DataError naming both rows."""

    def __init__(self) -> None:
        self.entries: dict[str, Entry] = {}
        self.pairs: dict[tuple[str, str], tuple[str, str]] = {}

    def add(self, e: Entry) -> None:
        if not e.form.strip():
            return
        e = replace(e, form=e.form.strip())
        if e.head:
            old_pair = self.pairs.setdefault((e.lemma, e.head), (e.code, e.where))
            if old_pair[0] != e.code:
                raise DataError(f"{e.where}: «{e.lemma} {e.head}» means {e.code} here and "
                                f"{old_pair[0]} at {old_pair[1]}")
        old = self.entries.get(e.form)
        if old is None:
            self.entries[e.form] = e
            return
        if old.code == e.code:
            if _stronger(e, old):
                self.entries[e.form] = e
            return
        if (old.kind == "adjective") != (e.kind == "adjective"):
            # «Крымском»: the adjective of Crimea over the instrumental of Krymsk; a name over
            # an adjective that only works before a head noun
            adj, other = (e, old) if e.kind == "adjective" else (old, e)
            self.entries[e.form] = other if "C" in adj.flags else adj
            return
        adjectives = old.kind == "adjective" and e.kind == "adjective"
        if adjectives and e.rank != old.rank and min(e.rank, old.rank) < RANK["explicit"]:
            if e.rank > old.rank:
                self.entries[e.form] = e
            return
        raise DataError(f"{e.where}: form {e.form!r} means {e.code} here and {old.code} at {old.where}")

    # --- one name -----------------------------------------------------------------------

    def name(self, name: str, code: str, kind: str, where: str, uz: bool = False) -> set[str]:
        """Every form of one written name; the lemmas of its adjectives (for «X-ский» names)."""
        lemmas: set[str] = set()
        if name.startswith("="):
            self.add(Entry(fold(name[1:]), code, kind, "P", where=where))
            return lemmas
        if is_latin(name):
            self.latin(name, code, kind, where)
            return lemmas
        if ABBREVIATION.match(name):
            self.add(Entry(fold(name), code, kind, "PX", name.replace("ё", "е"), where=where))
            return lemmas
        if " " not in name:
            for f in morph.noun_forms(name):
                self.add(Entry(fold(f), code, kind, "P", where=where))
            return lemmas
        phrases = morph.phrase_forms(name)
        for p in phrases:
            self.add(Entry(fold(p.text), code, kind, "P", p.lemma, p.head, where=where))
            lemmas.add(p.lemma)
        head = next((p.head for p in phrases if p.head), "")
        if uz and head in UZ_HEAD:  # «Бухарский вилоят», «Гиждуванский туман»
            first = name.split()[0]
            self.name(f"{morph.adjective(first, 'nomn', 'masc', 'sing')} {UZ_HEAD[head]}",
                      code, kind, where)
        if head == "область":  # «Омская обл.»
            first = name.split()[0]
            for c in morph.CASES:
                self.add(Entry(fold(morph.adjective(first, c, "femn", "sing") + " обл."), code,
                               kind, "P", where=where))
        return {x for x in lemmas if x}

    def latin(self, name: str, code: str, kind: str, where: str) -> None:
        """An Uzbek Latin name, its case endings, without apostrophes, and in Uzbek Cyrillic."""
        for f in uz_latin_forms(name):
            for v in apostrophe_variants(fold(f)):
                self.add(Entry(v, code, kind, "P", where=where))
            self.add(Entry(fold(uz_cyrillic(f)), code, kind, "P", where=where))

    def adjectives(self, lemma: str, code: str, rank: str, where: str) -> None:
        flags = "C" if rank == "C" else ""
        for f in morph.adjective_forms(lemma):
            self.add(Entry(fold(f), code, "adjective", flags, lemma, rank=RANK[rank], where=where))


def _stronger(e: Entry, old: Entry) -> bool:
    """Of two entries for one form and code: an adjective that stands alone over a name
    («Омском» is read as the adjective, so «в Омском университете» stays Omsk), a higher rank
    over a lower one."""
    if ("C" in old.flags) != ("C" in e.flags):
        return "C" in old.flags
    if (e.kind == "adjective") != (old.kind == "adjective"):
        return e.kind == "adjective"
    return e.rank > old.rank


def compile_tables(t: Tables) -> list[Entry]:
    """Every entry of the gazetteer, sorted by form."""
    c = Compiler()
    for r in t.regions:
        kind = "city" if r.kind == "city" else "region"
        uz = r.country == "UZ"
        names = [part for n in r.name.split(" — ") for part in _parenthesized(n)]
        lemmas: set[str] = set()
        for n in names + [f for f in r.forms]:
            lemmas |= c.name(n, r.code, kind, r.where, uz)
        for n in (r.name_uz_latn, r.name_uz_cyrl):
            if n:
                c.name(n if is_latin(n) else "=" + n, r.code, kind, r.where)
        suppressed = {a[1:] for a in r.adjectives if a.startswith("!")}
        for lemma in lemmas:
            c.adjectives(lemma, r.code, "C" if lemma in suppressed else "derived", r.where)
        for a in r.adjectives:
            if not a.startswith("!"):
                c.adjectives(a, r.code, "explicit", r.where)
    for p in t.places:
        kind = "district" if p.kind == "district" else "city"
        uz = p.code.startswith("UZ")
        fixed = "=" in p.forms
        lemmas = c.name("=" + p.name if fixed else p.name, p.code, kind, p.where, uz)
        for f in p.forms:
            if f != "=":
                lemmas |= c.name(f, p.code, kind, p.where, uz)
        for lemma in lemmas:
            c.adjectives(lemma, p.code, "C", p.where)
        for a in p.adjectives:
            c.adjectives(a, p.code, "explicit", p.where)
    for k in t.countries:
        if k.pos == "adjective":
            c.adjectives(k.form, k.code, "explicit", k.where)
        else:
            c.name(k.form, k.code, "country", k.where)
    for b in t.bodies:
        for n in (b.name, *b.forms):
            c.name(n, b.code, "body", b.where)
    for e in list(c.entries.values()):  # country adjectives are «country» mentions
        if e.kind == "adjective" and "-" not in e.code:
            c.entries[e.form] = replace(e, kind="country")
    return sorted(c.entries.values(), key=lambda e: e.form)


def _parenthesized(name: str) -> list[str]:
    """«Республика Саха (Якутия)» → «Республика Саха», «Якутия»."""
    m = re.match(r"^(.*?)\s*\((.+)\)\s*$", name)
    return [m.group(1), m.group(2)] if m else [name]


def source_hash(data: Path = DATA) -> str:
    h = hashlib.sha256()
    for name in SOURCES:
        h.update((data / name).read_bytes())
    h.update(Path(morph.__file__).read_bytes())
    h.update(Path(__file__).read_bytes())
    return h.hexdigest()[:16]


def render(entries: list[Entry], digest: str) -> str:
    head = [f"# Generated by `python -m hamkor.gazetteer.build` from {', '.join(SOURCES)}; "
            "do not edit.", f"# source: {digest}", "\t".join(COLUMNS)]
    return "\n".join(head + [e.row() for e in entries]) + "\n"


def build(data: Path = DATA) -> str:
    """The text of forms.tsv for the data files in ``data``."""
    return render(compile_tables(read(data)), source_hash(data))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m hamkor.gazetteer.build", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="only say whether forms.tsv is current")
    args = ap.parse_args(argv)
    target = DATA / FORMS
    try:
        text = build(DATA)
    except DataError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    current = target.read_text(encoding="utf-8") if target.exists() else ""
    if args.check:
        if current != text:
            print(f"{target} is out of date: run python -m hamkor.gazetteer.build", file=sys.stderr)
            return 1
        return 0
    target.write_text(text, encoding="utf-8")
    print(f"{target}: {text.count(chr(10)) - 3} forms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
