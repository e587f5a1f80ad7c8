"""The gazetteer registry: regions of both countries, every name form, one automaton.

``load()`` builds it once per process from the data files and the compiled forms
(``data/forms.tsv``, written by ``python -m hamkor.gazetteer.build``), validating both:
a malformed row, an unknown code or a form with two codes is a ``DataError`` naming the
file and line. (The module is not called ``load`` so that the package's ``load()`` does not
shadow it.)
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from hamkor.errors import DataError
from hamkor.gazetteer.match import Form, Matcher
from hamkor.gazetteer.tables import DATA, read
from hamkor.gazetteer.text import fold
from hamkor.records import Place

COUNTRY_NAMES = {"RU": "Россия", "UZ": "Узбекистан"}


@dataclass(frozen=True)
class Region:
    code: str
    country: str
    name: str  # Russian, official, nominative
    kind: str  # oblast | krai | republic | city | ao | aobl
    capital: str
    name_en: str = ""
    name_uz_latn: str = ""
    name_uz_cyrl: str = ""


class Gazetteer:
    """Regions by code and a matcher over every name form."""

    def __init__(self, regions: dict[str, Region], forms: dict[str, Form]) -> None:
        self.regions = regions
        self._forms = forms
        self._matcher = Matcher(forms)

    @classmethod
    def from_dir(cls, data: Path = DATA) -> Gazetteer:
        t = read(data)
        regions = {r.code: Region(r.code, r.country, r.name, r.kind, r.capital, r.name_en,
                                  r.name_uz_latn, r.name_uz_cyrl) for r in t.regions}
        return cls(regions, _forms(data, set(regions) | set(COUNTRY_NAMES)))

    def region(self, code: str) -> Region | None:
        return self.regions.get(code)

    def country_of(self, code: str) -> str | None:
        """«RU-OMS» → «RU», «UZ» → «UZ»; None for a code the gazetteer does not know."""
        if code in COUNTRY_NAMES:
            return code
        r = self.regions.get(code)
        return r.country if r else None

    def name(self, code: str) -> str:
        """The Russian nominative name of a region or country; the code when it is unknown."""
        if code in COUNTRY_NAMES:
            return COUNTRY_NAMES[code]
        r = self.regions.get(code)
        return r.name if r else code

    def find(self, text: str) -> list[Place]:
        """Every mention of a place, country or national body, longest first, sorted by start."""
        return self._matcher.find(text)

    def resolve(self, form: str) -> str | None:
        """The code one name form stands for («Навоийской области» → UZ-NW), else None."""
        f = self._forms.get(" ".join(fold(form).split()))
        return f.code if f and not f.coordinated else None

    def forms(self) -> dict[str, str]:
        """Every folded form with a meaning of its own → its code."""
        return {k: f.code for k, f in self._forms.items() if not f.coordinated}


def _forms(data: Path, codes: set[str]) -> dict[str, Form]:
    """The compiled forms, validated; compiled afresh (slower) when the file is out of date."""
    from hamkor.gazetteer import build

    path = data / build.FORMS
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if f"# source: {build.source_hash(data)}\n" not in text:
        warnings.warn(f"{path} is out of date; run python -m hamkor.gazetteer.build",
                      stacklevel=3)
        text = build.build(data)
    out: dict[str, Form] = {}
    header = True
    for n, line in enumerate(text.splitlines(), 1):
        if not line or line.startswith("#"):
            continue
        if header:
            header = False
            continue
        cols = line.split("\t")
        where = f"{build.FORMS}:{n}"
        if len(cols) != len(build.COLUMNS):
            raise DataError(f"{where}: {len(cols)} columns, expected {len(build.COLUMNS)}")
        form, code, kind, flags, lemma, head = cols
        if code not in codes:
            raise DataError(f"{where}: unknown code {code!r}")
        if form in out and out[form].code != code:
            raise DataError(f"{where}: form {form!r} maps to {out[form].code} and {code}")
        out[form] = Form(code, kind, "P" in flags, lemma if "X" in flags else "", "C" in flags,
                         "" if "X" in flags else lemma, head)
    return out


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    """The bundled gazetteer, built once per process."""
    return Gazetteer.from_dir()
