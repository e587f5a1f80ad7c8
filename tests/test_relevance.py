"""The relevance filter: keeps every article with a gold link, drops plainly unrelated ones."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hamkor.relevance import Filter, check, fold

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("text", [
    "Хоким Бухарской области встретился с губернатором Омской области.",
    "Делегация Татарстана посетила промышленные парки Навоийской области.",
    "Товарооборот России и Узбекистана вырос на 20 процентов.",
    "Toshkent viloyati hokimi Rossiya delegatsiyasi bilan uchrashuv o'tkazdi.",
    "Ўзбекистон ва Россия ҳамкорлик ҳақида меморандум имзолади, делегация Москвы.",
    "Узбекские студенты приедут учиться в Казань по программе обмена.",
])
def test_kept(text):
    v = check(text)
    assert v.relevant, v


@pytest.mark.parametrize("text, reason", [
    ("Губернатор Омской области провёл совещание по уборке урожая.", "no Uzbek party named"),
    ("Хоким Самаркандской области открыл новую школу.", "no Russian party named"),
    ("Казахстан и Киргизия подписали соглашение о воде.", "no Uzbek party named"),
    ("Гражданин Узбекистана задержан в Москве.", "no word of cooperation named"),
    ("Спартак обыграл Пахтакор: Москва, стадион.", "no Uzbek party named"),
])
def test_dropped_with_the_reason(text, reason):
    v = check(text)
    assert not v.relevant and v.reason == reason


def test_words_are_matched_at_word_starts_and_short_forms_whole():
    f = Filter({"рт": "RU-TA", "навои": "UZ-NW"})
    assert not f.check("Партнеры из Спортивного клуба обсудили сотрудничество").relevant
    v = f.check("Навои и РТ обсудили сотрудничество")
    assert v.relevant and ("RU", "рт") in v.found
    assert fold("Ёлка O‘zbekiston") == "елка o'zbekiston"


def _gold(path: Path) -> dict[str, bool]:
    rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    return {r["id"]: bool(r.get("links")) for r in rows}


def test_recall_on_the_seeds(shared_eval):
    gold = _gold(shared_eval / "gold" / "seeds.jsonl")
    for id, linked in gold.items():
        if linked:
            text = (shared_eval / "seeds" / f"{id}.txt").read_text(encoding="utf-8")
            assert check(text).relevant, id


@pytest.mark.parametrize("gold, folder", [("expected.jsonl", "articles"), ("holdout.jsonl", "holdout"),
                                          ("holdout2.jsonl", "holdout2"), ("holdout3.jsonl", "holdout3"),
                                          ("holdout4.jsonl", "holdout4"), ("holdout5.jsonl", "holdout5"),
                                          ("holdout6.jsonl", "holdout6")])
def test_recall_on_the_samples(gold, folder):
    expected = ROOT / "samples" / gold
    if not expected.is_file():
        pytest.skip(f"samples/{gold} is not there yet")
    linked = _gold(expected)
    missed = [id for id, has_link in linked.items() if has_link and not check(
        (ROOT / "samples" / folder / f"{id}.txt").read_text(encoding="utf-8")).relevant]
    assert missed == []


def test_recall_on_the_sample_pages_and_feed():
    """The same articles read as HTML pages and as feed items are kept too."""
    from hamkor.clean.article import clean
    from hamkor.records import RawArticle
    from hamkor.sources import read_any

    expected = ROOT / "samples" / "expected.jsonl"
    if not (ROOT / "samples" / "html").is_dir() or not expected.is_file():
        pytest.skip("samples/html is not generated yet")
    gold = _gold(expected)
    for source in ("html", "feed.xml"):
        raws = [r for r in read_any([ROOT / "samples" / source]) if isinstance(r, RawArticle)]
        missed = [r.id for r in raws if gold.get(r.id) and not check(clean(r).text).relevant]
        assert missed == [], source


UNRELATED = "Губернатор Омской области провёл совещание по уборке урожая в районах области."


def test_the_pipeline_drops_before_any_nlp(monkeypatch):
    from hamkor import pipeline
    from hamkor.records import Dropped, RawArticle

    def no_nlp(article):
        raise AssertionError("NLP ran on a dropped article")

    monkeypatch.setattr(pipeline, "from_article", no_nlp)
    raw = RawArticle(id="omsk", source="<omsk>", data=UNRELATED.encode())
    out = pipeline.process(raw, screened=True)
    assert isinstance(out, Dropped) and out.reason == "no Uzbek party named"
    assert out.article.id == "omsk" and out.article.text == UNRELATED


def test_ingest_stores_dropped_articles_as_irrelevant_with_the_reason(tmp_path):
    from sqlalchemy import select

    from hamkor.kb import db, store
    from hamkor.kb import schema as s

    (tmp_path / "omsk.txt").write_text(UNRELATED, encoding="utf-8")
    (tmp_path / "link.txt").write_text(
        "Хоким Бухарской области встретился с губернатором Омской области. Стороны подписали "
        "соглашение о сотрудничестве.", encoding="utf-8")
    engine = db.engine(f"sqlite:///{tmp_path / 'kb.sqlite'}")
    summary = store.ingest(engine, [tmp_path / "omsk.txt", tmp_path / "link.txt"], screened=True)
    assert (summary.new, summary.irrelevant, summary.failed) == (2, 1, 0)
    assert "irrelevant 1" in str(summary)
    with engine.connect() as conn:
        rows = {r.id: r for r in conn.execute(select(s.articles))}
        claims = conn.execute(select(s.region_claims.c.article_id)).scalars().all()
    assert (rows["omsk"].status, rows["omsk"].reason) == ("irrelevant", "no Uzbek party named")
    assert rows["omsk"].text == UNRELATED  # kept, and searchable
    assert rows["link"].status == "ok" and "omsk" not in claims
    again = store.ingest(engine, [tmp_path / "omsk.txt"], screened=True)
    assert again.unchanged == 1
    engine.dispose()
