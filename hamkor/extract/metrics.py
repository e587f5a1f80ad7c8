"""Trade figures between a party of one side and the other side (GUIDE.md, «metrics»).

A trade noun («товарооборот», «экспорт» …) and a figure in the same sentence give a
metric; the subject is the party whose trade it is, the counterpart the party after
«с»/«в»/«из», the period the nearest time expression. A rounded restatement of the same
figure («более чем на 40 %» beside «на 41,3 %») is one metric, kept at its most precise.
"""

from __future__ import annotations

import re

from hamkor.extract.context import Context, Party, View
from hamkor.extract.links import OUR
from hamkor.extract.people import evidence
from hamkor.records import Metric

NUM = r"(\d+(?:[ \u00a0]\d{3})*(?:[,.]\d+)?)"
SCALE = {"трлн": 1e12, "млрд": 1e9, "миллиард": 1e9, "млн": 1e6, "миллион": 1e6, "тыс": 1e3, "тысяч": 1e3}
CURRENCY = r"(?P<cur>долл\w*|\$|usd|руб\w*|₽|rub|евро|€|сум\w*)"
MONEY = re.compile(
    rf"(?P<cur0>\$|us\$)?\s*{NUM}\s*(?P<scale>трлн|млрд|миллиард\w*|млн|миллион\w*|тыс\w*)?\.?\s*{CURRENCY}?",
    re.I,
)
PERCENT = re.compile(rf"{NUM}\s*(?:%|процент\w*)", re.I)
TIMES = re.compile(rf"\bв\s+{NUM}\s+раз", re.I)
APPROX = re.compile(r"(?:более|свыше|почти|около|порядка|примерно|больше|менее|меньше)\s+(?:чем\s+)?(?:на\s+)?$", re.I)
DOWN = re.compile(r"\b(?:снизил|сократил|уменьшил|упал|снижени|сокращени|падени)\w*", re.I)
SHARE = re.compile(r"\bдол[яиюей]\b|\bудельн\w+ вес\w*", re.I)
INDICATOR = [
    ("trade_turnover", re.compile(r"\bтоварооборот\w*|\bторгов\w+\s+оборот\w*|\bвнешнеторгов\w+\s+оборот\w*|"
                                  r"\bобъем\w*\s+(?:взаимн\w+\s+)?торговл\w*|\bвзаимн\w+\s+торговл\w*", re.I)),
    ("export", re.compile(r"\bэкспорт\w*", re.I)),
    ("import", re.compile(r"\bимпорт\w*", re.I)),
]
ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4,
         "перв": 1, "втор": 2, "трет": 3, "четверт": 4}
MONTHS = ["январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр", "октябр",
          "ноябр", "декабр"]
Y = r"((?:19|20)\d{2})"


def _number(s: str) -> float:
    return float(s.replace(" ", "").replace("\u00a0", "").replace(",", "."))


def period(low: str, published_year: int | None) -> str | None:
    """The period a sentence's figure covers, in the GUIDE's notation."""
    span = re.search(rf"в\s+{Y}\s+году\s+и\s+(i{{1,3}}|iv|[1-4]|перв\w*|втор\w*|трет\w*)\s*-?\w*\s+квартал\w*\s+{Y}", low)
    if span:
        q = ROMAN[_stem(span.group(2))]
        return f"{span.group(1)}-01/{span.group(3)}-{q * 3:02d}"
    m = re.search(rf"(i{{1,3}}|iv|[1-4]|перв\w*|втор\w*|трет\w*|четверт\w*)\s*-?\w*\s+квартал\w*\s+{Y}", low)
    if m:
        return f"{m.group(2)}-Q{ROMAN[_stem(m.group(1))]}"
    m = re.search(rf"(?:(перв|втор)\w*|(i|ii|1|2))\s*-?\w*\s+полугоди\w*\s+{Y}", low)
    if m:
        half = 1 if (m.group(1) or m.group(2)) in ("перв", "i", "1") else 2
        return f"{m.group(3)}-H{half}"
    m = re.search(rf"январ\w*\s*[-–—]\s*([а-я]+)\s+{Y}", low)
    if m:
        month = _month(m.group(1))
        if month:
            return f"{m.group(2)}-{month:02d}"
    m = re.search(rf"(?:за|в)\s+(\d+|девять|восемь|десять|одиннадцать|шесть|семь|пять|четыре|три|два)\s+месяц\w*\s+{Y}", low)
    if m:
        n = _count(m.group(1))
        if n:
            return f"{m.group(2)}-{n:02d}"
    m = re.search(rf"(?:в|за|по итогам|по результатам)\s+{Y}\s*(?:год|г\.)", low) or re.search(rf"\b{Y}\s+год", low)
    if m:
        return m.group(1)
    if published_year:
        m = re.search(r"(i{1,3}|iv|[1-4]|перв\w*|втор\w*|трет\w*|четверт\w*)\s*-?\w*\s+квартал", low)
        if m:
            return f"{published_year}-Q{ROMAN[_stem(m.group(1))]}"
        m = re.search(r"(?:(перв|втор)\w*|(i|ii|1|2))\s*-?\w*\s+полугоди", low)
        if m:
            return f"{published_year}-H{1 if (m.group(1) or m.group(2)) in ('перв', 'i', '1') else 2}"
        if re.search(r"\b(?:в|за)\s+прошл\w+\s+год|\bв\s+минувш\w+\s+год|\bпо\s+итогам\s+прошл\w+\s+год", low):
            return str(published_year - 1)
        if re.search(r"\b(?:в|за)\s+(?:текущ|эт)\w+\s+год|\bс\s+начала\s+год", low):
            return str(published_year)
    return None


def _stem(word: str) -> str:
    w = word.lower()
    for k in ROMAN:
        if w == k or (len(k) > 2 and w.startswith(k)):
            return k
    return w


