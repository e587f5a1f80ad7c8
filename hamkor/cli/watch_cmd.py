"""`hamkor watch`: poll feeds and ingest their new items into the knowledge base."""

from __future__ import annotations

import logging
import signal
import sys
import threading
from pathlib import Path

import click

from hamkor.cli import main
from hamkor.cli.kb import db_option, open_engine


def _logging(verbose: bool) -> None:
    logger = logging.getLogger("hamkor.watch")
    if not logger.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s",
                                               "%Y-%m-%d %H:%M:%S"))
        logger.addHandler(handler)
    logger.setLevel(logging.DEBUG if verbose else logging.INFO)


@main.command()
@click.argument("feeds", nargs=-1, required=True)
@click.option("--every", default="30m", show_default=True, help="time between rounds (30m, 1h, 90s)")
@click.option("--once", is_flag=True, help="one round, then exit (status 1 if a feed failed)")
@db_option
@click.option("--state", "state_path", type=click.Path(dir_okay=False, path_type=Path),
              help="file of the items already seen (default: <data dir>/watch-state.json)")
@click.option("--min-interval", type=float, default=1.0, show_default=True,
              help="seconds between two requests to one host")
@click.option("--workers", "-j", type=int, default=1, show_default=True,
              help="processes to extract with")
@click.option("--verbose", "-v", is_flag=True, help="log more")
def watch(feeds: tuple[str, ...], every: str, once: bool, db_url: str | None,
          state_path: Path | None, min_interval: float, workers: int, verbose: bool) -> None:
    """Poll RSS/Atom FEEDs (URLs or files) and ingest only their new items.

    Each round fetches every feed, reads the items not seen before (their full content,
    or their pages) and stores them in the knowledge base. Network errors are logged and
    retried the next round. Ctrl-C or SIGTERM stops after the current item.

    \b
    Examples:
      hamkor watch --every 30m https://example.org/rss.xml https://example.uz/feed/
      hamkor watch --once --db sqlite:///kb.sqlite samples/feed.xml
    """
    from hamkor.kb import store
    from hamkor.settings import data_dir
    from hamkor.sources.http import Fetcher, Limits
    from hamkor.sources.watch import State, parse_duration, poll

    try:
        seconds = parse_duration(every)
    except ValueError as e:
        raise click.BadParameter(str(e), param_hint="--every") from e
    _logging(verbose)
    log = logging.getLogger("hamkor.watch")
    engine = open_engine(db_url)
    state = State(state_path or data_dir() / "watch-state.json")
    stop = threading.Event()

    def on_signal(signum: int, frame: object) -> None:
        if stop.is_set():  # a second Ctrl-C: do not wait for the current item
            raise KeyboardInterrupt
        log.info("stopping after the current item (%s)", signal.Signals(signum).name)
        stop.set()

    old = {s: signal.signal(s, on_signal) for s in (signal.SIGINT, signal.SIGTERM)}
    failed = 0
    try:
        with Fetcher(Limits(min_interval=min_interval)) as fetcher:
            while not stop.is_set():
                r = poll(feeds, fetcher, state, lambda raws: store.ingest(engine, raws, workers, screened=True),
                         stop.is_set)
                failed = r.failed_feeds
                log.info("round done: %d feeds (%d failed), %d items, %d new, %d stored, "
                         "%d failed", r.feeds, r.failed_feeds, r.items, r.new, r.stored,
                         r.failed_items)
                if once:
                    break
                log.info("next round in %s", every)
                stop.wait(seconds)
    except KeyboardInterrupt:
        log.info("interrupted")
    finally:
        for s, handler in old.items():
            signal.signal(s, handler)
        engine.dispose()
    log.info("stopped")
    if once and failed:
        sys.exit(1)
