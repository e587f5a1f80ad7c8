"""The neutral document model of a briefing note: what every renderer (md, html, docx, pdf) draws.

A report is built once from the query layer (``build.py``) and knows nothing of formats;
a renderer walks it and knows nothing of the knowledge base. Every statement carries a
:class:`Ref` to the numbered :class:`Reference` entries listed at the end.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Ref:
    """A citation mark: the reference numbers shown, and how many more sources say the same."""

    numbers: tuple[int, ...]
    more: int = 0

    def label(self) -> str:
        """«[1, 2]» or «[1, 2, 3 и ещё 12]»; empty when nothing is cited."""
        if not self.numbers:
            return ""
        text = ", ".join(str(n) for n in self.numbers)
        if self.more:
            text += f" и ещё {self.more}"
        return f"[{text}]"


@dataclass(frozen=True)
class Run:
    """A piece of text, with the citation shown right after it."""

    text: str
    ref: Ref | None = None
    bold: bool = False


@dataclass(frozen=True)
class Paragraph:
    runs: tuple[Run, ...]
    style: str = "body"  # body | note (smaller, for caveats and counts)

    @property
    def text(self) -> str:
        return "".join(plain(r) for r in self.runs)


@dataclass(frozen=True)
class Cell:
    text: str
    ref: Ref | None = None

    @property
    def full(self) -> str:
        return plain(Run(self.text, self.ref))


@dataclass(frozen=True)
class Table:
    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    widths: tuple[float, ...]  # relative column widths, summing to about 1
    note: str | None = None  # shown under the table («показаны 50 из 312»)


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[float | None, ...]  # one per category; None where the period has no figure


@dataclass(frozen=True)
class Chart:
    title: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    unit: str  # the axis label («млн долл. США»)
    scale: float = 1.0  # values are divided by this before drawing


Block = Paragraph | Table | Chart


@dataclass(frozen=True)
class Section:
    title: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Reference:
    number: int
    title: str | None
    published: date | None
    url: str | None
    article_id: str


@dataclass(frozen=True)
class Report:
    title: str
    subtitle: str
    sections: tuple[Section, ...]
    references: tuple[Reference, ...]
    created: date
    meta: dict[str, str] = field(default_factory=dict, compare=False)

    @property
    def charts(self) -> tuple[Chart, ...]:
        return tuple(b for s in self.sections for b in s.blocks if isinstance(b, Chart))


def plain(run: Run) -> str:
    """A run as plain text, its citation after a no-break space."""
    label = run.ref.label() if run.ref else ""
    return f"{run.text}\u00a0{label}" if label and run.text else run.text + label


def reference_text(r: Reference) -> str:
    """«Заголовок статьи. — 05.03.2025. — https://…» (the article id when there is no URL)."""
    return ". — ".join(reference_parts(r) + [locator(r)]).removesuffix(". — ")


def locator(r: Reference) -> str:
    """Where to find the article: its URL, else its id (unless the title already is the id)."""
    return r.url or (f"источник: {r.article_id}" if r.title else "")


def reference_parts(r: Reference) -> list[str]:
    """The title (or the article id) and the date of a reference, without the URL."""
    parts = [(r.title or f"Статья {r.article_id}").rstrip(".")]
    if r.published:
        parts.append(r.published.strftime("%d.%m.%Y"))
    return parts
