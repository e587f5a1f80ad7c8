"""The Omsk note from the seed articles: the Bukhara, Navoiy and Tashkent Region documents,
each with its period and its source. Expectations are read from the gold file at run time."""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from hamkor.reports import build, draw, gather, labels
from hamkor.reports.model import Table

PARTNERS = ("UZ-BU", "UZ-NW", "UZ-TO")


@pytest.fixture(scope="module")
def seeds_kb(shared_eval: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    try:
        from hamkor import pipeline  # noqa: F401
        from hamkor.gazetteer import load

        load()
    except Exception as e:  # noqa: BLE001  (any failure means: no working extractor here)
        pytest.skip(f"the extractor does not work here ({type(e).__name__}: {e})")
    from hamkor.kb import db, store

    url = f"sqlite:///{tmp_path_factory.mktemp('seeds') / 'seeds.sqlite'}"
    summary = store.ingest(db.engine(url), [str(shared_eval / "seeds")])
    assert summary.failed == 0, summary
    return url


def _gold(shared_eval: Path) -> list[tuple[str, dict]]:
    out = []
    with open(shared_eval / "gold" / "seeds.jsonl", encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            out += [(record["id"], a) for a in record["agreements"] if "RU-OMS" in a["parties"]]
    return out


def test_omsk_note_lists_partner_documents(seeds_kb: str, shared_eval: Path,
                                           artifacts: Path) -> None:
    from hamkor.kb import db

    with db.connect(seeds_kb) as conn:
        brief = gather.read(conn, "RU-OMS")
    note = build.report(brief, date(2025, 7, 1))
    section = next(s for s in note.sections if s.title == "Документы о сотрудничестве")
    table = next(b for b in section.blocks if isinstance(b, Table))
    refs = {r.number: r for r in note.references}
    names = {p.code: p.name for a in brief.agreements for p in a.parties}
    rows = []
    for row in table.rows:
        cited = {refs[n].article_id for n in row[-1].ref.numbers}
        rows.append((row[1].text, row[2].text, row[4].text, cited))
    for code in PARTNERS:
        mine = [r for r in rows if names.get(code, code) in r[1]]
        assert mine, f"no document with {code} in {rows}"
        assert all(r[3] for r in mine), f"a {code} document cites no source"
    for aid, a in _gold(shared_eval):
        other = next(p for p in a["parties"] if p != "RU-OMS")
        if other not in PARTNERS or not (a["from"] or a["to"]):
            continue
        kind = labels.word(labels.KIND, a["kind"])
        period = labels.years(a["from"], a["to"])
        match = [r for r in rows if r[0].lower()[:5] == kind.lower()[:5]
                 and names.get(other, other) in r[1]
                 and r[2] == period]
        assert match, f"{kind} with {other} for {period} (from {aid}) is missing: {rows}"
        assert any(aid in r[3] for r in match), f"{aid} is not cited for {kind} with {other}"
    text = draw(note, "md").decode()
    for aid in {aid for aid, _ in _gold(shared_eval)}:
        ref = next((r for r in note.references if r.article_id == aid), None)
        assert ref is not None and (ref.url or ref.title or aid) in text
    pdf = artifacts / "omsk-seeds.pdf"  # test-artifacts/ is not committed: seed text stays out
    pdf.write_bytes(draw(note, "pdf"))
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-r", "80", "-png", "-f", "1", "-l", "2", str(pdf),
                        str(artifacts / "omsk-seeds")], check=True)
