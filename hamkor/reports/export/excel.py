"""XLSX: one sheet a table, bold frozen header, autofilter, column widths from the contents."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from hamkor.reports.export import rows
from hamkor.reports.export.base import Exporter

MAX_WIDTH = 60
SAMPLE = 2000  # rows looked at to size the columns


class ExcelExporter(Exporter):
    """Rows are kept per table and written at ``finalize`` in openpyxl's write-only mode
    (constant memory per cell, fast for 100k rows), which needs the widths up front."""

    def __init__(self, path: Path, tables: tuple[str, ...] = rows.TABLES) -> None:
        super().__init__(path)
        self.tables = tables
        self._rows: dict[str, list[dict[str, Any]]] = {t: [] for t in tables}

    def write(self, row: Any) -> None:
        table = rows.table_of(row)
        if table in self._rows:
            flat = rows.flatten(row)
            self._rows[table].extend(flat)
            self.written += len(flat)

    def finalize(self) -> None:
        from openpyxl import Workbook

        wb = Workbook(write_only=True)
        for table in self.tables:
            _sheet(wb, table, self._rows[table])
        self.path.parent.mkdir(parents=True, exist_ok=True)
        wb.save(self.path)


def _sheet(wb: Any, table: str, data: list[dict[str, Any]]) -> None:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    cols = rows.columns(table)
    ws = wb.create_sheet(title=table)
    for i, name in enumerate(cols, 1):
        width = max([len(name)] + [len(_text(r.get(name))) for r in data[:SAMPLE]])
        ws.column_dimensions[get_column_letter(i)].width = min(MAX_WIDTH, width + 2)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(cols))}{len(data) + 1}"
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="E8EEF6")
    header = []
    for name in cols:
        cell = WriteOnlyCell(ws, value=name)
        cell.font, cell.fill, cell.alignment = bold, fill, Alignment(vertical="center")
        header.append(cell)
    ws.append(header)
    for r in data:
        ws.append([_value(ws, r.get(name)) for name in cols])


def _text(value: Any) -> str:
    if isinstance(value, date):
        return "2025-01-01"
    return "" if value is None else str(value)


def _value(ws: Any, value: Any) -> Any:
    if isinstance(value, date):
        from openpyxl.cell import WriteOnlyCell

        cell = WriteOnlyCell(ws, value=value)
        cell.number_format = "DD.MM.YYYY"
        return cell
    return value
