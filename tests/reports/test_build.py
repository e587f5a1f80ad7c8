"""The document model built from a hand-made dossier: sections, statements and their sources."""

from __future__ import annotations

from datetime import date

import pytest

from hamkor.reports import build, gather
from hamkor.reports.model import Chart, Paragraph, Table
from tests.reports import fixtures as F

TODAY = date(2025, 7, 1)


@pytest.fixture()
def note():
    return build.report(gather.from_dossier(F.dossier()), TODAY)


def _tables(note, title: str) -> list[Table]:
    section = next(s for s in note.sections if s.title == title)
    return [b for b in section.blocks if isinstance(b, Table)]


def test_title_and_sections(note) -> None:
    assert note.title == "Справка о сотрудничестве: Омская область — регионы Узбекистана"
    assert "1 июля 2025 г." in note.subtitle and "5 публикациям" in note.subtitle
    assert [s.title for s in note.sections] == [
        "Кратко", "Регионы-партнёры", "Документы о сотрудничестве", "Официальные лица",
        "Хронология встреч и визитов", "Торговля", "Отрасли сотрудничества"]


def test_summary_names_partners_documents_contacts(note) -> None:
    text = " ".join(p.text for p in note.sections[0].blocks if isinstance(p, Paragraph))
    assert "связи с 3 регионами Узбекистана и Узбекистаном на уровне страны" in text
    assert "действуют 2" in text and "дорожная карта (Навоийская область) на 2025–2027 гг." in text
    assert "Последние контакты: 20 февраля 2025 г." in text
    assert "120,5\u00a0млн долл. США" in text


def test_every_statement_cites_a_listed_source(note) -> None:
    numbers = {r.number for r in note.references}
    assert numbers == set(range(1, len(note.references) + 1))
    for section in note.sections[:-1]:  # sectors carry counts, not sources
        for block in section.blocks:
            if isinstance(block, Table):
                for row in block.rows:
                    assert row[-1].ref and set(row[-1].ref.numbers) <= numbers
            elif isinstance(block, Paragraph) and block.style == "body":
                assert any(r.ref and r.ref.numbers for r in block.runs), block.text


def test_agreements_table(note) -> None:
    (table,) = _tables(note, "Документы о сотрудничестве")
    rows = [[c.text for c in row] for row in table.rows]
    assert rows[0][1:6] == ["Дорожная карта", "Омская область, Навоийская область", "—",
                            "2025–2027", "действует"]
    assert ["Меморандум", "до 2024", "истёк"] == [rows[2][1], rows[2][4], rows[2][5]]
    ref = table.rows[1][-1].ref
    cited = {r.number: r for r in note.references}[ref.numbers[0]]
    assert cited.article_id == "a002" and cited.url == "https://example.org/news/2"


def test_officials_show_post_history(note) -> None:
    (table,) = _tables(note, "Официальные лица")
    name, post, side, span, _ = (c.text for c in table.rows[0])
    assert (name, side) == ("Иван Тестов", "Омская область")
    assert post == "губернатор Омской области (ранее: врио губернатора Омской области)"
    assert span == "30.11.2023 – 20.02.2025"


def test_trade_chart(note) -> None:
    section = next(s for s in note.sections if s.title == "Торговля")
    (chart,) = [b for b in section.blocks if isinstance(b, Chart)]
    assert chart.categories == ("2023 г.", "2024 г.")
    assert [s.name for s in chart.series] == ["Товарооборот", "Экспорт"]
    assert chart.series[0].values == (98_400_000.0, 120_500_000.0)
    assert chart.unit == "млн долл. США" and chart.scale == 1e6


def test_pair_note_keeps_what_involves_the_partner() -> None:
    omsk = gather.from_dossier(F.dossier())
    bukhara = gather.Brief(region=F.BUKHARA, partner=None, links=(), agreements=(), officials=(),
                           events=(), meetings=(), metrics=(), sectors=(), sources=())
    note = build.report(gather.narrow(omsk, bukhara), TODAY)
    assert note.title == "Справка о сотрудничестве: Омская область — Бухарская область"
    (docs,) = _tables(note, "Документы о сотрудничестве")
    assert [row[1].text for row in docs.rows] == ["Соглашение «о торгово-экономическом сотрудничестве»"]
    (events,) = _tables(note, "Хронология встреч и визитов")
    assert {row[1].text for row in events.rows} == {"Визит", "Переговоры", "Подписание документов"}


def test_many_sources_are_counted_not_listed() -> None:
    d = F.dossier()
    many = [F.src(100 + i, date(2024, 1, 1 + i)) for i in range(20)]
    link = d.partners[0].__class__(**{**d.partners[0].__dict__, "sources": many, "count": 20})
    d = d.__class__(**{**d.__dict__, "partners": [link]})
    note = build.report(gather.from_dossier(d), TODAY)
    (table,) = _tables(note, "Регионы-партнёры")
    assert table.rows[0][-1].ref.label() == "[1, 2, 3 и ещё 17]"


@pytest.mark.parametrize(("title", "body", "text"), [
    ("губернатор", "Омской области", "губернатор Омской области"),
    ("хоким", None, "хоким"),
    ("министр промышленности Татарстана", "министерства промышленности Татарстана",
     "министр промышленности Татарстана"),
    ("глава города", "города Балашиха", "глава города Балашиха"),
    (None, None, "—"),
])
def test_position_text(title: str | None, body: str | None, text: str) -> None:
    from hamkor.kb.views import Position
    from hamkor.reports.sections import position_text

    assert position_text(Position(title, None, body, None, None, None)) == text
