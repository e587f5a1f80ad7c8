"""Sectors of cooperation named in an article (own sentences)."""

import pytest


def names(x):
    return {s.name for s in x.sectors}


@pytest.mark.parametrize("text, expected", [
    ("Стороны обсудили поставки сельскохозяйственной техники и развитие животноводства.",
     {"agriculture"}),
    ("Университеты договорились об обмене студентами и совместных научных исследованиях.",
     {"education", "science"}),
    ("Речь шла о туризме, паломнических маршрутах и культурных обменах.", {"tourism", "culture"}),
    ("Омский завод ведёт строительство солнечной электростанции в Бухарской области.",
     {"industry", "energy", "construction"}),
    ("Обсуждались трудовая миграция и логистика грузов по железнодорожным маршрутам.",
     {"labour", "transport"}),
    ("Товарооборот вырос, экспорт удобрений увеличился.", {"trade"}),
    ("В ближайшие дни в Нукусе ожидается сильная жара, а в Астрахани пройдут ливни.", set()),
])
def test_sectors(run_text, text, expected):
    assert names(run_text(text)) == expected


def test_sector_has_evidence(run_text):
    x = run_text("Стороны договорились о сотрудничестве в сфере здравоохранения.")
    health = next(s for s in x.sectors if s.name == "health")
    assert "здравоохранения" in health.evidence[0].sentence
