"""Every export read back with a reader of its format and compared with the query layer."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from hamkor.kb import query
from hamkor.reports import export
from hamkor.reports.export import collect, rows


def _all(conn, fetch) -> list:
    return list(collect._pages(lambda **kw: fetch(conn, **kw)))


def test_csv_one_file_a_table(kb, tmp_path: Path) -> None:
    out = tmp_path / "tables"
    export.export(kb, "csv", out, "all")
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{t}.csv" for t in rows.TABLES)
    with open(out / "agreements.csv", encoding="utf-8", newline="") as fh:
        got = list(csv.DictReader(fh))
    want = _all(kb, query.agreements)
    assert [r["id"] for r in got] == [a.id for a in want]
    for r, a in zip(got, want, strict=True):
        assert r["kind"] == a.kind and r["parties"] == "; ".join(p.code for p in a.parties)
        assert r["from"] == str(a.from_year or "") and r["to"] == str(a.to_year or "")
        assert r["signed"] == (a.signed.isoformat() if a.signed else "")
        assert r["articles"] == "; ".join(dict.fromkeys(s.article_id for s in a.sources))


def test_csv_single_table_is_a_file(kb, tmp_path: Path) -> None:
    out = tmp_path / "links.csv"
    n = export.export(kb, "csv", out, "links")
    with open(out, encoding="utf-8", newline="") as fh:
        got = list(csv.DictReader(fh))
    want = _all(kb, query.links)
    assert n == len(got) == len(want)
    assert {(r["ru"], r["uz"], int(r["count"])) for r in got} == {
        (k.ru.code, k.uz.code, k.count) for k in want}


def test_xlsx_formatted_sheets(kb, tmp_path: Path) -> None:
    import openpyxl

    out = tmp_path / "kb.xlsx"
    export.export(kb, "xlsx", out, "all")
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == list(rows.TABLES)
    ws = wb["metrics"]
    header = [c.value for c in ws[1]]
    assert header == list(rows.columns("metrics"))
    assert all(c.font.bold for c in ws[1])
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref.startswith("A1:")
    assert ws.column_dimensions["A"].width > 2
    want = _all(kb, query.metrics)
    got = [dict(zip(header, (c.value for c in row), strict=True)) for row in ws.iter_rows(min_row=2)]
    assert [(r["subject"], r["period"], r["value"]) for r in got] == [
        (m.subject.code, m.period, m.value) for m in want]
    people = wb["people"]
    first_seen = [c.value for c in people["H"][1:]]
    assert all(hasattr(v, "year") for v in first_seen if v is not None)


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_graphs_open_in_networkx(kb, tmp_path: Path, fmt: str) -> None:
    import networkx as nx

    out = tmp_path / f"regions.{fmt}"
    export.export(kb, fmt, out)
    g = nx.read_graphml(out) if fmt == "graphml" else nx.read_gexf(out)
    regions, links = query.graph(kb)
    assert set(g.nodes) == {r.code for r in regions}
    for r in regions:
        node = g.nodes[r.code]
        assert (node["name"], node["country"]) == (r.name, r.country)
    for k in links:
        edge = g.edges[k.ru.code, k.uz.code]
        assert float(edge["weight"]) == k.count
        assert edge["last"] == (k.last.isoformat() if k.last else "")


def test_gexf_is_reproducible(kb, tmp_path: Path) -> None:
    a, b = tmp_path / "a.gexf", tmp_path / "b.gexf"
    export.export(kb, "gexf", a)
    export.export(kb, "gexf", b)
    assert a.read_bytes() == b.read_bytes()
    newest = max(k.last for k in query.graph(kb)[1] if k.last)
    assert f'lastmodifieddate="{newest.isoformat()}"'.encode() in a.read_bytes()


def test_graph_formats_take_links_only(kb, tmp_path: Path) -> None:
    from hamkor.errors import HamkorError

    with pytest.raises(HamkorError):
        export.export(kb, "graphml", tmp_path / "x.graphml", "people")


def test_ftm_entities_validate(kb, tmp_path: Path) -> None:
    from followthemoney import model

    out = tmp_path / "kb.ftm.json"
    export.export(kb, "ftm", out)
    lines = out.read_text(encoding="utf-8").splitlines()
    entities = [model.get_proxy(json.loads(line)) for line in lines]
    by_id = {e.id: e for e in entities}
    assert len(by_id) == len(entities)
    schemata = {e.schema.name for e in entities}
    assert {"PublicBody", "Person", "Position", "Occupancy", "Event", "Contract",
            "UnknownLink", "Article"} <= schemata
    for e in entities:  # every reference points at an entity in the file
        for prop, value in e.itervalues():
            if prop.type.name == "entity":
                assert value in by_id, (e.id, prop.name, value)
    for a in _all(kb, query.agreements):
        contract = by_id[f"hamkor-agreement-{a.id}"]
        assert sorted(contract.get("authority")) == sorted(
            f"hamkor-region-{p.code.lower()}" for p in a.parties)
        assert {by_id[p].get("title")[0] for p in contract.get("proof")} == {
            s.title for s in a.sources}
    second = tmp_path / "again.ftm.json"
    export.export(kb, "ftm", second)
    assert second.read_bytes() == out.read_bytes()  # stable ids, stable order


def test_jsonl_every_fact_with_evidence(kb, tmp_path: Path) -> None:
    out = tmp_path / "facts.jsonl"
    n = export.export(kb, "jsonl", out)
    facts = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert n == len(facts)
    kinds = [f["fact"] for f in facts]
    assert kinds.count("link") == len(_all(kb, query.links))
    assert kinds.count("agreement") == len(_all(kb, query.agreements))
    assert kinds.count("metric") == len(_all(kb, query.metrics))
    assert {"person", "event", "meeting"} <= set(kinds)
    for f in facts:
        assert f["sources"], f
        for s in f["sources"]:
            assert {"article_id", "start", "stop", "sentence"} <= set(s)
    agreement = next(f for f in facts if f["fact"] == "agreement")
    assert {"kind", "from", "to", "parties"} <= set(agreement)
