"""`hamkor ingest`: articles through the pipeline into the knowledge base."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import click

from hamkor.cli import main
from hamkor.cli.common import warn
from hamkor.cli.kb import db_option, json_option, open_engine, usage_error


@contextmanager
def _bar(enabled: bool) -> Iterator[Callable[[int, int | None], None] | None]:
    """A progress bar with counts and rate on stderr, fed by ``store.ingest``'s callback."""
    if not enabled:
        yield None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    columns = [TextColumn("ingest"), BarColumn(), MofNCompleteColumn(),
               TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), TimeRemainingColumn()]
    with Progress(*columns, console=Console(stderr=True)) as bar:
        task = bar.add_task("ingest", total=None, rate="")

        def update(done: int, total: int | None) -> None:
            elapsed = bar.tasks[0].elapsed or 1e-9
            bar.update(task, completed=done, total=total, rate=f"{done / elapsed:.1f}/s")

        yield update


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@db_option
@click.option("--workers", "-j", type=int, default=1, show_default=True,
              help="processes to extract with")
@click.option("--force", is_flag=True, help="re-extract articles even when unchanged")
@click.option("--progress/--no-progress", default=None,
              help="show a progress bar (default: when stderr is a terminal)")
@click.option("--field", "field_specs", multiple=True, metavar="NAME=KEY",
              help="a JSONL dump's key for one of our fields: text=body, id=uid … (repeatable)")
@click.option("--filter/--no-filter", "screen", default=True, show_default=True,
              help="store articles about nothing of the two sides' cooperation as 'irrelevant' "
                   "(with the reason), without NLP; after a change, --force re-reads them")
@click.option("--dry-run", is_flag=True,
              help="read and screen every article, print what would be stored; store nothing")
@click.option("--json", "as_json", is_flag=True, help="print the summary as JSON")
def ingest(paths: tuple[str, ...], db_url: str | None, workers: int, force: bool,
           progress: bool | None, field_specs: tuple[str, ...], screen: bool, dry_run: bool,
           as_json: bool) -> None:
    """Extract articles and store them in the knowledge base, merged with what it holds.

    PATH is an article file (.txt, .html), a feed, a JSONL dump, a directory of them, a
    URL, a .jsonl file of records from `hamkor extract --text` (stored without extracting
    again), or - for standard input. Unchanged articles are skipped; a changed one
    replaces its own facts only. Failed inputs are named on stderr; exit status 1 if any.
    The relevance filter keeps out what is plainly not about Russia–Uzbekistan cooperation;
    `hamkor articles --status irrelevant` lists what it dropped and why.

    \b
    Examples:
      hamkor ingest ../shared/eval/seeds/
      hamkor ingest --db sqlite:///kb.sqlite -j 4 corpus/
      hamkor extract --text a.txt | hamkor ingest -
      hamkor ingest --dry-run samples/feed.xml
    """
    from hamkor.kb import inputs, store

    fields = None
    if field_specs:
        from hamkor.errors import InputError
        from hamkor.sources.jsonl import parse_fields

        try:
            fields = parse_fields(field_specs)
        except InputError as e:
            usage_error(f"{e.source}: {e.problem}")
    if dry_run:
        sys.exit(_dry_run(paths, fields, screen))
    engine = open_engine(db_url)
    items = list(paths)
    with _bar(sys.stderr.isatty() if progress is None else progress) as update:
        summary = store.ingest(engine, items, workers=workers, on_progress=update, force=force,
                               total=inputs.count(items), fields=fields, screened=screen)
    for f in summary.failures:
        warn(f.source, f.problem)
    if as_json:
        click.echo(json.dumps({"new": summary.new, "unchanged": summary.unchanged,
                               "updated": summary.updated, "failed": summary.failed,
                               "irrelevant": summary.irrelevant, "copies": summary.copies,
                               "seconds": summary.seconds,
                               "failures": [{"source": f.source, "problem": f.problem}
                                            for f in summary.failures]}, ensure_ascii=False))
    else:
        click.echo(str(summary))
        if summary.irrelevant:
            click.echo(f"{summary.irrelevant} irrelevant: see `hamkor articles --status irrelevant`")
        if summary.copies:
            click.echo(f"copies of other articles: {summary.copies} (what one story tells counts "
                       "once, with every source; see `hamkor articles --story ID`)")
    if summary.failed:
        sys.exit(1)


def _dry_run(paths: tuple[str, ...], fields: dict[str, str] | None, screen: bool) -> int:
    """Each article a line (id, what would happen, source), without NLP or the database;
    the exit status."""
    from hamkor import relevance
    from hamkor.clean.article import clean
    from hamkor.errors import InputError
    from hamkor.kb import inputs
    from hamkor.records import Extraction, Failure

    counts = {"extract": 0, "irrelevant": 0, "record": 0, "failed": 0}
    for item in inputs.expand(list(paths), fields):
        if isinstance(item, Failure):
            counts["failed"] += 1
            warn(item.source, item.problem)
            continue
        if isinstance(item, Extraction):
            counts["record"] += 1
            click.echo(f"{item.id}\trecord\t{item.article.source if item.article else ''}")
            continue
        try:
            article = clean(item)
        except InputError as e:
            counts["failed"] += 1
            warn(e.source, e.problem)
            continue
        verdict = relevance.check(relevance.screened_text(article.title, article.text))
        dropped = screen and not verdict.relevant
        what = f"irrelevant: {verdict.reason}" if dropped else "extract"
        counts["irrelevant" if dropped else "extract"] += 1
        click.echo(f"{item.id}\t{what}\t{item.source}")
    click.echo("would " + ", ".join(f"{k} {v}" for k, v in counts.items()) + "; nothing stored",
               err=True)
    return 1 if counts["failed"] else 0


@main.command("articles")
@click.option("--status", type=click.Choice(["ok", "irrelevant", "failed"]),
              help="only articles of this status")
@click.option("--story", "story_of", metavar="ID",
              help="only the articles of this article's story (its copies on other sites)")
@click.option("--limit", type=int, default=100, show_default=True, help="at most this many")
@db_option
@json_option
def articles(status: str | None, story_of: str | None, limit: int, db_url: str | None,
             as_json: bool) -> None:
    """Stored articles with their status and, for irrelevant or failed ones, the reason; a
    copy of another article names the story it belongs to (the story's smallest id).

    \b
    Examples:
      hamkor articles --status irrelevant
      hamkor articles --story 2025-04-30-omsk --json
      hamkor articles --status failed --json
    """
    from sqlalchemy import select

    from hamkor.kb import schema as s

    a = s.articles
    query = (select(a.c.id, a.c.status, a.c.reason, a.c.published, a.c.source, a.c.story)
             .order_by(a.c.id))
    if status:
        query = query.where(a.c.status == status)
    with open_engine(db_url).connect() as conn:
        if story_of is not None:
            known = conn.execute(select(a.c.story).where(a.c.id == story_of)).first()
            if known is None:
                raise click.UsageError(f"--story {story_of}: no such article")
            query = query.where(a.c.story == known.story) if known.story else \
                query.where(a.c.id == story_of)
        rows = conn.execute(query.limit(limit)).all()
    if as_json:
        click.echo(json.dumps([{"id": r.id, "status": r.status, "reason": r.reason,
                                "published": r.published.isoformat() if r.published else None,
                                "source": r.source, "story": r.story} for r in rows],
                              ensure_ascii=False))
        return
    for r in rows:
        copy = f"  copy in story {r.story}" if r.story and r.story != r.id else ""
        click.echo(f"{r.id}  {r.status}" + (f"  {r.reason}" if r.reason else "") + copy
                   + f"  {r.source}")
