"""The exporter interface (followthemoney's ``export/`` way): ``write(row)`` per item, then
``finalize()``. A row is a view of ``hamkor.kb.views`` (a link, an agreement, a person …);
each format takes the kinds it can show and skips the rest."""

from __future__ import annotations

from pathlib import Path
from typing import Any


class Exporter:
    """Writes items of the knowledge base to ``path`` in one format."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.written = 0

    def write(self, row: Any) -> None:
        raise NotImplementedError

    def finalize(self) -> None:
        """Close the output; nothing is complete on disk before this is called."""
