"""Russian words for the codes of the knowledge base, and Russian forms of dates and numbers.

Lookup tables are module constants; an unknown code is shown as it is rather than dropped.
"""

from __future__ import annotations

import re
from datetime import date

COUNTRY = {"RU": "Россия", "UZ": "Узбекистан"}
COUNTRY_GEN = {"RU": "России", "UZ": "Узбекистана"}

KIND = {
    "agreement": "Соглашение",
    "memorandum": "Меморандум",
    "protocol": "Протокол",
    "roadmap": "Дорожная карта",
    "plan": "План (программа)",
    "other": "Документ",
}

STATUS = {
    "in_force": "действует",
    "expiring": "истекает",
    "expired": "истёк",
    "signed": "подписан",
    "approved": "утверждён",
    "planned": "планируется",
    "unknown": "—",
}
IN_FORCE = frozenset({"in_force", "expiring"})

BASIS = {
    "meeting": "встречи",
    "visit": "визиты",
    "document": "документы",
    "project": "совместные проекты",
    "institutions": "сотрудничество учреждений",
    "trade": "торговля",
    "relations": "общие связи",
}

EVENT = {
    "visit": "Визит",
    "meeting": "Встреча",
    "signing": "Подписание документов",
    "council": "Совет регионов / межправкомиссия",
    "forum": "Форум",
    "exhibition": "Выставка",
    "milestone": "Этап проекта",
    "talks": "Переговоры",
}

INDICATOR = {"trade_turnover": "Товарооборот", "export": "Экспорт", "import": "Импорт"}

SECTOR = {
    "industry": "промышленность",
    "education": "образование",
    "science": "наука и технологии",
    "agriculture": "сельское хозяйство",
    "culture": "культура",
    "tourism": "туризм",
    "energy": "энергетика",
    "digital": "цифровизация",
    "trade": "торговля",
    "health": "здравоохранение",
    "youth": "молодёжная политика",
    "sport": "спорт",
    "construction": "строительство и ЖКХ",
    "transport": "транспорт и логистика",
    "labour": "трудовая миграция",
    "ecology": "экология",
}

MONTHS_GEN = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
              "сентября", "октября", "ноября", "декабря")
MONTHS = ("январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август",
          "сентябрь", "октябрь", "ноябрь", "декабрь")
ROMAN = ("I", "II", "III", "IV")

UNIT = {"USD": "долл. США", "RUB": "руб.", "EUR": "евро"}


def word(table: dict[str, str], code: str | None) -> str:
    """The Russian word for ``code``; the code itself when the table does not know it."""
    if not code:
        return "—"
    return table.get(code, code)


def day(d: date | None) -> str:
    """A date for tables: 05.03.2025."""
    return d.strftime("%d.%m.%Y") if d else "—"


def long_day(d: date | None) -> str:
    """A date for running text: 5 марта 2025 г."""
    return f"{d.day} {MONTHS_GEN[d.month - 1]} {d.year} г." if d else "дата не указана"


def years(start: int | None, stop: int | None) -> str:
    """The period of a document: 2025–2027, 2026, до 2027, с 2025, —."""
    if start and stop:
        return str(start) if start == stop else f"{start}–{stop}"
    if stop:
        return f"до {stop}"
    if start:
        return f"с {start}"
    return "—"


_PERIOD = re.compile(r"^(\d{4})(?:-(H|Q)?(\d{1,2}))?$")


def period(p: str) -> str:
    """A metric period in Russian: 2024 → 2024 г.; 2024-H1 → I полугодие 2024 г. …"""
    if "/" in p:
        a, b = p.split("/", 1)
        return f"{_month(a)} – {_month(b)}"
    m = _PERIOD.match(p)
    if not m:
        return p
    year, part, n = m.group(1), m.group(2), m.group(3)
    if n is None:
        return f"{year} г."
    k = int(n)
    if part == "H" and 1 <= k <= 2:
        return f"{ROMAN[k - 1]} полугодие {year} г."
    if part == "Q" and 1 <= k <= 4:
        return f"{ROMAN[k - 1]} квартал {year} г."
    if part is None and 1 <= k <= 12:
        return f"январь–{MONTHS[k - 1]} {year} г." if k > 1 else f"январь {year} г."
    return p


def _month(p: str) -> str:
    m = re.match(r"^(\d{4})-(\d{2})$", p)
    if not m or not 1 <= int(m.group(2)) <= 12:
        return p
    return f"{MONTHS[int(m.group(2)) - 1]} {m.group(1)} г."


def period_key(p: str) -> tuple[int, int, int]:
    """Sort periods by their end: a year after its quarters, a half year after its first quarter."""
    last = p.split("/")[-1]
    m = _PERIOD.match(last)
    if not m:
        return (9999, 99, 0)
    year, part, n = int(m.group(1)), m.group(2), m.group(3)
    if n is None:
        return (year, 12, 3)
    k = int(n)
    end = {"H": 6 * k, "Q": 3 * k}.get(part or "", k)
    return (year, end, 1 if part else 0)


def number(value: float, digits: int = 1) -> str:
    """1234567.5 → «1 234 567,5» (thin grouping by a no-break space, comma decimal)."""
    text = f"{value:,.{digits}f}" if value != int(value) else f"{int(value):,}"
    return text.replace(",", "\u00a0").replace(".", ",")


def amount(value: float, unit: str) -> str:
    """A trade figure: 120500000 USD → «120,5 млн долл. США»; 41.3 % → «+41,3 %»."""
    if unit == "%":
        sign = "+" if value > 0 else ""
        return f"{sign}{number(round(value, 1))}\u00a0%"
    name = UNIT.get(unit, unit)
    for scale, label in ((1e9, "млрд"), (1e6, "млн"), (1e3, "тыс.")):
        if abs(value) >= scale:
            return f"{number(round(value / scale, 1))}\u00a0{label} {name}"
    return f"{number(round(value, 1))} {name}"


def plural(n: int, one: str, few: str, many: str) -> str:
    """Russian plural agreement: 1 документ, 3 документа, 5 документов."""
    n = abs(n)
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many
