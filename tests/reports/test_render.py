"""Every format opened with a reader of its own: python-docx, pdftotext, an HTML parser."""

from __future__ import annotations

import io
import shutil
import subprocess
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest

from hamkor.reports import build, draw, gather
from hamkor.reports.model import Table
from tests.reports import fixtures as F

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "reports"
TODAY = date(2025, 7, 1)


@pytest.fixture(scope="module")
def note():
    return build.report(gather.from_dossier(F.dossier()), TODAY)


def _agreement_rows(note) -> list[list[str]]:
    section = next(s for s in note.sections if s.title == "Документы о сотрудничестве")
    table = next(b for b in section.blocks if isinstance(b, Table))
    return [[c.full for c in row] for row in table.rows]


def test_docx(note) -> None:
    import docx

    doc = docx.Document(io.BytesIO(draw(note, "docx")))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert note.title in text and "Источники" in text
    assert "[2] Тестовая статья номер 2. — 12.09.2024. — https://example.org/news/2" in text
    headers = [[c.text for c in t.rows[0].cells] for t in doc.tables]
    assert ["№", "Документ", "Стороны", "Подписан", "Период", "Статус", "Источники"] in headers
    table = doc.tables[headers.index(["№", "Документ", "Стороны", "Подписан", "Период", "Статус",
                                      "Источники"])]
    body = [[c.text for c in row.cells] for row in table.rows[1:]]
    assert body == _agreement_rows(note)
    assert len(doc.inline_shapes) == 1  # the trade chart


def test_pdf_text_and_pages(note, tmp_path: Path) -> None:
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (Debian poppler-utils) is not installed")
    data = draw(note, "pdf")
    assert data.startswith(b"%PDF") and data == draw(note, "pdf")  # reproducible bytes
    path = tmp_path / "note.pdf"
    path.write_bytes(data)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout
    for needle in ("Справка о сотрудничестве", "Навоийская область", "Дорожная карта",
                   "2025–2027", "действует", "Иван Тестов", "https://example.org/news/2",
                   "120,5", "Источники"):
        assert needle in text, needle
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "fixture-note.pdf").write_bytes(data)
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-r", "80", "-png", "-f", "1", "-l", "2", str(path),
                        str(ARTIFACTS / "fixture-note")], check=True)
        assert (ARTIFACTS / "fixture-note-1.png").exists()


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.cells: list[str] = []
        self.imgs: list[str] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in ("td", "th"):
            self._cell = []
        if tag == "img":
            self.imgs.append(dict(attrs)["src"])

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self.cells.append("".join(self._cell).strip())
            self._cell = None

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._cell is not None:
            self._cell.append(data)


def test_html(note) -> None:
    page = _Text()
    page.feed(draw(note, "html").decode())
    text = "".join(page.text)
    assert note.title in text and "Последние контакты" in text
    for row in _agreement_rows(note):
        assert row[1] in page.cells and row[4] in page.cells
    assert page.imgs and page.imgs[0].startswith("data:image/png;base64,")


def test_markdown(note) -> None:
    text = draw(note, "md", chart_href="note.chart.png").decode()
    assert text.startswith(f"# {note.title}\n")
    assert "| 1 | Дорожная карта | Омская область, Навоийская область | — | 2025–2027 | действует |" in text
    assert "![Торговля по периодам](note.chart.png)" in text
    assert "2. Тестовая статья номер 2. — 12.09.2024. — <https://example.org/news/2>" in text


def test_unknown_format(note) -> None:
    from hamkor.errors import HamkorError

    with pytest.raises(HamkorError):
        draw(note, "odt")
