"""The knowledge base: articles and their facts, merged across articles, with every source.

Write side (``store.ingest``), in the order data flows:

    inputs.py       what an ingest reads: articles to extract, or records of `hamkor extract`
    claims.py       one Extraction as per-article claim rows with evidence (ids: ids.py,
                    people's name keys: names.py)
    store.py        idempotent ingest: one transaction per article, unchanged ones skipped
    derive.py       facts re-derived for the blocks that changed, after a batch of articles
    merge.py        cross-article identity: claims clustered into facts, order-independent
    corrections.py  analysts' edits, stored apart and replayed after every derivation
    search.py       full-text search by Russian stems (stems.py); FTS5 or a tsvector

Read side (``query``): query.py the functions of docs/query.md, views.py the dataclasses
they return, adapt.py rows → views, places.py region names, status.py agreement status,
render.py views as text for the CLI.

Storage: schema.py (SQLAlchemy Core tables), migrations/ (Alembic, run by db.py on first
use), db.py (engines: SQLite in WAL mode, or PostgreSQL), sql.py (the few dialect
differences), dump.py (a whole KB as sorted rows, to compare two).

synthetic.py writes realistic records for benchmarks and tests (bench/kb.py).
"""
