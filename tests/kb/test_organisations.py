"""Organisations from the bodies of people's titles: which bodies name one, one organisation for
its case forms, shown in the region's dossier and with the person; a migration builds them
for stored articles."""

from __future__ import annotations

from datetime import date

import pytest

from hamkor.kb import dump, orgs, query, store
from hamkor.records import Person
from tests.kb.records import ev, record

T1 = ("Ректор Самаркандского государственного университета Фаррух Саидов встретился с "
      "министром промышленности Омской области Олегом Зориным.")
T2 = ("Делегацию возглавил ректор Самаркандского государственного университета Фаррух Саидов. "
      "Директор компании Андрей Белов рассказал о поставках.")


def _records():
    one = record("o1", T1, date(2025, 3, 1), people=(
        Person("Фаррух Саидов", "UZ-SA", "Ректор Самаркандского государственного университета",
               "ректор", "Самаркандского государственного университета", ev(T1, "Фаррух Саидов")),
        Person("Олег Зорин", "RU-OMS", "министром промышленности Омской области", "министр",
               "промышленности Омской области", ev(T1, "Олегом Зориным"))))
    two = record("o2", T2, date(2025, 5, 2), people=(
        Person("Фаррух Саидов", "UZ-SA", "ректор Самаркандского государственного университета",
               "ректор", "Самаркандского государственного университета", ev(T2, "Фаррух Саидов")),
        Person("Андрей Белов", "RU-OMS", "Директор компании", "директор", "компании",
               ev(T2, "Андрей Белов"))))
    return [one, two]


@pytest.mark.parametrize(("body", "kind"), [
    ("Самаркандского государственного университета", "university"),
    ("компании «Алтай-Агро»", "company"),
    ("министерства промышленности Омской области", "government"),
    ("компании", None), ("этого предприятия", None), ("Омской области", None), (None, None),
])
def test_which_bodies_name_an_organisation(body, kind):
    assert orgs.kind(body) == kind


def test_case_forms_are_one_key():
    assert orgs.key("Самаркандского государственного университета") == \
        orgs.key("Самаркандский государственный университет")


def test_one_organisation_with_its_people_and_sources(engine):
    store.ingest(engine, _records())
    with engine.connect() as conn:
        page = query.organisations(conn)
        assert [(o.name, o.kind, o.count) for o in page.items] == [
            ("Самаркандского государственного университета", "university", 2)]
        (uni,) = page.items
        assert uni.region.code == "UZ-SA" and [p.name for p in uni.people] == ["Фаррух Саидов"]
        assert {x.article_id for x in uni.sources} == {"o1", "o2"}
        assert uni.first == date(2025, 3, 1) and uni.last == date(2025, 5, 2)
        d = query.dossier(conn, "UZ-SA")
        assert [o.id for o in d.organisations] == [uni.id] and d.totals["organisations"] == 1
        assert query.dossier(conn, "RU-OMS").organisations == []  # «промышленности …», «компании»
        rector = query.person(conn, "Фаррух Саидов")
        assert [o.id for o in rector.organisations] == [uni.id]


def test_rejected_organisation_is_hidden(engine):
    from hamkor.kb import corrections, db

    store.ingest(engine, _records())
    with engine.connect() as conn:
        (uni,) = query.organisations(conn).items
    with db.writer(engine).begin() as conn:
        corrections.reject(conn, uni.id, "test", "not an organisation")
        corrections.settle(conn)
    with engine.connect() as conn:
        assert query.organisations(conn).items == []
        assert query.dossier(conn, "UZ-SA").organisations == []


def test_migration_builds_them_for_stored_articles(engine, second_url):
    """Downgrade to 0002 (no organisations), upgrade again: the same as a fresh ingest."""
    from alembic import command

    from hamkor.kb import db, derive

    store.ingest(engine, _records())
    with engine.connect() as conn:
        fresh = dump.dump(conn)
    with db.writer(engine).begin() as conn:
        command.downgrade(db._config(conn), "0002")
    with db.writer(engine).begin() as conn:
        command.upgrade(db._config(conn), "head")
    with db.writer(engine).begin() as conn:
        assert derive.flush(conn) > 0
    with engine.connect() as conn:
        assert dump.dump(conn) == fresh
