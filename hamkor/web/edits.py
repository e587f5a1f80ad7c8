"""Analysts' edits through the KB's corrections API, each in one write transaction.

An edit is stored by ``hamkor.kb.corrections`` (with who and when) and the facts are derived
again and the corrections replayed, so the page the analyst returns to shows it at once.
"""

from __future__ import annotations

from sqlalchemy import Engine

from hamkor.kb import corrections, derive, query
from hamkor.kb.db import writer
from hamkor.kb.ids import kind_of

CorrectionError = corrections.CorrectionError

FIELD_LABELS = {
    "name": "имя", "of": "юрисдикция (код)", "title": "название / должность",
    "title_norm": "должность (норм.)", "body": "орган", "first_seen": "впервые (ГГГГ-ММ-ДД)",
    "last_seen": "последний раз (ГГГГ-ММ-ДД)", "kind": "вид документа", "from": "год начала",
    "to": "год окончания", "period": "период (2025-2027)", "signed": "дата подписания (ГГГГ-ММ-ДД)",
    "status": "статус", "parties": "стороны (коды через пробел)", "date": "дата (ГГГГ-ММ-ДД)",
    "place": "место", "type": "тип события", "value": "значение", "unit": "единица",
    "indicator": "показатель", "basis": "виды взаимодействия",
}


def fields_of(fact_id: str) -> list[tuple[str, str]]:
    """The fields an analyst may correct on a fact, with their Russian labels."""
    kind = kind_of(fact_id) or ""
    return [(f, FIELD_LABELS.get(f, f)) for f in sorted(corrections.SETTABLE.get(kind, ()))]


def _settle(conn) -> None:  # type: ignore[no-untyped-def]
    derive.flush(conn)
    corrections.replay(conn)


def reject(engine: Engine, target: str, who: str, reason: str | None = None) -> int:
    with writer(engine).begin() as conn:
        cid = corrections.reject(conn, target, who=who, reason=reason)
        _settle(conn)
    return cid


def set_field(engine: Engine, target: str, field: str, value: str, who: str,
              reason: str | None = None) -> int:
    with writer(engine).begin() as conn:
        cid = corrections.set_fields(conn, target, {field: value}, who=who, reason=reason)
        _settle(conn)
    return cid


def merge(engine: Engine, target: str, other: str, who: str, reason: str | None = None
          ) -> tuple[int, str]:
    """``target`` is the same person as ``other`` (an id or a name); the id that remains."""
    with writer(engine).begin() as conn:
        found = query.person(conn, other.strip())
        if found is None:
            raise CorrectionError(f"{other}: no such person")
        before = query.person(conn, target)
        cid = corrections.merge(conn, target, found.id, who=who, reason=reason)
        _settle(conn)
        # The merged person keeps one of the two names (the KB picks it from the claims).
        for name in (found.id, found.name, before.name if before else None):
            after = query.person(conn, name) if name else None
            if after is not None:
                return cid, after.id
    return cid, found.id


def listing(engine: Engine) -> list[dict]:
    with engine.connect() as conn:
        return corrections.listing(conn)
