"""`hamkor extract`: one contract record per article, on stdout."""

from __future__ import annotations

import json
import sys
import time

import click

from hamkor import jsonio, pipeline
from hamkor.cli import main
from hamkor.cli.common import progress, warn
from hamkor.records import Dropped, Extraction, Failure


def field_map(specs: tuple[str, ...]) -> dict[str, str] | None:
    """``--field NAME=KEY`` options as the JSONL field map; a bad one is a usage error."""
    if not specs:
        return None
    from hamkor.errors import InputError
    from hamkor.sources.jsonl import parse_fields

    try:
        return parse_fields(specs)
    except InputError as e:
        raise click.BadParameter(e.problem, param_hint="--field") from e


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["jsonl", "json", "pretty"]), default="jsonl",
              show_default=True, help="jsonl: one record a line; json: one array; pretty: for reading")
@click.option("--text/--no-text", default=False, help="include the cleaned article text")
@click.option("--workers", "-j", type=int, default=1, show_default=True,
              help="processes to extract with")
@click.option("--field", "field_specs", multiple=True, metavar="NAME=KEY",
              help="a JSONL dump's key for one of our fields: text=body, id=uid … (repeatable)")
@click.option("--filter", "screen", is_flag=True,
              help="skip articles the relevance filter finds unrelated (named on stderr)")
def extract(paths: tuple[str, ...], fmt: str, text: bool, workers: int,
            field_specs: tuple[str, ...], screen: bool) -> None:
    """Extract the record of each article.

    PATH is a text file (.txt, .md), a page (.html), an RSS/Atom feed (.xml, .rss, .atom),
    a JSONL dump (.jsonl, .jsonl.gz), a directory of them, an http(s) URL, or - for
    standard input. An input that cannot be read is named on stderr and the rest goes
    on; the exit status is 1 if any failed.

    \b
    Examples:
      hamkor extract --format jsonl ../shared/eval/seeds/*.txt > pred.jsonl
      hamkor extract --format pretty samples/articles/
      hamkor extract samples/feed.xml https://example.org/news/1.html
      hamkor extract --field text=body --field published=date dump.jsonl.gz
    """
    from hamkor.kb.inputs import count
    from hamkor.sources import read_any

    fields = field_map(field_specs)
    started, done, failed, dropped = time.perf_counter(), 0, 0, 0
    records: list[dict] = []
    results = pipeline.run(read_any(paths, fields), workers, screened=screen)
    for result in progress(results, count(paths), "extract"):
        if isinstance(result, Failure):
            failed += 1
            warn(result.source, result.problem)
            continue
        if isinstance(result, Dropped):
            dropped += 1
            warn(result.article.source, f"skipped as irrelevant: {result.reason}")
            continue
        done += 1
        if result.article is not None:
            for w in result.article.warnings:
                warn(result.article.source, f"warning: {w}")
        _emit(result, fmt, text, records)
    if fmt == "json":
        json.dump(records, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    if sys.stderr.isatty():
        secs = time.perf_counter() - started
        skipped = f", irrelevant {dropped}" if screen else ""
        click.echo(f"extracted {done}, failed {failed}{skipped} in {secs:.1f} s", err=True)
    if failed:
        sys.exit(1)


def _emit(x: Extraction, fmt: str, text: bool, records: list) -> None:
    record = jsonio.to_json(x, with_text=text)
    if fmt == "jsonl":
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    elif fmt == "json":
        records.append(record)
    else:
        click.echo(pretty(record))


def pretty(r: dict) -> str:
    """A short human-readable view of one record."""
    lines = [f"■ {r['id']}  published {r['published'] or '—'}",
             f"  regions:    {', '.join(r['regions']) or '—'}"]
    for p in r["people"]:
        lines.append(f"  person:     {p['name']} ({p['of']}) — {p.get('title') or ''}")
    for k in r["links"]:
        lines.append(f"  link:       {k['ru']} ↔ {k['uz']}  [{', '.join(k['basis'])}]")
    for a in r["agreements"]:
        period = f"{a['from'] or '…'}–{a['to'] or '…'}" if a["from"] or a["to"] else "no period"
        lines.append(f"  agreement:  {a['kind']} {' + '.join(a['parties'])} {period}")
    for m in r["meetings"]:
        lines.append(f"  meeting:    {m[0]} + {m[1]}")
    for m in r["metrics"]:
        lines.append(f"  metric:     {m['subject']}→{m['counterpart']} {m['indicator']} "
                     f"{m['period']} {m['value']:g} {m['unit']}")
    if r.get("sectors"):
        lines.append(f"  sectors:    {', '.join(s['name'] for s in r['sectors'])}")
    return "\n".join(lines)
