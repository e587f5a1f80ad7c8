"""The only module that knows the order of stages.

    RawArticle ─clean→ Article ─parse→ Parsed ─link→ Linked ─extract→ Extraction

Each stage is a pure function of one record, so the same chain runs in this process,
in a local process pool, or on a Dask cluster (``hamkor.cluster``).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor

from hamkor.clean.article import clean
from hamkor.errors import InputError
from hamkor.extract import extract
from hamkor.nlp.link import link
from hamkor.nlp.parse import parse
from hamkor.records import Article, Extraction, Failure, RawArticle

Result = Extraction | Failure


def from_article(article: Article) -> Extraction:
    """Parse, link and extract an already cleaned article."""
    return extract(link(parse(article)))


def process(raw: RawArticle) -> Result:
    """One raw article through every stage; a bad input becomes a Failure, never an exception."""
    try:
        return from_article(clean(raw))
    except InputError as e:
        return Failure(e.source, e.problem)
    except RecursionError:
        return Failure(raw.source, "text too deeply nested to read")


def _warm() -> None:
    """Load models before the first article (in each worker)."""
    from hamkor.gazetteer import load
    from hamkor.nlp import models

    models.ner()
    models.morph()
    load()


def run(items: Iterable[RawArticle | Failure], workers: int = 1) -> Iterator[Result]:
    """Every item's result, in input order; Failures from the source pass straight through."""
    if workers <= 1:
        for item in items:
            yield item if isinstance(item, Failure) else process(item)
        return
    workers = min(workers, os.cpu_count() or 1)
    with ProcessPoolExecutor(max_workers=workers, initializer=_warm) as pool:
        pending: list = []
        for item in items:
            pending.append(item if isinstance(item, Failure) else pool.submit(process, item))
            if len(pending) >= workers * 8:
                first = pending.pop(0)
                yield first if isinstance(first, Failure) else first.result()
        for p in pending:
            yield p if isinstance(p, Failure) else p.result()
