"""Golden tests: the seeds against their gold records, and the sample corpus against its own.

The scores use ../shared/eval/score.py itself, so they are the figures CI reports.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from hamkor import jsonio, pipeline
from hamkor.records import Extraction
from hamkor.sources.files import read_all
from tests.conftest import SAMPLES, SHARED


def _scorer():
    spec = importlib.util.spec_from_file_location("hamkor_eval_score", SHARED / "score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def score(gold: Path, paths: list[Path], tmp_path: Path) -> dict:
    pred = tmp_path / "pred.jsonl"
    with pred.open("w", encoding="utf-8") as f:
        for r in pipeline.run(read_all(paths)):
            assert isinstance(r, Extraction), r
            f.write(json.dumps(jsonio.to_json(r), ensure_ascii=False) + "\n")
    s = _scorer()
    golds, preds = s.load(gold), s.load(pred)
    out = {}
    for key in s.KEYS:
        tp = fp = fn = 0
        for doc_id, g in golds.items():
            a, b, c, _, _ = s.compare(key, s.items(g, key), s.items(preds.get(doc_id, {}), key))
            tp, fp, fn = tp + a, fp + b, fn + c
        out[key] = s.f1(tp, fp, fn)[2]
    known = [d for d, g in golds.items() if g.get("published")]
    out["published"] = sum(str(preds.get(d, {}).get("published") or "")[:10] == golds[d]["published"]
                           for d in known) / max(1, len(known))
    out["overall"] = sum(out.values()) / len(out)
    return out


def test_seeds(shared_eval, tmp_path):
    result = score(shared_eval / "gold" / "seeds.jsonl", sorted((shared_eval / "seeds").glob("*.txt")), tmp_path)
    assert result["overall"] >= 0.95, result
    assert all(v >= 0.90 for v in result.values()), result


@pytest.mark.parametrize("gold, folder, floor", [
    # Measured 2026-12-01: 1.000 (tuned on), 0.989 (written apart, then used for development),
    # 0.958 (written apart, never tuned on); 2026-12-02 holdout2 became development data too
    # (meetings, links, people rules) and gives 0.994. A drop below the floor fails here.
    ("expected.jsonl", "articles", 0.99),
    ("holdout.jsonl", "holdout", 0.98),
    ("holdout2.jsonl", "holdout2", 0.98),
    # holdout3, written apart on 2026-12-02: 0.925 when first measured, then development data
    # (0.995).
    ("holdout3.jsonl", "holdout3", 0.98),
    # holdout4, written apart on 2026-12-02: 0.901 with the rules of the session's start, 0.917
    # with the rules tuned on holdout2 and holdout3; then development data (0.977).
    ("holdout4.jsonl", "holdout4", 0.96),
    # holdout5, written apart on 2026-12-02: 0.843 with the rules of the session's start, 0.892
    # with the rules tuned on holdout2–4; then development data (0.941).
    ("holdout5.jsonl", "holdout5", 0.92),
    # holdout6, written apart on 2026-12-02 and never tuned on: 0.872 with the rules of the
    # session's start, 0.911 with the rules tuned on holdout2–5.
    ("holdout6.jsonl", "holdout6", 0.89),
])
def test_own_corpora(gold, folder, floor, tmp_path):
    if not (SAMPLES / gold).exists():
        pytest.skip(f"samples/{gold} is absent")
    if not (SHARED / "score.py").exists():
        pytest.skip(f"{SHARED / 'score.py'} is absent")
    result = score(SAMPLES / gold, sorted((SAMPLES / folder).glob("*.txt")), tmp_path)
    assert result["overall"] >= floor, result
