"""A small knowledge base for the web and API tests, from hand-made extraction records.

Russian and Uzbek regions, officials, a meeting, two agreements (one ending this year, so
*expiring*), a trade figure, events, and an article whose text and title carry script and
``onerror`` payloads. Texts are written here for the tests.
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

YEAR = date.today().year

OMSK_TEXT = (
    "ОМСК, 10 марта. Губернатор Омской области Виталий Хоценко встретился с хокимом "
    "Бухарской области Ботиром Зариповым.\n"
    f"Стороны подписали соглашение о сотрудничестве на {YEAR - 1}–{YEAR + 3} годы.\n"
    "Товарооборот Омской области с Узбекистаном в 2024 году составил 120 млн долларов.\n"
    "Омский завод поставит оборудование в Бухарскую область."
)

NAVOI_TEXT = (
    "КАЗАНЬ, 20 мая. Делегация Республики Татарстан посетила Навоийскую область.\n"
    "Раис Татарстана Рустам Минниханов провёл переговоры с хокимом Навоийской области "
    "Нормат Турсуновым.\n"
    f"Был подписан меморандум о сотрудничестве на {YEAR - 2}–{YEAR} годы.\n"
    "Стороны договорились развивать промышленную кооперацию."
)

EVIL_TEXT = (
    "МОСКВА, 1 июня. <script>alert('xss-text')</script> Правительство Москвы и хокимият "
    "Самаркандской области обсудили туризм.\n"
    "<img src=x onerror=\"alert('xss-img')\"> Мэр Москвы Сергей Собянин провёл встречу "
    "в Самарканде.\n"
    "\"><svg onload=alert('xss-svg')> Ещё одно предложение."
)
EVIL_TITLE = "Москва и Самарканд <script>alert('xss-title')</script>"


def ev(text: str, phrase: str, nth: int = 0) -> Evidence:
    """Evidence for ``phrase`` (its ``nth`` occurrence) with the sentence (line) around it."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    line_start = text.rfind("\n", 0, start) + 1
    line_stop = text.find("\n", start)
    line_stop = len(text) if line_stop < 0 else line_stop
    return Evidence(start, start + len(phrase), text[line_start:line_stop], line_start)


def _article(id: str, text: str, published: date, title: str) -> Article:
    return Article(id=id, source=f"tests/{id}.txt", text=text, published=published, title=title,
                   url=f"https://example.org/{id}", checksum=id)


def omsk() -> Extraction:
    t = OMSK_TEXT
    return Extraction(
        id="omsk-bukhara", published=date(YEAR, 3, 10),
        regions=(RegionMention("RU-OMS", (ev(t, "Омской области"),)),
                 RegionMention("UZ-BU", (ev(t, "Бухарской области"),))),
        people=(Person("Виталий Хоценко", "RU-OMS", "Губернатор Омской области", "губернатор",
                       "Омской области", (ev(t, "Виталий Хоценко"),)),
                Person("Ботир Зарипов", "UZ-BU", "хоким Бухарской области", "хоким",
                       "Бухарской области", (ev(t, "Ботиром Зариповым"),))),
        links=(Link("RU-OMS", "UZ-BU", ("meeting", "document", "project"),
                    (ev(t, "встретился"), ev(t, "поставит оборудование"))),),
        agreements=(Agreement("agreement", ("RU-OMS", "UZ-BU"), YEAR - 1, YEAR + 3,
                              "соглашение о сотрудничестве", None, "signed",
                              (ev(t, "подписали соглашение"),)),),
        meetings=(Meeting(("Виталий Хоценко", "Ботир Зарипов"), f"{YEAR}-03-10", "Омск",
                          (ev(t, "встретился"),)),),
        metrics=(Metric("RU-OMS", "UZ", "trade_turnover", "2024", 120e6, "USD",
                        (ev(t, "Товарооборот"),)),),
        events=(Event("meeting", f"{YEAR}-03-10", "Омск",
                      ("Виталий Хоценко", "Ботир Зарипов", "RU-OMS", "UZ-BU"),
                      (ev(t, "встретился"),)),),
        sectors=(Sector("industry", (ev(t, "оборудование"),)),),
        article=_article("omsk-bukhara", t, date(YEAR, 3, 10),
                         "Омская и Бухарская области подписали соглашение"),
        extractor="test",
    )


def navoi() -> Extraction:
    t = NAVOI_TEXT
    return Extraction(
        id="tatarstan-navoi", published=date(YEAR, 5, 20),
        regions=(RegionMention("RU-TA", (ev(t, "Республики Татарстан"),)),
                 RegionMention("UZ-NW", (ev(t, "Навоийскую область"),))),
        people=(Person("Рустам Минниханов", "RU-TA", "Раис Татарстана", "раис", "Татарстана",
                       (ev(t, "Рустам Минниханов"),)),
                Person("Нормат Турсунов", "UZ-NW", "хоким Навоийской области", "хоким",
                       "Навоийской области", (ev(t, "Нормат Турсуновым"),))),
        links=(Link("RU-TA", "UZ-NW", ("visit", "document"),
                    (ev(t, "посетила Навоийскую область"),)),),
        agreements=(Agreement("memorandum", ("RU-TA", "UZ-NW"), YEAR - 2, YEAR,
                              "меморандум о сотрудничестве", None, "signed",
                              (ev(t, "меморандум"),)),),
        meetings=(Meeting(("Рустам Минниханов", "Нормат Турсунов"), f"{YEAR}-05-20", None,
                          (ev(t, "провёл переговоры"),)),),
        events=(Event("visit", f"{YEAR}-05-20", "Навои", ("RU-TA", "UZ-NW"),
                      (ev(t, "Делегация Республики Татарстан"),)),),
        sectors=(Sector("industry", (ev(t, "промышленную кооперацию"),)),),
        article=_article("tatarstan-navoi", t, date(YEAR, 5, 20),
                         "Делегация Татарстана посетила Навоийскую область"),
        extractor="test",
    )


def evil() -> Extraction:
    t = EVIL_TEXT
    return Extraction(
        id="evil", published=date(YEAR, 6, 1),
        regions=(RegionMention("RU-MOW", (ev(t, "Правительство Москвы"),)),
                 RegionMention("UZ-SA", (ev(t, "Самаркандской области"),))),
        people=(Person("Сергей Собянин", "RU-MOW", "Мэр Москвы <img src=x onerror=alert(9)>", "мэр",
                       "Москвы", (ev(t, "Сергей Собянин"),)),),
        links=(Link("RU-MOW", "UZ-SA", ("meeting",), (ev(t, "обсудили туризм"),
                                                    ev(t, "провёл встречу"))),),
        events=(Event("meeting", f"{YEAR}-06-01", "Самарканд <script>alert(8)</script>",
                      ("Сергей Собянин", "RU-MOW", "UZ-SA"), (ev(t, "провёл встречу"),)),),
        article=_article("evil", t, date(YEAR, 6, 1), EVIL_TITLE),
        extractor="test",
    )


def records() -> list[Extraction]:
    return [omsk(), navoi(), evil()]
