"""Ingest: idempotent, order-independent, one article replaced without touching the others."""

from __future__ import annotations

import json
import random
from dataclasses import replace
from datetime import date

import pytest

from hamkor import jsonio
from hamkor.kb import dump, query, store, synthetic
from hamkor.records import Agreement, Extraction, Failure
from tests.kb.records import all_three, changed, omsk_bukhara_1, omsk_bukhara_2, tatarstan_bukhara


def _dump(engine) -> dict:
    with engine.connect() as conn:
        return dump.dump(conn)


def test_second_ingest_changes_nothing(engine):
    first = store.ingest(engine, all_three())
    assert (first.new, first.unchanged, first.failed) == (3, 0, 0)
    before = _dump(engine)
    again = store.ingest(engine, all_three())
    assert (again.new, again.unchanged, again.updated, again.failed) == (0, 3, 0, 0)
    assert _dump(engine) == before


def test_two_orders_give_equal_dumps(db_url, second_url, monkeypatch):
    from hamkor.kb import db

    records = list(synthetic.records(300, seed=7)) + all_three()
    shuffled = list(records)
    random.Random(1).shuffle(shuffled)
    a = db.engine(db_url)
    store.ingest(a, records)
    monkeypatch.setattr(store, "FLUSH_EVERY", 13)  # other derivation batches, same result
    b = db.engine(second_url)
    store.ingest(b, shuffled)
    da, dbb = _dump(a), _dump(b)
    assert {k: len(v) for k, v in da.items()} == {k: len(v) for k, v in dbb.items()}
    for table in da:
        assert da[table] == dbb[table], table


def test_one_article_at_a_time_equals_all_at_once(db_url, second_url):
    from hamkor.kb import db

    records = list(synthetic.records(60, seed=3))
    a = db.engine(db_url)
    store.ingest(a, records)
    b = db.engine(second_url)
    for x in reversed(records):
        store.ingest(b, [x])
    assert _dump(a) == _dump(b)


def test_facts_merge_across_articles(engine):
    store.ingest(engine, all_three())
    with engine.connect() as conn:
        people = query.people(conn).items
        assert sorted(p.name for p in people) == ["Алишер Каримов", "Андрей Сомов", "Рустам Саидов"]
        somov = query.person(conn, "Сомов")
        assert somov is not None and somov.name == "Андрей Сомов"
        assert {x.article_id for x in somov.sources} == {"t1", "t2"}
        docs = query.agreements(conn, region="RU-OMS").items
        assert len(docs) == 1
        assert (docs[0].kind, docs[0].from_year, docs[0].to_year) == ("agreement", 2025, 2027)
        assert {x.article_id for x in docs[0].sources} == {"t1", "t2"}
        meetings = query.meetings(conn).items
        assert len(meetings) == 1 and len({x.article_id for x in meetings[0].sources}) == 2
        figures = query.metrics(conn, region="RU-OMS").items
        assert [m.value for m in figures] == [41.3]  # 41 is the same figure, rounded
        link = query.pair(conn, "RU-OMS", "UZ-BU").links
        assert link.count == 2 and set(link.basis) == {"meeting", "visit", "document"}


def test_changed_article_replaces_its_facts_only(engine):
    store.ingest(engine, all_three())
    # t2 no longer tells of the agreement, nor of the meeting.
    t2 = changed(omsk_bukhara_2(), agreements=(), meetings=())
    summary = store.ingest(engine, [omsk_bukhara_1(), t2, tatarstan_bukhara()])
    assert (summary.updated, summary.unchanged) == (1, 2)
    with engine.connect() as conn:
        docs = query.agreements(conn, region="RU-OMS").items
        assert len(docs) == 1 and [x.article_id for x in docs[0].sources] == ["t1"]
        assert (docs[0].from_year, docs[0].to_year) == (None, None)
        meetings = query.meetings(conn).items
        assert [x.article_id for x in meetings[0].sources] == ["t1"]
        assert query.person(conn, "Андрей Сомов") is not None
    # Once t1 drops the Navoiy visit, that link is gone; Bukhara's stays (t2 tells it too).
    t1 = changed(omsk_bukhara_1(), links=omsk_bukhara_1().links[:1])
    store.ingest(engine, [t1])
    with engine.connect() as conn:
        pairs = {(k.ru.code, k.uz.code) for k in query.links(conn).items}
    assert pairs == {("RU-OMS", "UZ-BU"), ("RU-TA", "UZ-BU")}


