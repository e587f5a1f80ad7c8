"""A report as Markdown: headings, pipe tables, citation marks linked to the reference list."""

from __future__ import annotations

import re

from hamkor.reports.model import (
    Chart,
    Paragraph,
    Reference,
    Report,
    Run,
    Table,
    reference_parts,
    reference_text,
)

_UNDERSCORE = re.compile(r"(?<!\w)_|_(?!\w)")


def render(report: Report, chart_href: str | None = None) -> bytes:
    """UTF-8 Markdown. A chart is an image link to ``chart_href`` (written beside the file by
    the CLI); without one the chart is left out, its figures being in the table above it."""
    out = [f"# {report.title}", "", f"*{_esc(report.subtitle)}*", ""]
    for section in report.sections:
        out += [f"## {section.title}", ""]
        for block in section.blocks:
            if isinstance(block, Paragraph):
                text = "".join(_run(r) for r in block.runs)
                out += [f"*{text}*" if block.style == "note" else text, ""]
            elif isinstance(block, Table):
                out += _table(block)
            elif isinstance(block, Chart) and chart_href:
                out += [f"![{block.title}]({chart_href})", ""]
    out += ["## Источники", ""]
    out += [f"{r.number}. {_reference(r)}" for r in report.references] or ["Нет."]
    return ("\n".join(out).rstrip() + "\n").encode()


def _esc(text: str) -> str:
    for ch in "\\*[]|<>`":
        text = text.replace(ch, "\\" + ch)
    # an underscore inside a word (an article id: 002_b8f5…) is no emphasis in CommonMark
    return _UNDERSCORE.sub(r"\\_", text).replace("\n", " ")


def _reference(r: Reference) -> str:
    if not r.url:
        return _esc(reference_text(r))
    return _esc(". — ".join(reference_parts(r))) + f". — <{r.url}>"


def _run(r: Run) -> str:
    text = _esc(r.text)
    if r.bold:
        text = f"**{text}**"
    if r.ref and r.ref.numbers:
        text += ("\u00a0" if r.text else "") + r.ref.label()
    return text


def _table(t: Table) -> list[str]:
    lines = ["| " + " | ".join(_esc(c) for c in t.columns) + " |",
             "|" + "|".join("---" for _ in t.columns) + "|"]
    lines += ["| " + " | ".join(_run(Run(c.text, c.ref)) for c in row) + " |" for row in t.rows]
    lines.append("")
    if t.note:
        lines += [f"*{_esc(t.note)}*", ""]
    return lines
