"""FollowTheMoney entities, one JSON object a line (``ftm`` / Aleph / OpenSanctions tooling).

    region or national body → PublicBody        person → Person
    post («хоким Бухарской области») → Position  person in a post → Occupancy
    event, meeting → Event                       agreement → Contract (authority: the parties)
    link between two regions → UnknownLink       source article → Article (the ``proof``)

Trade figures have no schema in FtM and are not exported here (CSV, XLSX and JSONL have them).
Ids are stable: a readable prefix and the knowledge base's own id, or a hash of a natural key.
Every entity is made through ``model.make_entity`` and checked: a property whose value the
schema's type rejects raises instead of being dropped silently.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hamkor.kb.views import (
    AgreementView,
    EventView,
    LinkView,
    MeetingView,
    PersonRef,
    PersonView,
    RegionRef,
    Source,
)
from hamkor.reports import labels as L
from hamkor.reports.export.base import Exporter
from hamkor.reports.sections import document_name, position_text

PREFIX = "hamkor"


class FtMExporter(Exporter):
    def __init__(self, path: Path) -> None:
        super().__init__(path)
        from followthemoney import model

        self.model = model
        self._entities: dict[str, Any] = {}  # id → EntityProxy; one id seen twice is merged

    def write(self, row: Any) -> None:
        if isinstance(row, RegionRef):
            self._region(row)
        elif isinstance(row, LinkView):
            self._link(row)
        elif isinstance(row, AgreementView):
            self._agreement(row)
        elif isinstance(row, PersonView):
            self._person(row)
        elif isinstance(row, EventView):
            self._event(row)
        elif isinstance(row, MeetingView):
            self._meeting(row)

    def finalize(self) -> None:
        """Write the entities sorted by id, so one knowledge base always gives the same file."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with open(self.path, "w", encoding="utf-8") as out:
            for id in sorted(self._entities):
                data = self._entities[id].to_dict()
                out.write(json.dumps(data, ensure_ascii=False, sort_keys=True) + "\n")
        self.written = len(self._entities)

    # --- entities ------------------------------------------------------------------------

    def _emit(self, schema: str, id: str, props: dict[str, Any]) -> str:
        entity = self.model.make_entity(schema)
        entity.id = id
        for prop, values in props.items():
            for value in values if isinstance(values, list | tuple | set) else [values]:
                if value is None or value == "":
                    continue
                text = value.isoformat() if hasattr(value, "isoformat") else str(value)
                entity.add(prop, text)
                if not entity.get(prop):
                    raise ValueError(f"{schema}.{prop}: {text!r} is not a valid value")
        if id in self._entities:
            self._entities[id].merge(entity)
        else:
            self._entities[id] = entity
        return id

    def _region(self, r: RegionRef) -> str:
        return self._emit("PublicBody", f"{PREFIX}-region-{r.code.lower()}", {
            "name": r.name, "alias": r.code, "country": r.country.lower(),
            "jurisdiction": r.country.lower(),
            "classification": "регион" if "-" in r.code else "страна",
        })

    def _articles(self, sources: list[Source]) -> list[str]:
        ids = []
        for s in {s.article_id: s for s in sources}.values():
            ids.append(self._emit("Article", f"{PREFIX}-article-{_slug(s.article_id)}", {
                "title": s.title or s.article_id, "publishedAt": s.published,
                "sourceUrl": s.url if _web(s.url) else None, "summary": s.sentence,
            }))
        return ids

    def _provenance(self, sources: list[Source]) -> dict[str, Any]:
        return {"proof": self._articles(sources),
                "sourceUrl": sorted({s.url for s in sources if _web(s.url)})}

    def _link(self, k: LinkView) -> None:
        ru, uz = self._region(k.ru), self._region(k.uz)
        self._emit("UnknownLink", f"{PREFIX}-link-{k.ru.code.lower()}-{k.uz.code.lower()}", {
            "subject": ru, "object": uz, "role": [L.word(L.BASIS, b) for b in k.basis],
            "startDate": k.first, "endDate": k.last,
            "summary": f"{k.count} {L.plural(k.count, 'сообщение', 'сообщения', 'сообщений')}",
            **self._provenance(k.sources),
        })

    def _agreement(self, a: AgreementView) -> None:
        parties = [self._region(p) for p in a.parties]
        name = document_name(a)
        period = L.years(a.from_year, a.to_year)
        self._emit("Contract", f"{PREFIX}-agreement-{_slug(a.id)}", {
            "name": name, "title": a.title, "type": L.word(L.KIND, a.kind),
            "authority": parties, "contractDate": a.signed,
            "status": L.word(L.STATUS, a.status),
            "description": f"{' — '.join(p.name for p in a.parties)}; период: {period}",
            "country": sorted({p.country.lower() for p in a.parties}),
            **self._provenance(a.sources),
        })

    def _person_ref(self, p: PersonRef) -> str | None:
        if not p.id:
            return None
        return self._emit("Person", f"{PREFIX}-person-{_slug(p.id)}", {
            "name": p.name, "country": (p.of or "")[:2].lower(), "position": p.title,
        })

    def _person(self, p: PersonView) -> None:
        person = self._emit("Person", f"{PREFIX}-person-{_slug(p.id)}", {
            "name": p.name, "country": (p.of or "")[:2].lower(),
            "position": [position_text(x) for x in p.positions], **self._provenance(p.sources),
        })
        for pos in p.positions:
            post_name = position_text(pos)
            post = self._emit("Position", f"{PREFIX}-position-{_slug(f'{pos.of}-{post_name}')}", {
                "name": post_name, "country": (pos.of or p.of or "")[:2].lower(),
                "subnationalArea": pos.of if pos.of and "-" in pos.of else None,
            })
            self._emit("Occupancy", f"{PREFIX}-occupancy-{_slug(f'{p.id}-{post}')}", {
                "holder": person, "post": post, "date": [pos.first_seen, pos.last_seen],
                "description": f"упоминается: {L.day(pos.first_seen)} – {L.day(pos.last_seen)}",
                **self._provenance(pos.sources or p.sources),
            })

    def _event(self, e: EventView) -> None:
        involved = [self._region(r) for r in e.regions]
        involved += [i for i in (self._person_ref(p) for p in e.participants) if i]
        self._emit("Event", f"{PREFIX}-event-{_slug(e.id)}", {
            "name": L.word(L.EVENT, e.type) + (f": {e.place}" if e.place else ""),
            "date": e.date, "location": e.place, "involved": involved,
            "country": sorted({r.country.lower() for r in e.regions}),
            **self._provenance(e.sources),
        })

    def _meeting(self, m: MeetingView) -> None:
        involved = [i for i in (self._person_ref(p) for p in m.people) if i]
        self._emit("Event", f"{PREFIX}-meeting-{_slug(m.id)}", {
            "name": "Переговоры: " + " — ".join(p.name for p in m.people), "date": m.date,
            "involved": involved, **self._provenance(m.sources),
        })


def _web(url: str | None) -> bool:
    return url is not None and url.lower().startswith(("http://", "https://"))


def _slug(text: str) -> str:
    """An id part: the KB's ids are already hashes; anything longer or odd is hashed."""
    import hashlib

    clean = "".join(c if c.isascii() and (c.isalnum() or c in "-_.") else "-" for c in text.lower())
    if clean == text.lower() and len(clean) <= 48:
        return clean
    return hashlib.sha1(text.encode()).hexdigest()[:20]
