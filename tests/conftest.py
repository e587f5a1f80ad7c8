"""Shared fixtures: the shared evaluation folder, and the pipeline on a text."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "eval"
SAMPLES = ROOT / "samples"


@pytest.fixture(scope="session")
def shared_eval() -> Path:
    if not (SHARED / "seeds").is_dir():
        pytest.skip(f"{SHARED} is absent: the seed articles live outside the project")
    return SHARED


@pytest.fixture(scope="session")
def run_text():
    """Extract the record of one article given as text (models loaded once per session)."""
    from hamkor import pipeline
    from hamkor.records import Extraction, RawArticle

    def run(text: str, id: str = "t") -> Extraction:
        result = pipeline.process(RawArticle(id=id, source=f"<{id}>", data=text.encode()))
        assert isinstance(result, Extraction), result
        return result

    return run
