"""Time to write a briefing note on a knowledge base of N synthetic articles.

    python bench/report.py [--size 10000] [--region RU-OMS] [--db URL] [--keep]

Builds (or reuses, with ``--db``) a SQLite knowledge base of N synthetic extraction records
(``hamkor.kb.synthetic``, the generator bench/kb.py uses; no NLP), then times, for the busiest region (or ``--region``): the dossier query, the document model, and each format (md, html, docx,
pdf). The baseline measured in the same run is the dossier query alone, so the ratio says
what the report adds on top of reading the facts. Aim: the whole note ≤ 10 s at 100k.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

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
        from hamkor.kb import synthetic

        origin = "hamkor.kb.synthetic"
        t = time.perf_counter()
        records = list(synthetic.records(args.size))
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
