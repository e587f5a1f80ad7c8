"""The tables of the knowledge base (SQLAlchemy Core).

Two layers. *Claims* are what one article says (``*_claims``, with ``evidence`` rows); an
article's claims are replaced as a whole when it is re-ingested. *Facts* (``people``,
``positions``, ``links``, ``agreements``, ``meetings``, ``metrics``, ``events``) are derived
from all claims of a block by ``merge.py``; every claim row names the fact it supports, so a
fact's sources are the evidence of its claims. Ids are hashed from natural keys (``ids.py``).

Changing a table here needs a migration in ``migrations/versions`` (a test compares them).
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

ID = String(64)  # our hashed ids: «agr-» and 20 hex digits
CODE = Text  # RU-OMS, UZ-BU, RU, UZ (as the extractor gives them)
ARTICLE = Text  # an article id is whatever its source calls it

articles = Table(
    "articles", metadata,
    Column("id", ARTICLE, primary_key=True),
    Column("source", Text, nullable=False),
    Column("url", Text),
    Column("title", Text),
    Column("site", Text),
    Column("published", Date),
    Column("language", Text),
    Column("text", Text, nullable=False, default=""),
    Column("checksum", Text, nullable=False),
    Column("extractor", Text, nullable=False),
    Column("status", Text, nullable=False),  # ok | irrelevant | failed
    Column("reason", Text),
    Column("stored_at", DateTime),
    Column("story", ARTICLE),  # the smallest id of the articles it is a copy of (stories.py)
    Index("ix_articles_published", "published"),
    Index("ix_articles_story", "story"),
)

# Near-duplicates: each stored article's MinHash and its LSH band keys (``stories.py``).
story_signatures = Table(
    "story_signatures", metadata,
    Column("article_id", ARTICLE, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("signature", LargeBinary, nullable=False),
    Column("day", Integer),  # the publication date's ordinal: copies are days apart, not years
)

story_bands = Table(
    "story_bands", metadata,
    Column("key", BigInteger, nullable=False),
    Column("article_id", ARTICLE, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("day", Integer),  # the article's, so a search reads only the bands of its weeks
    Index("ix_story_bands_key", "key", "day"),
    Index("ix_story_bands_article", "article_id"),
)

regions = Table(
    "regions", metadata,
    Column("code", CODE, primary_key=True),
    Column("name", Text, nullable=False),
    Column("country", String(2), nullable=False),
)


def _claims(name: str, *columns: Column, fact: str | None = None) -> Table:
    """A per-article claim table: id, article, its date, block (the merge key), the fact it
    supports (indexed with the date and article: a fact's newest sources are read first)."""
    extra: list = []
    if fact:
        extra = [Column(f"{fact}_id", ID),
                 Index(f"ix_{name}_{fact}", f"{fact}_id", "published", "article_id")]
    return Table(
        name, metadata,
        Column("id", ID, primary_key=True),
        Column("article_id", ARTICLE, ForeignKey("articles.id", ondelete="CASCADE"),
               nullable=False, index=True),
        Column("published", Date),  # the article's
        Column("block", Text, nullable=False, index=True),
        *columns, *extra,
    )


region_claims = _claims("region_claims", Column("code", CODE, nullable=False),
                        Index("ix_region_claims_code", "code", "published", "article_id"))

person_claims = _claims(
    "person_claims",
    Column("name", Text, nullable=False),  # as the extractor gave it
    Column("name_key", Text, nullable=False, index=True),  # folded «имя фамилия» of the name
    Column("key", Text, nullable=False),  # the same, after merge and split corrections
    Column("of", CODE),
    Column("title", Text),
    Column("title_norm", Text),
    Column("body", Text),
    Column("implicit", Integer, nullable=False, default=0),  # 1: named only in a meeting
    Column("position_id", ID),
    Index("ix_person_claims_block_key", "block", "key"),
    Index("ix_person_claims_position", "position_id", "published", "article_id"),
    fact="person",
)

link_claims = _claims(
    "link_claims",
    Column("ru", CODE, nullable=False),
    Column("uz", CODE, nullable=False),
    Column("basis", Text, nullable=False, default=""),  # space-separated
    fact="link",
)

agreement_claims = _claims(
    "agreement_claims",
    Column("kind", Text, nullable=False),
    Column("parties", Text, nullable=False),  # sorted codes, space-separated
    Column("from_year", Integer),
    Column("to_year", Integer),
    Column("title", Text),
    Column("signed", Date),
    Column("status", Text),
    fact="agreement",
)

meeting_claims = _claims(
    "meeting_claims",
    Column("claim_a", ID, nullable=False, index=True),  # the person claims of this article
    Column("claim_b", ID, nullable=False, index=True),
    Column("date", Date),
    Column("place", Text),
    fact="meeting",
)

metric_claims = _claims(
    "metric_claims",
    Column("subject", CODE, nullable=False),
    Column("counterpart", CODE, nullable=False),
    Column("indicator", Text, nullable=False),
    Column("period", Text, nullable=False),
    Column("value", Float, nullable=False),
    Column("unit", Text, nullable=False),
    fact="metric",
)

event_claims = _claims(
    "event_claims",
    Column("type", Text, nullable=False),
    Column("date", Date),
    Column("place", Text),
    Column("codes", Text, nullable=False, default=""),  # region and country codes, space-separated
    Column("people", Text, nullable=False, default=""),  # person claim ids or «=Name», tab-separated
    fact="event",
)

sector_claims = _claims("sector_claims", Column("name", Text, nullable=False, index=True))

organisation_claims = _claims(  # the organisation a person's title names (``orgs.py``)
    "organisation_claims",
    Column("name", Text, nullable=False),  # as written («министерства промышленности …»)
    Column("kind", Text, nullable=False),  # company | university | government | other
    Column("of", CODE),  # the region it is based in: the person's jurisdiction
    Column("person_claim", ID, nullable=False, index=True),
    fact="organisation",
)

evidence = Table(
    "evidence", metadata,
    Column("claim_id", ID, primary_key=True),
    Column("seq", Integer, primary_key=True),
    Column("article_id", ARTICLE, ForeignKey("articles.id", ondelete="CASCADE"),
           nullable=False, index=True),
    Column("kind", Text, nullable=False),  # region | person | link | …
    Column("start", Integer, nullable=False),
    Column("stop", Integer, nullable=False),
    Column("sentence", Text, nullable=False, default=""),
    Column("sentence_start", Integer, nullable=False, default=0),
)


def _fact(name: str, *items: Column | Index) -> Table:
    """A derived fact table: id, block, the columns, and the correction that rejected it."""
    return Table(
        name, metadata,
        Column("id", ID, primary_key=True),
        Column("block", Text, nullable=False, index=True),
        *[c for c in items if isinstance(c, Column)],
        Column("rejected", Integer),  # the id of the correction that rejected it
        *[i for i in items if isinstance(i, Index)],
    )


people = _fact(
    "people",
    Column("key", Text, nullable=False, index=True),
    Column("name", Text, nullable=False),
    Column("name_fold", Text, nullable=False, index=True),
    Column("of", CODE, index=True),
    Column("title", Text),
    Column("first_seen", Date),
    Column("last_seen", Date),
    Column("articles", Integer, nullable=False, default=0),
)

positions = _fact(
    "positions",
    Column("person_id", ID, nullable=False, index=True),
    Column("title", Text),
    Column("title_norm", Text),
    Column("body", Text),
    Column("of", CODE),
    Column("first_seen", Date),
    Column("last_seen", Date),
    Index("ix_positions_post", "title_norm", "of"),
    Index("ix_positions_of", "of", "person_id"),
)

links = _fact(
    "links",
    Column("ru", CODE, nullable=False, index=True),
    Column("uz", CODE, nullable=False, index=True),
    Column("basis", Text, nullable=False, default=""),
    Column("articles", Integer, nullable=False),
    Column("first_seen", Date),
    Column("last_seen", Date),
)

organisations = _fact(
    "organisations",
    Column("name", Text, nullable=False),
    Column("kind", Text, nullable=False),
    Column("of", CODE),
    Column("first_seen", Date),
    Column("last_seen", Date),
    Column("articles", Integer, nullable=False, default=0),
    Index("ix_organisations_of", "of", "articles"),
)

agreements = _fact(
    "agreements",
    Column("kind", Text, nullable=False),
    Column("parties", Text, nullable=False),
    Column("from_year", Integer),
    Column("to_year", Integer),
    Column("signed", Date),
    Column("title", Text),
    Column("status", Text),  # as the texts state it (signed | approved | in_force | planned)
    Column("first_seen", Date),
)

agreement_parties = Table(
    "agreement_parties", metadata,
    Column("agreement_id", ID, primary_key=True),
    Column("code", CODE, primary_key=True),
    Index("ix_agreement_parties_code", "code"),
)

meetings = _fact(
    "meetings",
    Column("person_a", ID, nullable=False),
    Column("person_b", ID, nullable=False),
    Column("date", Date),
    Column("place", Text),
    Index("ix_meetings_person_a", "person_a", "date", "id"),  # a person's newest meetings
    Index("ix_meetings_person_b", "person_b", "date", "id"),
)

metrics = _fact(
    "metrics",
    Column("subject", CODE, nullable=False),
    Column("counterpart", CODE, nullable=False),
    Column("indicator", Text, nullable=False),
    Column("period", Text, nullable=False),
    Column("value", Float, nullable=False),
    Column("unit", Text, nullable=False),
    Index("ix_metrics_subject", "subject", "rejected", "period"),  # a region's latest figures
    Index("ix_metrics_counterpart", "counterpart", "rejected", "period"),
)

events = _fact(
    "events",
    Column("type", Text, nullable=False),
    Column("date", Date, index=True),
    Column("place", Text),
    Column("codes", Text, nullable=False, default=""),
    Index("ix_events_rejected", "rejected"),  # the few rejected, to count the others
)

event_regions = Table(  # with the event's date: a region's newest events, read from the index
    "event_regions", metadata,
    Column("event_id", ID, primary_key=True),
    Column("code", CODE, primary_key=True),
    Column("date", Date),
    Index("ix_event_regions_code", "code", "date", "event_id"),
)

region_sectors = Table(  # per region: articles that mention it and tell of a sector
    "region_sectors", metadata,
    Column("code", CODE, primary_key=True),
    Column("name", Text, primary_key=True),
    Column("articles", Integer, nullable=False),
)

corrections = Table(
    "corrections", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("op", String(16), nullable=False),  # reject | merge | split | set
    Column("target", Text, nullable=False),  # a fact id
    Column("payload", Text, nullable=False, default="{}"),  # JSON: fields, anchors, …
    Column("author", Text, nullable=False),
    Column("created", DateTime, nullable=False),
    Column("reason", Text),
    Column("state", String(16), nullable=False, default="pending"),  # applied | pending
)

# Search: the stems of an article's title and text. SQLite indexes them in the FTS5 table
# ``article_fts`` (external content, kept in step by triggers); PostgreSQL by a GIN index on
# a generated column ``tsv`` (``to_tsvector('simple', terms)``). Both are made by the
# migration: Core cannot say them.
article_terms = Table(
    "article_terms", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),  # the FTS5 rowid on SQLite
    Column("article_id", ARTICLE, ForeignKey("articles.id", ondelete="CASCADE"),
           nullable=False, unique=True),
    Column("terms", Text, nullable=False),
)

# Blocks whose facts must be derived again: written in the article's transaction, cleared by
# ``derive.flush`` (so a crash between the two is finished by the next run).
dirty = Table(
    "dirty", metadata,
    Column("kind", Text, primary_key=True),
    Column("block", Text, primary_key=True),
)

CLAIMS = {
    "region": region_claims, "person": person_claims, "link": link_claims,
    "agreement": agreement_claims, "meeting": meeting_claims, "metric": metric_claims,
    "event": event_claims, "sector": sector_claims, "organisation": organisation_claims,
}
FACTS = {
    "person": people, "position": positions, "link": links, "agreement": agreements,
    "meeting": meetings, "metric": metrics, "event": events, "organisation": organisations,
}


def include_name(name: str | None, type_: str, parent_names: object) -> bool:
    """For Alembic's comparisons: the search objects the migration made in SQL are not ours
    to diff (the FTS5 shadow tables, the tsvector index)."""
    if type_ == "table" and name and name.startswith("article_fts"):
        return False
    return not ((type_ == "index" and name == "ix_article_terms_tsv")
                or (type_ == "column" and name == "tsv"))
