"""A report as PDF, drawn in-process with fpdf2 and the DejaVu Sans shipped inside matplotlib.

Why fpdf2 and not LibreOffice headless: fpdf2 is a small pure-Python wheel from PyPI
(its own dependencies, fonttools, Pillow and defusedxml, are already here with matplotlib),
so ``pip install hamkor`` is enough on a developer's machine, in CI and behind the web app.
LibreOffice would add a ≈300 MB system install, a subprocess per report (1–3 s start-up),
a profile directory and a lock that breaks concurrent conversions in one web worker, and
output that varies with the installed version and fonts. fpdf2 embeds a subset of the font,
wraps table cells, repeats table headings across pages and writes the same bytes for the
same report (the creation date is fixed to the report's date).
"""

from __future__ import annotations

import io
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from hamkor.reports import chart
from hamkor.reports.fonts import dejavu
from hamkor.reports.model import (
    Chart,
    Paragraph,
    Reference,
    Report,
    Table,
    locator,
    reference_parts,
)

if TYPE_CHECKING:
    from fpdf import FPDF

FONT = "DejaVu"
MARGIN = 18  # mm
GREY = (85, 85, 85)


def render(report: Report) -> bytes:
    pdf = _document(report)
    pdf.add_page()
    pdf.set_font(FONT, "B", 16)
    pdf.multi_cell(0, 7.5, report.title, align="L", new_x="LMARGIN", new_y="NEXT")
    _small(pdf)
    pdf.multi_cell(0, 5, report.subtitle, align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0)
    for section in report.sections:
        _heading(pdf, section.title)
        for block in section.blocks:
            if isinstance(block, Paragraph):
                _paragraph(pdf, block)
            elif isinstance(block, Table):
                _table(pdf, block)
            elif isinstance(block, Chart):
                _chart(pdf, block)
    _heading(pdf, "Источники")
    for r in report.references:
        _reference(pdf, r)
    return bytes(pdf.output())


def _document(report: Report) -> FPDF:
    from fpdf import FPDF

    class Note(FPDF):
        def footer(self) -> None:
            self.set_y(-12)
            self.set_font(FONT, "", 8)
            self.set_text_color(*GREY)
            self.cell(0, 5, f"{report.title} — стр. {self.page_no()} из {{nb}}", align="C")

    pdf = Note(format="A4", unit="mm")
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    pdf.set_auto_page_break(True, margin=MARGIN)
    for style in ("", "B", "I"):
        pdf.add_font(FONT, style, str(dejavu(style)))
    pdf.set_title(report.title)
    pdf.set_author("hamkor")
    pdf.set_lang("ru")
    pdf.set_creation_date(datetime(report.created.year, report.created.month, report.created.day,
                                   tzinfo=UTC))
    return pdf


def _small(pdf: FPDF) -> None:
    pdf.set_font(FONT, "I", 9)
    pdf.set_text_color(*GREY)


def _heading(pdf: FPDF, text: str) -> None:
    if pdf.will_page_break(30):  # keep a heading with what follows it
        pdf.add_page()
    pdf.ln(3)
    pdf.set_font(FONT, "B", 12.5)
    pdf.multi_cell(0, 7, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)


def _paragraph(pdf: FPDF, block: Paragraph) -> None:
    if block.style == "note":
        _small(pdf)
    else:
        pdf.set_font(FONT, "", 10.5)
    pdf.multi_cell(0, 5.2, block.text, align="L",
                   new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0)
    pdf.ln(1.5)


def _table(pdf: FPDF, block: Table) -> None:
    from fpdf.fonts import FontFace

    pdf.set_font(FONT, "", 8)
    head = FontFace(emphasis="BOLD", fill_color=(232, 238, 246))
    with pdf.table(col_widths=block.widths, width=pdf.epw, text_align="LEFT", line_height=4,
                   headings_style=head, repeat_headings=1, padding=1,
                   borders_layout="SINGLE_TOP_LINE") as table:
        table.row(block.columns)
        for row in block.rows:
            table.row([c.full for c in row])
    if block.note:
        _small(pdf)
        pdf.multi_cell(0, 4.5, block.note, new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0)
    pdf.ln(2)


def _chart(pdf: FPDF, block: Chart) -> None:
    width = pdf.epw * 0.92
    height = width * 3.2 / 6.5
    if pdf.will_page_break(height):
        pdf.add_page()
    pdf.image(io.BytesIO(chart.png(block)), x=pdf.l_margin + (pdf.epw - width) / 2, w=width)
    pdf.ln(2)


def _reference(pdf: FPDF, r: Reference) -> None:
    pdf.set_font(FONT, "", 8.5)
    head = ". — ".join(reference_parts(r))
    pdf.write(4.3, f"[{r.number}] {head}" + (". — " if locator(r) else ""))
    if r.url and r.url.lower().startswith(("http://", "https://")):
        pdf.set_text_color(31, 78, 121)
        pdf.write(4.3, r.url, link=r.url)
        pdf.set_text_color(0)
    else:
        pdf.write(4.3, locator(r))
    pdf.ln(5)
