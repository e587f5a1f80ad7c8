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


def test_recall_on_the_samples():
    expected = ROOT / "samples" / "expected.jsonl"
    if not expected.is_file():
        pytest.skip("samples/expected.jsonl is not there yet")
    gold = _gold(expected)
    missed = [id for id, linked in gold.items() if linked and not check(
        (ROOT / "samples" / "articles" / f"{id}.txt").read_text(encoding="utf-8")).relevant]
    assert missed == []
