"""Realistic synthetic Extraction records, for benchmarks and tests of the knowledge base alone.

Each record is a short Russian article written from templates, with the facts an extractor
would read from it and evidence spans that point into its text: heads of regions who change
over time, meetings, links, agreements with periods, trade figures, events, sectors, surnames
mentioned alone. Deterministic for a seed. Invented names only.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

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

RU_REGIONS = [
    ("RU-OMS", "Омской области"), ("RU-TA", "Татарстана"), ("RU-MOS", "Московской области"),
    ("RU-SVE", "Свердловской области"), ("RU-NVS", "Новосибирской области"),
    ("RU-BA", "Башкортостана"), ("RU-CHE", "Челябинской области"), ("RU-SAM", "Самарской области"),
    ("RU-KDA", "Краснодарского края"), ("RU-SPE", "Санкт-Петербурга"), ("RU-MOW", "Москвы"),
    ("RU-TYU", "Тюменской области"), ("RU-AST", "Астраханской области"),
    ("RU-ORE", "Оренбургской области"),
]
UZ_REGIONS = [
    ("UZ-BU", "Бухарской области"), ("UZ-NW", "Навоийской области"),
    ("UZ-SA", "Самаркандской области"), ("UZ-TO", "Ташкентской области"), ("UZ-TK", "Ташкента"),
    ("UZ-AN", "Андижанской области"), ("UZ-FA", "Ферганской области"),
    ("UZ-NG", "Наманганской области"), ("UZ-QA", "Кашкадарьинской области"),
    ("UZ-SU", "Сурхандарьинской области"), ("UZ-JI", "Джизакской области"),
    ("UZ-SI", "Сырдарьинской области"), ("UZ-XO", "Хорезмской области"),
    ("UZ-QR", "Республики Каракалпакстан"),
]
RU_FIRST = ["Андрей", "Игорь", "Олег", "Сергей", "Павел", "Артем", "Михаил", "Алексей",
            "Денис", "Роман", "Ярослав", "Глеб"]
RU_LAST = ["Сомов", "Карпенко", "Лебедев", "Громов", "Зорин", "Белов", "Ершов", "Кольцов",
           "Миронов", "Ёлкин", "Панов", "Рябов", "Титов", "Уваров", "Фролов", "Чернов"]
UZ_FIRST = ["Бахтиёр", "Алишер", "Шухрат", "Улугбек", "Жасур", "Фаррух", "Рустам", "Санжар",
            "Отабек", "Азиз", "Дилшод", "Камол"]
UZ_LAST = ["Каримов", "Юсупов", "Рахимов", "Саидов", "Исмоилов", "Турдиев", "Хамидов",
           "Абдуллаев", "Назаров", "Мирзаев", "Ташпулатов", "Эргашев", "Холматов", "Шарипов"]
SECTORS = [("industry", "промышленности"), ("education", "образования"),
           ("agriculture", "сельского хозяйства"), ("energy", "энергетики"),
           ("transport", "логистики"), ("health", "здравоохранения"), ("tourism", "туризма")]
KINDS = [("agreement", "соглашение о сотрудничестве"), ("memorandum", "меморандум"),
         ("roadmap", "дорожную карту"), ("plan", "план мероприятий"),
         ("protocol", "протокол о намерениях")]
START = date(2022, 1, 1)
DAYS = 3 * 365


@dataclass(frozen=True)
class Holder:
    name: str
    since: date


def _heads(rng: random.Random, regions: list[tuple[str, str]], first: list[str],
           last: list[str]) -> dict[str, list[Holder]]:
    """Two or three successive heads for each region."""
    out = {}
    for code, _ in regions:
        days = sorted(rng.sample(range(60, DAYS - 60), rng.randint(1, 2)))
        names = [f"{rng.choice(first)} {rng.choice(last)}" for _ in range(len(days) + 1)]
        out[code] = [Holder(n, START + timedelta(d)) for n, d in zip(names, [-3650, *days], strict=True)]
    return out


def _holder(heads: list[Holder], day: date) -> str:
    return [h for h in heads if h.since <= day][-1].name


class _Text:
    """A text built sentence by sentence, handing out evidence for spans of it."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.size = 0

    def sentence(self, text: str) -> tuple[int, str]:
        start = self.size
        self.parts.append(text + " ")
        self.size += len(text) + 1
        return start, text

    def ev(self, where: tuple[int, str], phrase: str) -> tuple[Evidence, ...]:
        start, text = where
        i = max(0, text.find(phrase))
        return (Evidence(start + i, start + i + len(phrase), text, start),)

    def text(self) -> str:
        return "".join(self.parts).strip()


