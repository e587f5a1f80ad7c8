"""`hamkor serve` and `hamkor user add|list`."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import httpx
from click.testing import CliRunner

from hamkor.cli import main
from tests.web.conftest import free_port


def test_user_add_and_list(tmp_path, monkeypatch):
    monkeypatch.setenv("HAMKOR_DATA", str(tmp_path))
    url = f"sqlite:///{tmp_path / 'kb.sqlite'}"
    run = CliRunner().invoke
    r = run(main, ["user", "add", "boris", "--db", url, "--password-stdin"], input="long-password\n")
    assert r.exit_code == 0, r.output
    again = run(main, ["user", "add", "boris", "--db", url, "--password-stdin"], input="other-pass\n")
    assert again.exit_code != 0 and "already exists" in again.output
    short = run(main, ["user", "add", "vera", "--db", url, "--password-stdin"], input="short\n")
    assert short.exit_code != 0 and "at least" in short.output
    assert run(main, ["user", "list", "--db", url]).output.split() == ["boris"]

    from hamkor.api.deps import make_engine
    from hamkor.web import users

    engine = make_engine(url)
    assert users.verify(engine, "boris", "long-password")
    assert not users.verify(engine, "boris", "long-passwort")
    assert not users.verify(engine, "nobody", "long-password")
    from sqlalchemy import select

    with engine.connect() as conn:
        stored = conn.execute(select(users.web_users.c.password_hash)).scalar()
    assert stored.startswith("$argon2") and "long-password" not in stored


def test_commands_document_themselves():
    for args in (["serve", "--help"], ["user", "add", "--help"], ["user", "--help"]):
        r = CliRunner().invoke(main, args)
        assert r.exit_code == 0 and "Example" in r.output, args


def test_serve_answers(kb_url, tmp_path):
    port = free_port()
    env = dict(os.environ, HAMKOR_DATA=str(tmp_path))
    proc = subprocess.Popen([sys.executable, "-m", "hamkor", "serve", "--db", kb_url,
                             "--port", str(port), "--login-required"], env=env,
                            stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/api/regions", timeout=10)
                break
            except httpx.HTTPError:
                assert time.monotonic() < deadline and proc.poll() is None, "serve did not start"
                time.sleep(0.2)
        assert r.status_code == 401  # --login-required
        assert httpx.get(f"http://127.0.0.1:{port}/login", timeout=10).status_code == 200
    finally:
        proc.terminate()
        proc.wait(15)
