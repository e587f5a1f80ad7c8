"""The period a trade figure covers, in the GUIDE's notation: "2025", "2025-H1", "2025-Q3",
"2025-09" (January to September), "2023-01/2024-03" (a span).

The months from January to a month are written as the period they make up where there is one
(samples/README.md): January–March is "Q1", January–June "H1", January–December the year;
any other count of months is "YYYY-MM"."""

from __future__ import annotations

import re

ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4,
         "перв": 1, "втор": 2, "трет": 3, "четверт": 4}
MONTHS = ["январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр", "октябр",
          "ноябр", "декабр"]
COUNTS = {"два": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7, "восемь": 8,
          "девять": 9, "десять": 10, "одиннадцать": 11, "двух": 2, "трех": 3, "четырех": 4,
          "пяти": 5, "шести": 6, "семи": 7, "восьми": 8, "девяти": 9, "десяти": 10,
          "одиннадцати": 11}
Y = r"((?:19|20)\d{2})"
# The year a time phrase ends with, or the article's own year («текущего года»).
YEAR = rf"(?:{Y}|(?:текущ|эт|нынешн)\w+)"
QUARTER = r"(?<!\w)(iv|i{1,3}|[1-4]|перв\w*|втор\w*|трет\w*|четверт\w*)\s*-?\w*\s+квартал\w*"
HALF = r"(?<!\w)(?:(перв|втор)\w*|(ii|i|1|2))\s*-?\w*\s+полугоди\w*"
DASH = r"\s*[-–—‑]\s*"
# «за тот же период», «за аналогичный период»: the period of the figure just before.
SAME = re.compile(r"\b(?:за|в)\s+(?:тот|этот|такой)\s+же\s+период\w*|\bза\s+(?:тот|этот)\s+период\b|"
                  r"\bза\s+аналогичн\w+\s+период\w*(?!\s+прошл)", re.I)


def to_date(year: int, months: int) -> str:
    """The months January to `months` of a year: «январь–июнь 2025» → "2025-H1"."""
    return {3: f"{year}-Q1", 6: f"{year}-H1", 12: str(year)}.get(months, f"{year}-{months:02d}")


def _year(m: re.Match[str], group: int, published: int | None) -> int | None:
    y = m.group(group)
    return int(y) if y else published


def period(low: str, published: int | None) -> str | None:
    """The period a sentence's figure covers; None when it names none."""
    span = re.search(rf"(?:в|за)\s+{Y}\s+год\w*\s+и\s+{QUARTER}\s+{Y}", low)
    if span:
        return f"{span.group(1)}-01/{span.group(3)}-{ROMAN[_stem(span.group(2))] * 3:02d}"
    span = re.search(rf"(?:в|за)\s+{Y}\s+год\w*\s+и\s+(?:в\s+)?январ\w*{DASH}([а-я]+)\s+{Y}", low)
    if span and _month(span.group(2)):  # «за 2024 год и январь – август 2025 года»
        return f"{span.group(1)}-01/{span.group(3)}-{_month(span.group(2)):02d}"
    m = re.search(rf"\bза\s+(?:перв\w+\s+)?(два|три|2|3)\s+квартал\w*\s+{YEAR}", low)  # «за три квартала»
    if m and _year(m, 2, published):
        return to_date(_year(m, 2, published) or 0, COUNTS.get(m.group(1), 0) * 3 or int(m.group(1)) * 3)
    m = re.search(rf"{QUARTER}\s+{YEAR}", low)
    if m and _year(m, 2, published):
        return f"{_year(m, 2, published)}-Q{ROMAN[_stem(m.group(1))]}"
    m = re.search(rf"{HALF}\s+{YEAR}", low)
    if m and _year(m, 3, published):
        half = 1 if (m.group(1) or m.group(2)) in ("перв", "i", "1") else 2
        return f"{_year(m, 3, published)}-H{half}"
    m = (re.search(rf"январ\w*{DASH}([а-я]+)\s+{YEAR}", low)
         or re.search(rf"\bс\s+январ\w*\s+по\s+([а-я]+)\s+{YEAR}", low))
    if m and _month(m.group(1)) and _year(m, 2, published):
        return to_date(_year(m, 2, published) or 0, _month(m.group(1)) or 0)
    m = re.search(rf"\b(?:в|за)\s+январ[ьея]\s+{YEAR}", low)  # January alone: the months up to it
    if m and _year(m, 1, published):
        return f"{_year(m, 1, published)}-01"
    m = re.search(rf"(?:за|в|по итогам|по результатам)\s+(?:перв\w+\s+)?(\d+|[а-я]+)\s+месяц\w*\s+{YEAR}", low)
    if m and _count(m.group(1)) and _year(m, 2, published):
        return to_date(_year(m, 2, published) or 0, _count(m.group(1)) or 0)
    m = re.search(rf"(?:в|за|по итогам|по результатам)\s+{Y}\s*(?:год|г\.)", low) or re.search(rf"\b{Y}\s+год", low)
    if m:
        return m.group(1)
    if published:
        m = re.search(QUARTER, low)
        if m:
            return f"{published}-Q{ROMAN[_stem(m.group(1))]}"
        m = re.search(HALF, low)
        if m:
            return f"{published}-H{1 if (m.group(1) or m.group(2)) in ('перв', 'i', '1') else 2}"
        m = re.search(rf"январ\w*{DASH}([а-я]+)\b", low)
        if m and _month(m.group(1)):
            return to_date(published, _month(m.group(1)) or 0)
        if re.search(r"\b(?:в|за)\s+прошл\w+\s+год|\bв\s+минувш\w+\s+год|\bпо\s+итогам\s+прошл\w+\s+год", low):
            return str(published - 1)
        if re.search(r"\b(?:в|за)\s+(?:текущ|эт)\w+\s+год|\bс\s+начала\s+(?:этого\s+|текущего\s+)?год", low):
            return str(published)
    return None


def _stem(word: str) -> str:
    w = word.lower()
    for k in ROMAN:
        if w == k or (len(k) > 2 and w.startswith(k)):
            return k
    return w


def _month(word: str) -> int | None:
    for i, stem in enumerate(MONTHS, 1):
        if word.startswith(stem) and (stem != "ма" or word.startswith(("май", "мая", "мае"))):
            return i
    return None


def _count(word: str) -> int | None:
    if word.isdigit():
        return int(word) if 1 <= int(word) <= 12 else None
    return COUNTS.get(word)
