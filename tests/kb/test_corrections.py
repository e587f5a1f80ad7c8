"""Analysts' edits: stored with author and reason, re-applied after every ingest, never lost."""

from __future__ import annotations

from dataclasses import replace

import pytest

from hamkor.kb import corrections, db, derive, query, store
from hamkor.records import Person
from tests.kb.records import all_three, changed, omsk_bukhara_1, omsk_bukhara_2, tatarstan_bukhara


def _edit(engine, make):
    with db.writer(engine).begin() as conn:
        number = make(conn)
        derive.flush(conn)
        corrections.replay(conn)
    return number


def _reingest(engine):
    """Everything again: forced, then with an edited article and a newer extractor."""
    store.ingest(engine, all_three(), force=True)
    t2 = changed(omsk_bukhara_2())
    store.ingest(engine, [omsk_bukhara_1(), t2, tatarstan_bukhara()])
    store.ingest(engine, [replace(x, extractor="test-2") for x in (omsk_bukhara_1(), t2,
                                                                   tatarstan_bukhara())])


@pytest.fixture
def kb(engine):
    store.ingest(engine, all_three())
    return engine


def _link_id(engine, ru, uz):
    with engine.connect() as conn:
        return query.pair(conn, ru, uz).links.id


def test_reject_survives_reingest(kb):
    link = _link_id(kb, "RU-OMS", "UZ-NW")
    number = _edit(kb, lambda c: corrections.reject(c, link, "anna", "a visit, not a link"))
    for _ in range(2):
        with kb.connect() as conn:
            assert ("RU-OMS", "UZ-NW") not in {(k.ru.code, k.uz.code) for k in query.links(conn).items}
            (row,) = corrections.listing(conn)
        assert (row["id"], row["op"], row["author"], row["reason"], row["state"]) == (
            number, "reject", "anna", "a visit, not a link", "applied")
        _reingest(kb)


def test_set_period_survives_when_the_fact_gets_a_new_id(kb):
    with kb.connect() as conn:
        (doc,) = query.agreements(conn, region="RU-OMS").items
    _edit(kb, lambda c: corrections.set_fields(c, doc.id, {"period": "2025-2030",
                                                           "title": "Соглашение о сотрудничестве"}))
    # t2 no longer gives the period: the merged agreement is re-derived under another id.
    store.ingest(kb, [changed(omsk_bukhara_2(), agreements=(replace(
        omsk_bukhara_2().agreements[0], start_year=None, end_year=None),))])
    with kb.connect() as conn:
        (now,) = query.agreements(conn, region="RU-OMS").items
        (row,) = corrections.listing(conn)
    assert now.id != doc.id
    assert (now.from_year, now.to_year, now.title) == (2025, 2030, "Соглашение о сотрудничестве")
    assert row["state"] == "applied"


def test_set_parties_and_a_date(kb):
    with kb.connect() as conn:
        (doc,) = query.agreements(conn, region="RU-TA").items
        meeting = query.meetings(conn).items[0]
    _edit(kb, lambda c: corrections.set_fields(c, doc.id, {"parties": "RU-TA, UZ-NW"}))
    _edit(kb, lambda c: corrections.set_fields(c, meeting.id, {"date": "2025-04-29"}))
    _reingest(kb)
    with kb.connect() as conn:
        assert query.agreements(conn, region="UZ-BU", kind="memorandum").items == []
        (moved,) = query.agreements(conn, region="UZ-NW").items
        assert [p.code for p in moved.parties] == ["RU-TA", "UZ-NW"]
        assert str(query.meetings(conn).items[0].date) == "2025-04-29"


def test_merge_two_people_survives_reingest_and_undo_restores(kb):
    with kb.connect() as conn:
        saidov = query.person(conn, "Рустам Саидов").id
        karimov = query.person(conn, "Алишер Каримов").id
    number = _edit(kb, lambda c: corrections.merge(c, saidov, karimov, reason="one man"))
    for _ in range(2):
        with kb.connect() as conn:
            names = sorted(p.name for p in query.people(conn).items)
            assert names == ["Алишер Каримов", "Андрей Сомов"]
            merged = query.person(conn, karimov)
            assert {x.article_id for x in merged.sources} == {"t1", "t2", "t3"}
            assert query.person(conn, "Саидов").id == karimov
        _reingest(kb)
    _edit(kb, lambda c: (corrections.undo(c, number), number)[1])
    with kb.connect() as conn:
        assert query.person(conn, "Рустам Саидов").id == saidov
        assert corrections.listing(conn)[0]["state"] == "undone"


