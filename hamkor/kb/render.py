"""Views as text for the terminal: every fact on a line, its sources under it."""

from __future__ import annotations

from hamkor.kb.views import (
    AgreementView,
    Dossier,
    EventView,
    LinkView,
    MeetingView,
    MetricView,
    PersonRef,
    PersonView,
    RegionRef,
    Source,
)


def sources(items: list[Source], limit: int, indent: str = "    ") -> list[str]:
    """Each source on a line: article, date, span and sentence (at most ``limit``)."""
    lines = []
    for x in items[:limit]:
        sentence = " ".join(x.sentence.split())
        if len(sentence) > 160:
            sentence = sentence[:157] + "…"
        when = x.published.isoformat() if x.published else "undated"
        lines.append(f"{indent}↳ {x.article_id} ({when}) [{x.start}:{x.stop}] «{sentence}»")
    if len(items) > limit:
        lines.append(f"{indent}↳ … {len(items) - limit} more (--sources N, or --json)")
    if not items:
        lines.append(f"{indent}↳ (no source)")
    return lines


def region(r: RegionRef) -> str:
    return r.code if r.name == r.code else f"{r.name} ({r.code})"


def person_ref(p: PersonRef) -> str:
    extra = ", ".join(x for x in (p.title, p.of) if x)
    return f"{p.name} ({extra})" if extra else p.name


def _period(a: AgreementView) -> str:
    if a.from_year is None and a.to_year is None:
        return "no period"
    return f"{a.from_year or '…'}–{a.to_year or '…'}"


def link(k: LinkView, n: int) -> list[str]:
    when = f"{k.first or '?'} … {k.last or '?'}"
    return [f"  {region(k.ru)} ↔ {region(k.uz)}   {k.count} article(s), {when}  "
            f"[{', '.join(k.basis)}]  {k.id}", *sources(k.sources, n)]


def agreement(a: AgreementView, n: int) -> list[str]:
    title = f" «{a.title}»" if a.title else ""
    signed = f", signed {a.signed}" if a.signed else ""
    return [f"  {a.kind} {' + '.join(region(p) for p in a.parties)}, {_period(a)}, "
            f"{a.status}{signed}{title}  {a.id}", *sources(a.sources, n)]


def event(e: EventView, n: int) -> list[str]:
    who = "; ".join(p.name for p in e.participants)
    where = " ".join(x for x in (e.place, ", ".join(r.code for r in e.regions)) if x)
    return [f"  {e.date or 'undated'}  {e.type}  {where}  {who}  {e.id}", *sources(e.sources, n)]


def meeting(m: MeetingView, n: int) -> list[str]:
    return [f"  {m.date or 'undated'}  {' + '.join(person_ref(p) for p in m.people)}  {m.id}",
            *sources(m.sources, n)]


def metric(m: MetricView, n: int) -> list[str]:
    return [f"  {m.subject.code} → {m.counterpart.code}  {m.indicator} {m.period}: "
            f"{m.value:g} {m.unit}  {m.id}", *sources(m.sources, n)]


def person(p: PersonView, n: int) -> list[str]:
    lines = [f"■ {p.name}  ({p.of or 'jurisdiction unknown'})  {p.id}", "positions:"]
    for pos in p.positions:
        title = pos.title_norm or pos.title or "—"
        if pos.title and pos.title_norm and pos.title_norm.lower() not in pos.title.lower():
            title += f" («{pos.title}»)"
        body = f" — {pos.body}" if pos.body else ""
        lines.append(f"  {title}{body} ({pos.of or '?'}), seen {pos.first_seen or '?'} … "
                     f"{pos.last_seen or '?'}  {pos.id}")
        lines += sources(pos.sources, n)
    if not p.positions:
        lines.append("  —")
    lines.append("meetings:")
    for m in p.meetings:
        lines += meeting(m, n)
    if not p.meetings:
        lines.append("  —")
    lines.append("organisations:")
    lines += [f"  {o.name} ({o.kind}, {o.of or '?'})  {o.id}" for o in p.organisations] or ["  —"]
    lines.append("mentioned in:")
    lines += sources(p.sources, n, "  ")
    return lines


def dossier(d: Dossier, n: int) -> list[str]:
    lines = [f"■ {region(d.region)}  ({d.region.country})"]

    def head(title: str, key: str, shown: int) -> str:
        total = d.totals.get(key, shown)
        return f"{title}:" if total <= shown else f"{title} (newest or most told {shown} of {total}):"

    sections = [("partners", d.partners, link), ("agreements", d.agreements, agreement),
                ("events", d.events, event), ("trade figures", d.metrics, metric)]
    for (title, items, show), key in zip(sections, ("partners", "agreements", "events", "metrics"),
                                         strict=True):
        lines.append(head(title, key, len(items)))
        for item in items:
            lines += show(item, n)  # type: ignore[operator]
        if not items:
            lines.append("  —")
    lines.append(head("officials", "officials", len(d.officials)))
    for p in d.officials:
        current = p.positions[-1] if p.positions else None
        title = (current.title or current.title_norm) if current else None
        lines.append(f"  {p.name}, {title or 'role unknown'} ({p.of or '?'})  {p.id}")
        lines += sources(p.sources, n)
    if not d.officials:
        lines.append("  —")
    lines.append(head("organisations", "organisations", len(d.organisations)))
    for o in d.organisations:
        who = ", ".join(p.name for p in o.people[:5]) or "—"
        lines.append(f"  {o.name} ({o.kind}), {o.count} article(s); people: {who}  {o.id}")
        lines += sources(o.sources, n)
    if not d.organisations:
        lines.append("  —")
    sectors = ", ".join(f"{name} ({count})" for name, count in d.sectors)
    lines.append(f"sectors: {sectors or '—'}")
    total = d.totals.get("sources", len(d.sources))
    more = f", the newest {len(d.sources)} here" if total > len(d.sources) else ""
    lines.append(f"mentioned in {total} article(s){more}:")
    lines += sources(d.sources, n, "  ")
    return lines
