"""Extraction throughput beside natasha's segmenter + NER alone, on the same texts, same run.

    python bench/extract.py [--repeat 5] [PATH ...]

Defaults: the seed articles in ../shared/eval/seeds and the sample corpus in samples/articles.
Prints articles/s, KB/s, the ratio of hamkor's time to natasha's, and peak RSS.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hamkor import pipeline  # noqa: E402
from hamkor.records import Extraction, RawArticle  # noqa: E402
from hamkor.sources.files import read_all  # noqa: E402


def corpora(paths: list[str]) -> dict[str, list[RawArticle]]:
    sets = {"seeds": [str(ROOT.parent / "shared" / "eval" / "seeds")],
            "samples": [str(ROOT / "samples" / "articles")]} if not paths else {"given": paths}
    out = {}
    for name, ps in sets.items():
        raws = [r for r in read_all(ps) if isinstance(r, RawArticle)]
        if raws:
            out[name] = raws
    return out


def time_hamkor(raws: list[RawArticle], repeat: int) -> tuple[float, float]:
    """Best wall time and best CPU time of this process over the repeats."""
    best, cpu = float("inf"), float("inf")
    for _ in range(repeat):
        t, c = time.perf_counter(), time.process_time()
        for r in raws:
            assert isinstance(pipeline.process(r), Extraction)
        best, cpu = min(best, time.perf_counter() - t), min(cpu, time.process_time() - c)
    return best, cpu


def time_natasha(texts: list[str], repeat: int) -> tuple[float, float]:
    from natasha import Doc, NewsEmbedding, NewsNERTagger, Segmenter

    seg, ner = Segmenter(), NewsNERTagger(NewsEmbedding())
    best, cpu = float("inf"), float("inf")
    for _ in range(repeat):
        t, c = time.perf_counter(), time.process_time()
        for text in texts:
            doc = Doc(text)
            doc.segment(seg)
            doc.tag_ner(ner)
        best, cpu = min(best, time.perf_counter() - t), min(cpu, time.process_time() - c)
    return best, cpu


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    sets = corpora(args.paths)
    if not sets:
        sys.exit("bench/extract.py: no articles found")
    for raws in sets.values():  # warm up: models, gazetteer, caches
        pipeline.process(raws[0])
    print(f"{'corpus':<9} {'articles':>8} {'KB':>7} {'hamkor a/s':>11} {'KB/s':>7} "
          f"{'natasha a/s':>12} {'ratio':>6} {'cpu ratio':>10}")
    for name, raws in sets.items():
        texts = [r.data.decode("utf-8", "replace") for r in raws]
        kb = sum(len(r.data) for r in raws) / 1024
        h, hc = time_hamkor(raws, args.repeat)
        n, nc = time_natasha(texts, args.repeat)
        print(f"{name:<9} {len(raws):>8} {kb:>7.1f} {len(raws) / h:>11.1f} {kb / h:>7.1f} "
              f"{len(raws) / n:>12.1f} {h / n:>6.2f} {hc / nc:>10.2f}")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS {rss:.0f} MB  (ratio = hamkor's full extraction time / natasha segmenter+NER time; "
          f"cpu ratio the same in this process's CPU time, steadier on a shared machine; "
          f"aim ≤ 1.3, RSS ≤ 500 MB)")


if __name__ == "__main__":
    main()
