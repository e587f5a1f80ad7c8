"""``hamkor.reports.render`` on a knowledge base built by the store, each format read back."""

from __future__ import annotations

import io
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from hamkor.errors import NotFound
from hamkor.kb import query
from hamkor.reports import FORMATS, labels, render

TODAY = date(2025, 7, 1)


def _pdf_text(data: bytes, tmp_path: Path) -> str:
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (Debian poppler-utils) is not installed")
    path = tmp_path / "note.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_renders(kb, fmt: str) -> None:
    data = render(kb, "RU-OMS", fmt=fmt, today=TODAY)
    assert len(data) > 1000
    assert data == render(kb, "RU-OMS", fmt=fmt, today=TODAY) or fmt == "docx"


def test_docx_agrees_with_the_dossier(kb) -> None:
    import docx

    dossier = query.dossier(kb, "RU-OMS")
    doc = docx.Document(io.BytesIO(render(kb, "RU-OMS", fmt="docx", today=TODAY)))
    tables = {t.rows[0].cells[1].text: t for t in doc.tables}
    agreements = tables["Документ"]
    rows = [[c.text for c in r.cells] for r in agreements.rows[1:]]
    assert len(rows) == len(dossier.agreements)
    want = {(labels.word(labels.KIND, a.kind), labels.years(a.from_year, a.to_year),
             labels.word(labels.STATUS, a.status)) for a in dossier.agreements}
    got = {(r[1].split(" «")[0], r[4], r[5]) for r in rows}
    assert got == want
    text = "\n".join(p.text for p in doc.paragraphs)
    for a in dossier.agreements:  # every agreement's article is in the reference list
        for s in a.sources:
            assert f"{s.title}. — {s.published:%d.%m.%Y}. — {s.url}" in text
    people = tables["Должность"]
    assert [r.cells[0].text for r in people.rows[1:]] == [p.name for p in dossier.officials]


def test_pdf_lists_sources_and_pages_look_right(kb, tmp_path: Path, artifacts: Path) -> None:
    data = render(kb, "RU-OMS", fmt="pdf", today=TODAY)
    text = _pdf_text(data, tmp_path)
    dossier = query.dossier(kb, "RU-OMS")
    for k in dossier.partners:
        assert (k.uz.name if k.ru.code == "RU-OMS" else k.ru.name) in text
    for a in dossier.agreements:
        assert labels.years(a.from_year, a.to_year) in text
        assert a.sources[0].url in text
    assert "120,5" in text and "Иван Тестов" in text
    (artifacts / "omsk.pdf").write_bytes(data)
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-r", "80", "-png", "-f", "1", "-l", "2",
                        str(artifacts / "omsk.pdf"), str(artifacts / "omsk")], check=True)


def test_pair_note(kb, tmp_path: Path) -> None:
    text = render(kb, "RU-OMS", pair="UZ-BU", fmt="md", today=TODAY).decode()
    bukhara = query.dossier(kb, "UZ-BU").region.name
    assert text.splitlines()[0].endswith(f"— {bukhara}")
    assert "торгово-экономическом" in text and "2024–2026" in text
    assert "2025–2027" not in text  # the Navoiy roadmap is another partner's
    assert "Переговоры" in text and "Рустам Примеров" in text


def test_since_drops_older_facts(kb) -> None:
    text = render(kb, "RU-OMS", since=date(2025, 1, 1), fmt="md", today=TODAY).decode()
    assert "учтены сведения с 1 января 2025 г." in text
    assert "2025–2027" in text
    assert "до 2024" not in text  # the 2023 memorandum


def test_unknown_region(kb) -> None:
    with pytest.raises(NotFound):
        render(kb, "RU-XXX", fmt="md")
