"""JSON Lines dumps: field names by option, gzip, bad lines named file:line."""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import pytest

from hamkor.errors import InputError
from hamkor.records import Failure, RawArticle
from hamkor.sources import jsonl, read_any

WEB = Path(__file__).resolve().parent.parent / "fixtures" / "web"
FIELDS = ["text=body", "published=date", "id=uid", "url=link", "title=headline"]


def check_dump(out: list, name: str) -> None:
    raws = [x for x in out if isinstance(x, RawArticle)]
    fails = {x.source: x.problem for x in out if isinstance(x, Failure)}
    assert [r.id for r in raws] == ["101", "103", "106"]
    first = raws[0]
    assert first.data.decode().startswith("Мэр Казани встретился с хокимом Ташкента")
    assert (first.published, first.url, first.title, first.kind) == (
        "2025-02-11", "https://example.org/101", "Казань и Ташкент", "text")
    assert raws[2].kind == "html" and b"<article>" in raws[2].data
    assert set(fails) == {f"{name}:2", f"{name}:5", f"{name}:6"}
    assert fails[f"{name}:2"].startswith("not JSON")
    assert fails[f"{name}:5"] == "not a JSON object but list"
    assert "no text" in fails[f"{name}:6"]


def test_fields_by_option_and_bad_lines(tmp_path):
    out = list(jsonl.read(WEB / "dump.jsonl", jsonl.parse_fields(FIELDS)))
    check_dump(out, str(WEB / "dump.jsonl"))


def test_gzip_and_nested_fields(tmp_path):
    gz = tmp_path / "dump.jsonl.gz"
    with (WEB / "dump.jsonl").open("rb") as src, gzip.open(gz, "wb") as dst:
        shutil.copyfileobj(src, dst)
    out = list(read_any([gz], fields=jsonl.parse_fields(FIELDS)))
    check_dump(out, str(gz))
    nested = list(jsonl.read(gz, jsonl.parse_fields([*FIELDS[:2], "published=meta.date"])))
    second = [x for x in nested if isinstance(x, RawArticle)][1]
    assert second.published == "12.02.2025" and second.id == "dump-3"  # no uid: file and line


def test_served_dump(server, fetcher):
    out = list(read_any([server.url("/dump-served.jsonl")], jsonl.parse_fields(FIELDS), fetcher))
    check_dump(out, server.url("/dump-served.jsonl"))


def test_a_corrupt_gzip_stops_with_a_failure(tmp_path):
    gz = tmp_path / "bad.jsonl.gz"
    gz.write_bytes(gzip.compress((WEB / "dump.jsonl").read_bytes())[:200])
    out = list(jsonl.read(gz, jsonl.parse_fields(FIELDS)))
    assert isinstance(out[-1], Failure) and "cannot read further" in out[-1].problem


def test_an_overlong_line_is_skipped(tmp_path):
    f = tmp_path / "long.jsonl"
    f.write_text('{"text": "' + "а" * 5000 + '"}\n{"text": "короткая строка"}\n', encoding="utf-8")
    out = list(jsonl.read_stream(f.open("rb"), str(f), None, limit=1000))
    assert isinstance(out[0], Failure) and out[0].source == f"{f}:1"
    assert isinstance(out[1], RawArticle) and out[1].id == "long-2"


@pytest.mark.parametrize("spec", ["text", "text=", "body=text"])
def test_bad_field_options(spec):
    with pytest.raises(InputError):
        jsonl.parse_fields([spec])


def test_an_extraction_record_is_named_as_such(tmp_path):
    f = tmp_path / "pred.jsonl"
    f.write_text('{"id": "a", "regions": [], "links": [], "extractor": "1"}\n', encoding="utf-8")
    [out] = jsonl.read(f)
    assert isinstance(out, Failure) and out.problem.startswith("an extraction record")
