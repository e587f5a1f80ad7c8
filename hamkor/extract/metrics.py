"""Trade figures between a party of one side and the other side (GUIDE.md, «metrics»).

A trade noun («товарооборот», «экспорт» …) and a figure in the same sentence give a
metric; the subject is the party whose trade it is, the counterpart the party after
«с»/«в»/«из», the period the nearest time expression. A rounded restatement of the same
figure («более чем на 40 %» beside «на 41,3 %») is one metric, kept at its most precise.
"""

from __future__ import annotations

import re
from dataclasses import replace

from hamkor.extract import periods
from hamkor.extract.context import Context, Party, View
from hamkor.extract.links import OUR
from hamkor.extract.people import evidence
from hamkor.nlp.words import is_foreign
from hamkor.records import Metric

NUM = r"(\d+(?:[ \u00a0]\d{3})*(?:[,.]\d+)?)"
SCALE = {"трлн": 1e12, "млрд": 1e9, "миллиард": 1e9, "млн": 1e6, "миллион": 1e6, "тыс": 1e3, "тысяч": 1e3}
CURRENCY = r"(?P<cur>долл\w*|\$|usd|руб\w*|₽|rub|евро|€|сум\w*)"
MONEY = re.compile(
    rf"(?P<cur0>\$|us\$)?\s*{NUM}\s*(?P<scale>трлн|млрд|миллиард\w*|млн|миллион\w*|тыс\w*)?\.?\s*{CURRENCY}?",
    re.I,
)
PERCENT = re.compile(rf"{NUM}\s*(?:%|процент\w*)", re.I)
TIMES = re.compile(rf"\bв\s+({NUM[1:-1]}|полтора|два|две|три|четыре|пять|шесть|семь|восемь|девять|десять)\s+раз"
                   r"|\b(вдвое|втрое|вчетверо|впятеро)\b", re.I)
TIMES_WORDS = {"полтора": 1.5, "два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7,
               "восемь": 8, "девять": 9, "десять": 10, "вдвое": 2, "втрое": 3, "вчетверо": 4, "впятеро": 5}
CHANGE_BY = re.compile(r"\b(?:вырос|увелич|сократ|снизил|уменьш|рост|прирост|подрос)\w*\s+(?:почти\s+|более\s+чем\s+)?на\s+$")
# «Это на 20% больше, чем годом ранее»: a change of the figure just before.
# «Это в 1,3 раза больше …»: the same as a ratio.
CHANGE_AFTER = re.compile(rf"^\W*(?:это|что)\s+(?:почти\s+|более\s+чем\s+|примерно\s+)?"
                          rf"(?:на\s+{NUM}\s*(?:%|процент\w*)|(?P<times>в\s+\S+\s+раза?))\s+"
                          r"(больше|выше|меньше|ниже)", re.I)
# «товарооборот области с Татарстаном»: the region the article is about.
BARE_REGION = re.compile(r"(?i:товарооборот\w*|экспорт\w*|импорт\w*)\s+(?i:области|региона|края|республики|"
                         r"вилоята|города|столицы)\b(?!\s+[А-ЯЁ])")
# «В первом квартале он снизился на 3,2%»: the indicator just told of, by a pronoun.
PRONOUN_CHANGE = re.compile(r"^\W*(?:[\w–—-]+\s+){0,6}?(?:он|она|оно|показатель)\s+"
                            r"(?:\w+\s+)?(?:вырос|увелич|снизил|сократил|уменьшил|подрос)\w*", re.I)
