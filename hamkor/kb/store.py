"""Idempotent ingest: articles through the pipeline into the knowledge base.

One transaction per article replaces that article's claims (and nothing else) and marks the
blocks they touch; ``derive.flush`` then re-derives those blocks, every few hundred articles
and at the end. A kill -9 leaves whole articles and a list of blocks still to derive, which
the next run (or any ``hamkor db upgrade``) finishes first.

An article whose checksum and extractor version are already stored is skipped before any NLP.
"""

from __future__ import annotations

import hashlib
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, bindparam, delete, select
from sqlalchemy.exc import SQLAlchemyError

from hamkor import EXTRACTOR_VERSION
from hamkor.kb import claims, corrections, derive, inputs, places, search, stories
from hamkor.kb import db as kbdb
from hamkor.kb import schema as s
from hamkor.kb.sql import chunks, insert, insert_ignore
from hamkor.records import Dropped, Extraction, Failure, RawArticle

Progress = Callable[[int, int | None], None]  # (done, total or None)
# Derive after this many stored articles, or a quarter of those this run stored so far (so a
# long ingest re-derives its hot blocks a logarithmic number of times), or after a minute,
# but never spending more than a tenth of the time deriving: a hot block grows with the
# knowledge base, so deriving it at a fixed pace would make ingest quadratic.
FLUSH_EVERY = 500
FLUSH_SECONDS = 60.0
FLUSH_SHARE = 0.1


@dataclass(frozen=True)
class Summary:
    """What one ingest did."""

    new: int = 0
    unchanged: int = 0
    updated: int = 0
    failed: int = 0
    irrelevant: int = 0  # stored (new or updated) but about nothing the KB holds
    failures: tuple[Failure, ...] = ()
    seconds: float = 0.0
    copies: int = 0  # stored articles that joined other articles' story (copies of one text)

    @property
    def total(self) -> int:
        return self.new + self.unchanged + self.updated + self.failed

    def __str__(self) -> str:
        rate = self.total / self.seconds if self.seconds > 0 else 0.0
        text = (f"new {self.new}, unchanged {self.unchanged}, updated {self.updated}, "
                f"failed {self.failed}")
        notes = [f"irrelevant {self.irrelevant}"] if self.irrelevant else []
        notes += [f"copies {self.copies}"] if self.copies else []
        if notes:
            text += f" ({', '.join(notes)})"
        return text + f" — {self.total} in {self.seconds:.1f} s ({rate:.1f}/s)"


# --- one article ---------------------------------------------------------------------------


_KNOWN = (select(s.articles.c.checksum, s.articles.c.extractor, s.articles.c.status,
                 s.articles.c.reason).where(s.articles.c.id == bindparam("aid")))


_OTHER = s.articles.alias("other")
_COPY = (select(_OTHER.c.id).join(s.articles, s.articles.c.story == _OTHER.c.story)
         .where(s.articles.c.id == bindparam("aid"), _OTHER.c.id != bindparam("aid")).limit(1))


def _known(conn: Connection, article_id: str) -> Any:
    return conn.execute(_KNOWN, {"aid": article_id}).first()


def _irrelevant(x: Extraction) -> bool:
    return not (x.regions or x.people or x.links or x.agreements or x.meetings or x.metrics)


def _article_row(x: Extraction | None, raw: RawArticle | None, checksum: str, extractor: str,
                 status: str, reason: str | None) -> dict[str, Any]:
    art = x.article if x is not None else None
    return {
        "id": x.id if x is not None else raw.id,  # type: ignore[union-attr]
        "source": art.source if art else (raw.source if raw else "<record>"),
        "url": art.url if art else (raw.url if raw else None),
        "title": art.title if art else (raw.title if raw else None),
        "site": art.site if art else (raw.site if raw else None),
        "published": x.published if x is not None else None,
        "language": art.language if art else None,
        "text": art.text if art else "",
        "checksum": checksum, "extractor": extractor, "status": status, "reason": reason,
        "stored_at": datetime.now(UTC).replace(tzinfo=None),
    }


