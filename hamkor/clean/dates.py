"""Publication dates: from metadata, a date line at the head of the text, or a dateline."""

from __future__ import annotations

import re
from datetime import date, timedelta

from hamkor.records import Span

MONTHS = {
    "янв": 1, "фев": 2, "мар": 3, "апр": 4, "ма": 5, "июн": 6, "июл": 7, "авг": 8,
    "сен": 9, "окт": 10, "ноя": 11, "дек": 12,
    "yan": 1, "fev": 2, "mart": 3, "apr": 4, "may": 5, "iyun": 6, "iyul": 7, "avg": 8,
    "sen": 9, "okt": 10, "noy": 11, "dek": 12,
    "jan": 1, "feb": 2, "mar": 3, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11,
    "dec": 12,
}
MONTH_WORD = (
    r"(?P<mon>январ[ья]|феврал[ья]|марта?|апрел[ья]|ма[йя]|июн[ья]|июл[ья]|августа?|"
    r"сентябр[ья]|октябр[ья]|ноябр[ья]|декабр[ья]|янв|фев|мар|апр|июн|июл|авг|сен|сент|окт|ноя|дек|"
    r"yanvar|fevral|mart|aprel|may|iyun|iyul|avgust|sentabr|oktabr|noyabr|dekabr|"
    r"jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)\.?"
)
TIME = r"(?:\d{1,2}:\d{2}(?::\d{2})?)"

PATTERNS = [
    re.compile(r"(?P<y>(?:19|20)\d{2})-(?P<m>\d{2})-(?P<d>\d{2})"),
    re.compile(r"(?<!\d)(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>(?:19|20)\d{2})(?!\d)"),
    re.compile(r"(?<!\d)(?P<d>\d{1,2})\s+" + MONTH_WORD + r",?\s+(?P<y>(?:19|20)\d{2})", re.I),
    re.compile(r"(?<!\d)(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>(?:19|20)\d{2})(?!\d)"),
]
RELATIVE = re.compile(r"^\s*(?P<w>сегодня|вчера|позавчера)\b", re.I)
LABEL = re.compile(r"(?:^|\b)(?:date|дата(?: публикации)?|опубликовано|published)\s*:?\s*", re.I)
# A line is a date line when the date is most of it (a time, a label, «обновлено …» aside).
DATE_LINE_MAX_REST = 25
HEAD_LINES = 8
# «ПЕРМЬ, 22 июля 2025 — …», «Ташкент, 14 мая 2025 г.», «Kun.uz, …»: a place or an outlet, then the date.
DATELINE = re.compile(r"^\s*(?:[А-ЯЁA-Z][А-ЯЁA-Z\-‑ ]{2,40}|[А-ЯЁA-Z][\w.\-‑]{1,30}),\s*$")
# A line that opens with the date and goes on with the text: «14 мая 2025 г. — В Ташкенте …».
LEAD = re.compile(r"^\s*(?:г\.|года)?\s*(?:[—–-]|\.|\(|/)")
# «ТАШКЕНТ, 28 ноя — Sputnik», «САМАРКАНД, 12 марта. /Корр./»: a dateline whose date has no year.
YEARLESS = re.compile(r"^\s*(?:[А-ЯЁA-Z][А-ЯЁA-Z\-‑ ]{2,40}|[А-ЯЁA-Z][\w.\-‑]{1,30}),\s*(?P<d>\d{1,2})\s+"
                      + MONTH_WORD + r"(?!\w)(?!,?\s+(?:19|20)\d{2})\s*(?:[—–-]|\.|/|\()")
FOOT_LINES = 3
UPDATED = re.compile(r"(?:обновлено|изменено|отредактировано|updated)\s*:?\s*$", re.I)


def _month(word: str) -> int | None:
    w = word.lower().rstrip(".")
    for stem in sorted(MONTHS, key=len, reverse=True):
        if w.startswith(stem):
            return MONTHS[stem]
    return None


