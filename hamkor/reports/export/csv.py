"""CSV: one UTF-8 file a table; PATH is the file for one table, a directory for several."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path
from typing import IO, Any

from hamkor.reports.export import rows
from hamkor.reports.export.base import Exporter


class CSVExporter(Exporter):
    """With ``tables`` of one name, writes ``path``; else ``path/<table>.csv`` for each."""

    def __init__(self, path: Path, tables: tuple[str, ...] = rows.TABLES) -> None:
        super().__init__(path)
        self.tables = tables
        self.single = len(tables) == 1
        if not self.single:
            self.path.mkdir(parents=True, exist_ok=True)
        self._files: dict[str, tuple[IO[str], Any]] = {}

    def _writer(self, table: str) -> Any:
        if table not in self._files:
            target = self.path if self.single else self.path / f"{table}.csv"
            fh = open(target, "w", encoding="utf-8", newline="")  # closed in finalize()
            writer = csv.DictWriter(fh, fieldnames=rows.columns(table), extrasaction="ignore")
            writer.writeheader()
            self._files[table] = (fh, writer)
        return self._files[table][1]

    def write(self, row: Any) -> None:
        table = rows.table_of(row)
        if table not in self.tables:
            return
        writer = self._writer(table)
        for r in rows.flatten(row):
            writer.writerow({k: _cell(v) for k, v in r.items()})
            self.written += 1

    def finalize(self) -> None:
        for table in self.tables:  # an empty table still gets its header
            self._writer(table)
        for fh, _ in self._files.values():
            fh.close()


def _cell(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return "" if value is None else value
