"""The gazetteer: complete code lists, one code per form, matching in running text."""

from __future__ import annotations

import pytest

import hamkor.gazetteer.registry as load_module
from hamkor.errors import DataError
from hamkor.gazetteer import load

RU_ISO = """AD AL BA BU CE CU DA IN KB KL KC KR KO ME MO SA SE TA TY UD KK ALT KAM KHA KDA KYA PER PRI
STA ZAB AMU ARK AST BEL BRY VLA VGG VLG VOR IVA IRK KGD KLU KEM KIR KOS KGN KRS LEN LIP MAG MOS
MUR NIZ NGR NVS OMS ORE ORL PNZ PSK ROS RYA SAM SAR SAK SVE SMO TAM TVE TOM TUL TYU ULY CHE YAR
MOW SPE YEV NEN KHM CHU YAN""".split()
UZ_ISO = "AN BU FA JI NG NW QA QR SA SI SU TK TO XO".split()


def test_every_iso_code_is_present():
    g = load()
    assert len(RU_ISO) == 83 and len(UZ_ISO) == 14
    missing = [c for c in [f"RU-{x}" for x in RU_ISO] + [f"UZ-{x}" for x in UZ_ISO] if c not in g.regions]
    assert missing == []


def test_every_form_resolves_to_exactly_one_code():
    g = load()
    forms = g.forms()
    assert len(forms) > 3000
    for form, code in forms.items():
        assert g.resolve(form) == code
        assert code in g.regions or code in ("RU", "UZ")


@pytest.mark.parametrize("text, expected", [
    ("Делегация Татарстана посетила промпарки в Бухарской и Навоийской областях.",
     ["RU-TA", "UZ-BU", "UZ-NW"]),
    ("Соглашения действуют с Ташкентской, Самаркандской, Джизакской и Навоийской областями.",
     ["UZ-TO", "UZ-SA", "UZ-JI", "UZ-NW"]),
    ("Хоким Ташкентской области прилетел в Ташкент, а затем в Омск.", ["UZ-TO", "UZ-TK", "RU-OMS"]),
    ("Гости из Подмосковья и Прикамья побывали в Балашихе и Чирчике.",
     ["RU-MOS", "RU-PER", "RU-MOS", "UZ-TO"]),
    ("Navoiy viloyati va Buxoro viloyati hokimlari; Навоий вилояти.", ["UZ-NW", "UZ-BU", "UZ-NW"]),
    ("В Нижнем Новгороде, Великом Новгороде и Санкт-Петербурге.", ["RU-NIZ", "RU-NGR", "RU-SPE"]),
    ("Пермского и Красноярского краёв, Ханты-Мансийского автономного округа — Югры.",
     ["RU-PER", "RU-KYA", "RU-KHM", "RU-KHM"]),
    ("Орёл и Орел — один город; а находка в шахте — не город.", ["RU-ORL", "RU-ORL"]),
    ("Кузбасс, Югра и Якутия.", ["RU-KEM", "RU-KHM", "RU-SA"]),
])
def test_find(text, expected):
    assert [p.code for p in load().find(text)] == expected


def test_countries_and_bodies():
    kinds = {(p.text, p.code, p.kind) for p in load().find("Россия и Республика Узбекистан; Олий Мажлис.")}
    assert ("Россия", "RU", "country") in kinds
    assert ("Республика Узбекистан", "UZ", "country") in kinds
    assert ("Олий Мажлис", "UZ", "body") in kinds


def test_malformed_row_names_file_and_line(tmp_path, monkeypatch):
    data = tmp_path / "data"
    data.mkdir()
    (data / "regions.tsv").write_text("code\tname\tcapital\tforms\nRU-XXXX\tНигде\tНикак\t\n", encoding="utf-8")
    monkeypatch.setattr(load_module, "files", lambda _pkg: tmp_path)
    with pytest.raises(DataError, match=r"regions.tsv:2"):
        load_module.Gazetteer()
