"""Time to write a briefing note on a knowledge base of N synthetic articles.

    python bench/report.py [--size 10000] [--region RU-OMS] [--db URL] [--keep]

Builds (or reuses, with ``--db``) a SQLite knowledge base of N synthetic extraction records
(``hamkor.kb.synthetic``, bench/kb.py's generator, when present, else the small one below;
no NLP), then times, for the busiest region (or ``--region``): the dossier query, the document model, and each format (md, html, docx,
pdf). The baseline measured in the same run is the dossier query alone, so the ratio says
what the report adds on top of reading the facts. Aim: the whole note ≤ 10 s at 100k.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hamkor.records import (  # noqa: E402
    Agreement,
    Article,
    Event,
    Evidence,
    Extraction,
    Link,
    Meeting,
    Metric,
    Person,
    RegionMention,
    Sector,
)

RU = ["RU-OMS", "RU-TA", "RU-MOS", "RU-MOW", "RU-SPE", "RU-SVE", "RU-NVS", "RU-CHE", "RU-BA",
      "RU-SAM", "RU-KRA", "RU-TYU", "RU-PER", "RU-NIZ", "RU-ORE", "RU-AST", "RU-VOR", "RU-KDA"]
UZ = ["UZ-BU", "UZ-NW", "UZ-TO", "UZ-TK", "UZ-SA", "UZ-JI", "UZ-QR", "UZ-AN", "UZ-FA", "UZ-NG",
      "UZ-QA", "UZ-SU", "UZ-SI", "UZ-XO"]
KINDS = ["agreement", "memorandum", "protocol", "roadmap", "plan"]
BASIS = ["meeting", "visit", "document", "project", "institutions", "trade"]
EVENTS = ["visit", "meeting", "signing", "forum", "exhibition", "milestone"]
SECTORS = ["industry", "education", "agriculture", "energy", "tourism", "transport"]
FIRST = ["Иван", "Пётр", "Анна", "Рустам", "Нодир", "Шухрат", "Елена", "Алишер", "Сергей"]
LAST = ["Иванов", "Петров", "Смирнов", "Каримов", "Юсупов", "Рашидов", "Орлова", "Носиров"]
TEXT = ("Делегация региона {ru} провела переговоры в регионе {uz}. Стороны подписали документ "
        "о сотрудничестве. Товарооборот вырос.")


def _ev(text: str, phrase: str) -> tuple[Evidence, ...]:
    i = max(0, text.find(phrase))
    return (Evidence(i, i + len(phrase), text.split(". ")[0] + ".", 0),)


def synthetic(n: int, seed: int = 7) -> list[Extraction]:
    """N articles on random pairs; the first RU region (Omsk) is in a tenth of them."""
    rng = random.Random(seed)
    start = date(2019, 1, 1)
    people = {c: [f"{rng.choice(FIRST)} {rng.choice(LAST)}{i}" for i in range(6)] for c in RU + UZ}
    out = []
    for i in range(n):
        ru = RU[0] if rng.random() < 0.1 else rng.choice(RU)
        uz = rng.choice(UZ)
        day = start + timedelta(days=rng.randrange(2500))
        text = TEXT.format(ru=ru, uz=uz)
        ev = _ev(text, "переговоры")
        a, b = rng.choice(people[ru]), rng.choice(people[uz])
        facts: dict = {
            "regions": (RegionMention(ru, ev), RegionMention(uz, ev)),
            "people": (Person(a, ru, "губернатор", "губернатор", None, ev),
                       Person(b, uz, "хоким", "хоким", None, ev)),
            "links": (Link(ru, uz, tuple(rng.sample(BASIS, 2)), ev),),
            "meetings": (Meeting((a, b), day.isoformat(), None, ev),),
            "events": (Event(rng.choice(EVENTS), day.isoformat(), None, (ru, uz, a, b), ev),),
            "sectors": (Sector(rng.choice(SECTORS), ev),),
        }
        if rng.random() < 0.3:
            y = rng.randrange(2019, 2027)
            facts["agreements"] = (Agreement(rng.choice(KINDS), (ru, uz), y, y + rng.randrange(3),
                                             None, None, "signed", _ev(text, "подписали")),)
        if rng.random() < 0.1:
            facts["metrics"] = (Metric(ru, "UZ", "trade_turnover", str(day.year),
                                       round(rng.uniform(1e6, 5e8), -5), "USD",
                                       _ev(text, "Товарооборот")),)
        art = Article(id=f"syn{i:07d}", source=f"syn{i:07d}", text=text, published=day,
                      title=f"Синтетическая статья {i}", url=f"https://example.org/syn/{i}",
                      checksum=f"syn{i}")
        out.append(Extraction(id=art.id, published=day, article=art, extractor="bench", **facts))
    return out


def _generator():  # noqa: ANN202
    """The KB engineer's generator (``hamkor.kb.synthetic.records``) when present; else ours."""
    try:
        from hamkor.kb import synthetic as kb_synthetic
    except ImportError:
        return synthetic, "bench/report.py:synthetic"
    return (lambda n: list(kb_synthetic.records(n))), "hamkor.kb.synthetic.records"


