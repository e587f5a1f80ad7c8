"""Russian forms of codes, dates, periods and figures."""

from __future__ import annotations

from datetime import date

import pytest

from hamkor.reports import labels as L


@pytest.mark.parametrize(("period", "text"), [
    ("2024", "2024 г."),
    ("2024-H1", "I полугодие 2024 г."),
    ("2025-Q3", "III квартал 2025 г."),
    ("2024-09", "январь–сентябрь 2024 г."),
    ("2024-01", "январь 2024 г."),
    ("2023-01/2024-03", "январь 2023 г. – март 2024 г."),
    ("whenever", "whenever"),
])
def test_period(period: str, text: str) -> None:
    assert L.period(period) == text


def test_period_order() -> None:
    periods = ["2024", "2023", "2024-Q1", "2024-H1", "2024-09"]
    assert sorted(periods, key=L.period_key) == ["2023", "2024-Q1", "2024-H1", "2024-09", "2024"]


@pytest.mark.parametrize(("value", "unit", "text"), [
    (120_500_000, "USD", "120,5\u00a0млн долл. США"),
    (2_300_000_000, "RUB", "2,3\u00a0млрд руб."),
    (41.3, "%", "+41,3\u00a0%"),
    (-5, "%", "-5\u00a0%"),
    (950, "USD", "950 долл. США"),
])
def test_amount(value: float, unit: str, text: str) -> None:
    assert L.amount(value, unit) == text


@pytest.mark.parametrize(("start", "stop", "text"), [
    (2025, 2027, "2025–2027"), (2026, 2026, "2026"), (None, 2027, "до 2027"),
    (2025, None, "с 2025"), (None, None, "—"),
])
def test_years(start: int | None, stop: int | None, text: str) -> None:
    assert L.years(start, stop) == text


@pytest.mark.parametrize(("n", "word"), [(1, "документ"), (3, "документа"), (5, "документов"),
                                         (11, "документов"), (21, "документ"), (112, "документов")])
def test_plural(n: int, word: str) -> None:
    assert L.plural(n, "документ", "документа", "документов") == word


def test_dates() -> None:
    assert L.day(date(2025, 3, 5)) == "05.03.2025"
    assert L.long_day(date(2025, 3, 5)) == "5 марта 2025 г."
    assert L.word(L.KIND, "roadmap") == "Дорожная карта"
    assert L.word(L.KIND, "новый") == "новый"  # unknown codes are shown, not dropped
