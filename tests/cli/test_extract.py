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
