"""Stage: Linked → Extraction. Needs places and people; adds the contract record of GUIDE.md.

One module per key (regions, people, links, agreements, meetings, metrics) plus events and
sectors; they share a Context that knows each sentence's parties and the article's actors.
"""

from __future__ import annotations

from hamkor import EXTRACTOR_VERSION
from hamkor.extract.agreements import agreements
from hamkor.extract.context import Context
from hamkor.extract.events import events
from hamkor.extract.links import links
from hamkor.extract.meetings import meetings
from hamkor.extract.metrics import metrics
from hamkor.extract.people import people
from hamkor.extract.regions import regions
from hamkor.extract.sectors import sectors
from hamkor.records import Extraction, Linked


def extract(linked: Linked) -> Extraction:
    ctx = Context(linked)
    article = linked.parsed.article
    docs = agreements(ctx)
    met = meetings(ctx)
    return Extraction(
        id=article.id,
        published=article.published,
        regions=regions(linked),
        people=people(linked.parsed, ctx.entities),
        links=links(ctx, docs, met),
        agreements=docs,
        meetings=met,
        metrics=metrics(ctx),
        events=events(ctx),
        sectors=sectors(ctx),
        article=article,
        extractor=EXTRACTOR_VERSION,
    )