def _weighted(rng: random.Random, items: list) -> tuple:
    """Some regions are told of far more often than others (Zipf-like)."""
    weights = [1 / (i + 1) for i in range(len(items))]
    return rng.choices(items, weights)[0]


def records(n: int, seed: int = 0, id_prefix: str = "syn") -> Iterator[Extraction]:
    """``n`` articles' records, the same for the same seed."""
    rng = random.Random(seed)
    ru_heads = _heads(rng, RU_REGIONS, RU_FIRST, RU_LAST)
    uz_heads = _heads(rng, UZ_REGIONS, UZ_FIRST, UZ_LAST)
    for i in range(n):
        yield _record(rng, f"{id_prefix}{i:07d}", ru_heads, uz_heads)


def _record(rng: random.Random, aid: str, ru_heads: dict, uz_heads: dict) -> Extraction:
    ru, ru_gen = _weighted(rng, RU_REGIONS)
    uz, uz_gen = _weighted(rng, UZ_REGIONS)
    day = START + timedelta(rng.randrange(DAYS))
    gov, hokim = _holder(ru_heads[ru], day), _holder(uz_heads[uz], day)
    t = _Text()
    title = f"{ru_gen.capitalize()} и {uz_gen} расширяют сотрудничество"
    s1 = t.sentence(f"Губернатор {ru_gen} {gov} встретился с хокимом {uz_gen} {hokim}.")
    people = [Person(gov, ru, f"Губернатор {ru_gen}", "губернатор", ru_gen, t.ev(s1, gov)),
              Person(hokim, uz, f"хоким {uz_gen}", "хоким", uz_gen, t.ev(s1, hokim))]
    regions = [RegionMention(ru, t.ev(s1, ru_gen)), RegionMention(uz, t.ev(s1, uz_gen))]
    links = [Link(ru, uz, ("meeting",), t.ev(s1, "встретился"))]
    meetings = [Meeting((gov, hokim), day.isoformat(), None, t.ev(s1, "встретился"))]
    events = [Event("meeting", day.isoformat(), None, (gov, hokim, ru, uz), t.ev(s1, "встретился"))]
    agreements, metrics, sectors = [], [], []
    if rng.random() < 0.35:
        kind, words = rng.choice(KINDS)
        start = rng.choice([None, day.year, day.year + 1])
        stop = None if start is None and rng.random() < 0.5 else (start or day.year) + rng.randint(0, 3)
        period = f" на {start}–{stop} годы" if start and stop else (f" до {stop} года" if stop else "")
        s2 = t.sentence(f"Стороны подписали {words}{period}.")
        agreements.append(Agreement(kind, (ru, uz), start, stop, None, None, "signed",
                                    t.ev(s2, "подписали")))
        links[0] = Link(ru, uz, ("meeting", "document"), links[0].evidence + t.ev(s2, "подписали"))
    if rng.random() < 0.25:
        year = rng.choice([day.year - 1, day.year])
        value = round(rng.uniform(5, 900), 1)
        s3 = t.sentence(f"Товарооборот {ru_gen} с Узбекистаном за {year} год составил "
                        f"{value:g} млн долларов.")
        metrics.append(Metric(ru, "UZ", "trade_turnover", str(year), value * 1e6, "USD",
                              t.ev(s3, f"{value:g} млн долларов")))
        links.append(Link(ru, "UZ", ("trade",), t.ev(s3, "Товарооборот")))
    if rng.random() < 0.4:
        deputy = f"{rng.choice(RU_FIRST)} {rng.choice(RU_LAST)}{rng.choice(['', 'ин', 'ов'])}"
        s4 = t.sentence(f"В делегацию вошел заместитель министра промышленности {ru_gen} {deputy}.")
        people.append(Person(deputy, ru, f"заместитель министра промышленности {ru_gen}",
                             "заместитель министра", f"министерства промышленности {ru_gen}",
                             t.ev(s4, deputy)))
    if rng.random() < 0.3:
        surname = hokim.split()[-1]
        s5 = t.sentence(f"{surname} отметил, что стороны наметили новые проекты.")
        people.append(Person(surname, uz, None, None, None, t.ev(s5, surname)))
    for code, words in rng.sample(SECTORS, rng.randint(1, 2)):
        s6 = t.sentence(f"Речь шла о сотрудничестве в сфере {words}.")
        sectors.append(Sector(code, t.ev(s6, words)))
    text = t.text()
    article = Article(aid, f"<synthetic {aid}>", text, day, language="ru", title=title,
                      url=f"https://example.org/news/{aid}",
                      checksum=hashlib.sha256(text.encode("utf-8")).hexdigest())
    return Extraction(aid, day, tuple(regions), tuple(people), tuple(links), tuple(agreements),
                      tuple(meetings), tuple(metrics), tuple(events), tuple(sectors), article,
                      extractor="synthetic")
