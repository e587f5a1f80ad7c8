"""`hamkor extract` end to end, in a subprocess, with good and bad inputs side by side."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ARTICLE = ("Хоким Сурхандарьинской области Иван Иванов встретился с губернатором Иркутской "
           "области Игорем Кобзевым. Стороны подписали соглашение о сотрудничестве.")


def hamkor(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "hamkor", *args], capture_output=True,
                          text=True, timeout=timeout)


@pytest.fixture()
def inputs(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (d / "cp1251.txt").write_bytes(ARTICLE.encode("cp1251"))
    (d / "koi8.txt").write_bytes(ARTICLE.encode("koi8_r"))
    (d / "empty.txt").write_bytes(b"")
    (d / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (d / "english.txt").write_text("The governor met the delegation and signed a deal. " * 5)
    (d / "truncated.txt").write_bytes((ARTICLE + " Документ подписан").encode("utf-8")[:-1])
    with (d / "huge.txt").open("wb") as f:
        f.seek(100 * 1024 * 1024)
        f.write(b"x")
    return d


def test_bad_inputs_are_named_and_the_rest_goes_on(inputs: Path):
    r = hamkor("extract", "--format", "jsonl", str(inputs))
    assert r.returncode == 1
    ids = {json.loads(line)["id"] for line in r.stdout.splitlines()}
    assert ids == {"good", "cp1251", "koi8", "truncated"}
    err = r.stderr
    assert "empty.txt: empty file" in err
    assert "binary.txt: binary data" in err
    assert "english.txt: not a Russian or Uzbek text" in err
    assert "huge.txt: too large" in err
    assert "truncated.txt: warning" in err


def test_encodings_give_the_same_record(inputs: Path):
    r = hamkor("extract", str(inputs / "good.txt"), str(inputs / "cp1251.txt"), str(inputs / "koi8.txt"))
    assert r.returncode == 0, r.stderr
    records = [json.loads(line) for line in r.stdout.splitlines()]
    facts = [{k: v for k, v in rec.items() if k in ("regions", "people", "links", "agreements")}
             for rec in records]
    assert facts[0] == facts[1] == facts[2]
    assert facts[0]["regions"] == ["UZ-SU", "RU-IRK"]


def test_missing_path(tmp_path: Path):
    r = hamkor("extract", str(tmp_path / "nope.txt"))
    assert r.returncode == 1 and "nope.txt: no such file or directory" in r.stderr


@pytest.mark.parametrize("fmt", ["json", "pretty"])
def test_formats(inputs: Path, fmt: str):
    r = hamkor("extract", "--format", fmt, str(inputs / "good.txt"))
    assert r.returncode == 0, r.stderr
    if fmt == "json":
        assert json.loads(r.stdout)[0]["id"] == "good"
    else:
        assert "■ good" in r.stdout and "RU-IRK ↔ UZ-SU" in r.stdout


WEB = Path(__file__).resolve().parent.parent / "fixtures" / "web"
SAMPLES = Path(__file__).resolve().parent.parent.parent / "samples"
UNRELATED = "Губернатор Омской области провёл совещание по уборке урожая в районах области."


def test_every_source_kind_through_the_one_reader(tmp_path: Path):
    d = tmp_path / "mixed"
    d.mkdir()
    (d / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (d / "page.html").write_bytes((WEB / "article.html").read_bytes())
    (d / "news.atom").write_bytes((WEB / "atom.xml").read_bytes())
    (d / "dump.jsonl").write_bytes((WEB / "dump.jsonl").read_bytes())
    r = hamkor("extract", "--field", "text=body", "--field", "id=uid", str(d))
    assert r.returncode == 1  # the dump's bad lines
    ids = [json.loads(line)["id"] for line in r.stdout.splitlines()]
    assert ids == ["101", "103", "106", "good", "bukhara-ivanovo", "page"]
    assert f"{d / 'dump.jsonl'}:2: not JSON" in r.stderr
    assert f"{d / 'dump.jsonl'}:5: not a JSON object but list" in r.stderr
    page = json.loads(r.stdout.splitlines()[-1])
    assert page["published"] == "2025-03-14" and "RU-LIP" in page["regions"]


def test_a_bad_field_option_is_a_usage_error(inputs: Path):
    r = hamkor("extract", "--field", "body", str(inputs / "good.txt"))
    assert r.returncode == 2 and "--field" in r.stderr and "NAME=KEY" in r.stderr


def test_filter_skips_the_unrelated_and_says_so(tmp_path: Path):
    (tmp_path / "omsk.txt").write_text(UNRELATED, encoding="utf-8")
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    plain = hamkor("extract", str(tmp_path))
    assert [json.loads(x)["id"] for x in plain.stdout.splitlines()] == ["good", "omsk"]
    r = hamkor("extract", "--filter", str(tmp_path))
    assert r.returncode == 0, r.stderr
    assert [json.loads(x)["id"] for x in r.stdout.splitlines()] == ["good"]
    assert "omsk.txt: skipped as irrelevant: no Uzbek party named" in r.stderr


def test_ingest_counts_and_lists_the_irrelevant(tmp_path: Path):
    (tmp_path / "omsk.txt").write_text(UNRELATED, encoding="utf-8")
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'kb.sqlite'}"
    r = hamkor("ingest", "--db", db, str(tmp_path / "omsk.txt"), str(tmp_path / "good.txt"))
    assert r.returncode == 0, r.stderr
    assert "new 2" in r.stdout and "(irrelevant 1)" in r.stdout
    listed = hamkor("articles", "--db", db, "--status", "irrelevant", "--json")
    assert [(a["id"], a["reason"]) for a in json.loads(listed.stdout)] == [
        ("omsk", "no Uzbek party named")]


def test_ingest_dry_run_reads_and_screens_but_stores_nothing(tmp_path: Path):
    (tmp_path / "omsk.txt").write_text(UNRELATED, encoding="utf-8")
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "menu.html").write_bytes((WEB / "menu-only.html").read_bytes())
    db = tmp_path / "kb.sqlite"
    r = hamkor("ingest", "--db", f"sqlite:///{db}", "--dry-run", str(tmp_path))
    assert r.returncode == 1 and not db.exists()
    lines = [line.split("\t")[:2] for line in r.stdout.splitlines()]
    assert lines == [["good", "extract"], ["omsk", "irrelevant: no Uzbek party named"]]
    assert "menu.html: no article text in the page" in r.stderr
    assert "would extract 1, irrelevant 1, record 0, failed 1; nothing stored" in r.stderr
