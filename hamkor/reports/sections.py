"""The sections of a briefing note after the summary: one function a section, Brief → blocks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from hamkor.reports import labels as L
from hamkor.reports.cite import Citations
from hamkor.reports.gather import Brief
from hamkor.reports.model import Block, Cell, Chart, Paragraph, Run, Series, Table

MAX_ROWS = 40  # rows of a long table (agreements, officials, chronology); the rest are counted
NOTHING = Paragraph((Run("Сведений нет."),), "note")


def partner_links(brief: Brief) -> list[tuple[Any, Any]]:
    """(the other region, the link) for each partner, the most frequent first."""
    code = brief.region.code
    pairs = [(k.uz if k.ru.code == code else k.ru, k) for k in brief.links]
    return sorted(pairs, key=lambda p: (-p[1].count, p[0].code))


def partners(brief: Brief, cites: Citations) -> tuple[Block, ...]:
    rows = tuple(
        (Cell(other.name), Cell(str(link.count)),
         Cell(", ".join(L.word(L.BASIS, b) for b in link.basis) or "—"),
         Cell(_span(link.first, link.last)), Cell("", cites.cite(link.sources)))
        for other, link in partner_links(brief)
    )
    if not rows:
        return (NOTHING,)
    return (Table(("Партнёр", "Сообщений", "Формы взаимодействия", "Первое – последнее", "Источники"),
                  rows, (0.26, 0.13, 0.28, 0.2, 0.13)),)


QUOTES = str.maketrans("", "", "«»\"“”„")


def document_name(a: Any) -> str:
    """«Соглашение «о сотрудничестве»», or the title alone when it already names the kind
    («Дорожная карта развития отношений», not «Дорожная карта «дорожная карта …»»)."""
    kind = L.word(L.KIND, a.kind)
    title = " ".join((a.title or "").translate(QUOTES).split())
    if not title:
        return kind
    if title.lower()[:5] == kind.lower()[:5]:
        return title[:1].upper() + title[1:]
    return f"{kind} «{title}»"


def agreement_phrase(a: Any, region: Any) -> str:
    """«соглашение с: Бухарская область, на 2025–2027 гг.» for running text."""
    others = [p.name for p in a.parties if p.code != region.code] or [p.name for p in a.parties]
    text = f"{L.word(L.KIND, a.kind).lower()} ({', '.join(others)})"
    period = L.years(a.from_year, a.to_year)
    if period != "—":
        text += f" на {period} гг." if "–" in period else f", {period} г."
    return text


def _agreement_order(a: Any) -> tuple[int, int]:
    start = a.from_year or (a.signed.year if a.signed else 0)
    return (0 if a.status in L.IN_FORCE else 1, -start)


def agreements(brief: Brief, cites: Citations, today: date | None = None) -> tuple[Block, ...]:
    docs = sorted(brief.agreements, key=_agreement_order)
    rows = tuple(
        (Cell(str(i)),
         Cell(document_name(a)),
         Cell(", ".join(p.name for p in a.parties)),
         Cell(L.day(a.signed)), Cell(L.years(a.from_year, a.to_year)),
         Cell(L.word(L.STATUS, a.status)), Cell("", cites.cite(a.sources)))
        for i, a in enumerate(docs[:MAX_ROWS], 1)
    )
    if not rows:
        return (NOTHING,)
    return (Table(("№", "Документ", "Стороны", "Подписан", "Период", "Статус", "Источники"),
                  rows, (0.05, 0.24, 0.22, 0.11, 0.12, 0.11, 0.15), _cut(len(docs))),)


EARLIER = 2  # earlier posts named beside a person's latest one


def position_text(p: Any) -> str:
    """The post as written; the body added when the title is bare («губернатор» + «Омской
    области»), not when the title names it already in another form."""
    title = p.title or p.title_norm or ""
    body = p.body or ""
    if body and body.lower() not in title.lower() and len(title.split()) <= 2:
        words = body.split()
        if title and words[0].lower() == title.split()[-1].lower():  # «глава города» + «города N»
            words = words[1:]
        title = " ".join([title, *words]).strip()
    return title or "—"


def officials(brief: Brief, cites: Citations) -> tuple[Block, ...]:
    names = region_names(brief)
    people = sorted(brief.officials, key=lambda p: (-len({s.article_id for s in p.sources}), p.name))
    rows = []
    for person in people[:MAX_ROWS]:
        positions = sorted(person.positions, key=lambda p: p.last_seen or date.min, reverse=True)
        post = position_text(positions[0]) if positions else "—"
        earlier = list(dict.fromkeys(t for t in map(position_text, positions[1:]) if t != post))
        if earlier:
            more = f" и ещё {len(earlier) - EARLIER}" if len(earlier) > EARLIER else ""
            post += f" (ранее: {'; '.join(earlier[:EARLIER])}{more})"
        seen = [d for p in positions for d in (p.first_seen, p.last_seen) if d]
        span = _span(min(seen), max(seen)) if seen else "—"
        rows.append((Cell(person.name), Cell(post), Cell(names.get(person.of or "", person.of or "—")),
                     Cell(span), Cell("", cites.cite(person.sources))))
    if not rows:
        return (NOTHING,)
    return (Table(("Имя", "Должность", "Сторона", "Упоминается", "Источники"), tuple(rows),
                  (0.2, 0.33, 0.17, 0.17, 0.13), _cut(len(people))),)


@dataclass(frozen=True)
class Moment:
    """One line of the chronology: an event or a meeting."""

    date: date | None
    what: str
    who: str
    where: str
    sources: tuple[Any, ...]


def _who(people: Any, limit: int = 4) -> str:
    names = [p.name + (f" ({p.title})" if p.title else "") for p in people]
    more = f" и ещё {len(names) - limit}" if len(names) > limit else ""
    return ", ".join(names[:limit]) + more


def timeline(brief: Brief) -> list[Moment]:
    out = [Moment(e.date, L.word(L.EVENT, e.type), _who(e.participants), e.place or "",
                  tuple(e.sources)) for e in brief.events]
    out += [Moment(m.date, L.EVENT["talks"], " — ".join(p.name for p in m.people), "",
                   tuple(m.sources)) for m in brief.meetings]
    return out


def chronology(brief: Brief, cites: Citations) -> tuple[Block, ...]:
    moments = timeline(brief)
    dated = sorted((m for m in moments if m.date), key=lambda m: (m.date or date.min, m.what))
    undated = [m for m in moments if not m.date]  # last: their place in time is unknown
    shown = dated[-MAX_ROWS:] + undated[:max(0, MAX_ROWS - len(dated))]
    rows = tuple((Cell(L.day(m.date)), Cell(m.what), Cell(m.who or "—"), Cell(m.where or "—"),
                  Cell("", cites.cite(m.sources))) for m in shown)
    if not rows:
        return (NOTHING,)
    note = f"Показаны последние {len(shown)} из {len(moments)}." if len(moments) > len(shown) else None
    return (Table(("Дата", "Событие", "Участники", "Место", "Источники"), rows,
                  (0.12, 0.2, 0.36, 0.17, 0.15), note),)


def trade(brief: Brief, cites: Citations) -> tuple[Block, ...]:
    metrics = sorted(brief.metrics, key=lambda m: (L.period_key(m.period), m.indicator))
    rows = tuple((Cell(L.word(L.INDICATOR, m.indicator) + (", изменение" if m.unit == "%" else "")),
                  Cell(f"{m.subject.name} → {m.counterpart.name}"),
                  Cell(L.period(m.period)), Cell(L.amount(m.value, m.unit)),
                  Cell("", cites.cite(m.sources))) for m in metrics[-MAX_ROWS:])
    if not rows:
        return (NOTHING,)
    blocks: list[Block] = [Table(("Показатель", "Стороны", "Период", "Значение", "Источники"), rows,
                                 (0.2, 0.26, 0.18, 0.23, 0.13), _cut(len(metrics)))]
    chart = trade_chart(metrics)
    if chart is not None:
        blocks.append(chart)
    return tuple(blocks)


def trade_chart(metrics: list[Any]) -> Chart | None:
    """Money figures by period, one series an indicator, in the most used currency."""
    money = [m for m in metrics if m.unit != "%" and m.indicator in L.INDICATOR]
    if not money:
        return None
    units = [m.unit for m in money]
    unit = max(set(units), key=units.count)
    money = [m for m in money if m.unit == unit]
    periods = sorted({m.period for m in money}, key=L.period_key)
    top = max(abs(m.value) for m in money)
    scale, prefix = next(((s, p) for s, p in ((1e9, "млрд"), (1e6, "млн"), (1e3, "тыс."))
                          if top >= s), (1.0, ""))
    series = []
    for indicator, name in L.INDICATOR.items():
        values = {m.period: m.value for m in money if m.indicator == indicator}
        if values:
            series.append(Series(name, tuple(values.get(p) for p in periods)))
    return Chart("Торговля по периодам", tuple(L.period(p) for p in periods), tuple(series),
                 f"{prefix} {L.UNIT.get(unit, unit)}".strip(), scale)


def sectors(brief: Brief) -> tuple[Block, ...]:
    items = sorted(brief.sectors, key=lambda s: (-s[1], s[0]))
    if not items:
        return (NOTHING,)
    text = ", ".join(f"{L.word(L.SECTOR, name)} ({n})" for name, n in items)
    return (Paragraph((Run(text[:1].upper() + text[1:] + "."),)),
            Paragraph((Run("В скобках — число публикаций, в которых названа отрасль."),), "note"))


def region_names(brief: Brief) -> dict[str, str]:
    """Code → Russian name of every region the brief names (for people's ``of``)."""
    refs = [brief.region] + ([brief.partner] if brief.partner else [])
    refs += [r for k in brief.links for r in (k.ru, k.uz)]
    refs += [r for a in brief.agreements for r in a.parties]
    out = dict(brief.names)
    out.update({r.code: r.name for r in refs})
    out.setdefault("RU", L.COUNTRY["RU"])
    out.setdefault("UZ", L.COUNTRY["UZ"])
    return out


def _span(first: date | None, last: date | None) -> str:
    return L.day(first) if first == last else f"{L.day(first)} – {L.day(last)}"


def _cut(total: int) -> str | None:
    return f"Показаны {MAX_ROWS} из {total}." if total > MAX_ROWS else None
