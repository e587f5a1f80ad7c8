"""A report as one self-contained HTML page (the chart inlined as a PNG data URI)."""

from __future__ import annotations

import base64
from functools import cache

from markupsafe import Markup, escape

from hamkor.reports import chart
from hamkor.reports.model import Chart, Paragraph, Ref, Report, Table, locator, reference_parts


def render(report: Report) -> bytes:
    return _template().render(report=report).encode()


def cite(ref: Ref | None) -> Markup:
    """Citation marks as links to the reference list: «[1, 2]»."""
    if ref is None or not ref.numbers:
        return Markup("")
    links = ", ".join(f'<a class="ref" href="#ref-{n}">{n}</a>' for n in ref.numbers)
    more = escape(f" и ещё {ref.more}") if ref.more else ""
    return Markup(f"\u00a0[{links}{more}]")


@cache
def _template():  # noqa: ANN202  (a jinja2.Template; jinja2 is imported lazily)
    from jinja2 import Environment, PackageLoader, select_autoescape

    env = Environment(loader=PackageLoader("hamkor.reports", "templates"),
                      autoescape=select_autoescape(["html"]), trim_blocks=True, lstrip_blocks=True)
    env.tests.update(paragraph=lambda b: isinstance(b, Paragraph), table=lambda b: isinstance(b, Table),
                     chart=lambda b: isinstance(b, Chart),
                     web_url=lambda u: bool(u) and u.lower().startswith(("http://", "https://")))
    env.globals.update(cite=cite, parts=reference_parts, locator=locator,
                       chart_png=lambda c: base64.b64encode(chart.png(c)).decode())
    return env.get_template("report.html")
