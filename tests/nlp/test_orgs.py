"""The organisation a title's body points back to (hamkor.nlp.orgs), on own texts."""

import pytest

from hamkor.gazetteer import load
from hamkor.nlp import orgs


def resolve(text: str, body: str) -> str | None:
    places = tuple(load().find(text))
    start = text.rindex(body)
    return orgs.antecedent(text, places, start, start + len(body))[0]


@pytest.mark.parametrize("text, body, expected", [
    ("Компания «Северный лес» из Архангельска открыла склад в Андижане. Директор компании", "компании",
     "RU-ARK"),
    ("Фабрику построил новосибирский «Сибирский текстиль». Глава «Сибирского текстиля»",
     "«Сибирского текстиля»", "RU-NVS"),
    ("Договор подписан с Бухарским государственным университетом. Ректор БухГУ", "БухГУ", "UZ-BU"),
    ("Агентство статистики при Президенте Республики Узбекистан сообщило о росте. Директор агентства",
     "агентства", "UZ"),
    ("Директор компании", "компании", None),
    # an abbreviation the text does not spell out is that organisation, not the last one named;
    # a place after «и» belongs to the next organisation
    ("ХГТУ и Андижанский машиностроительный институт подписали договор. Ректор Андижанского "
     "машиностроительного института выступил. Проректор ХГТУ", "ХГТУ", None),
    ("Завод «Уралхим» и Навоийский комбинат заключили контракт. Директор «Уралхима»", "«Уралхима»", None),
    ("Компания «Кама-Трейд» из Казани и Самаркандский завод подписали контракт. Директор «Кама-Трейд»",
     "«Кама-Трейд»", "RU-TA"),
])
def test_antecedent(text, body, expected):
    assert resolve(text, body) == expected


@pytest.mark.parametrize("body, expected", [
    ("компании", True), ("этого предприятия", True), ("«Алтай-Агро»", True), ("СамГУ", True),
    ("Бухарской области", False), ("по международным делам", False),
])
def test_refers(body, expected):
    assert orgs.refers(body) is expected


@pytest.mark.parametrize("body, expected", [
    ("службы прогнозов Узгидромета", "UZ"), ("Росстата", "RU"), ("Ростовской области", None),
    ("Российской Федерации", None),
])
def test_national(body, expected):
    assert orgs.national(body) == expected
