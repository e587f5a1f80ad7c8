"""The only module that knows the order of stages.

    RawArticle ─clean→ Article ─(screen)─parse→ Parsed ─link→ Linked ─extract→ Extraction

With ``screened`` the relevance filter reads the clean text first: an article about nothing
of Russia–Uzbekistan cooperation becomes a Dropped record, with no NLP spent on it.
Each stage is a pure function of one record, so the same chain runs in this process,
in a local process pool, or on a Dask cluster (``hamkor.cluster``).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from functools import partial

from hamkor.clean.article import clean
from hamkor.errors import InputError
from hamkor.extract import extract
from hamkor.nlp.link import link
from hamkor.nlp.parse import parse
from hamkor.records import Article, Dropped, Extraction, Failure, RawArticle

Result = Extraction | Dropped | Failure


def from_article(article: Article) -> Extraction:
    """Parse, link and extract an already cleaned article."""
    return extract(link(parse(article)))


def screen(article: Article) -> Dropped | None:
    """The relevance filter on the title and text: a Dropped record, or None to go on."""
    from hamkor import relevance

    verdict = relevance.check(relevance.screened_text(article.title, article.text))
    return None if verdict.relevant else Dropped(article, verdict.reason)


def process(raw: RawArticle, screened: bool = False) -> Result:
    """One raw article through every stage; a bad input becomes a Failure, never an exception.

    ``screened``: run the relevance filter before the NLP."""
    try:
        article = clean(raw)
        dropped = screen(article) if screened else None
        return dropped or from_article(article)
    except InputError as e:
        return Failure(e.source, e.problem)
    except RecursionError:
        return Failure(raw.source, "text too deeply nested to read")


def _warm() -> None:
    """Load models before the first article (in each worker)."""
    from hamkor import relevance
    from hamkor.gazetteer import load
    from hamkor.nlp import models

    models.ner()
    models.morph()
    load()
    relevance.default()


def run(items: Iterable[RawArticle | Failure], workers: int = 1,
        screened: bool = False) -> Iterator[Result]:
    """Every item's result, in input order; Failures from the source pass straight through."""
    one = partial(process, screened=screened)
    if workers <= 1:
        for item in items:
            yield item if isinstance(item, Failure) else one(item)
        return
    workers = min(workers, os.cpu_count() or 1)
    with ProcessPoolExecutor(max_workers=workers, initializer=_warm) as pool:
        pending: list = []
        for item in items:
            pending.append(item if isinstance(item, Failure) else pool.submit(one, item))
            if len(pending) >= workers * 8:
                first = pending.pop(0)
                yield first if isinstance(first, Failure) else first.result()
        for p in pending:
            yield p if isinstance(p, Failure) else p.result()
