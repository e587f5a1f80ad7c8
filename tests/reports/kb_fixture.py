"""A small knowledge base built with the store from hand-made extraction records.

The articles are the project's own invented texts; every fact points at its sentence.
"""

from __future__ import annotations

from datetime import date

from hamkor.records import (
    Agreement,
    Article,
    Event,
    Evidence,
    Extraction,
    Link,
    Meeting,
    Metric,
    Person,
    RegionMention,
    Sector,
)

TEXTS = {
    "t001": ("Омская делегация в Бухаре", date(2024, 3, 5),
             "Губернатор Омской области Иван Тестов прибыл в Бухару. "
             "Он провёл переговоры с хокимом Бухарской области Рустамом Примеровым. "
             "Стороны обсудили поставки сельхозтехники и подготовку кадров."),
    "t002": ("Омск и Бухара подписали соглашение", date(2024, 9, 12),
             "В Омске подписано соглашение о торгово-экономическом сотрудничестве "
             "Омской и Бухарской областей на 2024–2026 годы. "
             "Документ подписали губернатор Иван Тестов и хоким Рустам Примеров."),
    "t003": ("Дорожная карта с Навоийской областью", date(2025, 2, 20),
             "Омская область и Навоийская область утвердили дорожную карту на 2025–2027 годы. "
             "Губернатор Иван Тестов назвал приоритетом промышленную кооперацию."),
    "t004": ("Торговля Омской области с Узбекистаном", date(2025, 6, 1),
             "Товарооборот Омской области с Узбекистаном в 2024 году составил 120,5 млн долларов. "
             "Годом ранее он был 98,4 млн долларов. Экспорт в 2024 году достиг 101 млн долларов."),
    "t005": ("Меморандум с Ташкентской областью", date(2023, 11, 30),
             "Врио губернатора Омской области Иван Тестов и Ташкентская область подписали "
             "меморандум о сотрудничестве до 2024 года."),
    "t006": ("Казань и Самарка", date(2025, 1, 15),
             "Делегация Татарстана посетила Самаркандскую область и обсудила туризм."),
}


def ev(aid: str, phrase: str) -> Evidence:
    """The evidence of ``phrase`` in article ``aid``: its span and its sentence."""
    text = TEXTS[aid][2]
    start = text.index(phrase)
    s_start = text.rfind(". ", 0, start)
    s_start = 0 if s_start < 0 else s_start + 2
    s_stop = text.find(". ", start)
    s_stop = len(text) if s_stop < 0 else s_stop + 1
    return Evidence(start, start + len(phrase), text[s_start:s_stop], s_start)


def _article(aid: str) -> Article:
    title, published, text = TEXTS[aid]
    return Article(id=aid, source=f"{aid}.txt", text=text, published=published, title=title,
                   url=f"https://example.org/news/{aid}", checksum=aid)


def records() -> list[Extraction]:
    def x(aid: str, **facts) -> Extraction:  # noqa: ANN003
        return Extraction(id=aid, published=TEXTS[aid][1], article=_article(aid),
                          extractor="test", **facts)

    gov = Person("Иван Тестов", "RU-OMS", "губернатор", "губернатор", "Омской области",
                 (ev("t001", "Губернатор Омской области Иван Тестов"),))
    hokim = Person("Рустам Примеров", "UZ-BU", "хоким", "хоким", "Бухарской области",
                   (ev("t001", "хокимом Бухарской области Рустамом Примеровым"),))
    return [
        x("t001", regions=(RegionMention("RU-OMS", (ev("t001", "Омской области"),)),
                           RegionMention("UZ-BU", (ev("t001", "Бухару"),))),
          people=(gov, hokim),
          links=(Link("RU-OMS", "UZ-BU", ("visit", "meeting"), (ev("t001", "прибыл в Бухару"),)),),
          meetings=(Meeting(("Иван Тестов", "Рустам Примеров"), "2024-03-05", None,
                            (ev("t001", "провёл переговоры"),)),),
          events=(Event("visit", "2024-03-05", "Бухара",
                        ("RU-OMS", "UZ-BU", "Иван Тестов", "Рустам Примеров"),
                        (ev("t001", "прибыл в Бухару"),)),),
          sectors=(Sector("agriculture", (ev("t001", "сельхозтехники"),)),
                   Sector("education", (ev("t001", "подготовку кадров"),)))),
        x("t002", regions=(RegionMention("RU-OMS", (ev("t002", "Омской"),)),
                           RegionMention("UZ-BU", (ev("t002", "Бухарской областей"),))),
          links=(Link("RU-OMS", "UZ-BU", ("document",), (ev("t002", "подписано соглашение"),)),),
          agreements=(Agreement("agreement", ("RU-OMS", "UZ-BU"), 2024, 2026,
                                "о торгово-экономическом сотрудничестве", "2024-09-12", "signed",
                                (ev("t002", "подписано соглашение"),)),),
          events=(Event("signing", "2024-09-12", "Омск", ("RU-OMS", "UZ-BU"),
                        (ev("t002", "подписано"),)),)),
        x("t003", regions=(RegionMention("RU-OMS", (ev("t003", "Омская область"),)),
                           RegionMention("UZ-NW", (ev("t003", "Навоийская область"),))),
          people=(Person("Иван Тестов", "RU-OMS", "губернатор", "губернатор", None,
                         (ev("t003", "Губернатор Иван Тестов"),)),),
          links=(Link("RU-OMS", "UZ-NW", ("document",), (ev("t003", "утвердили дорожную карту"),)),),
          agreements=(Agreement("roadmap", ("RU-OMS", "UZ-NW"), 2025, 2027, None, None, "approved",
                                (ev("t003", "утвердили дорожную карту"),)),),
          sectors=(Sector("industry", (ev("t003", "промышленную"),)),)),
        x("t004", regions=(RegionMention("RU-OMS", (ev("t004", "Омской области"),)),),
          links=(Link("RU-OMS", "UZ", ("trade",), (ev("t004", "Товарооборот"),)),),
          metrics=(Metric("RU-OMS", "UZ", "trade_turnover", "2024", 120_500_000.0, "USD",
                          (ev("t004", "120,5 млн долларов"),)),
                   Metric("RU-OMS", "UZ", "trade_turnover", "2023", 98_400_000.0, "USD",
                          (ev("t004", "98,4 млн долларов"),)),
                   Metric("RU-OMS", "UZ", "export", "2024", 101_000_000.0, "USD",
                          (ev("t004", "101 млн долларов"),)))),
        x("t005", regions=(RegionMention("RU-OMS", (ev("t005", "Омской области"),)),
                           RegionMention("UZ-TO", (ev("t005", "Ташкентская область"),))),
          people=(Person("Иван Тестов", "RU-OMS", "врио губернатора", "губернатор",
                         "Омской области", (ev("t005", "Врио губернатора Омской области"),)),),
          links=(Link("RU-OMS", "UZ-TO", ("document",), (ev("t005", "меморандум"),)),),
          agreements=(Agreement("memorandum", ("RU-OMS", "UZ-TO"), None, 2024, None, None, "signed",
                                (ev("t005", "меморандум"),)),)),
        x("t006", regions=(RegionMention("RU-TA", (ev("t006", "Татарстана"),)),
                           RegionMention("UZ-SA", (ev("t006", "Самаркандскую область"),))),
          links=(Link("RU-TA", "UZ-SA", ("visit",), (ev("t006", "посетила"),)),),
          sectors=(Sector("tourism", (ev("t006", "туризм"),)),)),
    ]
