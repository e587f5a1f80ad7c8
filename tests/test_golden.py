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


def test_sample_corpus(tmp_path):
    if not (SAMPLES / "expected.jsonl").exists():
        pytest.skip("samples/expected.jsonl is absent")
    if not (SHARED / "score.py").exists():
        pytest.skip(f"{SHARED / 'score.py'} is absent")
    result = score(SAMPLES / "expected.jsonl", sorted((SAMPLES / "articles").glob("*.txt")), tmp_path)
    # Measured 0.945 on 2026-11-23; the aim is 0.95 (not reached yet). A drop fails here.
    assert result["overall"] >= 0.94, result