# «в республику», «с республикой»: a Russian region's trade partner named by the word alone.
REPUBLIC = re.compile(r"\b(?:в|с|со|из)\s+республик(?:у|ой|и)\b(?!\s+[а-яё]*(?:стан|ия))", re.I)
# «товарооборот между регионами»: the article's two regions.
PAIR = re.compile(r"\bмежду\s+(?:нашими\s+|двумя\s+|обоими\s+)?регионами\b|\b(?:двух|наших|обоих)\s+регионов\b", re.I)
APPROX = re.compile(r"(?:более|свыше|почти|около|порядка|примерно|больше|менее|меньше)\s+(?:чем\s+)?(?:на\s+)?$", re.I)
# «…, а за первое полугодие 2025 года вырос ещё на 9,4%»: a clause with a period of its own
CLAUSE = re.compile(r",\s+(?:а|но|тогда как|в то время как)\s+|;\s*")
# «к 2024 году», «по сравнению с аналогичным периодом 2024 года»: the period compared with
BASE_PERIOD = re.compile(r"\b(?:к|по сравнению с|против|относительно)\s+(?:\w+\s+){0,3}?(?:19|20)\d{2}\s*"
                         r"(?:год\w*|г\.)", re.I)
DOWN = re.compile(r"\b(?:снизи[лв]|сократи[лв]|уменьши[лв]|упа[лв]|снижени|сокращени|падени)\w*|"
                  r"\bна\s+\d+(?:[,.]\d+)?\s*(?:%|процент\w*)\s+(?:меньше|ниже)\b", re.I)
SHARE = re.compile(r"\bдол[яиюей]\b|\bудельн\w+ вес\w*", re.I)
INDICATOR = [
    ("trade_turnover", re.compile(r"\bтоварооборот\w*|\bторгов\w+\s+оборот\w*|\bвнешнеторгов\w+\s+оборот\w*|"
                                  r"\bобъем\w*\s+(?:взаимн\w+\s+)?торговл\w*|\bвзаимн\w+\s+торговл\w*", re.I)),
    ("export", re.compile(r"\bэкспорт\w*", re.I)),
    ("import", re.compile(r"\bимпорт\w*", re.I)),
]
# «… против 420 млн годом ранее»: the figure of the period compared with, not a figure of its own.
BASE_BEFORE = re.compile(r"(?:\bпротив|\bпо сравнению с|\bс уровн\w+|\bпосле|\bс)\s+(?:\w+\s+){0,1}$", re.I)
# how many sentences back the figure before still gives a figure its period and parties
NEAR = 3
GOODS = re.compile(r"\s+(?:продукци|товар|сырь|издели|продовольстви|фрукт|овощ)\w*")
BASE_AFTER = re.compile(r"^[^,;]{0,30}?\b(?:годом|год)\s+ранее|^[^,;]{0,30}?\bв\s+(?:прошлом|предыдущем|(?:19|20)\d\d)\s+году", re.I)


def _number(s: str) -> float:
    return float(s.replace(" ", "").replace("\u00a0", "").replace(",", "."))


def figures(low: str) -> list[tuple[float, str, bool, int]]:
    """(value, unit, approximate, position) of every trade figure in a sentence."""
    out = []
    for m in PERCENT.finditer(low):
        out.append((_number(m.group(1)), "%", bool(APPROX.search(low[: m.start()])), m.start()))
    for m in TIMES.finditer(low):
        word = (m.group(1) or m.group(2)).lower()
        n = TIMES_WORDS[word] if word in TIMES_WORDS else _number(word)
        out.append((round((n - 1) * 100, 6), "%", bool(APPROX.search(low[: m.start()])), m.start()))
    for m in MONEY.finditer(low):
        cur = (m.group("cur") or m.group("cur0") or "").lower()
        if not cur or re.match(r"(?:19|20)\d{2}$", m.group(2) or ""):
            continue
        unit = "USD" if cur.startswith(("дол", "$", "usd", "us$")) else "RUB" if cur.startswith(("руб", "₽", "rub")) else None
        if unit is None:
            continue
        at = m.start(2)
        if BASE_BEFORE.search(low[max(0, at - 25) : at]) and BASE_AFTER.search(low[m.end() :]):
            continue
        if re.search(r"\bпротив\s+$", low[max(0, at - 10) : at]):
            continue
        if CHANGE_BY.search(low[max(0, at - 40) : at]):
            continue  # «вырос на 120 млн долларов»: a change in money is no figure of the GUIDE
        scale = m.group("scale") or ""
        factor = next((v for k, v in SCALE.items() if scale.startswith(k)), 1.0)
        out.append((_number(m.group(2)) * factor, unit, bool(APPROX.search(low[: m.start()])), m.start()))
    return [(-v if u == "%" and DOWN.search(_clause(low, p)) else v, u, a, p) for v, u, a, p in out]


