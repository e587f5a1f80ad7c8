"""stories: near-duplicate articles grouped (articles.story), their signatures and band keys

Every stored article gets its signature here and the copies are grouped; the blocks whose
facts count stories (people, links, regions' sectors, organisations) are marked to derive
again.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02 07:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

COUNTED = ('person_claims', 'link_claims', 'region_claims', 'organisation_claims')
KINDS = {'person_claims': 'person', 'link_claims': 'link', 'region_claims': 'region',
         'organisation_claims': 'organisation'}


def upgrade() -> None:
    op.add_column('articles', sa.Column('story', sa.Text(), nullable=True))
    op.create_index('ix_articles_story', 'articles', ['story'], unique=False)
    op.create_table('story_signatures',
    sa.Column('article_id', sa.Text(), nullable=False),
    sa.Column('signature', sa.LargeBinary(), nullable=False),
    sa.Column('day', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('article_id')
    )
    op.create_table('story_bands',
    sa.Column('key', sa.BigInteger(), nullable=False),
    sa.Column('article_id', sa.Text(), nullable=False),
    sa.Column('day', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE')
    )
    op.create_index('ix_story_bands_key', 'story_bands', ['key', 'day'], unique=False)
    op.create_index('ix_story_bands_article', 'story_bands', ['article_id'], unique=False)
    _group(op.get_bind())


def _group(conn: sa.Connection) -> None:
    """What ``stories.place`` would have made of the stored articles, all at once."""
    from hamkor.clean import fingerprint as fp
    from hamkor.kb.stories import components

    meta = sa.MetaData()
    art = sa.Table('articles', meta, autoload_with=conn)
    sigs = sa.Table('story_signatures', meta, autoload_with=conn)
    bands = sa.Table('story_bands', meta, autoload_with=conn)
    dirty = sa.Table('dirty', meta, autoload_with=conn)
    items = []
    for aid, text, published in conn.execute(sa.select(art.c.id, art.c.text, art.c.published)
                                             .where(art.c.status == 'ok')):
        day = published.toordinal() if published else None
        items.append((aid, fp.signature(text or ''), day))
    story = components(items)
    for i in range(0, len(items), 400):
        part = items[i:i + 400]
        conn.execute(sigs.insert(), [{'article_id': a, 'signature': g.to_bytes(), 'day': d}
                                     for a, g, d in part])
        rows = [{'key': k, 'article_id': a, 'day': d} for a, g, d in part for k in fp.band_keys(g)]
        if rows:
            conn.execute(bands.insert(), rows)
    if story:
        conn.execute(art.update().where(art.c.id == sa.bindparam('aid'))
                     .values(story=sa.bindparam('st')),
                     [{'aid': a, 'st': st} for a, st in story.items()])
    size: dict[str, int] = {}
    for st in story.values():
        size[st] = size.get(st, 0) + 1
    shared = sorted(a for a, st in story.items() if size[st] > 1)
    marks = set()
    for name in COUNTED:
        table = sa.Table(name, meta, autoload_with=conn)
        for i in range(0, len(shared), 400):
            q = sa.select(table.c.block).distinct().where(table.c.article_id.in_(shared[i:i + 400]))
            marks |= {(KINDS[name], b) for b in conn.execute(q).scalars() if b}
    existing = set(conn.execute(sa.select(dirty.c.kind, dirty.c.block)).all())
    rows = [{'kind': k, 'block': b} for k, b in sorted(marks - existing)]
    if rows:
        conn.execute(dirty.insert(), rows)


def downgrade() -> None:
    op.drop_index('ix_story_bands_article', table_name='story_bands')
    op.drop_index('ix_story_bands_key', table_name='story_bands')
    op.drop_table('story_bands')
    op.drop_table('story_signatures')
    op.drop_index('ix_articles_story', table_name='articles')
    op.execute('ALTER TABLE articles DROP COLUMN story')  # SQLite ≥ 3.35, without a copy
