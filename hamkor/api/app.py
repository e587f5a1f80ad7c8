"""The application: JSON API under /api, the Russian web pages, vendored static assets.

    create_app("sqlite:///kb.sqlite")                # anonymous visitors read, analysts edit
    create_app(url, public=False)                    # reading needs a login too
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import anyio.to_thread
from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.middleware.sessions import SessionMiddleware

from hamkor import __version__
from hamkor.api import errors
from hamkor.api.cache import QueryCache
from hamkor.api.deps import make_engine
from hamkor.api.routes import api_router
from hamkor.web import users
from hamkor.web.pages import web_router
from hamkor.web.render import STATIC, error_page
from hamkor.web.security import SecurityHeaders, session_secret

DESCRIPTION = """Regional cooperation of Russia and Uzbekistan, read from the news.

Every fact carries its **sources**: the article, the character span of its trigger and the
sentence. `href` of a source opens the article on that sentence. Errors have one shape:
`{"error": {"code": "not_found", "message": "…"}}`. Writes (corrections) need an analyst's
session and its CSRF token in `X-CSRF-Token` (see `GET /api/session`)."""


# Sync routes run in a thread pool, each holding at most one KB connection. Few threads:
# under the GIL more of them only queue, and the event loop then waits for the GIL behind
# them (throughput fell by half from 5 to 50 clients with 40 threads).
THREADS = 6
REPORTS = 32  # briefing notes kept ready to download


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    anyio.to_thread.current_default_thread_limiter().total_tokens = THREADS
    yield


def create_app(db_url: str | None = None, public: bool = True, secret: str | None = None
               ) -> FastAPI:
    """The app over the knowledge base at ``db_url`` (default: ``HAMKOR_DB``, then the data dir)."""
    app = FastAPI(title="hamkor", version=__version__, description=DESCRIPTION,
                  openapi_url="/api/openapi.json", docs_url=None, redoc_url=None,
                  lifespan=lifespan)
    app.state.engine = make_engine(db_url)
    app.state.public = public
    app.state.cache = QueryCache()
    app.state.reports = QueryCache(size=REPORTS)  # a few notes: each is up to a megabyte
    users.ensure(app.state.engine)

    app.include_router(api_router)
    app.include_router(web_router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    errors.install(app, error_page)

    # The last added runs first: headers wrap everything, the session sits inside them.
    app.add_middleware(SessionMiddleware, secret_key=secret or session_secret(),
                       session_cookie="hamkor_session", same_site="lax", https_only=False,
                       max_age=12 * 60 * 60)
    app.add_middleware(SecurityHeaders)
    return app
