"""A :class:`Brief` → the neutral :class:`Report` of a Russian «справка».

Needs a Brief (``gather.py``); adds the wording, the section order and the numbered
references. Every statement is a :class:`Run` with the sources it rests on.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from hamkor.reports import labels as L
from hamkor.reports import sections
from hamkor.reports.cite import Citations
from hamkor.reports.gather import Brief
from hamkor.reports.model import Paragraph, Report, Run, Section

LATEST = 3  # contacts named in the summary


def report(brief: Brief, today: date | None = None) -> Report:
    """The briefing note of ``brief``; ``today`` fixes the date printed on it (for tests)."""
    today = today or date.today()
    cites = Citations()
    parts = (
        Section("Кратко", summary(brief, cites)),
        Section("Регионы-партнёры", sections.partners(brief, cites)),
        Section("Документы о сотрудничестве", sections.agreements(brief, cites, today)),
        Section("Официальные лица", sections.officials(brief, cites)),
        Section("Хронология встреч и визитов", sections.chronology(brief, cites)),
        Section("Торговля", sections.trade(brief, cites)),
        Section("Отрасли сотрудничества", sections.sectors(brief)),
    )
    return Report(title=title(brief), subtitle=subtitle(brief, today), sections=parts,
                  references=cites.references, created=today,
                  meta={"region": brief.region.code,
                        "partner": brief.partner.code if brief.partner else ""})


def title(brief: Brief) -> str:
    other = brief.partner.name if brief.partner else f"регионы {_country_gen(brief.region)}"
    return f"Справка о сотрудничестве: {brief.region.name} — {other}"


def subtitle(brief: Brief, today: date) -> str:
    n = len({s.article_id for s in brief.sources})
    text = (f"Составлена {L.long_day(today)} по {n} "
            f"{L.plural(n, 'публикации', 'публикациям', 'публикациям')} базы знаний hamkor")
    if brief.since:
        text += f"; учтены сведения с {L.long_day(brief.since)}"
    return text + "."


def summary(brief: Brief, cites: Citations) -> tuple[Paragraph, ...]:
    out = [_partners_sentence(brief, cites), _documents_sentence(brief, cites),
           _contacts_sentence(brief, cites), _trade_sentence(brief, cites)]
    return tuple(p for p in out if p is not None)


def _partners_sentence(brief: Brief, cites: Citations) -> Paragraph:
    region = brief.region
    partners = sections.partner_links(brief)
    if not partners:
        return Paragraph((Run(f"{region.name}: сведений о связях с регионами "
                              f"{_country_gen(region)} в базе знаний нет."),), "note")
    dates = [d for _, k in partners for d in (k.first, k.last) if d]
    regional = sum(1 for other, _ in partners if "-" in other.code)
    text = f"{region.name} ({L.COUNTRY.get(region.country, region.country)}): связи с "
    if regional:
        text += (f"{regional} {L.plural(regional, 'регионом', 'регионами', 'регионами')} "
                 f"{_country_gen(region)}")
    if regional < len(partners):
        text += (" и " if regional else "") + f"{_country_ins(region)} на уровне страны"
    if dates:
        first, last = min(dates).year, max(dates).year
        text += f" в {first}–{last} гг." if first != last else f" в {first} г."
    runs = [Run(text + ": ")]
    n = len(partners)
    for i, (other, link) in enumerate(partners[:8]):
        runs.append(Run(("; " if i else "") + f"{other.name} — {link.count} "
                        f"{L.plural(link.count, 'сообщение', 'сообщения', 'сообщений')}",
                        cites.cite(link.sources)))
    if n > 8:
        runs.append(Run(f"; ещё {n - 8} — в таблице ниже"))
    runs.append(Run("."))
    return Paragraph(tuple(runs))


def _documents_sentence(brief: Brief, cites: Citations) -> Paragraph | None:
    docs = brief.agreements
    if not docs:
        return None
    active = [a for a in docs if a.status in L.IN_FORCE]
    n = len(docs)
    runs = [Run(f"Известно {n} {L.plural(n, 'документ', 'документа', 'документов')} о сотрудничестве"),
            Run(f", из них действуют {len(active)}" if active else ", действующих среди них не отмечено")]
    for i, a in enumerate(active[:5]):
        runs.append(Run(("; " if i else ": ") + sections.agreement_phrase(a, brief.region),
                        cites.cite(a.sources)))
    expiring = sum(1 for a in docs if a.status == "expiring")
    if expiring:
        runs.append(Run(f"; истекает в ближайшие 12 месяцев: {expiring}"))
    runs.append(Run("."))
    return Paragraph(tuple(runs))


def _contacts_sentence(brief: Brief, cites: Citations) -> Paragraph | None:
    rows = [r for r in sections.timeline(brief) if r.date]
    if not rows:
        return None
    latest = sorted(rows, key=lambda r: r.date or date.min, reverse=True)[:LATEST]
    runs = [Run("Последние контакты: ")]
    for i, r in enumerate(latest):
        runs.append(Run(("; " if i else "") + f"{L.long_day(r.date)} — {r.what.lower()}"
                        + (f" ({r.who})" if r.who else ""), cites.cite(r.sources)))
    runs.append(Run("."))
    return Paragraph(tuple(runs))


def _trade_sentence(brief: Brief, cites: Citations) -> Paragraph | None:
    money = [m for m in brief.metrics if m.unit != "%" and m.indicator == "trade_turnover"]
    if not money:
        return None
    m = max(money, key=lambda m: L.period_key(m.period))
    text = (f"Товарооборот ({m.subject.name} — {m.counterpart.name}) за {L.period(m.period)}: "
            f"{L.amount(m.value, m.unit)}")
    return Paragraph((Run(text, cites.cite(m.sources)), Run(".")))


def _country_gen(region: Any) -> str:
    other = "UZ" if region.country == "RU" else "RU"
    return L.COUNTRY_GEN[other]


def _country_ins(region: Any) -> str:
    return "Узбекистаном" if region.country == "RU" else "Россией"