def metrics(ctx: Context) -> tuple[Metric, ...]:
    year = ctx.parsed.article.published.year if ctx.parsed.article.published else None
    found: list[tuple[Metric, bool]] = []
    last: tuple[int, Metric] | None = None  # the figure just before, and its sentence
    for v in ctx.views:
        low = v.low
        inds = sorted(((name, m) for name, rx in INDICATOR for m in rx.finditer(low)),
                      key=lambda x: x[1].start())
        if not inds and last and v.index - last[0] == 1:
            more = _follow_up(ctx, v, year, last[1])
            if more is not None:
                found += [(m, False) for m in more]
                continue
        if not inds or SHARE.search(low):
            continue
        own = periods.period(low, year)
        for k, (indicator, m) in enumerate(inds):
            lo = m.start() if k else 0
            hi = inds[k + 1][1].start() if k + 1 < len(inds) else len(low)
            vals = [(val, u, a, p + lo) for val, u, a, p in figures(low[lo:hi])]
            if not vals:
                continue
            prev = last[1] if last and v.index - last[0] <= NEAR else None
            # a figure with no period of its own, or «за тот же период»: the figure before's
            per = prev.period if prev and (own is None or periods.SAME.search(low)) else own
            roles = _roles(ctx, v, indicator, m.start(), lo, hi, prev)
            if roles is None or per is None:
                continue
            for value, unit, approx, pos in vals:
                ev = evidence(ctx.parsed, v.sentence.start + pos, v.sentence.start + pos + 1)
                metric = Metric(roles[0], roles[1], indicator, _clause_period(low, pos, year) or per,
                                value, unit, (ev,))
                found.append((metric, approx))
                last = (v.index, metric)
    return _dedupe(found)


def _follow_up(ctx: Context, v: View, year: int | None, prev: Metric) -> list[Metric] | None:
    """A sentence with no indicator that changes the figure just before: «Это на 20% (в 1,4
    раза) больше …», «В первом квартале он снизился на 3,2%»; None when it is not one."""
    low = v.low
    change = CHANGE_AFTER.match(low)
    if change:
        down = change.group(3) in ("меньше", "ниже")
        if change.group("times"):
            times = [val for val, _, _, _ in figures(change.group("times"))]
            if not times:
                return []
            ratio = times[0] / 100 + 1  # figures() gives (n - 1) × 100
            value = round((1 / ratio - 1) * 100, 1) if down else times[0]
        else:
            value = _number(change.group(1)) * (-1 if down else 1)
        ev = evidence(ctx.parsed, v.sentence.start, v.sentence.stop)
        return [replace(prev, value=value, unit="%", evidence=(ev,))]
    if PRONOUN_CHANGE.match(low):
        period = periods.period(low, year) or prev.period
        return [replace(prev, period=period, value=value, unit=unit,
                        evidence=(evidence(ctx.parsed, v.sentence.start + pos, v.sentence.start + pos + 1),))
                for value, unit, _, pos in figures(low) if unit == "%"]
    return None


def _clause(low: str, pos: int) -> str:
    """The clause of a sentence that holds position `pos`."""
    cuts = [0, *(m.end() for m in CLAUSE.finditer(low)), len(low) + 1]
    i = max(k for k in range(len(cuts) - 1) if cuts[k] <= pos)
    return low[cuts[i] : cuts[i + 1]]


def _clause_period(low: str, pos: int, year: int | None) -> str | None:
    """The period named in the clause of a figure at `pos`, when the sentence has several
    clauses; None when it has one or the clause names no period."""
    if not CLAUSE.search(low):
        return None
    return periods.period(BASE_PERIOD.sub(" ", _clause(low, pos)), year)