def _codes(cs: claims.ClaimSet) -> set[str]:
    rows = cs.rows
    out = {r["code"] for r in rows.get("region", [])}
    out |= {r["of"] for r in rows.get("person", []) if r["of"]}
    for r in rows.get("link", []):
        out |= {r["ru"], r["uz"]}
    for r in rows.get("agreement", []):
        out |= set(r["parties"].split())
    for r in rows.get("metric", []):
        out |= {r["subject"], r["counterpart"]}
    for r in rows.get("event", []):
        out |= set(r["codes"].split())
    return {c for c in out if c}


STORY_COUNTED = ("person", "link", "region", "organisation")  # kinds whose facts count stories


def _blocks(conn: Connection, ids: Iterable[str], kinds: Iterable[str]) -> dict[str, set[str]]:
    """The blocks the claims of these articles fall in, for some kinds of claims."""
    out: dict[str, set[str]] = {}
    for chunk in chunks(sorted(ids)):
        for kind in kinds:
            table = s.CLAIMS[kind]
            out.setdefault(kind, set()).update(conn.execute(
                select(table.c.block).distinct().where(table.c.article_id.in_(chunk))).scalars())
    return out


def _merge(into: dict[str, set[str]], more: dict[str, set[str]]) -> None:
    for kind, blocks in more.items():
        into.setdefault(kind, set()).update(blocks)


def store(conn: Connection, x: Extraction | None, row: dict[str, Any],
          rekey: claims.Rekey | None = None, codes_seen: set[str] | None = None,
          skip_unchanged: bool = False) -> str:
    """Replace one article and its claims (the caller's transaction): "new", "updated", or
    with ``skip_unchanged`` "unchanged" when its checksum and extractor are stored already.

    ``codes_seen`` caches the region codes already in the table, across calls of one run."""
    aid = row["id"]
    old = _known(conn, aid)
    if (skip_unchanged and old is not None and old.checksum == row["checksum"]
            and old.extractor == row["extractor"] and old.status == row["status"]):
        return "unchanged"
    blocks: dict[str, set[str]] = {}
    moved: set[str] = set()
    if old is not None:
        moved = stories.remove(conn, aid)
        blocks = _blocks(conn, [aid], s.CLAIMS)
    placed = stories.find(conn, aid, row["text"], row["published"]) if row["status"] == "ok" else None
    row = {**row, "story": placed.story if placed else None}
    if old is not None:
        conn.execute(delete(s.evidence).where(s.evidence.c.article_id == aid))
        for table in s.CLAIMS.values():
            conn.execute(delete(table).where(table.c.article_id == aid))
        conn.execute(s.articles.update().where(s.articles.c.id == aid).values(row))
        search.remove(conn, aid)
    else:
        conn.execute(s.articles.insert(), row)
    outcome = "new" if old is None else "updated"
    if placed is not None:
        moved |= stories.keep(conn, placed)
    _merge(blocks, _blocks(conn, moved, STORY_COUNTED))
    if row["status"] == "failed":
        derive.mark(conn, blocks)
        return outcome
    search.index(conn, aid, row["title"], row["text"], fresh=True)
    cs = claims.build(x, rekey) if x is not None else claims.ClaimSet(aid)
    codes = _codes(cs) - (codes_seen or set())
    insert_ignore(conn, s.regions, [{"code": r.code, "name": r.name, "country": r.country}
                                    for r in map(places.lookup, sorted(codes))])
    for kind, rows in cs.rows.items():
        insert(conn, s.CLAIMS[kind], rows)
    insert(conn, s.evidence, cs.evidence)
    _merge(blocks, cs.blocks())
    derive.mark(conn, blocks)
    if codes_seen is not None:
        codes_seen |= codes
    return outcome


