"""An article's text as HTML with every extracted item marked and anchored.

Each fact span becomes a ``<mark>``; the first mark that starts at an offset carries
``id="ev-<start>"`` so a source link (``/articles/ID#ev-START``) lands on it. Sentences that
hold a fact are wrapped in ``<span class="sent">`` so the targeted one can be highlighted
(CSS ``:has(:target)``). Every piece of text is escaped here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from markupsafe import Markup, escape

from hamkor.web.labels import FACT


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence bounds (razdel, which the pipeline uses too; lines as a fallback)."""
    try:
        from razdel import sentenize
    except ImportError:  # pragma: no cover
        out, pos = [], 0
        for line in text.splitlines(keepends=True):
            out.append((pos, pos + len(line)))
            pos += len(line)
        return out
    return [(s.start, s.stop) for s in sentenize(text)]


def render(text: str, facts: Sequence[Any]) -> Markup:
    """The text with ``facts`` (objects with kind, fact_id, start, stop, label) marked."""
    n = len(text)
    spans = sorted({(max(0, f.start), min(n, f.stop), f.kind, f.fact_id, f.label) for f in facts
                    if 0 <= f.start < f.stop <= n + 1 and f.start < n})
    sents = sentences(text)
    cuts = {0, n}
    for a, b, *_ in spans:
        cuts.update((a, b))
    for a, b in sents:
        cuts.update((a, b))
    bounds = sorted(c for c in cuts if 0 <= c <= n)
    anchored: set[int] = set()
    starts = {a for a, *_ in spans}
    fact_sents = {i for i, (a, b) in enumerate(sents) if any(s < b and e > a for s, e, *_ in spans)}

    out: list[str] = []
    si, open_sent = 0, False
    for a, b in zip(bounds, bounds[1:], strict=False):
        while si < len(sents) and sents[si][1] <= a:
            si += 1
            if open_sent:
                out.append("</span>")
                open_sent = False
        in_sent = si < len(sents) and sents[si][0] <= a < sents[si][1]
        if in_sent and si in fact_sents and not open_sent:
            out.append(f'<span class="sent" id="s-{sents[si][0]}">')
            open_sent = True
        covering = [s for s in spans if s[0] <= a and s[1] >= b]
        piece = str(escape(text[a:b]))
        if covering:
            kinds = sorted({s[2] for s in covering})
            title = "; ".join(f"{FACT.get(s[2], s[2])}: {s[4]}" for s in covering)
            attrs = f'class="fact {" ".join("k-" + k for k in kinds)}" title="{escape(title)}"'
            if a in starts and a not in anchored:
                anchored.add(a)
                attrs += f' id="ev-{a}"'
            out.append(f"<mark {attrs}>{piece}</mark>")
        else:
            out.append(piece)
    if open_sent:
        out.append("</span>")
    return Markup("".join(out))
