"""The API tests share the web tests' knowledge base and app (``tests/web/conftest.py``)."""

from tests.web.conftest import app, client, fresh_app, kb_url  # noqa: F401
