"""An article: its text with every extracted item highlighted and anchored (``#ev-START``)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from hamkor.api.deps import KbDep
from hamkor.api.errors import not_found
from hamkor.api.params import Id
from hamkor.web import geo
from hamkor.web.highlight import render
from hamkor.web.labels import fact_label
from hamkor.web.render import page

router = APIRouter()


@router.get("/articles/{id}", response_class=HTMLResponse)
def article(request: Request, kb: KbDep, id: Id) -> HTMLResponse:
    found = kb.article(id)
    if found is None:
        raise not_found(f"статья {id}")
    names = {code: p.short if len(p.name) > 24 else p.name for code, p in geo.places().items()}
    facts = [(f, fact_label(f.kind, f.label, names))
             for f in sorted(found.facts, key=lambda f: (f.start, f.kind))]
    return page(request, "article.html", a=found, body=render(found.text, found.facts), facts=facts)