def parse_date(text: str) -> tuple[date, int, int] | None:
    """The first full date in ``text`` with its offsets, or None."""
    best: tuple[date, int, int] | None = None
    for pat in PATTERNS:
        m = pat.search(text)
        d = _date_of(m) if m else None
        if m is None or d is None:
            continue
        if best is None or m.start() < best[1]:
            best = (d, m.start(), m.end())
    return best


def parse_relative(text: str, base: date) -> date | None:
    m = RELATIVE.match(text)
    if not m:
        return None
    back = {"сегодня": 0, "вчера": 1, "позавчера": 2}[m.group("w").lower()]
    return base - timedelta(days=back)


def from_metadata(value: str | None) -> date | None:
    if not value:
        return None
    found = parse_date(value)
    return found[0] if found else None


def from_text(text: str, foot: bool = True) -> tuple[date, Span] | None:
    """A publication date from a date line (or a labelled date) at the head or foot of the text."""
    lines = text.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))
    head = list(range(min(HEAD_LINES, len(lines))))
    tail = [i for i in range(max(len(head), len(lines) - FOOT_LINES), len(lines))] if foot else []
    fallback = None
    for n in head + tail:
        line, pos = lines[n], starts[n]
        found = parse_date(line)
        if found:
            d, s, e = found
            if UPDATED.search(line[:s]):  # «Обновлено 16.10.2025»: the publication date may follow
                fallback = fallback or (d, Span(pos + s, pos + e, line[s:e]))
                continue
            rest = LABEL.sub("", line[:s]) + re.sub(TIME, "", line[e:])
            rest = re.sub(r"\(?обновлено:?.*", "", rest, flags=re.I)
            labelled = LABEL.search(line[:s]) is not None or DATELINE.match(line[:s]) is not None
            labelled = labelled or (not line[:s].strip() and LEAD.match(line[e:]) is not None)
            labelled = labelled or _own_segment(line, line[s:e])
            if labelled or len(rest.strip(" \t\n|,—-–()г.")) <= DATE_LINE_MAX_REST:
                return d, Span(pos + s, pos + e, line[s:e])
    return _yearless_dateline(text, lines, starts, head) or fallback


SEPARATOR = re.compile(r"\s+[|·•]\s+")


def _own_segment(line: str, found: str) -> bool:
    """«Челябинск · 07.07.2025 · Промышленность», «2025-11-18 10:32 | Новости | Экономика»:
    a short meta line of segments, one of them the date (with its time)."""
    if len(line.strip()) > 100:
        return False
    segments = SEPARATOR.split(line.strip())
    return len(segments) > 1 and any(re.sub(TIME, "", seg).strip(" ,") == found for seg in segments)


def _yearless_dateline(text: str, lines: list[str], starts: list[int], head: list[int]
                       ) -> tuple[date, Span] | None:
    """«МОСКВА, 5 окт — ТАСС»: the year is that of another full date in the text, the one that
    puts the dateline nearest to it; without one there is no year to give."""
    for n in head:
        m = YEARLESS.match(lines[n])
        mon = _month(m.group("mon")) if m else None
        if not m or not mon:
            continue
        others = [d for pat in PATTERNS for x in pat.finditer(text) if (d := _date_of(x))]
        if not others:
            return None
        best = None
        for y in sorted({d.year + k for d in others for k in (-1, 0, 1)}):
            try:
                cand = date(y, mon, int(m.group("d")))
            except ValueError:
                continue
            gap = min(abs((cand - d).days) for d in others)
            if best is None or gap < best[0]:
                best = (gap, cand)
        if best is None:
            return None
        pos = starts[n]
        return best[1], Span(pos + m.start("d"), pos + m.end("mon"), lines[n][m.start("d") : m.end("mon")])
    return None


def _date_of(m: re.Match[str]) -> date | None:
    g = m.groupdict()
    try:
        return date(int(g["y"]), int(g["m"]) if g.get("m") else _month(g.get("mon") or "") or 0, int(g["d"]))
    except (ValueError, TypeError):
        return None