def _roles(ctx: Context, v: View, indicator: str, at: int, lo: int, hi: int, prev: Metric | None
           ) -> tuple[str, str] | None:
    """(subject, counterpart): from the words around the parties of this figure's clause, else
    the figure before («…, импорт из России — …»), else the whole sentence."""
    subject, counterpart = _ordered(v, indicator, at, lo, hi)
    if subject and counterpart:
        return subject.code, counterpart.code
    if not counterpart and REPUBLIC.search(v.low[lo:hi]):
        # «экспорт южноуральских предприятий в республику», «товарооборот региона с республикой»
        if subject and subject.side == "RU":
            return subject.code, "UZ"
        fill = _fill(ctx, "RU") if not subject and BARE_REGION.search(v.sentence.text) else None
        if fill:
            return fill, "UZ"
    if prev and counterpart and counterpart.side != prev.subject[:2]:
        return prev.subject, counterpart.code
    if prev and subject is None and counterpart is None and not _named(v):
        return prev.subject, prev.counterpart
    subject, counterpart = _ordered(v, indicator, at, 0, len(v.low))
    if subject and counterpart:
        return subject.code, counterpart.code
    if counterpart and not subject and (OUR.search(v.low) or BARE_REGION.search(v.sentence.text)):
        fill = _fill(ctx, "UZ" if counterpart.side == "RU" else "RU")  # «товарооборот области с …»
        if fill:
            return fill, counterpart.code
    s, c = _sides(ctx, v, at)
    return (s, c) if s and c else None


def _named(v: View) -> bool:
    """The sentence names a party of either side, or a third country."""
    return bool(v.parties) or any(is_foreign(w) for w in v.low.split())


def _ordered(v: View, indicator: str, at: int, lo: int, hi: int) -> tuple[Party | None, Party | None]:
    """«товарооборот X с Y», «экспорт из X в Y», «импорт X из Y»: roles by the words before parties."""
    base = v.sentence.start
    ps = [p for p in v.parties if p.kind != "person" and not p.location and lo <= p.start - base < hi]
    subject = counterpart = None
    for p in ps:
        before = v.low[max(0, p.start - base - 12) : p.start - base]
        if GOODS.match(v.low[p.stop - base :]) and re.search(r"(?:экспорт|импорт)\w*\s+$", before):
            # «импорт узбекской продукции»: where the goods come from; «экспорт омской продукции»
            if indicator == "import":
                counterpart = counterpart or p
            else:
                subject = subject or p
        elif re.search(r"\b(?:с|со)\s+(?:\w+\s+)?$", before):
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
        elif p.start - base >= at or subject is None:
            subject = subject or p
    if subject and counterpart and subject.side == counterpart.side:
        return None, None
    return subject, counterpart


def _sides(ctx: Context, v: View, after: int) -> tuple[str | None, str | None]:
    """Whose trade it is, and with whom: the region named with the noun, and the other side."""
    ps = [p for p in v.parties if not p.location or p.kind == "country"]
    ru = _best([p for p in ps if p.side == "RU"])
    uz = _best([p for p in ps if p.side == "UZ"])
    if (OUR.search(v.low) or BARE_REGION.search(v.sentence.text)) and (ru is None or uz is None):
        missing = "RU" if ru is None else "UZ"
        fill = _fill(ctx, missing)
        ru, uz = (fill, uz) if missing == "RU" else (ru, fill)
    if (ru is None or uz is None) and PAIR.search(v.low):
        ru, uz = ru or ctx.dominant.get("RU"), uz or ctx.dominant.get("UZ")
    if ru is None or uz is None:
        return None, None
    # the subject is the more specific side (a region's trade with a country)
    if "-" in uz and "-" not in ru:
        return uz, ru
    return ru, uz


def _fill(ctx: Context, side: str) -> str | None:
    """The party of a side a sentence leaves unnamed: the article's main actor, or its region."""
    who = ctx.protagonist.get(side)
    return who.of if who and who.of else ctx.dominant.get(side)


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
