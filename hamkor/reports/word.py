"""A report as a Word document (python-docx): A4, Times New Roman, tables that fit the page."""

from __future__ import annotations

import io
from datetime import datetime
from typing import TYPE_CHECKING

from hamkor.reports import chart
from hamkor.reports.model import Chart, Paragraph, Report, Run, Table, reference_text

if TYPE_CHECKING:
    from docx.document import Document

FONT = "Times New Roman"
BODY_PT, TABLE_PT, NOTE_PT = 12, 9, 10
TEXT_WIDTH_CM = 17.0  # A4 (21 cm) less margins of 2 cm each side


def render(report: Report) -> bytes:
    import docx
    from docx.shared import Pt

    doc = docx.Document()
    _page(doc)
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(BODY_PT)
    _east_asian(normal.element, FONT)
    props = doc.core_properties
    props.title, props.author, props.language = report.title, "hamkor", "ru-RU"
    props.created = props.modified = datetime(report.created.year, report.created.month,
                                              report.created.day)
    head = doc.add_heading(report.title, level=0)
    _font(head)
    sub = doc.add_paragraph(report.subtitle)
    _note(sub)
    for section in report.sections:
        _font(doc.add_heading(section.title, level=1))
        for block in section.blocks:
            if isinstance(block, Paragraph):
                _paragraph(doc, block)
            elif isinstance(block, Table):
                _table(doc, block)
            elif isinstance(block, Chart):
                _chart(doc, block)
    _font(doc.add_heading("Источники", level=1))
    for r in report.references:
        p = doc.add_paragraph(f"[{r.number}] {reference_text(r)}")
        p.paragraph_format.space_after = Pt(2)
        _note(p)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _page(doc: Document) -> None:
    from docx.shared import Cm

    for s in doc.sections:
        s.page_width, s.page_height = Cm(21), Cm(29.7)
        s.left_margin = s.right_margin = Cm(2)
        s.top_margin = s.bottom_margin = Cm(2)


def _east_asian(element, font: str) -> None:  # noqa: ANN001  (an lxml element of a style)
    """Word picks the Cyrillic face from w:rFonts; set every slot, not only ascii."""
    from docx.oxml.ns import qn

    rpr = element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(fonts)
    for slot in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(slot), font)


def _font(paragraph) -> None:  # noqa: ANN001
    for run in paragraph.runs:
        run.font.name = FONT


def _note(paragraph) -> None:  # noqa: ANN001
    from docx.shared import Pt, RGBColor

    for run in paragraph.runs:
        run.font.size = Pt(NOTE_PT)
        run.font.color.rgb = RGBColor(0x55, 0x55, 0x55)


def _add_runs(paragraph, runs: tuple[Run, ...]) -> None:  # noqa: ANN001
    for r in runs:
        if r.text:
            paragraph.add_run(r.text).bold = r.bold
        if r.ref and r.ref.numbers:
            paragraph.add_run(("\u00a0" if r.text else "") + r.ref.label())


def _paragraph(doc: Document, block: Paragraph) -> None:
    p = doc.add_paragraph()
    _add_runs(p, block.runs)
    if block.style == "note":
        _note(p)


def _table(doc: Document, block: Table) -> None:
    from docx.shared import Cm, Pt

    table = doc.add_table(rows=1, cols=len(block.columns))
    table.style = "Table Grid"
    table.autofit = False
    widths = [Cm(TEXT_WIDTH_CM * w / sum(block.widths)) for w in block.widths]
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width  # w:gridCol, which LibreOffice reads; Word reads the cells' widths
    for cell, name, width in zip(table.rows[0].cells, block.columns, widths, strict=True):
        cell.width = width
        cell.text = ""
        run = cell.paragraphs[0].add_run(name)
        run.bold = True
        run.font.size = Pt(TABLE_PT)
    _repeat_header(table.rows[0])
    for row in block.rows:
        cells = table.add_row().cells
        for cell, value, width in zip(cells, row, widths, strict=True):
            cell.width = width
            _add_runs(cell.paragraphs[0], (Run(value.text, value.ref),))
            for run in cell.paragraphs[0].runs:
                run.font.size = Pt(TABLE_PT)
    if block.note:
        _note(doc.add_paragraph(block.note))


def _repeat_header(row) -> None:  # noqa: ANN001
    from docx.oxml.ns import qn

    trpr = row._tr.get_or_add_trPr()
    trpr.append(trpr.makeelement(qn("w:tblHeader"), {qn("w:val"): "true"}))


def _chart(doc: Document, block: Chart) -> None:
    from docx.shared import Cm

    doc.add_picture(io.BytesIO(chart.png(block)), width=Cm(16))
