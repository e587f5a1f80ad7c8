"""Stories in the knowledge base: copies of one article on several sites make one story,
a fact they all report counts once and keeps every source. Texts invented for the tests."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date

from sqlalchemy import select

from hamkor.kb import dump, query, store, stories
from hamkor.kb import schema as s
from hamkor.records import Link, Person, RegionMention
from tests.kb.records import changed, ev, record

STORY = (
    "В Самарканде прошло заседание рабочей группы по сотрудничеству Самаркандской области и "
    "Ярославской области. Стороны обсудили поставки текстильного оборудования, открытие "
    "совместного учебного центра для швейных предприятий и обмен студентами колледжей. "
    "Заместитель губернатора рассказал о первых итогах программы, принятой весной, и "
    "предложил провести ярмарку ярославских товаров в Самарканде уже осенью. Отдельно "
    "говорили о стажировках для мастеров ярославских фабрик в самаркандских цехах и о "
    "поставках хлопковой пряжи по долгосрочным контрактам. Хоким "
    "Самаркандской области поддержал идею и пообещал выделить площадку в центре города. "
    "Рабочая группа договорилась встречаться раз в квартал и готовить общий отчёт."
)
# The same report reprinted by another outlet: its own first line, a few words changed.
COPY = ("Агентство «Восток» сообщает. " + STORY
        .replace("прошло заседание", "состоялось заседание")
        .replace("уже осенью", "в сентябре"))
# A shortened reprint: the first half of the story.
SHORT = STORY[: STORY.index(" Хоким")]
# Another story about the same two regions, in much the same words.
OTHER = (
    "Делегация Ярославской области посетила Самаркандскую область. Гости осмотрели "
    "хлопкоперерабатывающий кластер и молочную ферму, побывали в старом городе и встретились "
    "с предпринимателями. По итогам поездки решено открыть в Ярославле торговый дом "
    "самаркандских производителей и наладить прямые рейсы между двумя городами."
)


def _rec(aid: str, text: str, day: date):
    return record(aid, text, day,
                  regions=(RegionMention("RU-YAR", ev(text, "Ярославской области")),
                           RegionMention("UZ-SA", ev(text, "Самарканд"))),
                  links=(Link("RU-YAR", "UZ-SA", ("meeting",), ev(text, "Ярославской области")),))


def _records():
    return [_rec("a-orig", STORY, date(2025, 9, 1)), _rec("b-copy", COPY, date(2025, 9, 2)),
            _rec("c-short", SHORT, date(2025, 9, 3)), _rec("d-other", OTHER, date(2025, 9, 2))]


def _story(engine) -> dict[str, str]:
    with engine.connect() as conn:
        return dict(conn.execute(select(s.articles.c.id, s.articles.c.story)).all())


def test_copies_join_one_story_and_other_stories_do_not(engine):
    summary = store.ingest(engine, _records())
    assert (summary.new, summary.copies) == (4, 2) and "(copies 2)" in str(summary)
    assert _story(engine) == {"a-orig": "a-orig", "b-copy": "a-orig", "c-short": "a-orig",
                              "d-other": "d-other"}


def test_a_fact_from_copies_counts_once_with_every_source(engine):
    store.ingest(engine, _records())
    with engine.connect() as conn:
        (link,) = query.links(conn).items
        sources = {src.article_id for src in link.sources}
        with_copies = link.count
        assert query.dossier(conn, "UZ-SA").partners[0].count == with_copies
    assert with_copies == 2  # the story and the other story
    assert sources == {"a-orig", "b-copy", "c-short", "d-other"}


def test_an_official_in_three_copies_is_told_of_once(engine):
    deputy = "Заместитель губернатора"
    people = [replace(x, people=(Person("Ольга Смирнова", "RU-YAR", deputy, deputy.lower(), None,
                                        ev(x.article.text, deputy)),))
              for x in _records()[:3]]
    store.ingest(engine, people)
    with engine.connect() as conn:
        counts = conn.execute(select(s.people.c.name, s.people.c.articles)).all()
    assert [tuple(r) for r in counts] == [("Ольга Смирнова", 1)]


def test_order_does_not_matter(db_url, second_url):
    from hamkor.kb import db

    records = _records()
    backwards = list(reversed(records))
    random.Random(3).shuffle(backwards)
    a, b = db.engine(db_url), db.engine(second_url)
    store.ingest(a, records)
    for x in backwards:  # one at a time: every article arrives in a run of its own
        store.ingest(b, [x])
    with a.connect() as ca, b.connect() as cb:
        assert dump.dump(ca) == dump.dump(cb)


def test_the_story_is_named_by_its_smallest_id_whoever_came_first(engine):
    records = _records()
    store.ingest(engine, [records[2]])  # the short copy first: a story of its own
    assert _story(engine) == {"c-short": "c-short"}
    store.ingest(engine, [records[1], records[0]])
    assert set(_story(engine).values()) == {"a-orig"}


def test_reingest_changes_nothing(engine):
    store.ingest(engine, _records())
    with engine.connect() as conn:
        before = dump.dump(conn)
    store.ingest(engine, _records(), force=True)
    with engine.connect() as conn:
        assert dump.dump(conn) == before


def test_an_edited_article_leaves_its_story_and_the_count_follows(engine):
    """Copies more than DAYS apart are one story through a copy between them; when that
    one is rewritten into another text, the story falls apart and every report counts."""
    first, middle, last = date(2025, 9, 1), date(2025, 9, 25), date(2025, 10, 20)
    assert (middle - first).days <= stories.DAYS < (last - first).days
    store.ingest(engine, [_rec("x1", STORY, first), _rec("x2", COPY, middle),
                          _rec("x3", COPY.replace("в сентябре", "в октябре"), last)])
    assert set(_story(engine).values()) == {"x1"}
    news = ("Ярославской области и Самарканду предложили обменяться опытом в ремонте дорог: "
            "инженеры двух городов соберутся на семинар в ноябре.")
    store.ingest(engine, [changed(_rec("x2", news, middle))])
    assert _story(engine) == {"x1": "x1", "x2": "x2", "x3": "x3"}
    with engine.connect() as conn:
        (link,) = query.links(conn).items
    assert link.count == 3
    store.ingest(engine, [changed(changed(_rec("x2", COPY, middle)))])
    assert set(_story(engine).values()) == {"x1"}
    with engine.connect() as conn:
        (link,) = query.links(conn).items
    assert link.count == 1 and len(link.sources) == 3


def test_copies_years_apart_are_separate_stories(engine):
    store.ingest(engine, [_rec("a-orig", STORY, date(2023, 9, 1)),
                          _rec("b-copy", COPY, date(2025, 9, 1))])
    assert _story(engine) == {"a-orig": "a-orig", "b-copy": "b-copy"}


def test_the_article_view_lists_the_other_sources(engine):
    store.ingest(engine, _records())
    with engine.connect() as conn:
        view = query.article(conn, "c-short")
        alone = query.article(conn, "d-other")
    assert [o.id for o in view.story] == ["a-orig", "b-copy"]
    assert alone.story == []


def test_failed_and_irrelevant_articles_have_no_story(engine):
    x = _rec("a-orig", STORY, date(2025, 9, 1))
    bare = replace(x, id="e-bare", article=replace(x.article, id="e-bare"), regions=(), links=())
    store.ingest(engine, [x, bare])
    assert _story(engine) == {"a-orig": "a-orig", "e-bare": None}


def test_migration_groups_the_stored_articles(engine):
    """Downgrade to 0003 (no stories), upgrade again: the same as a fresh ingest."""
    from alembic import command

    from hamkor.kb import db, derive

    store.ingest(engine, _records())
    with engine.connect() as conn:
        fresh = dump.dump(conn)
    with db.writer(engine).begin() as conn:
        command.downgrade(db._config(conn), "0003")
    with db.writer(engine).begin() as conn:
        command.upgrade(db._config(conn), "head")
    with db.writer(engine).begin() as conn:
        assert derive.flush(conn) > 0  # the link's count, back to one per story
    with engine.connect() as conn:
        assert dump.dump(conn) == fresh


def test_a_copy_stored_while_its_original_is_being_stored_joins_it(engine):
    """Two writers: the original's transaction is still open when the copy's begins. The
    copy waits for it (SQLite: one writer at a time; PostgreSQL: the band keys' locks)
    instead of missing it."""
    import threading
    import time

    from hamkor.kb import db

    with db.writer(engine).begin() as conn:  # the articles' rows, without their stories
        for aid in ("a-orig", "b-copy"):
            conn.execute(s.articles.insert().values(id=aid, source=aid, text="", checksum=aid,
                                                    extractor="test", status="ok"))
    placed = threading.Event()

    def original():
        with db.writer(engine).begin() as conn:
            stories.place(conn, "a-orig", STORY, date(2025, 9, 1))
            placed.set()
            time.sleep(1.0)  # still open while the copy is stored

    first = threading.Thread(target=original)
    first.start()
    placed.wait(10)
    with db.writer(engine).begin() as conn:
        stories.place(conn, "b-copy", COPY, date(2025, 9, 1))
    first.join()
    assert _story(engine) == {"a-orig": "a-orig", "b-copy": "a-orig"}