def _month(word: str) -> int | None:
    for i, stem in enumerate(MONTHS, 1):
        if word.startswith(stem) and (stem != "ма" or word.startswith(("май", "мая"))):
            return i
    return None


def _count(word: str) -> int | None:
    words = {"два": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7, "восемь": 8,
             "девять": 9, "десять": 10, "одиннадцать": 11}
    return int(word) if word.isdigit() else words.get(word)


def figures(low: str) -> list[tuple[float, str, bool, int]]:
    """(value, unit, approximate, position) of every trade figure in a sentence."""
    out = []
    for m in PERCENT.finditer(low):
        out.append((_number(m.group(1)), "%", bool(APPROX.search(low[: m.start()])), m.start()))
    for m in TIMES.finditer(low):
        out.append((round((_number(m.group(1)) - 1) * 100, 6), "%", bool(APPROX.search(low[: m.start()])), m.start()))
    for m in MONEY.finditer(low):
        cur = (m.group("cur") or m.group("cur0") or "").lower()
        if not cur or re.match(r"(?:19|20)\d{2}$", m.group(2) or ""):
            continue
        unit = "USD" if cur.startswith(("дол", "$", "usd", "us$")) else "RUB" if cur.startswith(("руб", "₽", "rub")) else None
        if unit is None:
            continue
        scale = m.group("scale") or ""
        factor = next((v for k, v in SCALE.items() if scale.startswith(k)), 1.0)
        out.append((_number(m.group(2)) * factor, unit, bool(APPROX.search(low[: m.start()])), m.start()))
    if DOWN.search(low):
        out = [(-v if u == "%" else v, u, a, p) for v, u, a, p in out]
    return out


def metrics(ctx: Context) -> tuple[Metric, ...]:
    year = ctx.parsed.article.published.year if ctx.parsed.article.published else None
    found: list[tuple[Metric, bool]] = []
    for v in ctx.views:
        low = v.low
        ind = next(((name, m) for name, rx in INDICATOR for m in [rx.search(low)] if m), None)
        if ind is None:
            continue
        vals = figures(low)
        if not vals or SHARE.search(low):
            continue
        subject, counterpart = _ordered(v, ind[0], ind[1].start()) or _sides(ctx, v, ind[1].end())
        per = period(low, year)
        if subject is None or counterpart is None or per is None:
            continue
        indicator = ind[0]
        for value, unit, approx, pos in vals:
            ev = evidence(ctx.parsed, v.sentence.start + pos, v.sentence.start + pos + 1)
            found.append((Metric(subject, counterpart, indicator, per, value, unit, (ev,)), approx))
    return _dedupe(found)


def _ordered(v: View, indicator: str, at: int) -> tuple[str, str] | None:
    """«товарооборот X с Y», «экспорт из X в Y», «импорт X из Y»: roles by the words before parties."""
    ps = [p for p in v.parties if p.kind != "person" and not p.location]
    subject = counterpart = None
    for p in ps:
        before = v.low[max(0, p.start - v.sentence.start - 12) : p.start - v.sentence.start]
        if re.search(r"\b(?:с|со)\s+(?:\w+\s+)?$", before):
            counterpart = counterpart or p
        elif re.search(r"\bиз\s+$", before):
            if indicator == "import":
                counterpart = counterpart or p
            else:
                subject = subject or p
        elif re.search(r"\b(?:в|во|на)\s+$", before) and indicator in ("export", "import"):
            if indicator == "export":
                counterpart = counterpart or p
            else:
                subject = subject or p
        elif p.start - v.sentence.start >= at or subject is None:
            subject = subject or p
    if subject is None or counterpart is None or subject.side == counterpart.side:
        return None
    return subject.code, counterpart.code


def _sides(ctx: Context, v: View, after: int) -> tuple[str | None, str | None]:
    """Whose trade it is, and with whom: the region named with the noun, and the other side."""
    ps = [p for p in v.parties if not p.location or p.kind == "country"]
    ru = _best([p for p in ps if p.side == "RU"])
    uz = _best([p for p in ps if p.side == "UZ"])
    if OUR.search(v.low) and (ru is None or uz is None):
        missing = "RU" if ru is None else "UZ"
        who = ctx.protagonist.get(missing)
        fill = who.of if who and who.of else ctx.dominant.get(missing)
        ru, uz = (fill, uz) if missing == "RU" else (ru, fill)
    if ru is None or uz is None:
        return None, None
    # the subject is the more specific side (a region's trade with a country)
    if "-" in uz and "-" not in ru:
        return uz, ru
    return ru, uz


def _best(ps: list[Party]) -> str | None:
    specific = [p.code for p in ps if p.specific]
    if specific:
        return specific[0]
    return ps[0].code if ps else None


def _dedupe(found: list[tuple[Metric, bool]]) -> tuple[Metric, ...]:
    exact = [m for m, approx in found if not approx]
    out: list[Metric] = []
    for m, approx in found:
        head = (m.subject, m.counterpart, m.indicator, m.period, m.unit)
        same_head = [e for e in exact if (e.subject, e.counterpart, e.indicator, e.period, e.unit) == head]
        if approx and any(abs(e.value - m.value) <= 0.1 * max(abs(e.value), 1e-9) for e in same_head):
            continue  # a rounded restatement of a figure given exactly
        dup = next((o for o in out if (o.subject, o.counterpart, o.indicator, o.period, o.unit) == head
                    and abs(o.value - m.value) <= 0.01 * max(abs(o.value), 1e-9)), None)
        if dup is None:
            out.append(m)
        else:
            out[out.index(dup)] = Metric(*head[:4], dup.value, dup.unit, dup.evidence + m.evidence)
    return tuple(out)