def test_split_survives_reingest(kb):
    with kb.connect() as conn:
        somov = query.person(conn, "Андрей Сомов").id
    _edit(kb, lambda c: corrections.split(c, somov, articles=["t2"], reason="a namesake"))
    for _ in range(2):
        with kb.connect() as conn:
            found = [p for p in query.people(conn).items if p.name == "Андрей Сомов"]
            assert len(found) == 2
            by_articles = sorted(sorted({x.article_id for x in query.person(conn, p.id).sources})
                                 for p in found)
            assert by_articles == [["t1"], ["t2"]]
        _reingest(kb)


def test_reject_a_person_hides_their_meetings(kb):
    with kb.connect() as conn:
        somov = query.person(conn, "Андрей Сомов").id
    _edit(kb, lambda c: corrections.reject(c, somov))
    _reingest(kb)
    with kb.connect() as conn:
        assert query.person(conn, somov) is None
        assert query.meetings(conn).items == []


def test_an_edit_waits_while_its_fact_is_gone(kb):
    link = _link_id(kb, "RU-OMS", "UZ-NW")
    _edit(kb, lambda c: corrections.reject(c, link))
    t1 = omsk_bukhara_1()
    store.ingest(kb, [changed(t1, links=t1.links[:1])])
    with kb.connect() as conn:
        assert corrections.listing(conn)[0]["state"] == "pending"
    store.ingest(kb, [replace(t1, extractor="test-3")])  # the link is back, and still rejected
    with kb.connect() as conn:
        assert corrections.listing(conn)[0]["state"] == "applied"
        assert ("RU-OMS", "UZ-NW") not in {(k.ru.code, k.uz.code) for k in query.links(conn).items}


def test_new_articles_of_a_merged_person_follow_the_merge(kb):
    with kb.connect() as conn:
        saidov = query.person(conn, "Рустам Саидов").id
        karimov = query.person(conn, "Алишер Каримов").id
    _edit(kb, lambda c: corrections.merge(c, saidov, karimov))
    t4 = replace(tatarstan_bukhara(), id="t4", people=(Person("Рустам Саидов", "UZ-BU"),))
    t4 = replace(t4, article=replace(t4.article, id="t4", checksum="t4"))
    store.ingest(kb, [t4])
    with kb.connect() as conn:
        assert query.person(conn, "Рустам Саидов").id == karimov


@pytest.mark.parametrize("make, message", [
    (lambda c: corrections.reject(c, "lnk-doesnotexist"), "no link"),
    (lambda c: corrections.reject(c, "nonsense"), "not a fact id"),
    (lambda c: corrections.set_fields(c, _first_agreement(c), {"colour": "red"}), "no field"),
    (lambda c: corrections.set_fields(c, _first_agreement(c), {"from": "soon"}), "not a valid"),
    (lambda c: corrections.set_fields(c, _first_agreement(c), {"parties": "Omsk"}), "region code"),
    (lambda c: corrections.split(c, _first_person(c)), "name the articles"),
])
def test_bad_edits_are_refused(kb, make, message):
    with pytest.raises(corrections.CorrectionError, match=message), db.writer(kb).begin() as conn:
        make(conn)
    with kb.connect() as conn:
        assert corrections.listing(conn) == []


def _first_agreement(conn):
    return query.agreements(conn).items[0].id


def _first_person(conn):
    return query.people(conn).items[0].id


def test_author_defaults_to_user(kb, monkeypatch):
    monkeypatch.setenv("USER", "analyst7")
    link = _link_id(kb, "RU-TA", "UZ-BU")
    _edit(kb, lambda c: corrections.reject(c, link))
    with kb.connect() as conn:
        assert corrections.listing(conn)[0]["author"] == "analyst7"