def test_newer_extractor_replaces(engine):
    store.ingest(engine, all_three())
    newer = [replace(x, extractor="test-2") for x in all_three()]
    summary = store.ingest(engine, newer)
    assert summary.updated == 3
    assert store.ingest(engine, newer).unchanged == 3


def test_force_re_stores_but_changes_nothing(engine):
    store.ingest(engine, all_three())
    before = _dump(engine)
    assert store.ingest(engine, all_three(), force=True).updated == 3
    assert _dump(engine) == before


def test_irrelevant_article_is_kept_without_facts(engine):
    empty = replace(omsk_bukhara_1(), regions=(), people=(), links=(), agreements=(),
                    meetings=(), metrics=(), events=(), sectors=())
    summary = store.ingest(engine, [replace(empty, id="nothing")])
    assert summary.new == 1 and summary.irrelevant == 1
    with engine.connect() as conn:
        a = query.article(conn, "nothing")
    assert a.status == "irrelevant" and a.facts == []


def test_bad_inputs_are_reported_and_the_rest_goes_on(engine, tmp_path):
    good = tmp_path / "good.jsonl"
    lines = [json.dumps(jsonio.to_json(x, with_text=True), ensure_ascii=False) for x in all_three()]
    good.write_text("\n".join([lines[0], "{not json", lines[1], '{"people": []}', lines[2]]) + "\n")
    summary = store.ingest(engine, [str(good), str(tmp_path / "missing.txt")])
    assert summary.new == 3 and summary.failed == 3
    sources = sorted(f.source for f in summary.failures)
    assert sources == [f"{good}:2", f"{good}:4", str(tmp_path / "missing.txt")]


def test_duplicate_ids_in_one_run_keep_the_first(engine):
    a, b = omsk_bukhara_1(), replace(omsk_bukhara_2(), id="t1")
    b = replace(b, article=replace(b.article, id="t1", source="<elsewhere>"))
    summary = store.ingest(engine, [a, b])
    assert summary.new == 1 and summary.failed == 1
    assert "also" in summary.failures[0].problem


def test_positions_over_time_and_resolve_title(engine):
    store.ingest(engine, all_three())
    with engine.connect() as conn:
        early = query.resolve_title(conn, "хоким", "UZ-BU", date(2023, 6, 1))
        late = query.resolve_title(conn, "хоким", "UZ-BU", date(2025, 5, 1))
        nobody = query.resolve_title(conn, "хоким", "UZ-BU", date(2020, 1, 1))
        karimov = query.person(conn, "Алишер Каримов")
    assert early.name == "Рустам Саидов"
    assert late.name == "Алишер Каримов"
    assert nobody is None
    (pos,) = karimov.positions
    assert (pos.title_norm, pos.of, pos.first_seen, pos.last_seen) == (
        "хоким", "UZ-BU", date(2025, 4, 30), date(2025, 5, 2))


def test_a_record_without_article_text(engine):
    bare = Extraction("bare", date(2024, 1, 5), agreements=(
        Agreement("plan", ("RU", "UZ"), 2026, 2026),))
    assert store.ingest(engine, [bare]).new == 1
    assert store.ingest(engine, [bare]).unchanged == 1
    with engine.connect() as conn:
        (doc,) = query.agreements(conn, region="RU").items
    assert doc.sources[0].article_id == "bare"


def test_failures_handed_over_are_counted(engine):
    summary = store.ingest(engine, [Failure("x.txt", "empty file"), *all_three()])
    assert summary.failed == 1 and summary.new == 3


@pytest.mark.parametrize("n", [1, 50])
def test_progress_is_reported(engine, n):
    seen = []
    store.ingest(engine, list(synthetic.records(n, seed=2)), on_progress=lambda d, t: seen.append((d, t)))
    assert seen[-1] == (n, n)
