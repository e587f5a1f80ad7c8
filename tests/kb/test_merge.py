"""Cross-article identity: every clustering is a function of the set of claims, not their order."""

from __future__ import annotations

import itertools
import random
from datetime import date

import pytest

from hamkor.kb import merge, names


@pytest.mark.parametrize("name, key", [
    ("Шавкат Миромович Мирзиёев", "шавкат мирзиеев"), ("ШАВКАТ МИРЗИЕЕВ", "шавкат мирзиеев"),
    ("Турсунов", "турсунов"), ("В. Владимиров", "владимиров"), ("  Нормат  Турсунов ", "нормат турсунов"),
])
def test_name_keys(name, key):
    assert names.key(name) == key


def test_surname_joins_the_full_name_of_its_jurisdiction():
    groups = [("нормат турсунов", "UZ-NW"), ("турсунов", "UZ-NW"), ("турсунов", "UZ-BU"),
              ("азиз турсунов", "UZ-BU"), ("нормат турсунов", "UZ")]
    out = merge.people(groups)
    assert out[("турсунов", "UZ-NW")] == "нормат турсунов"
    assert out[("турсунов", "UZ-BU")] == "азиз турсунов"
    assert out[("нормат турсунов", "UZ")] == "нормат турсунов"


def test_ambiguous_or_unknown_surname_stays_apart():
    groups = [("иван петров", "RU-OMS"), ("петр петров", "RU-OMS"), ("петров", "RU-OMS"),
              ("петров", "RU-TA")]
    out = merge.people(groups)
    assert out[("петров", "RU-OMS")] == "петров|RU-OMS"
    assert out[("петров", "RU-TA")] == "петров|RU-TA"


def _agreement(aid, start, stop):
    return {"id": aid, "article_id": aid, "from_year": start, "to_year": stop}


def _keys(clusters):
    return sorted(sorted(r["id"] for r in c) for c in clusters)


def test_agreements_with_compatible_years_merge():
    rows = [_agreement("a", None, None), _agreement("b", 2025, 2027), _agreement("c", 2025, None),
            _agreement("d", 2024, 2026), _agreement("e", None, 2026)]
    clusters = merge.agreements(rows)
    assert _keys(clusters) == [["a", "b", "c"], ["d", "e"]]
    assert [merge.period(c) for c in clusters] == [(2025, 2027), (2024, 2026)]


def test_meetings_chain_within_days_and_undated_join_the_nearest():
    rows = [{"id": i, "article_id": i, "date": d, "published": p} for i, d, p in [
        ("a", date(2025, 4, 30), None), ("b", date(2025, 5, 2), None),
        ("c", date(2025, 9, 1), None), ("d", None, date(2025, 9, 3)), ("e", None, None)]]
    assert _keys(merge.meetings(rows)) == [["a", "b"], ["c", "d", "e"]]


def test_metrics_within_one_percent_merge_and_keep_the_most_precise():
    rows = [{"id": i, "article_id": i, "value": v} for i, v in
            [("a", 41.3), ("b", 41.0), ("c", 40.0), ("d", 1.5e9), ("e", 1.51e9)]]
    clusters = merge.metrics(rows)
    assert _keys(clusters) == [["a", "b"], ["c"], ["d", "e"]]
    assert merge.precise([41.0, 41.3]) == 41.3


@pytest.mark.parametrize("fn, rows", [
    (merge.agreements, [_agreement(str(i), s, e) for i, (s, e) in enumerate(
        [(None, None), (2025, 2027), (2025, None), (None, 2027), (2024, 2026), (None, 2026),
         (2024, None), (2030, 2031)])]),
    (merge.metrics, [{"id": str(i), "article_id": str(i), "value": v}
                     for i, v in enumerate([100, 100.5, 101.2, 102, 99.9, 50, 50.4])]),
])
def test_order_does_not_matter(fn, rows):
    expected = _keys(fn(rows))
    for perm in itertools.islice(itertools.permutations(rows), 200):
        assert _keys(fn(list(perm))) == expected
    rng = random.Random(0)
    for _ in range(50):
        shuffled = list(rows)
        rng.shuffle(shuffled)
        assert _keys(fn(shuffled)) == expected
