"""The knowledge base alone: ingest rate and query latency at growing sizes.

    python bench/kb.py [--big] [--sizes 1000,10000] [--queries 60] [--pg URL]
    python bench/kb.py --db sqlite:///path/to/kb.sqlite

Synthetic Extraction records (``hamkor.kb.synthetic``: regions, heads who change, meetings,
agreements, trade figures, events, sectors, with evidence) are stored through
``store.ingest`` directly, bypassing the NLP. For each size, a fresh database:

- ingest: records/s, and the ratio to a baseline measured in the same run, the same
  records written one transaction each as one JSON row to a bare table (the floor);
- re-ingest of the same records (every one unchanged): records/s;
- latency p50/p95 (ms) of dossier, links, person, search, on random regions, names, words.

Sizes 1k and 10k by default, 100k too with ``--big``. SQLite in a temporary directory;
``--pg URL`` (a server database, emptied first) repeats it on PostgreSQL. ``--db URL`` only
measures the queries (listings and the graph too) on an existing KB, which it does not write:
a 100k KB built once (bench/serve.py keeps one in the data dir) is measured in a minute.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import Column, Integer, MetaData, Table, Text, create_engine, func, select  # noqa: E402

from hamkor import jsonio  # noqa: E402
from hamkor.kb import adapt, db, places, query, store, synthetic  # noqa: E402
from hamkor.kb import schema as s  # noqa: E402

WORDS = ["Навои", "соглашение", "Бухара", "товарооборот", "губернатор хоким", "энергетики",
         "дорожную карту", "Самарканд", "делегация"]


def baseline(url: str, records: list) -> float:
    """Seconds to write each record as one JSON row, one transaction each."""
    engine = create_engine(url)
    table = Table("bench_rows", MetaData(), Column("id", Integer, primary_key=True),
                  Column("body", Text))
    table.drop(engine, checkfirst=True)
    table.create(engine)
    started = time.perf_counter()
    for x in records:
        with engine.begin() as conn:
            conn.execute(table.insert().values(body=json.dumps(jsonio.to_json(x, with_text=True),
                                                               ensure_ascii=False)))
    took = time.perf_counter() - started
    table.drop(engine)
    engine.dispose()
    return took


def latencies(fn: Callable[[], object], n: int) -> tuple[float, float]:
    times = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, int(0.95 * len(times)))]


def measure(url: str, size: int, n_queries: int, seed: int = 0) -> dict[str, float]:
    records = list(synthetic.records(size, seed=seed))
    engine = db.engine(url)
    t = time.perf_counter()
    summary = store.ingest(engine, records)
    ingest = time.perf_counter() - t
    assert summary.new == size, summary
    t = time.perf_counter()
    again = store.ingest(engine, records)
    reingest = time.perf_counter() - t
    assert again.unchanged == size, again
    floor = baseline(url, records)
    out = {"size": size, "ingest/s": size / ingest, "x baseline": ingest / floor,
           "re-ingest/s": size / reingest}
    out.update(query_latencies(engine, n_queries, seed))
    engine.dispose()
    return out


def query_latencies(engine, n_queries: int, seed: int = 0, more: bool = False) -> dict[str, float]:
    """p50/p95 of the main queries on random regions, names and words (``more``: the
    listings too, each over the whole KB)."""
    rng = random.Random(seed)
    out: dict[str, float] = {}
    with engine.connect() as conn:
        codes = [r.code for r, _ in query.regions(conn)]
        names = [p.name for p in query.people(conn, limit=500).items]
        cases = {
            "dossier": lambda: query.dossier(conn, rng.choice(codes)),
            "links": lambda: query.links(conn, region=rng.choice(codes)),
            "person": lambda: query.person(conn, rng.choice(names)),
            "search": lambda: query.search(conn, rng.choice(WORDS)),
        }
        if more:
            cases |= {
                "links since": lambda: query.links(conn, since=date(2025, rng.randint(1, 12), 1)),
                "in force": lambda: query.agreements(conn, status="in-force"),
                "expiring": lambda: query.agreements(conn, status="expiring"),
                "overview": lambda: query.overview(conn),
                "graph": lambda: query.graph(conn),
                # the graph as the exports build it, every edge with its sources (the baseline)
                "graph+sources": lambda: query.graph(conn, sources_limit=adapt.MAX_SOURCES),
            }
        for name, fn in cases.items():
            p50, p95 = latencies(fn, n_queries)
            out[f"{name} p50"], out[f"{name} p95"] = p50, p95
    return out


def _empty_pg(url: str) -> None:
    from hamkor.kb.schema import metadata

    engine = create_engine(url)
    with engine.begin() as conn:
        metadata.drop_all(conn)
        conn.exec_driver_sql("DROP TABLE IF EXISTS alembic_version")
    engine.dispose()
    db._engine.cache_clear()


def table(rows: list[dict[str, float]], backend: str) -> str:
    heads = list(rows[0])
    lines = [f"{backend}: ms for latencies, records/s for rates",
             "  ".join(f"{h:>12}" for h in heads)]
    for r in rows:
        lines.append("  ".join(f"{r[h]:>12.0f}" if h == "size" else f"{r[h]:>12.2f}" for h in heads))
    return "\n".join(lines)


def row_split(row: dict[str, float], width: int = 8) -> list[dict[str, float]]:
    """One wide row as rows of at most ``width`` columns (each with the size), for the table."""
    keys = [k for k in row if k != "size"]
    return [{"size": row["size"], **{k: row[k] for k in keys[i:i + width]}}
            for i in range(0, len(keys), width)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--big", action="store_true", help="also 100,000 articles")
    ap.add_argument("--sizes", default="1000,10000", help="comma-separated article counts")
    ap.add_argument("--queries", type=int, default=60, help="queries of each kind")
    ap.add_argument("--pg", metavar="URL", help="also on this PostgreSQL database (emptied!)")
    ap.add_argument("--db", metavar="URL", help="only the query latencies, on this existing KB "
                    "(not written), listings included")
    args = ap.parse_args()
    if args.db:
        engine = db.engine(args.db, upgrade=False)
        with engine.connect() as conn:
            size = conn.execute(select(func.count()).select_from(s.articles)).scalar() or 0
        row = {"size": size, **query_latencies(engine, args.queries, more=True)}
        for part in row_split(row):
            print(table([part], f"existing KB {args.db}"))
        return
    sizes = [int(x) for x in args.sizes.split(",")] + ([100_000] if args.big else [])
    places.lookup("RU-OMS")  # the gazetteer loads once, outside the timings
    with tempfile.TemporaryDirectory() as tmp:
        rows = [measure(f"sqlite:///{tmp}/kb{size}.sqlite", size, args.queries) for size in sizes]
    print(table(rows, "SQLite (WAL, FTS5)"))
    if args.pg:
        pg_rows = []
        for size in sizes:
            _empty_pg(args.pg)
            pg_rows.append(measure(args.pg, size, args.queries))
        _empty_pg(args.pg)
        print(table(pg_rows, "PostgreSQL"))


if __name__ == "__main__":
    main()
