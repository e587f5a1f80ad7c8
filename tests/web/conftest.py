"""Fixtures of the web and API tests: a small KB built from hand-made records, the app over
it, an analyst, and (for the browser tests) a real server on a free loopback port."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.web import kb

PASSWORD = "correct horse battery"


@pytest.fixture(scope="session")
def kb_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A fresh SQLite KB holding ``tests/web/kb.py``'s records (and one analyst, «anna»)."""
    import os

    root = tmp_path_factory.mktemp("kb")
    os.environ.setdefault("HAMKOR_DATA", str(root / "data"))  # the session key lives there
    from hamkor.api.deps import make_engine
    from hamkor.kb import store
    from hamkor.web import users

    url = f"sqlite:///{root / 'kb.sqlite'}"
    engine = make_engine(url)
    store.store_extractions(engine, kb.records())
    users.add(engine, "anna", PASSWORD)
    return url


@pytest.fixture(scope="session")
def app(kb_url: str):
    from hamkor.api.app import create_app

    return create_app(kb_url, secret="test-secret")


@pytest.fixture()
def client(app):
    from fastapi.testclient import TestClient

    with TestClient(app) as c:
        yield c


def login(client, name: str = "anna", password: str = PASSWORD) -> str:
    """Log in through the form; the session's CSRF token (for API writes)."""
    import re

    page = client.get("/login")
    token = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)
    r = client.post("/login", data={"name": name, "password": password, "csrf": token,
                                    "next": "/"}, follow_redirects=False)
    assert r.status_code == 303, r.text
    return client.get("/api/session").json()["csrf"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """Uvicorn in a thread on 127.0.0.1; stopped at the end of the session."""

    def __init__(self, app, port: int) -> None:
        import uvicorn

        self.url = f"http://127.0.0.1:{port}"
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port,
                                                    log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> Server:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(10)


@pytest.fixture(scope="session")
def server(app) -> Iterator[Server]:
    with Server(app, free_port()) as s:
        yield s


SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"


@pytest.fixture()
def fresh_app(tmp_path: Path, kb_url: str):
    """An app over a KB of its own, for tests that write (corrections) or change the mode."""
    from hamkor.api.app import create_app
    from hamkor.api.deps import make_engine
    from hamkor.kb import store
    from hamkor.web import users

    def make(public: bool = True):
        url = f"sqlite:///{tmp_path / 'kb.sqlite'}"
        engine = make_engine(url)
        users.ensure(engine)
        if not users.exists(engine, "anna"):
            store.store_extractions(engine, kb.records())
            users.add(engine, "anna", PASSWORD)
        return create_app(url, public=public, secret="test-secret")

    return make
