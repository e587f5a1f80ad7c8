"""`hamkor report` (briefing notes) and `hamkor export` (tables, graphs, entities, facts)."""

from __future__ import annotations

import sys
import time
from datetime import date
from pathlib import Path

import click

from hamkor.cli import main
from hamkor.errors import HamkorError

REPORT_FORMATS = ("docx", "pdf", "md", "html")
EXPORT_FORMATS = ("csv", "xlsx", "graphml", "gexf", "ftm", "jsonl")
WHAT = ("links", "agreements", "people", "events", "metrics", "all")


def _date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as e:
        raise click.BadParameter(f"{value!r} is not a date like 2024-01-31") from e


def _options(f):  # noqa: ANN001, ANN202  (a click decorator)
    f = click.option("-o", "--output", "output", required=True, type=click.Path(dir_okay=False),
                     help="file to write ('-' for stdout)")(f)
    f = click.option("--format", "fmt", type=click.Choice(REPORT_FORMATS), default=None,
                     help="default: from the output's suffix, else docx")(f)
    f = click.option("--since", callback=_date, metavar="DATE",
                     help="only facts from articles published on or after DATE")(f)
    f = click.option("--db", "db_url", metavar="URL", help="database URL (default: HAMKOR_DB)")(f)
    return f


@main.group()
def report() -> None:
    """Briefing notes («справки») on a region or a pair of regions, with numbered sources.

    \b
    Examples:
      hamkor report region RU-OMS -o omsk.docx
      hamkor report region RU-OMS --pair UZ-BU --since 2024-01-01 -o omsk-bukhara.pdf
      hamkor report pair RU-TA UZ-SA --format md -o -
    """


@report.command("region")
@click.argument("code")
@click.option("--pair", metavar="CODE", help="only what concerns this partner region")
@_options
def report_region(code: str, pair: str | None, since: date | None, db_url: str | None,
                  fmt: str | None, output: str) -> None:
    """A note on region CODE (ISO 3166-2, e.g. RU-OMS or UZ-BU) and its partners.

    \b
    Example:
      hamkor report region RU-OMS --format pdf -o omsk.pdf
    """
    _write_report(code.upper(), pair.upper() if pair else None, since, db_url, fmt, output)


@report.command("pair")
@click.argument("ru")
@click.argument("uz")
@_options
def report_pair(ru: str, uz: str, since: date | None, db_url: str | None, fmt: str | None,
                output: str) -> None:
    """A note on the cooperation of two regions, RU (Russian) and UZ (Uzbek).

    \b
    Example:
      hamkor report pair RU-OMS UZ-BU -o omsk-bukhara.docx
    """
    _write_report(ru.upper(), uz.upper(), since, db_url, fmt, output)


def _write_report(code: str, pair: str | None, since: date | None, db_url: str | None,
                  fmt: str | None, output: str) -> None:
    from hamkor.kb import db
    from hamkor.reports import build, draw, gather

    fmt = fmt or _suffix_format(output)
    started = time.perf_counter()
    try:
        with db.connect(db_url) as conn:
            note = build.report(gather.read(conn, code, pair, since))
    except HamkorError as e:
        raise click.ClickException(str(e)) from e
    href = None
    if fmt == "md" and output != "-" and note.charts:
        from hamkor.reports import chart

        picture = Path(output).with_suffix(".chart.png")
        picture.write_bytes(chart.png(note.charts[0]))
        href = picture.name
    data = draw(note, fmt, chart_href=href)
    if output == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        Path(output).write_bytes(data)
        click.echo(f"{output}: {fmt}, {len(data):,} bytes, {len(note.references)} sources, "
                   f"{time.perf_counter() - started:.1f} s", err=True)


def _suffix_format(output: str) -> str:
    suffix = Path(output).suffix.lower().lstrip(".")
    return {"markdown": "md", "htm": "html"}.get(suffix, suffix) if suffix in (
        *REPORT_FORMATS, "markdown", "htm") else "docx"


@main.command("export")
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), required=True,
              help="csv, xlsx: tables; graphml, gexf: the region graph; ftm: FollowTheMoney "
                   "entities; jsonl: every fact with its evidence")
@click.option("--what", type=click.Choice(WHAT), default="all", show_default=True,
              help="which facts (graphs take links)")
@click.option("-o", "--output", "output", required=True, type=click.Path(),
              help="file to write; for csv with several tables, a directory")
@click.option("--db", "db_url", metavar="URL", help="database URL (default: HAMKOR_DB)")
def export_cmd(fmt: str, what: str, output: str, db_url: str | None) -> None:
    """Export the knowledge base for spreadsheets, Gephi, Aleph/FtM tools or scripts.

    \b
    Examples:
      hamkor export --format xlsx -o hamkor.xlsx
      hamkor export --format csv --what all -o tables/       # one CSV a table
      hamkor export --format gexf -o regions.gexf            # open in Gephi
      hamkor export --format ftm -o entities.ftm.json        # ftm validate / Aleph
    """
    from hamkor.kb import db
    from hamkor.reports import export

    started = time.perf_counter()
    try:
        with db.connect(db_url) as conn:
            n = export.export(conn, fmt, Path(output), what)
    except HamkorError as e:
        raise click.ClickException(str(e)) from e
    click.echo(f"{output}: {fmt}, {n:,} items, {time.perf_counter() - started:.1f} s", err=True)
