"""The `hamkor` command group. Each command lives in its own module of this package."""

from __future__ import annotations

import click

from hamkor import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="hamkor")
def main() -> None:
    """hamkor: Russia–Uzbekistan regional cooperation, read from the news.

    \b
    Example:
      hamkor extract --format pretty samples/articles/s001_*.txt
    """


def _register() -> None:
    from hamkor.cli import extract  # noqa: F401  (commands register themselves on import)

    for name in ("kb", "ingest_cmd", "serve_cmd", "report_cmd", "watch_cmd", "demo"):
        try:
            __import__(f"hamkor.cli.{name}")
        except ModuleNotFoundError as e:
            if e.name != f"hamkor.cli.{name}":
                raise


_register()
