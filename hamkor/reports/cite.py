"""Numbered source references: one number per article, in the order a report first cites it."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from hamkor.reports.model import Ref, Reference

SHOWN = 3  # sources shown per statement; the rest are counted («и ещё 12»)


class Citations:
    """Gives each cited article a number and keeps its reference entry.

    A statement supported by many articles cites its newest few, so that a region with
    thousands of sources still gets a readable note; the count of the others is shown.
    """

    def __init__(self, shown: int = SHOWN) -> None:
        self.shown = shown
        self._numbers: dict[str, int] = {}
        self._entries: list[Reference] = []

    def cite(self, sources: Iterable[Any]) -> Ref:
        """The mark for a statement drawn from ``sources`` (view ``Source`` objects)."""
        by_article: dict[str, Any] = {}
        for s in sources:
            by_article.setdefault(s.article_id, s)
        ordered = sorted(by_article.values(), key=_newest_first)
        chosen = ordered[: self.shown]
        numbers = sorted(self._number(s) for s in chosen)
        return Ref(tuple(numbers), max(0, len(ordered) - len(chosen)))

    def _number(self, s: Any) -> int:
        n = self._numbers.get(s.article_id)
        if n is None:
            n = len(self._entries) + 1
            self._numbers[s.article_id] = n
            self._entries.append(Reference(n, s.title, s.published, s.url, s.article_id))
        return n

    @property
    def references(self) -> tuple[Reference, ...]:
        return tuple(self._entries)


def _newest_first(s: Any) -> tuple[int, str]:
    published: date | None = s.published
    return (-(published.toordinal() if published else 0), s.article_id)
