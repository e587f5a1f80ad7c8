"""Stories: the syndicated copies and light rewrites of one article, kept together.

Each stored article has a MinHash signature and its LSH band keys (``clean.fingerprint``).
Two articles are copies when they share a band key, their signatures say so (Jaccard or
containment) and they were published within ``DAYS`` of each other. A story is a connected
component of copies and is named by its smallest article id, so it does not depend on the
order the articles came in. Facts count stories, not articles: five outlets printing one
press release make one report with five sources.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Connection, Select, bindparam, delete, or_, select, text, update

from hamkor.clean import fingerprint as fp
from hamkor.kb import schema as s

DAYS = 30  # a copy is printed within a month of the original
_A, _SIG, _BAND = s.articles, s.story_signatures, s.story_bands


def _day(published: date | None) -> int | None:
    return published.toordinal() if published else None


def _near(a: int | None, b: int | None) -> bool:
    return a is None or b is None or abs(a - b) <= DAYS


def _candidates(near: bool) -> Select:
    """Stored signatures sharing a band key with ``keys`` (published within DAYS of lo/hi)."""
    shared = select(_BAND.c.article_id).where(_BAND.c.key.in_(bindparam("keys", expanding=True)))
    if near:
        shared = shared.where(or_(_BAND.c.day.between(bindparam("lo"), bindparam("hi")),
                                  _BAND.c.day.is_(None)))
    return (select(_SIG.c.article_id, _SIG.c.signature, _A.c.story)
            .join(_A, _A.c.id == _SIG.c.article_id)
            .where(_SIG.c.article_id.in_(shared), _SIG.c.article_id != bindparam("aid")))


_ANY, _NEAR = _candidates(False), _candidates(True)
_MEMBERS = select(_A.c.id).where(_A.c.story.in_(bindparam("stories", expanding=True)))


_LOCK = text("SELECT count(pg_advisory_xact_lock(k)) FROM "
             "(SELECT DISTINCT unnest(CAST(:keys AS bigint[])) AS k ORDER BY 1) AS sorted")


def _lock(conn: Connection, keys: list[int]) -> None:
    """On PostgreSQL, hold the band keys until the transaction ends: two copies stored at
    once by two writers would not see each other; one now waits for the other's commit.
    Taken in key order, so two writers cannot wait for each other."""
    if conn.dialect.name == "postgresql":
        conn.execute(_LOCK, {"keys": keys})


@dataclass(frozen=True)
class Placement:
    """Where an article goes: its signature and bands, its story, the stories it joins."""

    article_id: str
    signature: fp.Signature
    keys: list[int]
    day: int | None
    story: str
    others: list[str]  # other stories' names, relabelled to ``story``


def find(conn: Connection, article_id: str, text: str, published: date | None) -> Placement:
    """The story the article belongs to (the caller's transaction, after ``remove``; nothing
    written yet, so the article's row can be stored with its story at once)."""
    sig = fp.signature(text)
    keys = fp.band_keys(sig)
    day = _day(published)
    if not keys:
        return Placement(article_id, sig, keys, day, article_id, [])
    _lock(conn, keys)
    if day is None:
        rows = conn.execute(_ANY, {"keys": keys, "aid": article_id})
    else:
        rows = conn.execute(_NEAR, {"keys": keys, "aid": article_id, "lo": day - DAYS,
                                    "hi": day + DAYS})
    found = [(fp.Signature.from_bytes(r.signature), r.story or r.article_id) for r in rows]
    same = fp.copies(sig, [f[0] for f in found])
    joined = {f[1] for f, copy in zip(found, same, strict=True) if copy}
    story = min(joined | {article_id})
    return Placement(article_id, sig, keys, day, story, sorted(joined - {story}))


def keep(conn: Connection, p: Placement) -> set[str]:
    """Store the signature and bands of an article stored with ``p.story``, and relabel the
    stories it joined; the other articles whose story changed."""
    conn.execute(_SIG.insert(), {"article_id": p.article_id, "signature": p.signature.to_bytes(),
                                 "day": p.day})
    if p.keys:
        conn.execute(_BAND.insert(), [{"key": k, "article_id": p.article_id, "day": p.day}
                                      for k in p.keys])
    if not p.others:
        return set()
    moved = set(conn.execute(_MEMBERS, {"stories": p.others}).scalars())
    conn.execute(update(_A).where(_A.c.story.in_(p.others)).values(story=p.story))
    return moved


def place(conn: Connection, article_id: str, text: str, published: date | None) -> set[str]:
    """``find`` and ``keep`` for an article already stored: its story set here."""
    p = find(conn, article_id, text, published)
    conn.execute(update(_A).where(_A.c.id == article_id).values(story=p.story))
    return keep(conn, p)


def remove(conn: Connection, article_id: str) -> set[str]:
    """Take the article out of its story (before it is replaced or fails); the story's other
    articles are regrouped. The articles whose story changed."""
    old = conn.execute(select(_A.c.story).where(_A.c.id == article_id)).scalar()
    conn.execute(delete(_BAND).where(_BAND.c.article_id == article_id))
    conn.execute(delete(_SIG).where(_SIG.c.article_id == article_id))
    conn.execute(update(_A).where(_A.c.id == article_id).values(story=None))
    if old is None:
        return set()
    rest = conn.execute(select(_SIG.c.article_id, _SIG.c.signature, _SIG.c.day)
                        .join(_A, _A.c.id == _SIG.c.article_id)
                        .where(_A.c.story == old).order_by(_SIG.c.article_id)).all()
    groups = components([(r.article_id, fp.Signature.from_bytes(r.signature), r.day) for r in rest])
    changes = [{"aid": aid, "st": story} for aid, story in groups.items() if story != old]
    if changes:
        conn.execute(update(_A).where(_A.c.id == bindparam("aid")).values(story=bindparam("st")),
                     changes)
    return {c["aid"] for c in changes}


def components(items: Iterable[tuple[str, fp.Signature, int | None]]) -> dict[str, str]:
    """Each article's story among ``items`` (id, signature, day): the smallest id of its
    connected component of copies. Pairs are the ones sharing a band key, as in ``place``."""
    items = sorted(items, key=lambda x: x[0])
    root = list(range(len(items)))

    def find(i: int) -> int:
        while root[i] != i:
            root[i] = root[root[i]]
            i = root[i]
        return i

    keys = [fp.band_keys(sig) for _, sig, _ in items]
    by_key: dict[int, list[int]] = {}
    for i, ks in enumerate(keys):
        for k in ks:
            by_key.setdefault(k, []).append(i)
    for i, (_, sig, day) in enumerate(items):
        others = sorted({j for k in keys[i] for j in by_key[k] if j > i})
        others = [j for j in others if _near(day, items[j][2])]
        same = fp.copies(sig, [items[j][1] for j in others])
        for j, copy in zip(others, same, strict=True):
            if copy:
                a, b = find(i), find(j)
                root[max(a, b)] = min(a, b)  # ids are sorted: the smaller index is the name
    return {items[i][0]: items[find(i)][0] for i in range(len(items))}


def sources(conn: Connection, article_id: str) -> list[tuple[str, str | None, str | None, date | None]]:
    """The other articles of the article's story: (id, title, url, published), oldest first."""
    story = conn.execute(select(_A.c.story).where(_A.c.id == article_id)).scalar()
    if story is None:
        return []
    rows = conn.execute(select(_A.c.id, _A.c.title, _A.c.url, _A.c.published)
                        .where(_A.c.story == story, _A.c.id != article_id)
                        .order_by(_A.c.published, _A.c.id)).all()
    return [tuple(r) for r in rows]

