"""/api/articles/{id}: an article's text with every extracted item and its span."""

from __future__ import annotations

from fastapi import APIRouter

from hamkor.api.deps import KbDep
from hamkor.api.errors import not_found
from hamkor.api.models import ArticlePublic
from hamkor.api.params import Id

router = APIRouter(prefix="/articles", tags=["articles"])


@router.get("/{id}", responses={404: {"description": "unknown article"}})
def article(kb: KbDep, id: Id) -> ArticlePublic:
    found = kb.article(id)
    if found is None:
        raise not_found(f"article {id}")
    return ArticlePublic.model_validate(found)
