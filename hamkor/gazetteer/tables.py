"""The gazetteer's data files, read into typed rows and validated (``DataError`` names file:line).

Every file is UTF-8 TSV: ``#`` lines are comments, the first other line is the header, and
columns of several values separate them with ``|``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from hamkor.errors import DataError
from hamkor.gazetteer.text import fold

DATA = Path(__file__).parent / "data"
SOURCES = ("regions.tsv", "cities.tsv", "countries.tsv", "bodies.tsv")
REGION_CODE = re.compile(r"^(RU|UZ)-[A-Z]{2,3}$")
REGION_KINDS = {"oblast", "krai", "republic", "city", "ao", "aobl"}
PLACE_KINDS = {"city", "town", "district"}
BODY_KINDS = {"parliament", "government", "ministry", "agency", "embassy", "chamber", "office", "company"}
COUNTRIES = {"RU", "UZ"}


@dataclass(frozen=True)
class RegionRow:
    code: str
    country: str
    name: str
    kind: str
    capital: str
    name_en: str
    name_uz_latn: str
    name_uz_cyrl: str
    forms: tuple[str, ...]
    adjectives: tuple[str, ...]
    where: str


@dataclass(frozen=True)
class PlaceRow:
    name: str
    code: str
    kind: str
    forms: tuple[str, ...]
    adjectives: tuple[str, ...]
    where: str


@dataclass(frozen=True)
class CountryRow:
    form: str
    code: str
    pos: str  # noun | adjective
    where: str


@dataclass(frozen=True)
class BodyRow:
    name: str
    code: str
    kind: str
    forms: tuple[str, ...]
    where: str


@dataclass(frozen=True)
class Tables:
    regions: tuple[RegionRow, ...]
    places: tuple[PlaceRow, ...]
    countries: tuple[CountryRow, ...]
    bodies: tuple[BodyRow, ...]


def _split(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split("|") if v.strip())


def rows(path: Path, columns: tuple[str, ...]) -> list[tuple[str, dict[str, str]]]:
    """(file:line, {column: value}) for each data row; the header must name ``columns``."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise DataError(f"{path.name}: cannot read: {e}") from e
    header: list[str] | None = None
    out = []
    for n, line in enumerate(lines, 1):
        where = f"{path.name}:{n}"
        if not line.strip() or line.startswith("#"):
            continue
        cols = [c.strip() for c in line.split("\t")]
        if header is None:
            header = cols
            missing = [c for c in columns if c not in header]
            if missing:
                raise DataError(f"{where}: header lacks {', '.join(missing)}")
            continue
        if len(cols) > len(header):
            raise DataError(f"{where}: {len(cols)} columns, the header has {len(header)}")
        row = dict(zip(header, cols + [""] * (len(header) - len(cols)), strict=True))
        empty = [c for c in columns[:2] if not row[c]]
        if empty:
            raise DataError(f"{where}: empty {', '.join(empty)}")
        out.append((where, row))
    if header is None:
        raise DataError(f"{path.name}: no header line")
    return out


def _regions(data: Path) -> tuple[RegionRow, ...]:
    cols = ("code", "country", "name_ru", "kind", "capital_ru", "name_en", "name_uz_latn",
            "name_uz_cyrl", "forms", "adjectives")
    out: dict[str, RegionRow] = {}
    for where, r in rows(data / "regions.tsv", cols):
        code = r["code"]
        if not REGION_CODE.match(code) or code[:2] != r["country"]:
            raise DataError(f"{where}: bad region code {code!r} for country {r['country']!r}")
        if r["kind"] not in REGION_KINDS:
            raise DataError(f"{where}: unknown kind {r['kind']!r}")
        if code in out:
            raise DataError(f"{where}: {code} is listed twice")
        if not r["name_ru"]:
            raise DataError(f"{where}: empty name_ru")
        out[code] = RegionRow(code, r["country"], r["name_ru"], r["kind"], r["capital_ru"],
                              r["name_en"], r["name_uz_latn"], r["name_uz_cyrl"],
                              _split(r["forms"]), _split(r["adjectives"]), where)
    return tuple(out.values())


def _places(data: Path, codes: set[str]) -> tuple[PlaceRow, ...]:
    out = []
    for where, r in rows(data / "cities.tsv", ("name_ru", "code", "kind", "forms", "adjectives")):
        if r["code"] not in codes:
            raise DataError(f"{where}: unknown region code {r['code']!r}")
        if r["kind"] not in PLACE_KINDS:
            raise DataError(f"{where}: unknown kind {r['kind']!r}")
        out.append(PlaceRow(r["name_ru"], r["code"], r["kind"], _split(r["forms"]),
                            _split(r["adjectives"]), where))
    return tuple(out)


def _countries(data: Path) -> tuple[CountryRow, ...]:
    out = []
    for where, r in rows(data / "countries.tsv", ("form", "code", "pos")):
        if r["code"] not in COUNTRIES:
            raise DataError(f"{where}: unknown country code {r['code']!r}")
        if r["pos"] not in ("noun", "adjective"):
            raise DataError(f"{where}: pos must be noun or adjective, not {r['pos']!r}")
        out.append(CountryRow(r["form"], r["code"], r["pos"], where))
    return tuple(out)


def _bodies(data: Path) -> tuple[BodyRow, ...]:
    out = []
    for where, r in rows(data / "bodies.tsv", ("name_ru", "code", "kind", "forms")):
        if r["code"] not in COUNTRIES:
            raise DataError(f"{where}: unknown country code {r['code']!r}")
        if r["kind"] not in BODY_KINDS:
            raise DataError(f"{where}: unknown kind {r['kind']!r}")
        out.append(BodyRow(r["name_ru"], r["code"], r["kind"], _split(r["forms"]), where))
    return tuple(out)


def read(data: Path = DATA) -> Tables:
    """Every data file, validated: codes known, kinds known, no written name with two codes."""
    regions = _regions(data)
    t = Tables(regions, _places(data, {r.code for r in regions}), _countries(data), _bodies(data))
    _check_names(t)
    return t


def _literal(form: str) -> str:
    return fold(form.lstrip("=!"))


def _check_names(t: Tables) -> None:
    """A name as written in the files may stand for one code only."""
    seen: dict[str, tuple[str, str]] = {}
    items: list[tuple[str, str, str]] = []
    for r in t.regions:
        items += [(f, r.code, r.where) for f in (r.name, r.name_uz_latn, r.name_uz_cyrl, *r.forms)]
    for p in t.places:
        items += [(f, p.code, p.where) for f in (p.name, *p.forms)]
    items += [(c.form, c.code, c.where) for c in t.countries]
    for b in t.bodies:
        items += [(f, b.code, b.where) for f in (b.name, *b.forms)]
    for form, code, where in items:
        key = _literal(form)
        if not key or form.startswith("!"):
            continue
        old = seen.setdefault(key, (code, where))
        if old[0] != code:
            raise DataError(f"{where}: {form!r} means {code} here and {old[0]} at {old[1]}")