# --- many articles -------------------------------------------------------------------------


class _Run:
    """The state of one ingest: counts, failures, what is in flight, when to derive."""

    def __init__(self, engine: Engine, total: int | None, on_progress: Progress | None,
                 force: bool) -> None:
        self.engine = kbdb.writer(engine)
        self.total, self.on_progress, self.force = total, on_progress, force
        self.counts: Counter[str] = Counter()
        self.failures: list[Failure] = []
        self.seen: dict[str, str] = {}
        self.codes: set[str] = set()
        self.since_flush, self.last_flush, self.stored = 0, time.monotonic(), 0
        self.flush_took = 0.0
        with self.engine.begin() as conn:
            derive.flush(conn)  # what an interrupted run left
            self.rekey = corrections.rekeyer(conn)

    def done(self, outcome: str, failure: Failure | None = None) -> None:
        self.counts[outcome] += 1
        if failure is not None:
            self.failures.append(failure)
        if self.on_progress is not None:
            self.on_progress(sum(self.counts[k] for k in ("new", "unchanged", "updated", "failed")),
                             self.total)

    def duplicate(self, article_id: str, source: str) -> bool:
        first = self.seen.setdefault(article_id, source)
        if first == source:
            return False
        self.done("failed", Failure(source, f"article id {article_id!r} is also {first}; skipped"))
        return True

    def unchanged(self, article_id: str, checksum: str, extractor: str, source: str) -> bool:
        if self.force:
            return False
        with self.engine.connect() as conn:
            known = _known(conn, article_id)
        if known is None or known.checksum != checksum or known.extractor != extractor:
            return False
        if known.status == "failed":
            self.done("failed", Failure(source, known.reason or "failed before"))
        else:
            self.done("unchanged")
        return True

    def save(self, x: Extraction | None, row: dict[str, Any], failure: Failure | None = None,
             skip_unchanged: bool = False) -> None:
        try:
            with self.engine.begin() as conn:
                outcome = store(conn, x, row, self.rekey, self.codes, skip_unchanged)
                copy = outcome != "unchanged" and row["status"] == "ok" and conn.execute(
                    _COPY, {"aid": row["id"]}).first() is not None
        except SQLAlchemyError as e:  # this article's transaction is rolled back; go on
            problem = str(getattr(e, "orig", None) or e).strip().splitlines()[0]
            self.done("failed", Failure(row["source"], f"cannot store: {problem}"))
            return
        if outcome == "unchanged":
            self.done(outcome)
            return
        if row["status"] == "irrelevant":
            self.counts["irrelevant"] += 1
        self.counts["copies"] += copy
        self.done("failed" if failure else outcome, failure)
        self.since_flush += 1
        self.stored += 1
        due = max(FLUSH_EVERY, self.stored // 4)
        wait = max(FLUSH_SECONDS, self.flush_took * (1 - FLUSH_SHARE) / FLUSH_SHARE)
        if self.since_flush >= due or time.monotonic() - self.last_flush > wait:
            self.flush()

    def flush(self) -> None:
        started = time.monotonic()
        with self.engine.begin() as conn:
            derive.flush(conn)
        self.since_flush, self.last_flush = 0, time.monotonic()
        self.flush_took = self.last_flush - started

    def summary(self, seconds: float) -> Summary:
        c = self.counts
        return Summary(c["new"], c["unchanged"], c["updated"], c["failed"], c["irrelevant"],
                       tuple(self.failures), seconds, c["copies"])


def _save_extraction(run: _Run, x: Extraction, skip_unchanged: bool = False) -> None:
    status = "irrelevant" if _irrelevant(x) else "ok"
    reason = "names no region or party of either side" if status == "irrelevant" else None
    run.save(x, _article_row(x, None, inputs.checksum(x), x.extractor or EXTRACTOR_VERSION, status,
                             reason), skip_unchanged=skip_unchanged)


def ingest(engine: Engine, items: Iterable[inputs.Item], workers: int = 1,
           on_progress: Progress | None = None, force: bool = False,
           total: int | None = None, fields: dict[str, str] | None = None,
           screened: bool = False) -> Summary:
    """Store every article of ``items`` (paths, URLs, RawArticles or Extractions; see
    ``inputs.expand``) and derive the merged facts. ``force`` re-extracts unchanged articles too;
    ``fields`` maps the field names of JSONL dumps (``hamkor.sources.jsonl``); ``screened``
    stores what the relevance filter drops as 'irrelevant' with its reason, without NLP."""
    started = time.perf_counter()
    if total is None and isinstance(items, list | tuple):
        total = inputs.count(items)
    run = _Run(engine, total, on_progress, force)
    inflight: deque[RawArticle] = deque()

    def feed() -> Iterator[RawArticle]:
        for item in inputs.expand(items, fields):
            if isinstance(item, Failure):
                run.done("failed", item)
            elif isinstance(item, Extraction):
                source = item.article.source if item.article else item.id
                if not run.duplicate(item.id, source):
                    _save_extraction(run, item, skip_unchanged=not run.force)
            else:
                if run.duplicate(item.id, item.source):
                    continue
                checksum = hashlib.sha256(item.data).hexdigest()
                if not run.unchanged(item.id, checksum, EXTRACTOR_VERSION, item.source):
                    inflight.append(item)
                    yield item

    raws = feed()
    first = next(raws, None)
    if first is not None:
        from itertools import chain

        for result in _extract(chain([first], raws), workers, screened):
            raw = inflight.popleft()
            checksum = hashlib.sha256(raw.data).hexdigest()
            if isinstance(result, Failure):
                with run.engine.connect() as conn:
                    known = _known(conn, raw.id)
                if known is not None and known.status != "failed":
                    run.done("failed", result)  # a bad re-read keeps what is stored
                else:
                    run.save(None, _article_row(None, raw, checksum, EXTRACTOR_VERSION,
                                                "failed", result.problem), result)
            elif isinstance(result, Dropped):
                x = Extraction(result.article.id, result.article.published,
                               article=result.article, extractor=EXTRACTOR_VERSION)
                run.save(x, _article_row(x, raw, checksum, EXTRACTOR_VERSION, "irrelevant",
                                         result.reason))
            else:
                _save_extraction(run, replace(result, extractor=result.extractor or
                                              EXTRACTOR_VERSION))
    run.flush()
    return run.summary(time.perf_counter() - started)


def _process(raw: RawArticle, screened: bool = False) -> Extraction | Dropped | Failure:
    """The pipeline on one article; an extractor bug fails that article, not the ingest."""
    from hamkor import pipeline

    try:
        return pipeline.process(raw, screened)
    except Exception as e:  # noqa: BLE001 - reported as the article's failure
        return Failure(raw.source, f"extraction failed: {type(e).__name__}: {e}")


def _extract(raws: Iterator[RawArticle], workers: int,
             screened: bool = False) -> Iterator[Extraction | Dropped | Failure]:
    """Each article's result in input order, in this process or a pool of ``workers``."""
    from functools import partial

    one = partial(_process, screened=screened)
    if workers <= 1:
        yield from map(one, raws)
        return
    import os
    from concurrent.futures import ProcessPoolExecutor

    from hamkor import pipeline  # lazy: the NLP models load only when needed

    warm = getattr(pipeline, "_warm", None)
    with ProcessPoolExecutor(max_workers=min(workers, os.cpu_count() or 1), initializer=warm) as pool:
        pending: deque = deque()
        for raw in raws:
            pending.append(pool.submit(one, raw))
            if len(pending) >= workers * 8:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def store_extractions(engine: Engine, records: Iterable[Extraction]) -> Summary:
    """Store ready-made records (benchmarks, tests): no NLP, same transactions."""
    return ingest(engine, records)
