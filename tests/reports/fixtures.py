"""A small hand-made dossier as view dataclasses (the project's own invented facts)."""

from __future__ import annotations

from datetime import date

from hamkor.kb.views import (
    AgreementView,
    Dossier,
    EventView,
    LinkView,
    MeetingView,
    MetricView,
    PersonRef,
    PersonView,
    Position,
    RegionRef,
    Source,
)

OMSK = RegionRef("RU-OMS", "Омская область", "RU")
BUKHARA = RegionRef("UZ-BU", "Бухарская область", "UZ")
NAVOIY = RegionRef("UZ-NW", "Навоийская область", "UZ")
TASHKENT_REGION = RegionRef("UZ-TO", "Ташкентская область", "UZ")
UZ = RegionRef("UZ", "Узбекистан", "UZ")


def src(n: int, day: date, sentence: str = "Тестовое предложение.") -> Source:
    return Source(f"a{n:03d}", f"Тестовая статья номер {n}", f"https://example.org/news/{n}",
                  day, 10, 20, sentence)


S1 = src(1, date(2024, 3, 5), "Омская делегация посетила Бухару.")
S2 = src(2, date(2024, 9, 12), "Подписано соглашение на 2024–2026 годы.")
S3 = src(3, date(2025, 2, 20), "Стороны утвердили дорожную карту.")
S4 = src(4, date(2025, 6, 1), "Товарооборот вырос.")
S5 = src(5, date(2023, 11, 30), "Меморандум с Ташкентской областью.")

GOVERNOR = PersonRef("p-gov", "Иван Тестов", "RU-OMS", "губернатор")
HOKIM = PersonRef("p-hok", "Рустам Примеров", "UZ-BU", "хоким")


def dossier() -> Dossier:
    links = [
        LinkView(OMSK, BUKHARA, 3, ["visit", "document"], date(2024, 3, 5), date(2025, 2, 20),
                 [S1, S2, S3]),
        LinkView(OMSK, NAVOIY, 1, ["document"], date(2025, 2, 20), date(2025, 2, 20), [S3]),
        LinkView(OMSK, TASHKENT_REGION, 1, ["document"], date(2023, 11, 30), date(2023, 11, 30), [S5]),
        LinkView(OMSK, UZ, 1, ["trade"], date(2025, 6, 1), date(2025, 6, 1), [S4]),
    ]
    agreements = [
        AgreementView("ag-1", "agreement", [OMSK, BUKHARA], 2024, 2026, date(2024, 9, 12),
                      "in_force", "о торгово-экономическом сотрудничестве", [S2]),
        AgreementView("ag-2", "roadmap", [OMSK, NAVOIY], 2025, 2027, None, "in_force", None, [S3]),
        AgreementView("ag-3", "memorandum", [OMSK, TASHKENT_REGION], None, 2024, date(2023, 11, 30),
                      "expired", None, [S5]),
    ]
    meeting = MeetingView("m-1", [GOVERNOR, HOKIM], date(2024, 3, 5), [S1])
    officials = [
        PersonView("p-gov", "Иван Тестов", "RU-OMS",
                   [Position("губернатор", "губернатор", "Омской области", "RU-OMS",
                             date(2024, 3, 5), date(2025, 2, 20), [S1, S3]),
                    Position("врио губернатора", "губернатор", "Омской области", "RU-OMS",
                             date(2023, 11, 30), date(2023, 11, 30), [S5])],
                   [meeting], [S1, S3, S5]),
    ]
    events = [
        EventView("e-1", "visit", date(2024, 3, 5), "Бухара", [GOVERNOR, HOKIM], [OMSK, BUKHARA], [S1]),
        EventView("e-2", "signing", date(2024, 9, 12), "Омск", [], [OMSK, BUKHARA], [S2]),
        EventView("e-3", "forum", date(2025, 2, 20), None, [], [OMSK, NAVOIY], [S3]),
    ]
    metrics = [
        MetricView("mt-1", OMSK, UZ, "trade_turnover", "2023", 98_400_000.0, "USD", [S4]),
        MetricView("mt-2", OMSK, UZ, "trade_turnover", "2024", 120_500_000.0, "USD", [S4]),
        MetricView("mt-3", OMSK, UZ, "export", "2024", 101_000_000.0, "USD", [S4]),
        MetricView("mt-4", OMSK, UZ, "trade_turnover", "2024", 22.5, "%", [S4]),
    ]
    return Dossier(OMSK, links, agreements, officials, events, metrics,
                   [("industry", 3), ("education", 1)], [S1, S2, S3, S4, S5])
