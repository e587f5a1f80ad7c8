"""Views flattened into table rows (CSV, XLSX): one table a kind of fact, scalar cells only.

Lists become «; »-joined text; dates stay dates (CSV writes them ISO, XLSX as dates);
every row ends with the number of its sources and their article ids and first URL.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from hamkor.kb.views import (
    AgreementView,
    EventView,
    LinkView,
    MeetingView,
    MetricView,
    PersonView,
)
from hamkor.reports import labels as L

TABLES = ("links", "agreements", "people", "events", "meetings", "metrics")
SOURCE_COLUMNS = ("n_sources", "articles", "url")

COLUMNS: dict[str, tuple[str, ...]] = {
    "links": ("id", "ru", "ru_name", "uz", "uz_name", "count", "basis", "first", "last"),
    "agreements": ("id", "kind", "kind_ru", "parties", "party_names", "from", "to", "signed",
                   "status", "title"),
    "people": ("person_id", "name", "of", "title", "title_norm", "body", "position_of",
               "first_seen", "last_seen"),
    "events": ("id", "type", "date", "place", "participants", "regions"),
    "meetings": ("id", "date", "people", "people_of"),
    "metrics": ("id", "subject", "counterpart", "indicator", "period", "value", "unit"),
}


def columns(table: str) -> tuple[str, ...]:
    return COLUMNS[table] + SOURCE_COLUMNS


def _join(values: Any) -> str:
    return "; ".join(str(v) for v in values if v)


def _sources(sources: list[Any]) -> dict[str, Any]:
    ids = list(dict.fromkeys(s.article_id for s in sources))
    url = next((s.url for s in sources if s.url), None)
    return {"n_sources": len(ids), "articles": _join(ids), "url": url}


def table_of(row: Any) -> str | None:
    """The table a view belongs in; None for views no table holds."""
    return _TABLE.get(type(row))


def flatten(row: Any) -> list[dict[str, Any]]:
    """The rows of one view (a person gives one row a position)."""
    kind = table_of(row)
    if kind is None:
        return []
    out = _FLATTEN[kind](row)
    return [{**r, **_sources(src)} for r, src in out]


def _link(k: LinkView) -> list[tuple[dict, list]]:
    return [({"id": k.id or f"{k.ru.code}:{k.uz.code}", "ru": k.ru.code, "ru_name": k.ru.name,
              "uz": k.uz.code, "uz_name": k.uz.name, "count": k.count, "basis": _join(k.basis),
              "first": k.first, "last": k.last}, k.sources)]


def _agreement(a: AgreementView) -> list[tuple[dict, list]]:
    return [({"id": a.id, "kind": a.kind, "kind_ru": L.word(L.KIND, a.kind),
              "parties": _join(p.code for p in a.parties),
              "party_names": _join(p.name for p in a.parties), "from": a.from_year,
              "to": a.to_year, "signed": a.signed, "status": a.status, "title": a.title},
             a.sources)]


def _person(p: PersonView) -> list[tuple[dict, list]]:
    base = {"person_id": p.id, "name": p.name, "of": p.of}
    if not p.positions:
        return [(base, p.sources)]
    return [({**base, "title": pos.title, "title_norm": pos.title_norm, "body": pos.body,
              "position_of": pos.of, "first_seen": pos.first_seen, "last_seen": pos.last_seen},
             pos.sources or p.sources) for pos in p.positions]


def _event(e: EventView) -> list[tuple[dict, list]]:
    return [({"id": e.id, "type": e.type, "date": e.date, "place": e.place,
              "participants": _join(x.name for x in e.participants),
              "regions": _join(r.code for r in e.regions)}, e.sources)]


def _meeting(m: MeetingView) -> list[tuple[dict, list]]:
    return [({"id": m.id, "date": m.date, "people": _join(x.name for x in m.people),
              "people_of": _join(x.of for x in m.people)}, m.sources)]


def _metric(m: MetricView) -> list[tuple[dict, list]]:
    return [({"id": m.id, "subject": m.subject.code, "counterpart": m.counterpart.code,
              "indicator": m.indicator, "period": m.period, "value": m.value, "unit": m.unit},
             m.sources)]


_TABLE = {LinkView: "links", AgreementView: "agreements", PersonView: "people",
          EventView: "events", MeetingView: "meetings", MetricView: "metrics"}
_FLATTEN: dict[str, Callable[[Any], list[tuple[dict, list]]]] = {"links": _link, "agreements": _agreement, "people": _person, "events": _event,
            "meetings": _meeting, "metrics": _metric}
