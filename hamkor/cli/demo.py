"""`hamkor demo`: a fresh knowledge base from the bundled sample corpus, shown and served."""

from __future__ import annotations

from pathlib import Path

import click

from hamkor.cli import main
from hamkor.settings import data_dir

SAMPLES = Path(__file__).resolve().parent.parent.parent / "samples"


@main.command()
@click.option("--db", "db_url", help="database URL (default: a fresh SQLite file in the data dir)")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--serve/--no-serve", default=True, show_default=True, help="serve the web app afterwards")
@click.option("--samples", "samples_dir", type=click.Path(exists=True, file_okay=False), default=None,
              help="the corpus to build from (default: the bundled samples/)")
def demo(db_url: str | None, host: str, port: int, serve: bool, samples_dir: str | None) -> None:
    """Build a fresh knowledge base from the sample corpus, show what it holds, serve it.

    \b
    Example:
      hamkor demo                 # then open http://127.0.0.1:8000
      hamkor demo --no-serve      # build and summarise only
    """
    from hamkor.kb import db, store

    corpus = Path(samples_dir) if samples_dir else SAMPLES
    sources = [p for p in (corpus / "articles", corpus / "html", corpus / "feed.xml") if p.exists()]
    if not sources:
        raise click.ClickException(f"{corpus}: no sample articles found")
    if db_url is None:
        path = data_dir() / "demo.sqlite"
        path.parent.mkdir(parents=True, exist_ok=True)
        for p in path.parent.glob(path.name + "*"):
            p.unlink()
        db_url = f"sqlite:///{path}"
    engine = db.engine(db_url)
    # html/ and feed.xml are the same articles as pages and a feed: one copy is enough.
    summary = store.ingest(engine, [str(p) for p in sources[:1]], workers=1,
                           on_progress=None)
    click.echo(f"knowledge base: {db_url}")
    click.echo(str(summary))
    _show(engine)
    if serve:
        import uvicorn

        from hamkor.api.app import create_app

        click.echo(f"serving on http://{host}:{port}  (Ctrl-C to stop)")
        uvicorn.run(create_app(db_url), host=host, port=port, log_level="warning")


def _show(engine) -> None:
    from hamkor.kb import query

    with engine.connect() as conn:
        ov = query.overview(conn)
    for k, v in ov.counts.items():
        click.echo(f"  {k:<12} {v}")
