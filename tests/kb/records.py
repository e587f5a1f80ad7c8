"""Hand-made records for the knowledge-base tests (invented, not from any seed article)."""

from __future__ import annotations

import hashlib
from dataclasses import replace
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


def ev(text: str, phrase: str) -> tuple[Evidence, ...]:
    i = text.find(phrase)
    assert i >= 0, phrase
    return (Evidence(i, i + len(phrase), text, 0),)


def record(aid: str, text: str, published: date | None, **facts) -> Extraction:
    article = Article(aid, f"<{aid}>", text, published, title=text.split(".")[0][:60],
                      checksum=hashlib.sha256(text.encode()).hexdigest())
    return Extraction(aid, published, article=article, extractor="test", **facts)


T1 = ("Губернатор Омской области Андрей Сомов встретился с хокимом Бухарской области "
      "Алишером Каримовым. Стороны подписали соглашение о сотрудничестве. "
      "Товарооборот области с Узбекистаном за 2024 год вырос на 41,3 процента. "
      "Делегация посетила Навоийскую область.")
T2 = ("Хоким Бухарской области Алишер Каримов принял делегацию Омской области во главе с "
      "губернатором Андреем Сомовым. Сомов подчеркнул, что соглашение на 2025–2027 годы "
      "выполняется. Товарооборот вырос более чем на 41 процент.")
T3 = ("Врио хокима Бухарской области Рустам Саидов провел переговоры с мэром Казани. "
      "Татарстан и Бухарская область подписали меморандум.")


def omsk_bukhara_1() -> Extraction:
    t = T1
    return record(
        "t1", t, date(2025, 4, 30),
        regions=(RegionMention("RU-OMS", ev(t, "Омской области")),
                 RegionMention("UZ-BU", ev(t, "Бухарской области")),
                 RegionMention("UZ-NW", ev(t, "Навоийскую область"))),
        people=(Person("Андрей Сомов", "RU-OMS", "Губернатор Омской области", "губернатор",
                       "Омской области", ev(t, "Андрей Сомов")),
                Person("Алишер Каримов", "UZ-BU", "хоким Бухарской области", "хоким",
                       "Бухарской области", ev(t, "Алишером Каримовым"))),
        links=(Link("RU-OMS", "UZ-BU", ("meeting", "document"), ev(t, "встретился")),
               Link("RU-OMS", "UZ-NW", ("visit",), ev(t, "посетила"))),
        agreements=(Agreement("agreement", ("RU-OMS", "UZ-BU"), None, None,
                              evidence=ev(t, "подписали соглашение")),),
        meetings=(Meeting(("Андрей Сомов", "Алишер Каримов"), "2025-04-30", None,
                          ev(t, "встретился")),),
        metrics=(Metric("RU-OMS", "UZ", "trade_turnover", "2024", 41.3, "%",
                        ev(t, "41,3 процента")),),
        events=(Event("meeting", "2025-04-30", None,
                      ("Андрей Сомов", "Алишер Каримов", "RU-OMS", "UZ-BU"), ev(t, "встретился")),),
        sectors=(Sector("industry", ev(t, "Товарооборот")),),
    )


def omsk_bukhara_2() -> Extraction:
    t = T2
    return record(
        "t2", t, date(2025, 5, 2),
        regions=(RegionMention("RU-OMS", ev(t, "Омской области")),
                 RegionMention("UZ-BU", ev(t, "Бухарской области"))),
        people=(Person("Алишер Каримов", "UZ-BU", "Хоким Бухарской области", "хоким",
                       "Бухарской области", ev(t, "Алишер Каримов")),
                Person("Андрей Сомов", "RU-OMS", "губернатором", "губернатор", None,
                       ev(t, "Андреем Сомовым")),
                Person("Сомов", "RU-OMS", None, None, None, ev(t, "Сомов подчеркнул"))),
        links=(Link("RU-OMS", "UZ-BU", ("visit", "document"), ev(t, "принял делегацию")),),
        agreements=(Agreement("agreement", ("UZ-BU", "RU-OMS"), 2025, 2027,
                              evidence=ev(t, "соглашение на 2025–2027 годы")),),
        meetings=(Meeting(("Андрей Сомов", "Алишер Каримов"), "2025-05-01", None,
                          ev(t, "принял делегацию")),),
        metrics=(Metric("RU-OMS", "UZ", "trade_turnover", "2024", 41.0, "%",
                        ev(t, "более чем на 41 процент")),),
    )


def tatarstan_bukhara() -> Extraction:
    t = T3
    return record(
        "t3", t, date(2023, 3, 1),
        regions=(RegionMention("RU-TA", ev(t, "Казани")), RegionMention("UZ-BU", ev(t, "Бухарской области"))),
        people=(Person("Рустам Саидов", "UZ-BU", "Врио хокима Бухарской области", "хоким",
                       "Бухарской области", ev(t, "Рустам Саидов")),),
        links=(Link("RU-TA", "UZ-BU", ("meeting", "document"), ev(t, "переговоры")),),
        agreements=(Agreement("memorandum", ("RU-TA", "UZ-BU"), None, None,
                              evidence=ev(t, "меморандум")),),
    )


def all_three() -> list[Extraction]:
    return [omsk_bukhara_1(), omsk_bukhara_2(), tatarstan_bukhara()]


def changed(x: Extraction, **facts) -> Extraction:
    """The same article, edited: a new checksum and other facts."""
    art = replace(x.article, checksum=x.article.checksum + "-v2")
    return replace(x, article=art, **facts)
