"""A :class:`Chart` drawn as PNG with matplotlib (Agg, DejaVu Sans for Cyrillic)."""

from __future__ import annotations

import io
from functools import lru_cache

from hamkor.reports.fonts import FAMILY
from hamkor.reports.model import Chart

COLOURS = ("#1f4e79", "#c55a11", "#548235", "#7f6000")


@lru_cache(maxsize=16)
def png(chart: Chart, width: float = 6.5, height: float = 3.2, dpi: int = 150) -> bytes:
    """Grouped bars: a group per period, a bar per series (inches and dots per inch)."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    from matplotlib.figure import Figure  # the OO API: no pyplot state, safe in a web worker

    fig = Figure(figsize=(width, height), dpi=dpi)
    ax = fig.add_subplot()
    n = len(chart.series)
    step = 0.8 / max(n, 1)
    xs = range(len(chart.categories))
    for i, s in enumerate(chart.series):
        pos = [x - 0.4 + step * (i + 0.5) for x in xs]
        vals = [(v / chart.scale) if v is not None else 0.0 for v in s.values]
        bars = ax.bar(pos, vals, width=step * 0.92, label=s.name, color=COLOURS[i % len(COLOURS)])
        labels = [f"{v:,.1f}".replace(",", " ").replace(".", ",") if raw is not None else ""
                  for v, raw in zip(vals, s.values, strict=True)]
        ax.bar_label(bars, labels=labels, fontsize=7, family=FAMILY, padding=1)
    ax.set_xticks(list(xs), chart.categories, fontsize=8, family=FAMILY,
                  rotation=20 if len(chart.categories) > 4 else 0)
    ax.set_ylabel(chart.unit, family=FAMILY, fontsize=8)
    ax.set_title(chart.title, family=FAMILY, fontsize=10)
    ax.tick_params(axis="y", labelsize=7)
    ax.spines[["top", "right"]].set_visible(False)
    ax.margins(y=0.15)
    if n > 1:
        ax.legend(prop={"family": FAMILY, "size": 8}, frameon=False)
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png", metadata={"Software": None})
    return buf.getvalue()
