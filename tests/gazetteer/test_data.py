"""The data files: validated on load (file and line in every error); forms.tsv is current."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from hamkor.errors import DataError
from hamkor.gazetteer import Gazetteer, build
from hamkor.gazetteer.tables import DATA, SOURCES
from hamkor.gazetteer.text import uz_cyrillic


@pytest.fixture
def data(tmp_path: Path) -> Path:
    for name in (*SOURCES, build.FORMS):
        shutil.copy(DATA / name, tmp_path / name)
    return tmp_path


def append(path: Path, line: str) -> int:
    """Add one line to a data file; its line number."""
    text = path.read_text(encoding="utf-8")
    path.write_text(text + line + "\n", encoding="utf-8")
    return text.count("\n") + 1


@pytest.mark.parametrize("file, row, problem", [
    ("regions.tsv", "RU-XXXX\tRU\tНигде\toblast\tНикак\t\t\t\t\t", "bad region code"),
    ("regions.tsv", "RU-XX\tRU\tНигде\tvillage\tНикак\t\t\t\t\t", "unknown kind"),
    ("regions.tsv", "RU-OMS\tRU\tОмская область\toblast\tОмск\t\t\t\t\t", "listed twice"),
    ("regions.tsv", "RU-XX\tRU\tНигде\toblast\tНикак\t\t\t\t\t\textra", "columns"),
    ("cities.tsv", "Нигдеград\tRU-XX\tcity\t\t", "unknown region code"),
    ("cities.tsv", "Нигдеград\tRU-OMS\tvillage\t\t", "unknown kind"),
    ("cities.tsv", "Омск\tRU-TOM\tcity\t\t", "means RU-TOM here and RU-OMS"),
    ("cities.tsv", "Нигдеград\tRU-OMS\tcity\tКазань\t", "means RU-OMS here and RU-TA"),
    ("countries.tsv", "Казахстан\tKZ\tnoun", "unknown country code"),
    ("countries.tsv", "Узбекистан\tRU\tnoun", "means RU here and UZ"),
    ("bodies.tsv", "Сенат\tRU\tsenate\t", "unknown kind"),
])
def test_a_malformed_row_names_file_and_line(data, file, row, problem):
    n = append(data / file, row)
    with pytest.raises(DataError, match=rf"^{file}:{n}: .*{problem}"):
        Gazetteer.from_dir(data)


def test_a_form_with_two_codes_in_the_compiled_file(data):
    path = data / build.FORMS
    text = path.read_text(encoding="utf-8")
    n = append(path, "омск\tRU-TOM\tcity\tP\t\t")
    assert text.count("\n") + 1 == n
    with pytest.raises(DataError, match=rf"^forms.tsv:{n}: form 'омск' maps to RU-OMS and RU-TOM"):
        Gazetteer.from_dir(data)


def test_an_unknown_code_in_the_compiled_file(data):
    n = append(data / build.FORMS, "нигдеград\tRU-XX\tcity\tP\t\t")
    with pytest.raises(DataError, match=rf"^forms.tsv:{n}: unknown code 'RU-XX'"):
        Gazetteer.from_dir(data)


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    """A data set of two regions, without compiled forms."""
    header = "code\tcountry\tname_ru\tkind\tcapital_ru\tname_en\tname_uz_latn\tname_uz_cyrl\tforms\tadjectives"
    rows = ["RU-OMS\tRU\tОмская область\toblast\tОмск\tOmsk Oblast\tOmsk viloyati\t\t\t",
            "RU-TOM\tRU\tТомская область\toblast\tТомск\tTomsk Oblast\tTomsk viloyati\t\t\t"]
    (tmp_path / "regions.tsv").write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    (tmp_path / "cities.tsv").write_text("name_ru\tcode\tkind\tforms\tadjectives\n"
                                         "Омск\tRU-OMS\tcity\t\t\n", encoding="utf-8")
    (tmp_path / "countries.tsv").write_text("form\tcode\tpos\n", encoding="utf-8")
    (tmp_path / "bodies.tsv").write_text("name_ru\tcode\tkind\tforms\n", encoding="utf-8")
    return tmp_path


def test_generated_forms_that_clash_name_both_rows(tiny):
    # «Омска» is no name written twice, but its generated forms include «Омск»
    n = append(tiny / "cities.tsv", "Омска\tRU-TOM\tcity\t\t")
    with pytest.raises(DataError, match=rf"^cities.tsv:{n}: form 'омск\w*' means RU-TOM here and "
                                        r"RU-OMS at cities.tsv:2"):
        build.build(tiny)


def test_missing_compiled_forms_are_built_with_a_warning(tiny):
    with pytest.warns(UserWarning, match="out of date"):
        g = Gazetteer.from_dir(tiny)
    assert [p.code for p in g.find("Омской и Томской областей, в Омске")] == [
        "RU-OMS", "RU-TOM", "RU-OMS"]


def test_the_build_command_writes_and_checks(tiny, monkeypatch, capsys):
    monkeypatch.setattr(build, "DATA", tiny)
    assert build.main(["--check"]) == 1
    assert build.main([]) == 0
    assert build.main(["--check"]) == 0
    text = (tiny / build.FORMS).read_text(encoding="utf-8")
    assert "omsk viloyatida" in text and "казань" not in text


def test_the_compiled_forms_are_up_to_date():
    """Fails after a data change until `python -m hamkor.gazetteer.build` is run."""
    assert (DATA / build.FORMS).read_text(encoding="utf-8") == build.build(), (
        "data/forms.tsv is out of date: run python -m hamkor.gazetteer.build")


@pytest.mark.parametrize("latin, cyrillic", [
    ("Navoiy viloyati", "Навоий вилояти"),
    ("Farg'ona", "Фарғона"),
    ("Qo'qon", "Қўқон"),
    ("Yangiyo'l", "Янгийўл"),
    ("Sirdaryo", "Сирдарё"),
    ("Ellikqal'a", "Элликқалъа"),
    ("Toshkent shahri", "Тошкент шаҳри"),
    ("Chirchiq", "Чирчиқ"),
])
def test_uzbek_cyrillic(latin, cyrillic):
    assert uz_cyrillic(latin) == cyrillic
