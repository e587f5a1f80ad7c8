"""The relevance filter beside natasha's NER, on the same texts in the same run.

    python bench/filter.py [--repeat 5]

Texts: the seed articles (../shared/eval/seeds, relevant: each has a gold link) and the
sample corpus (samples/articles, relevant when samples/expected.jsonl gives it a link).
Prints the filter's and natasha's throughput (MB/s) and their ratio, the filter's recall
on the relevant articles (must be 1.0) and how many irrelevant ones it drops.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hamkor import relevance  # noqa: E402
from hamkor.clean.article import clean  # noqa: E402
from hamkor.errors import InputError  # noqa: E402
from hamkor.sources.files import read  # noqa: E402

SEEDS = ROOT.parent / "shared" / "eval"


def _gold(path: Path) -> dict[str, bool]:
    """Article id → whether its expected record has a link."""
    if not path.is_file():
        return {}
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            out[r["id"]] = bool(r.get("links"))
    return out


def corpus() -> list[tuple[str, str, bool]]:
    """(id, cleaned text, relevant) for every seed and sample article with an expected record."""
    out = []
    for folder, gold in ((SEEDS / "seeds", _gold(SEEDS / "gold" / "seeds.jsonl")),
                         (ROOT / "samples" / "articles", _gold(ROOT / "samples" / "expected.jsonl"))):
        for path in sorted(folder.glob("*.txt")) if folder.is_dir() else ():
            if path.stem not in gold:
                continue
            raw = read(path)
            try:
                article = clean(raw)  # as the pipeline screens it: title, then text
                text = relevance.screened_text(article.title, article.text)
            except InputError:
                text = raw.data.decode("utf-8", "replace")
            out.append((path.stem, text, gold[path.stem]))
    return out


def best_of(repeat: int, fn) -> float:  # type: ignore[no-untyped-def]
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    texts = corpus()
    if not texts:
        sys.exit("no texts: neither ../shared/eval/seeds nor samples/articles is there")
    mb = sum(len(t.encode("utf-8")) for _, t, _ in texts) / 1e6
    f = relevance.default()  # built before timing, as the pipeline builds it once

    def run_filter(group: list[str]) -> None:
        for _ in range(20):
            for t in group:
                f.check(t)

    from natasha import Doc, NewsEmbedding, NewsNERTagger, Segmenter

    seg, ner = Segmenter(), NewsNERTagger(NewsEmbedding())

    def run_ner() -> None:
        for _, t, _ in texts:
            doc = Doc(t)
            doc.segment(seg)
            doc.tag_ner(ner)

    filter_mbs = mb * 20 / best_of(args.repeat, lambda: run_filter([t for _, t, _ in texts]))
    ner_mbs = mb / best_of(args.repeat, run_ner)
    # Irrelevant texts are scanned to the end (no early stop once all three are found).
    scanned = [t for _, t, rel in texts if not rel]
    scan_mb = sum(len(t.encode("utf-8")) for t in scanned) / 1e6
    scan_mbs = scan_mb * 20 / best_of(args.repeat, lambda: run_filter(scanned)) if scanned else 0.0
    verdicts = [(id, rel, f.check(t)) for id, t, rel in texts]
    relevant = [(id, v) for id, rel, v in verdicts if rel]
    irrelevant = [(id, v) for id, rel, v in verdicts if not rel]
    kept = sum(v.relevant for _, v in relevant)
    dropped = sum(not v.relevant for _, v in irrelevant)
    kept_all = kept + len(irrelevant) - dropped
    print(f"texts: {len(texts)} ({len(relevant)} relevant, {len(irrelevant)} irrelevant), "
          f"{mb * 1000:.0f} KB")
    print(f"filter:  {filter_mbs:8.2f} MB/s" + (f"  (on the irrelevant alone, read to the end: "
                                                f"{scan_mbs:.2f} MB/s)" if scanned else ""))
    print(f"natasha: {ner_mbs:8.3f} MB/s  (Segmenter + NewsNERTagger)")
    print(f"ratio:   {filter_mbs / ner_mbs:8.0f}× faster than NER")
    print(f"recall on relevant:      {kept}/{len(relevant)} = {kept / max(1, len(relevant)):.3f}")
    print(f"irrelevant dropped:      {dropped}/{len(irrelevant)} = "
          f"{dropped / max(1, len(irrelevant)):.3f}")
    print(f"precision of what is kept: {kept}/{kept_all} = {kept / max(1, kept_all):.3f}")
    for id, v in relevant:
        if not v.relevant:
            print(f"  MISSED relevant {id}: {v.reason}")
    for id, v in irrelevant:
        print(f"  irrelevant {id}: {'kept' if v.relevant else 'dropped'} — {v.reason}")


if __name__ == "__main__":
    main()
