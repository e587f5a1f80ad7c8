"""The knowledge base the report and export tests read: built with the store from the
hand-made extraction records of ``kb_fixture.py`` (no NLP), once per session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def kb_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    from hamkor.kb import db, store
    from tests.reports import kb_fixture

    url = f"sqlite:///{tmp_path_factory.mktemp('kb') / 'reports.sqlite'}"
    summary = store.store_extractions(db.engine(url), kb_fixture.records())
    assert summary.failed == 0, summary
    return url


@pytest.fixture()
def kb(kb_url: str) -> Iterator[object]:
    from hamkor.kb import db

    with db.connect(kb_url) as conn:
        yield conn


@pytest.fixture(scope="session")
def artifacts() -> Path:
    path = Path(__file__).resolve().parents[2] / "test-artifacts" / "reports"
    path.mkdir(parents=True, exist_ok=True)
    return path
