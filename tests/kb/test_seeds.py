"""The seed articles (read from ../shared at run time): one person, one agreement, the union
of links, however many articles tell of them. First from the gold records, then through the
extractor (skipped while ``hamkor.pipeline`` cannot be imported)."""

from __future__ import annotations

import json

import pytest

from hamkor import jsonio
from hamkor.kb import query, store


def _gold(shared_eval) -> list[dict]:
    path = shared_eval / "gold" / "seeds.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _check(conn, gold: list[dict]) -> None:
    names = [p.name for p in query.people(conn, limit=1000).items]
    folded = [n.lower().replace("ё", "е") for n in names]
    assert folded.count("виталий хоценко") == 1, names
    assert folded.count("нормат турсунов") == 1, names
    docs = [a for a in query.agreements(conn, kind="agreement", limit=1000).items
            if sorted(p.code for p in a.parties) == ["RU-OMS", "UZ-BU"]]
    assert len(docs) == 1, docs
    assert len({x.article_id for x in docs[0].sources}) == 2
    links = {(k.ru.code, k.uz.code) for k in query.links(conn, limit=1000).items}
    assert links == {(k["ru"], k["uz"]) for g in gold for k in g["links"]}


def test_gold_records_merge(engine, shared_eval):
    gold = _gold(shared_eval)
    store.ingest(engine, [jsonio.from_json(g) for g in gold])
    with engine.connect() as conn:
        _check(conn, gold)
        tursunov = query.person(conn, "Нормат Турсунов")
        assert {x.article_id for x in tursunov.sources} == {g["id"] for g in gold
                                                            if any(p["name"] == "Нормат Турсунов"
                                                                   for p in g["people"])}


def test_seed_articles_through_the_extractor(engine, shared_eval):
    try:
        import hamkor.extract  # noqa: F401
        import hamkor.pipeline  # noqa: F401
    except ImportError as e:
        pytest.skip(f"the extractor cannot be imported yet ({e})")
    summary = store.ingest(engine, [str(shared_eval / "seeds")])
    assert summary.failed == 0, summary.failures
    with engine.connect() as conn:
        _check(conn, _gold(shared_eval))
