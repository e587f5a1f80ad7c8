"""`hamkor report` and `hamkor export` from the command line."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner


@pytest.fixture(scope="module")
def cli():
    try:
        from hamkor.cli import main
    except ImportError as e:
        pytest.skip(f"the command group does not import here: {e}")
    return main


def test_report_region_writes_every_format(cli, kb_url: str, tmp_path: Path) -> None:
    runner = CliRunner()
    for suffix in ("docx", "pdf", "md", "html"):
        out = tmp_path / f"omsk.{suffix}"
        result = runner.invoke(cli, ["report", "region", "RU-OMS", "--db", kb_url, "-o", str(out)])
        assert result.exit_code == 0, result.output
        assert out.stat().st_size > 1000
    assert (tmp_path / "omsk.chart.png").exists()  # the markdown note's chart, beside it
    assert "](omsk.chart.png)" in (tmp_path / "omsk.md").read_text(encoding="utf-8")


def test_report_pair_to_stdout(cli, kb_url: str) -> None:
    result = CliRunner().invoke(cli, ["report", "pair", "RU-OMS", "UZ-BU", "--db", kb_url,
                                      "--format", "md", "--since", "2024-01-01", "-o", "-"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("# Справка о сотрудничестве")


def test_report_errors_are_messages(cli, kb_url: str, tmp_path: Path) -> None:
    runner = CliRunner()
    missing = runner.invoke(cli, ["report", "region", "RU-XXX", "--db", kb_url,
                                  "-o", str(tmp_path / "x.md")])
    assert missing.exit_code == 1 and "RU-XXX" in missing.output
    bad_date = runner.invoke(cli, ["report", "region", "RU-OMS", "--db", kb_url, "--since", "вчера",
                                   "-o", str(tmp_path / "x.md")])
    assert bad_date.exit_code == 2


def test_export_all_formats(cli, kb_url: str, tmp_path: Path) -> None:
    runner = CliRunner()
    for fmt, name in (("csv", "tables"), ("xlsx", "kb.xlsx"), ("graphml", "g.graphml"),
                      ("gexf", "g.gexf"), ("ftm", "kb.ftm.json"), ("jsonl", "kb.jsonl")):
        result = runner.invoke(cli, ["export", "--format", fmt, "--db", kb_url,
                                     "-o", str(tmp_path / name)])
        assert result.exit_code == 0, result.output
        assert (tmp_path / name).exists()
    assert (tmp_path / "tables" / "links.csv").exists()
    result = runner.invoke(cli, ["export", "--format", "gexf", "--what", "people", "--db", kb_url,
                                 "-o", str(tmp_path / "p.gexf")])
    assert result.exit_code == 1 and "--what links" in result.output
