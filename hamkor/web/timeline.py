"""A pair's interactions as one list in time order: agreements, events, meetings, figures, links."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from hamkor.web import labels
from hamkor.web.geo import region_name as rn


@dataclass(frozen=True)
class Entry:
    when: date | None
    kind: str  # agreement | event | meeting | metric | link
    fact_id: str
    text: str
    href: str | None
    sources: list[Any]


def _first(sources: list[Any]) -> date | None:
    dates = [s.published for s in sources if s.published]
    return min(dates) if dates else None


def pair_timeline(p: Any) -> list[Entry]:
    """Every interaction of a ``PairView``, oldest first (undated ones last)."""
    out: list[Entry] = []
    for a in p.agreements:
        text = f"{labels.word(labels.KIND, a.kind)} {labels.years(a.from_year, a.to_year)}"
        out.append(Entry(a.signed or _first(a.sources), "agreement", a.id, text,
                         f"/agreements/{a.id}", a.sources))
    for e in p.events:
        where = f", {e.place}" if e.place else ""
        out.append(Entry(e.date or _first(e.sources), "event", e.id,
                         labels.word(labels.EVENT, e.type) + where, None, e.sources))
    for m in p.meetings:
        names = " и ".join(x.name for x in m.people)
        out.append(Entry(m.date or _first(m.sources), "meeting", m.id, f"Встреча: {names}",
                         None, m.sources))
    for m in p.metrics:
        text = (f"{labels.word(labels.INDICATOR, m.indicator)} {rn(m.subject)} — "
                f"{rn(m.counterpart)}, {m.period}: {labels.number(m.value, m.unit)}")
        out.append(Entry(_first(m.sources), "metric", m.id, text, None, m.sources))
    if p.links is not None:
        for s in p.links.sources:
            basis = ", ".join(labels.word(labels.BASIS, b) for b in p.links.basis)
            out.append(Entry(s.published, "link", p.links.id, f"Взаимодействие ({basis})", None, [s]))
    return sorted(out, key=lambda x: (x.when is None, x.when or date.min, x.kind))
