"""organisations: claims read from the bodies of people's titles, and the merged organisations

Existing person claims get their organisation claims here (with the person's evidence), and
their blocks are marked to derive: `hamkor db upgrade` (or the next ingest) derives them.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01 22:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('organisation_claims',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('article_id', sa.Text(), nullable=False),
    sa.Column('published', sa.Date(), nullable=True),
    sa.Column('block', sa.Text(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('kind', sa.Text(), nullable=False),
    sa.Column('of', sa.Text(), nullable=True),
    sa.Column('person_claim', sa.String(length=64), nullable=False),
    sa.Column('organisation_id', sa.String(length=64), nullable=True),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_organisation_claims_article_id'), 'organisation_claims',
                    ['article_id'], unique=False)
    op.create_index(op.f('ix_organisation_claims_block'), 'organisation_claims', ['block'],
                    unique=False)
    op.create_index('ix_organisation_claims_organisation', 'organisation_claims',
                    ['organisation_id', 'published', 'article_id'], unique=False)
    op.create_index(op.f('ix_organisation_claims_person_claim'), 'organisation_claims',
                    ['person_claim'], unique=False)
    op.create_table('organisations',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('block', sa.Text(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('kind', sa.Text(), nullable=False),
    sa.Column('of', sa.Text(), nullable=True),
    sa.Column('first_seen', sa.Date(), nullable=True),
    sa.Column('last_seen', sa.Date(), nullable=True),
    sa.Column('articles', sa.Integer(), nullable=False),
    sa.Column('rejected', sa.Integer(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_organisations_block'), 'organisations', ['block'], unique=False)
    op.create_index('ix_organisations_of', 'organisations', ['of', 'articles'], unique=False)
    _claims_from_people(op.get_bind())


def _claims_from_people(conn: sa.Connection) -> None:
    """What ``claims.build`` makes of a person claim now, for the person claims stored."""
    from hamkor.kb import orgs
    from hamkor.kb.ids import make_id

    meta = sa.MetaData()
    pc = sa.Table('person_claims', meta, autoload_with=conn)
    ev = sa.Table('evidence', meta, autoload_with=conn)
    oc = sa.Table('organisation_claims', meta, autoload_with=conn)
    dirty = sa.Table('dirty', meta, autoload_with=conn)
    claims, blocks = {}, set()
    for r in conn.execute(sa.select(pc.c.id, pc.c.article_id, pc.c.published, pc.c.body, pc.c.of)
                          .where(pc.c.body.is_not(None))).mappings():
        org = orgs.claim(dict(r))
        if org is None:
            continue
        cid = make_id("claim", "organisation", r["article_id"], *org[0])
        claims[r["id"]] = {"id": cid, "article_id": r["article_id"], "published": r["published"],
                           **org[1]}
        blocks.add(org[1]["block"])
    ids = sorted(claims)
    for i in range(0, len(ids), 400):
        chunk = ids[i:i + 400]
        conn.execute(oc.insert(), [claims[p] for p in chunk])
        spans = conn.execute(sa.select(ev).where(ev.c.claim_id.in_(chunk))).mappings().all()
        if spans:
            conn.execute(ev.insert(), [{**s, "claim_id": claims[s["claim_id"]]["id"],
                                        "kind": "organisation"} for s in spans])
    if blocks:
        conn.execute(dirty.insert(), [{"kind": "organisation", "block": b} for b in sorted(blocks)])


def downgrade() -> None:
    op.execute("DELETE FROM evidence WHERE kind = 'organisation'")
    op.execute("DELETE FROM dirty WHERE kind = 'organisation'")
    op.drop_index('ix_organisations_of', table_name='organisations')
    op.drop_index(op.f('ix_organisations_block'), table_name='organisations')
    op.drop_table('organisations')
    op.drop_index(op.f('ix_organisation_claims_person_claim'), table_name='organisation_claims')
    op.drop_index('ix_organisation_claims_organisation', table_name='organisation_claims')
    op.drop_index(op.f('ix_organisation_claims_block'), table_name='organisation_claims')
    op.drop_index(op.f('ix_organisation_claims_article_id'), table_name='organisation_claims')
    op.drop_table('organisation_claims')