def _time(fn, repeat: int = 3) -> tuple[float, object]:  # noqa: ANN001
    best, value = float("inf"), None
    for _ in range(repeat):
        t = time.perf_counter()
        value = fn()
        best = min(best, time.perf_counter() - t)
    return best, value


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", type=int, default=10_000, help="synthetic articles (default 10k)")
    ap.add_argument("--region", help="default: the region with the most interactions")
    ap.add_argument("--own", action="store_true", help="use this file's generator")
    ap.add_argument("--db", help="an existing knowledge base to use instead of a new one")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--keep", action="store_true", help="keep the knowledge base built here")
    args = ap.parse_args()

    from hamkor.kb import db, query, store
    from hamkor.reports import build, draw, gather

    url, tmp = args.db, None
    if url is None:
        tmp = Path(tempfile.mkdtemp(prefix="hamkor-bench-report-"))
        url = f"sqlite:///{tmp / 'kb.sqlite'}"
        generate, origin = (synthetic, "bench/report.py:synthetic") if args.own else _generator()
        t = time.perf_counter()
        records = generate(args.size)
        summary = store.store_extractions(db.engine(url), records)
        print(f"knowledge base: {args.size:,} articles from {origin}, "
              f"built in {time.perf_counter() - t:.1f} s ({summary})")
    with db.connect(url) as conn:
        if args.region is None:
            args.region = max(query.regions(conn), key=lambda r: r[1])[0].code
        base, dossier = _time(lambda: query.dossier(conn, args.region), args.repeat)
        if dossier is None:
            sys.exit(f"{args.region} is not in {url}")
        t_gather, brief = _time(lambda: gather.read(conn, args.region), args.repeat)
    t_build, note = _time(lambda: build.report(brief), args.repeat)
    print(f"{args.region}: {len(dossier.partners)} partners, {len(dossier.agreements)} agreements, "
          f"{len(dossier.officials)} officials, {len(dossier.events)} events, "
          f"{len(dossier.sources):,} sources")
    print(f"  dossier query (baseline)  {base:8.3f} s")
    print(f"  gather (query + meetings) {t_gather:8.3f} s")
    print(f"  document model            {t_build:8.3f} s   {len(note.references)} references")
    for fmt in ("md", "html", "docx", "pdf"):
        t_fmt, data = _time(lambda fmt=fmt: draw(note, fmt), args.repeat)
        total = t_gather + t_build + t_fmt
        print(f"  {fmt:<5} render {t_fmt:8.3f} s   whole note {total:7.3f} s "
              f"({total / base:5.1f}× the query)  {len(data):>9,} bytes")
    if tmp is not None:
        if args.keep:
            print(f"kept: --db {url}")
        else:
            db.engine(url).dispose()
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
