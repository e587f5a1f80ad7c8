"""`hamkor serve` (the web app and JSON API) and `hamkor user add` (analysts who may edit)."""

from __future__ import annotations

import sys

import click

from hamkor.cli import main


@main.command()
@click.option("--db", "db_url", help="database URL (default: HAMKOR_DB, then the data dir)")
@click.option("--host", default="127.0.0.1", show_default=True, help="address to listen on")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--public/--login-required", default=True, show_default=True,
              help="anonymous visitors may read (analysts log in to edit), or reading needs a login")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="server processes (with --workers > 1 set HAMKOR_SECRET so they share sessions)")
def serve(db_url: str | None, host: str, port: int, public: bool, workers: int) -> None:
    """Serve the web pages (Russian) and the JSON API (/api, docs at /api/docs).

    \b
    Examples:
      hamkor serve                          # http://127.0.0.1:8000
      hamkor serve --db sqlite:///kb.sqlite --port 8080 --login-required
    """
    import uvicorn

    from hamkor.api.app import create_app

    app = create_app(db_url, public=public)
    mode = "open for reading" if public else "login required"
    click.echo(f"hamkor: serving on http://{host}:{port} ({mode}); API docs at /api/docs", err=True)
    if workers > 1:
        import os

        os.environ.setdefault("HAMKOR_SERVE_DB", db_url or "")
        os.environ["HAMKOR_SERVE_PUBLIC"] = "1" if public else "0"
        uvicorn.run("hamkor.cli.serve_cmd:_factory", factory=True, host=host, port=port,
                    workers=workers, log_level="warning")
    else:
        uvicorn.run(app, host=host, port=port, log_level="warning")


def _factory():  # type: ignore[no-untyped-def]
    """The app of one worker process of ``serve --workers N``."""
    import os

    from hamkor.api.app import create_app

    return create_app(os.environ.get("HAMKOR_SERVE_DB") or None,
                      public=os.environ.get("HAMKOR_SERVE_PUBLIC", "1") == "1")


@main.group()
def user() -> None:
    """Analysts who may log in to the web app and correct facts.

    \b
    Example:
      hamkor user add anna              # asks for the password twice
    """


@user.command("add")
@click.argument("name")
@click.option("--db", "db_url", help="database URL (default: HAMKOR_DB, then the data dir)")
@click.option("--password-stdin", is_flag=True, help="read the password from the first line of stdin")
@click.option("--replace", is_flag=True, help="set a new password for a known analyst")
def user_add(name: str, db_url: str | None, password_stdin: bool, replace: bool) -> None:
    """Add an analyst NAME (argon2-hashed password, in the web_users table of the KB).

    \b
    Examples:
      hamkor user add anna
      echo 's3cret-pass' | hamkor user add anna --password-stdin --db sqlite:///kb.sqlite
    """
    from hamkor.api.deps import make_engine
    from hamkor.web import users

    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = click.prompt("password", hide_input=True, confirmation_prompt=True)
    try:
        users.add(make_engine(db_url), name, password, replace=replace)
    except users.UserError as e:
        raise click.ClickException(str(e)) from e
    click.echo(f"analyst {name} {'updated' if replace else 'added'}", err=True)


@user.command("list")
@click.option("--db", "db_url", help="database URL (default: HAMKOR_DB, then the data dir)")
def user_list(db_url: str | None) -> None:
    """Print every analyst's name.

    \b
    Example:
      hamkor user list
    """
    from hamkor.api.deps import make_engine
    from hamkor.web import users

    for name in users.names(make_engine(db_url)):
        click.echo(name)
