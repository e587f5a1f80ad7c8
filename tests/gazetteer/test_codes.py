"""The registry: complete ISO 3166-2 code lists, one code per form, the API on codes."""

from __future__ import annotations

import time

import pytest

from hamkor.gazetteer import Gazetteer, Region, load
from hamkor.gazetteer.tables import read

RU_ISO = """AD AL BA BU CE CU DA IN KB KL KC KR KO ME MO SA SE TA TY UD KK ALT KAM KHA KDA KYA PER
PRI STA ZAB AMU ARK AST BEL BRY VLA VGG VLG VOR IVA IRK KGD KLU KEM KIR KOS KGN KRS LEN LIP MAG
MOS MUR NIZ NGR NVS OMS ORE ORL PNZ PSK ROS RYA SAM SAR SAK SVE SMO TAM TVE TOM TUL TYU ULY CHE
YAR MOW SPE YEV NEN KHM CHU YAN""".split()
RU_PROJECT = ["CR", "SEV", "DPR", "LPR", "ZAP", "KHE"]  # not in ISO 3166-2:RU; our own codes
UZ_ISO = "AN BU FA JI NG NW QA QR SA SI SU TK TO XO".split()


def test_every_iso_code_is_present():
    assert len(RU_ISO) == 83 and len(UZ_ISO) == 14
    codes = [f"RU-{c}" for c in RU_ISO + RU_PROJECT] + [f"UZ-{c}" for c in UZ_ISO]
    assert sorted(load().regions) == sorted(codes)


def test_every_form_resolves_to_exactly_one_code():
    g = load()
    forms = g.forms()
    assert len(forms) > 10_000
    for form, code in forms.items():
        assert g.resolve(form) == code
        assert code in g.regions or code in ("RU", "UZ")


def test_every_region_has_its_names():
    for r in load().regions.values():
        assert isinstance(r, Region)
        assert r.name and r.capital and r.name_en and r.name_uz_latn and r.name_uz_cyrl
        assert r.kind in {"oblast", "krai", "republic", "city", "ao", "aobl"}
        assert r.country == r.code[:2]


def test_the_data_is_as_large_as_promised():
    t = read()
    ru_cities = [p for p in t.places if p.code.startswith("RU-")]
    uz_districts = [p for p in t.places if p.code.startswith("UZ-") and p.kind == "district"]
    assert len(ru_cities) >= 280
    assert len(uz_districts) >= 170
    assert len(t.bodies) >= 30


@pytest.mark.parametrize("code, country, name", [
    ("RU-OMS", "RU", "Омская область"),
    ("RU-TA", "RU", "Республика Татарстан"),
    ("RU-KHM", "RU", "Ханты-Мансийский автономный округ — Югра"),
    ("RU-MOW", "RU", "Москва"),
    ("UZ-TO", "UZ", "Ташкентская область"),
    ("UZ-QR", "UZ", "Республика Каракалпакстан"),
    ("RU", "RU", "Россия"),
    ("UZ", "UZ", "Узбекистан"),
])
def test_country_and_name(code, country, name):
    g = load()
    assert g.country_of(code) == country
    assert g.name(code) == name


def test_unknown_codes():
    g = load()
    assert g.region("RU-XX") is None
    assert g.country_of("KZ-ALA") is None
    assert g.name("RU-XX") == "RU-XX"


@pytest.mark.parametrize("code, latn, cyrl", [
    ("UZ-NW", "Navoiy viloyati", "Навоий вилояти"),
    ("UZ-TK", "Toshkent shahri", "Тошкент шаҳри"),
    ("UZ-FA", "Farg'ona viloyati", "Фарғона вилояти"),
])
def test_uzbek_names(code, latn, cyrl):
    r = load().region(code)
    assert r is not None and (r.name_uz_latn, r.name_uz_cyrl) == (latn, cyrl)


@pytest.mark.parametrize("form, code", [
    ("Навоийской области", "UZ-NW"),
    ("навоийской  области", "UZ-NW"),
    ("Navoiy viloyati", "UZ-NW"),
    ("Навоий вилояти", "UZ-NW"),
    ("Балашихой", "RU-MOS"),
    ("Подмосковья", "RU-MOS"),
    ("Татарстане", "RU-TA"),
    ("республики Татарстан", "RU-TA"),
    ("омскую область", "RU-OMS"),
    ("Fargʻona", "UZ-FA"),
    ("Ўзбекистон", "UZ"),
    ("Гиждуванский", None),  # names a district only before «район»
    ("Нигде", None),
])
def test_resolve(form, code):
    assert load().resolve(form) == code


def test_load_is_cached_and_quick():
    assert load() is load()
    t = time.perf_counter()
    g = Gazetteer.from_dir()
    assert time.perf_counter() - t < 1.5
    assert g.forms() == load().forms()
