"""The read side (docs/query.md): every view, with sources, on each backend."""

from __future__ import annotations

from datetime import date

import pytest

from hamkor.kb import query, status, store, synthetic
from hamkor.kb.views import Page, to_json
from tests.kb.records import all_three


@pytest.fixture
def kb(engine):
    store.ingest(engine, all_three())
    with engine.connect() as conn:
        yield conn


def test_regions_with_interaction_counts(kb):
    counts = {r.code: n for r, n in query.regions(kb)}
    assert counts["UZ-BU"] == 3 and counts["RU-OMS"] == 3 and counts["RU-TA"] == 1


def test_dossier(kb):
    d = query.dossier(kb, "UZ-BU")
    assert d.region.code == "UZ-BU" and d.region.country == "UZ"
    assert {(k.ru.code, k.uz.code) for k in d.partners} == {("RU-OMS", "UZ-BU"), ("RU-TA", "UZ-BU")}
    assert {a.kind for a in d.agreements} == {"agreement", "memorandum"}
    assert {p.name for p in d.officials} == {"Алишер Каримов", "Рустам Саидов"}
    assert [e.type for e in d.events] == ["meeting"]
    assert {x.article_id for x in d.sources} == {"t1", "t2", "t3"}
    for fact in [*d.partners, *d.agreements, *d.events]:
        assert fact.sources, fact
    assert query.dossier(kb, "UZ-XX") is None


def test_dossier_since_leaves_out_older_facts(kb):
    d = query.dossier(kb, "UZ-BU", since=date(2024, 1, 1))
    assert {(k.ru.code, k.uz.code) for k in d.partners} == {("RU-OMS", "UZ-BU")}
    assert {a.kind for a in d.agreements} == {"agreement"}
    assert {x.article_id for x in d.sources} == {"t1", "t2"}


def test_pair(kb):
    v = query.pair(kb, "RU-OMS", "UZ-BU")
    assert v.links.count == 2
    assert [a.kind for a in v.agreements] == ["agreement"]
    assert len(v.meetings) == 1 and {p.name for p in v.meetings[0].people} == {
        "Андрей Сомов", "Алишер Каримов"}
    assert v.metrics == []  # the figure is Omsk's trade with Uzbekistan as a whole
    assert query.pair(kb, "RU-OMS", "UZ-ZZ") is None


def test_people_and_person(kb):
    page = query.people(kb, limit=2)
    assert isinstance(page, Page) and page.total == 3 and len(page.items) == 2
    assert [p.name for p in query.people(kb, q="каримова").items] == ["Алишер Каримов"]
    somov = query.person(kb, "Андреем Сомовым")
    assert somov.name == "Андрей Сомов" and somov.of == "RU-OMS"
    assert somov.positions[0].title_norm == "губернатор"
    assert len(somov.meetings) == 1
    assert query.person(kb, somov.id) == somov
    assert query.person(kb, "Никто Никакой") is None


def test_links_filters(kb):
    assert query.links(kb).total == 3
    assert {(k.ru.code, k.uz.code) for k in query.links(kb, region="RU-TA").items} == {("RU-TA", "UZ-BU")}
    recent = query.links(kb, since=date(2025, 5, 1)).items
    assert [(k.ru.code, k.uz.code, k.count) for k in recent] == [("RU-OMS", "UZ-BU", 1)]
    assert [x.article_id for x in recent[0].sources] == ["t2"]
    visits = query.links(kb, kind="visit").items
    assert {(k.ru.code, k.uz.code) for k in visits} == {("RU-OMS", "UZ-BU"), ("RU-OMS", "UZ-NW")}
    assert query.links(kb, limit=1, offset=1).items[0] != query.links(kb, limit=1).items[0]


def test_agreements_and_status(kb):
    page = query.agreements(kb)
    assert page.total == 2
    for a in page.items:
        assert a.status == status.derive(a.from_year, a.to_year, "signed")
    omsk = query.agreements(kb, region="RU-OMS").items[0]
    wanted = "in-force" if omsk.status in {"in_force", "expiring"} else omsk.status
    assert omsk in query.agreements(kb, status=wanted).items
    assert query.agreement(kb, omsk.id) == omsk
    assert query.agreement(kb, "agr-nothing") is None
    assert [a.kind for a in query.agreements(kb, kind="memorandum").items] == ["memorandum"]


def test_events_metrics_article(kb):
    (event,) = query.events(kb, region="RU-OMS").items
    assert {p.name for p in event.participants} == {"Андрей Сомов", "Алишер Каримов"}
    assert {r.code for r in event.regions} == {"RU-OMS", "UZ-BU"}
    assert query.events(kb, since=date(2025, 5, 1)).items == []
    (metric,) = query.metrics(kb).items
    assert (metric.subject.code, metric.counterpart.code, metric.value) == ("RU-OMS", "UZ", 41.3)
    art = query.article(kb, "t1")
    assert art.status == "ok" and art.text.startswith("Губернатор")
    kinds = {f.kind for f in art.facts}
    assert {"region", "person", "link", "agreement", "meeting", "metric", "event"} <= kinds
    for f in art.facts:
        assert 0 <= f.start < f.stop <= len(art.text) and f.label
    assert query.article(kb, "nope") is None


def test_search_by_word_forms(kb):
    hits = query.search(kb, "Навои").items
    assert [h.id for h in hits if h.kind == "article"] == ["t1"]
    assert "Навоийскую" in hits[-1].snippet
    people = [h for h in query.search(kb, "Каримова").items if h.kind == "person"]
    assert [h.title for h in people] == ["Алишер Каримов"]
    assert {h.id for h in query.search(kb, "меморандум").items if h.kind == "article"} == {"t3"}
    assert query.search(kb, "   ").total == 0
    page = query.search(kb, "области", limit=1)
    assert page.total >= 3 and len(page.items) == 1


def test_overview_graph_resolve(kb):
    ov = query.overview(kb)
    assert ov.counts["articles"] == 3 and ov.counts["people"] == 3 and ov.counts["links"] == 3
    assert ov.links_per_month == [("2023-03", 1), ("2025-04", 2), ("2025-05", 1)]
    nodes, edges = query.graph(kb)
    assert {n.code for n in nodes} == {"RU-OMS", "RU-TA", "UZ-BU", "UZ-NW"} and len(edges) == 3
    nodes, edges = query.graph(kb, since=date(2025, 1, 1))
    assert len(edges) == 2


def test_views_as_json_use_the_contract_names(kb):
    a = to_json(query.agreements(kb, kind="agreement").items[0])
    assert {"kind", "parties", "from", "to", "status", "sources"} <= a.keys()
    link = to_json(query.links(kb).items[0])
    assert link["ru"]["code"].startswith("RU-") and link["uz"]["code"].startswith("UZ")


def test_synthetic_kb_holds_up(engine):
    store.ingest(engine, list(synthetic.records(200, seed=4)))
    with engine.connect() as conn:
        regions = query.regions(conn)
        code = regions[0][0].code
        d = query.dossier(conn, code)
        assert d.partners and all(k.sources for k in d.partners)
        heads = [p for p in d.officials if p.positions]
        assert heads
        pos = heads[0].positions[0]
        holder = query.resolve_title(conn, pos.title_norm, pos.of, pos.last_seen)
        assert holder is not None
