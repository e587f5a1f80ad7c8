"""JSON Lines: every fact with its evidence (article, span, sentence), one object a line.

Each line is the view as ``hamkor.kb.views.to_json`` gives it (the contract's field names),
with ``fact`` first: link, agreement, person, event, meeting, metric (not ``kind``,
which an agreement has of its own).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import IO, Any

from hamkor.kb.views import (
    AgreementView,
    EventView,
    LinkView,
    MeetingView,
    MetricView,
    PersonView,
    to_json,
)
from hamkor.reports.export.base import Exporter

KINDS = {LinkView: "link", AgreementView: "agreement", PersonView: "person", EventView: "event",
         MeetingView: "meeting", MetricView: "metric"}


class JSONLExporter(Exporter):
    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._out: IO[str] = open(self.path, "w", encoding="utf-8")  # closed in finalize()

    def write(self, row: Any) -> None:
        kind = KINDS.get(type(row))
        if kind is None:
            return
        self._out.write(json.dumps({"fact": kind, **to_json(row)}, ensure_ascii=False) + "\n")
        self.written += 1

    def finalize(self) -> None:
        self._out.close()
