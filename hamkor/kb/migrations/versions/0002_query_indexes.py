"""query indexes: a fact's newest sources, a region's newest events, meetings, figures;
per-region sector counts

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01 21:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

# (index, table, columns now, columns before)
CHANGED = [
    ('ix_agreement_claims_agreement', 'agreement_claims', ['agreement_id', 'published', 'article_id'],
     ['agreement_id', 'published']),
    ('ix_event_claims_event', 'event_claims', ['event_id', 'published', 'article_id'],
     ['event_id', 'published']),
    ('ix_link_claims_link', 'link_claims', ['link_id', 'published', 'article_id'],
     ['link_id', 'published']),
    ('ix_meeting_claims_meeting', 'meeting_claims', ['meeting_id', 'published', 'article_id'],
     ['meeting_id', 'published']),
    ('ix_metric_claims_metric', 'metric_claims', ['metric_id', 'published', 'article_id'],
     ['metric_id', 'published']),
    ('ix_person_claims_person', 'person_claims', ['person_id', 'published', 'article_id'],
     ['person_id', 'published']),
    ('ix_person_claims_position', 'person_claims', ['position_id', 'published', 'article_id'],
     ['position_id', 'published']),
    ('ix_region_claims_code', 'region_claims', ['code', 'published', 'article_id'],
     ['code', 'published']),
    ('ix_meetings_person_a', 'meetings', ['person_a', 'date', 'id'], ['person_a']),
    ('ix_meetings_person_b', 'meetings', ['person_b', 'date', 'id'], ['person_b']),
    ('ix_metrics_subject', 'metrics', ['subject', 'rejected', 'period'], ['subject']),
    ('ix_metrics_counterpart', 'metrics', ['counterpart', 'rejected', 'period'], ['counterpart']),
    ('ix_event_regions_code', 'event_regions', ['code', 'date', 'event_id'], ['code']),
]
NEW = [
    ('ix_people_of', 'people', ['of']),
    ('ix_positions_of', 'positions', ['of', 'person_id']),
    ('ix_events_rejected', 'events', ['rejected']),
]


def upgrade() -> None:
    op.add_column('event_regions', sa.Column('date', sa.Date(), nullable=True))
    op.execute("UPDATE event_regions SET date = "
               "(SELECT events.date FROM events WHERE events.id = event_regions.event_id)")
    op.create_table('region_sectors',
    sa.Column('code', sa.Text(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('articles', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('code', 'name')
    )
    op.execute("INSERT INTO region_sectors (code, name, articles) "
               "SELECT rc.code, sc.name, count(DISTINCT sc.article_id) FROM region_claims rc "
               "JOIN sector_claims sc ON sc.article_id = rc.article_id GROUP BY rc.code, sc.name")
    for name, table, columns, _ in CHANGED:
        op.drop_index(name, table_name=table)
        op.create_index(name, table, columns, unique=False)
    for name, table, columns in NEW:
        op.create_index(name, table, columns, unique=False)


def downgrade() -> None:
    for name, table, _ in NEW:
        op.drop_index(name, table_name=table)
    for name, table, _, columns in CHANGED:
        op.drop_index(name, table_name=table)
        op.create_index(name, table, columns, unique=False)
    op.drop_table('region_sectors')
    with op.batch_alter_table('event_regions') as batch:
        batch.drop_column('date')
