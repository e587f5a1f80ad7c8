"""The knowledge-base commands end to end: ingest, show, links, agreements, timeline, search,
correct, db. Exit status 2 for a bad query, 1 for a failed input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hamkor import jsonio
from hamkor.kb.adapt import MAX_SOURCES
from tests.kb.records import all_three

try:
    from click.testing import CliRunner

    from hamkor.cli import main
except ImportError as e:  # a part of the tree (the gazetteer …) is not there yet
    pytest.skip(f"the hamkor command cannot load yet: {e}", allow_module_level=True)

KB_COMMANDS = [["ingest"], ["show", "region"], ["show", "regions"], ["show", "person"],
               ["show", "pair"], ["show", "agreement"], ["show", "article"], ["links"],
               ["agreements"], ["timeline"], ["search"], ["correct"], ["correct", "list"],
               ["correct", "reject"], ["correct", "merge"], ["correct", "split"],
               ["correct", "set"], ["correct", "undo"], ["db", "upgrade"], ["db", "status"],
               ["db", "dump"]]


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture
def kb(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'kb.sqlite'}"
    records = tmp_path / "records.jsonl"
    lines = [json.dumps(jsonio.to_json(x, with_text=True), ensure_ascii=False)
             for x in all_three()]
    records.write_text("\n".join(lines) + "\n", encoding="utf-8")
    r = run("ingest", "--db", url, str(records))
    assert r.exit_code == 0, r.output
    return url


@pytest.mark.parametrize("command", KB_COMMANDS, ids=" ".join)
def test_every_command_has_an_example(command):
    r = run(*command, "--help")
    assert r.exit_code == 0 and "Example" in r.output


def test_ingest_summary_and_idempotence(kb, tmp_path):
    r = run("ingest", "--db", kb, "--json", str(tmp_path / "records.jsonl"))
    summary = json.loads(r.output)
    assert (summary["new"], summary["unchanged"], summary["failed"]) == (0, 3, 0)


def test_ingest_names_bad_inputs_and_exits_1(kb, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "extractor": "1", "regions": 5}\n')
    r = run("ingest", "--db", kb, str(bad), str(tmp_path / "missing.txt"))
    assert r.exit_code == 1
    assert f"{bad}:1" in r.stderr and "missing.txt" in r.stderr
    assert "failed 2" in r.stdout


@pytest.mark.parametrize("args, message", [
    (["show", "region", "RU-XXX"], "unknown region code"),
    (["show", "region", "Omsk"], "not a region code"),
    (["links", "--since", "2025-13-01"], "not a date"),
    (["timeline", "--region", "UZ-QQ"], "unknown region code"),
    (["agreements", "--status", "valid"], "Invalid value"),
    (["show", "person", "Никто Никакой"], "no person"),
    (["correct", "reject", "lnk-nothing"], "no link"),
    (["correct", "set", "agr-x", "period"], "FIELD=VALUE"),
])
def test_bad_queries_exit_2(kb, args, message):
    r = run(*args, "--db", kb)
    assert r.exit_code == 2
    assert message in r.output + r.stderr


def test_show_and_lists_as_json(kb):
    d = json.loads(run("show", "region", "uz-bu", "--db", kb, "--json").output)
    assert d["region"]["code"] == "UZ-BU" and d["partners"][0]["sources"]
    p = json.loads(run("show", "person", "Сомов", "--db", kb, "--json").output)
    assert p["name"] == "Андрей Сомов" and p["positions"][0]["first_seen"] == "2025-04-30"
    links = json.loads(run("links", "--region", "RU-TA", "--db", kb, "--json").output)
    assert [(k["ru"]["code"], k["uz"]["code"]) for k in links["items"]] == [("RU-TA", "UZ-BU")]
    docs = json.loads(run("agreements", "--region", "RU-OMS", "--db", kb, "--json").output)
    assert {"kind", "parties", "from", "to", "status", "sources"} <= docs["items"][0].keys()
    timeline = json.loads(run("timeline", "--region", "RU-OMS", "--db", kb, "--json").output)
    assert timeline["total"] >= 1
    hits = json.loads(run("search", "Навои", "--db", kb, "--json").output)
    assert "t1" in [h["id"] for h in hits["items"]]


def test_text_output_shows_sources(kb):
    r = run("show", "region", "RU-TA", "--db", kb)
    assert r.exit_code == 0 and "↳ t3" in r.output
    r = run("links", "--db", kb, "--sources", "1")
    assert "↳" in r.output and "more" in r.output


def test_correct_reject_list_and_undo(kb):
    link = json.loads(run("links", "--region", "RU-TA", "--db", kb, "--json").output)["items"][0]
    r = run("correct", "reject", link["id"], "--author", "anna", "--reason", "no link", "--db", kb)
    assert r.exit_code == 0, r.output
    assert json.loads(run("links", "--region", "RU-TA", "--db", kb, "--json").output)["items"] == []
    listed = run("correct", "--list", "--db", kb).output
    assert "reject" in listed and "anna" in listed and "no link" in listed and "[applied]" in listed
    assert run("correct", "undo", "1", "--db", kb).exit_code == 0
    assert json.loads(run("links", "--region", "RU-TA", "--db", kb, "--json").output)["items"]


def test_correct_set_period(kb):
    doc = json.loads(run("agreements", "--region", "RU-TA", "--db", kb, "--json").output)["items"][0]
    r = run("correct", "set", doc["id"], "period=2024-2026", "--db", kb)
    assert r.exit_code == 0, r.output
    now = json.loads(run("show", "agreement", doc["id"], "--db", kb, "--json").output)
    assert (now["from"], now["to"]) == (2024, 2026)


def test_db_upgrade_and_status(kb):
    r = run("db", "upgrade", "--db", kb)
    assert r.exit_code == 0 and "revision" in r.output
    status = json.loads(run("db", "status", "--db", kb, "--json").output)
    assert status["revision"] == status["head"] and status["counts"]["articles"] == 3


LONG = ("Хоким Хорезмской области встретился в Ургенче с делегацией Вологодской области. "
        "Гости предложили построить в Хиве деревообрабатывающий цех, а хорезмские фермеры — "
        "поставлять в Вологду ранние овощи и дыни. Стороны договорились о пробной партии "
        "в мае, о стажировках для технологов и о совместной выставке ремёсел в Вологде. "
        "Итоги визита обсудят на следующей встрече рабочей группы летом.")


def test_articles_lists_a_story_and_show_names_the_copies(tmp_path: Path):
    url = f"sqlite:///{tmp_path / 'kb.sqlite'}"
    (tmp_path / "first.txt").write_text(LONG, encoding="utf-8")
    (tmp_path / "reprint.txt").write_text("Новости региона. " + LONG + " Фото пресс-службы.",
                                          encoding="utf-8")
    (tmp_path / "other.txt").write_text(LONG.split(". ")[0] + ". Обсуждали туризм.",
                                        encoding="utf-8")
    ingested = run("ingest", "--db", url, str(tmp_path))
    assert ingested.exit_code == 0 and "copies of other articles: 1 " in ingested.output
    listed = json.loads(run("articles", "--db", url, "--story", "reprint", "--json").output)
    assert [(a["id"], a["story"]) for a in listed] == [("first", "first"), ("reprint", "first")]
    assert "copy in story first" in run("articles", "--db", url).output
    shown = run("show", "article", "first", "--db", url).output
    assert "the same story in 1 more: reprint" in shown
    missing = run("articles", "--db", url, "--story", "nosuch")
    assert missing.exit_code == 2 and "--story nosuch: no such article" in missing.output


def test_reprints_of_the_sample_corpus_leave_every_count_as_it_was(tmp_path: Path):
    """Ten sample articles, then each on two more sites (with the site's own first line):
    every link counts what it counted before, now with three sources a report."""
    samples = sorted((Path(__file__).parents[2] / "samples" / "articles").glob("*.txt"))[:10]
    alone, many = tmp_path / "alone", tmp_path / "many"
    alone.mkdir()
    many.mkdir()
    for p in samples:
        text = p.read_text(encoding="utf-8")
        (alone / p.name).write_text(text, encoding="utf-8")
        for site in ("a", "b", "c"):
            lead = "" if site == "a" else f"Перепечатка с сайта {site}.\n"
            (many / f"{p.stem}_{site}.txt").write_text(lead + text, encoding="utf-8")

    def links(folder: Path) -> dict:
        url = f"sqlite:///{tmp_path / (folder.name + '.sqlite')}"
        assert run("ingest", "--db", url, str(folder)).exit_code == 0
        out = json.loads(run("links", "--db", url, "--json", "--limit", "500").output)
        items = out["items"] if isinstance(out, dict) else out
        return {(x["ru"]["code"], x["uz"]["code"]): (x["count"], {s["article_id"] for s in x["sources"]})
                for x in items}

    before, after = links(alone), links(many)
    assert before and before.keys() == after.keys()
    for key, (count, sources) in before.items():
        assert after[key][0] == count, key
        assert len(after[key][1]) == min(3 * len(sources), MAX_SOURCES), key
