"""Full-text search by Russian stems: FTS5 on SQLite, a tsvector GIN index on PostgreSQL.

Both index the same thing, the stems of an article's title and text (``stems.terms``), and
match each query stem as a prefix, so the two backends answer alike.
"""

from __future__ import annotations

import re

from sqlalchemy import Connection, delete, text

from hamkor.kb import schema as s
from hamkor.kb import stems

SNIPPET = 90  # characters either side of the first match
# Articles ranked for one query: the most recently stored of those that match. A word nearly
# every article holds would otherwise be ranked over the whole knowledge base.
RANKED = 500


def index(conn: Connection, article_id: str, title: str | None, body: str,
          fresh: bool = False) -> None:
    """(Re)index one article (``fresh``: it is not indexed yet); in the caller's transaction."""
    if not fresh:
        remove(conn, article_id)
    terms = " ".join(stems.terms(f"{title or ''}\n{body}"))
    conn.execute(s.article_terms.insert().values(article_id=article_id, terms=terms))


def remove(conn: Connection, article_id: str) -> None:
    conn.execute(delete(s.article_terms).where(s.article_terms.c.article_id == article_id))


def _fts5(terms: list[str]) -> str:
    return " ".join(f'"{t}"*' if len(t) > 2 else f'"{t}"' for t in terms)


def _tsquery(terms: list[str]) -> str:
    return " & ".join(f"'{t}':*" if len(t) > 2 else f"'{t}'" for t in terms)


def _dialect(conn: Connection) -> str:
    """The backend's name, from a Connection or an ORM Session."""
    dialect = getattr(conn, "dialect", None) or conn.get_bind().dialect  # type: ignore[attr-defined]
    return dialect.name


def articles(conn: Connection, query: str, offset: int = 0,
             limit: int = 20) -> tuple[list[tuple[str, float]], int]:
    """(article id, score) of the articles with every stem of the query, best first (of the
    ``RANKED`` most recently stored); and how many there are in all. A higher score is a
    better match on both backends."""
    terms = stems.query_terms(query)
    if not terms:
        return [], 0
    if _dialect(conn) == "sqlite":
        q = _fts5(terms)
        total = conn.execute(text("SELECT count(*) FROM article_fts WHERE article_fts MATCH :q"),
                             {"q": q}).scalar() or 0
        rows = conn.execute(text(
            "SELECT t.article_id, w.score FROM (SELECT rowid AS rid, -bm25(article_fts) AS score "
            "FROM article_fts WHERE article_fts MATCH :q ORDER BY rowid DESC LIMIT :w) AS w "
            "JOIN article_terms t ON t.id = w.rid ORDER BY w.score DESC, t.article_id "
            "LIMIT :l OFFSET :o"), {"q": q, "w": RANKED, "l": limit, "o": offset}).all()
    else:
        q = _tsquery(terms)
        cond = "tsv @@ to_tsquery('simple', :q)"
        total = conn.execute(text(f"SELECT count(*) FROM article_terms WHERE {cond}"),
                             {"q": q}).scalar() or 0
        rows = conn.execute(text(
            f"SELECT article_id, score FROM (SELECT article_id, "
            f"ts_rank(tsv, to_tsquery('simple', :q)) AS score FROM article_terms WHERE {cond} "
            f"ORDER BY id DESC LIMIT :w) AS w ORDER BY score DESC, article_id "
            f"LIMIT :l OFFSET :o"), {"q": q, "w": RANKED, "l": limit, "o": offset}).all()
    return [(r[0], float(r[1])) for r in rows], int(total)


def matches(words: str, query: str) -> bool:
    """Whether a short text (a name, a title) holds every stem of the query, as prefixes."""
    have = stems.terms(words)
    return all(any(h.startswith(t) for h in have) for t in stems.query_terms(query))


def snippet(body: str, query: str) -> str:
    """The text around the first word that matches a query stem, «…»-trimmed."""
    terms = stems.query_terms(query)
    for m in re.finditer(r"\w+", body):
        if any(stems.stem(m.group()).startswith(t) for t in terms):
            start, stop = max(0, m.start() - SNIPPET), min(len(body), m.end() + SNIPPET)
            piece = " ".join(body[start:stop].split())
            return ("…" if start else "") + piece + ("…" if stop < len(body) else "")
    return " ".join(body[: 2 * SNIPPET].split())
