"""review: card queues, sources, the review log, settings and sessions

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01 07:10:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0007'
down_revision: str | None = '0006'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('cards', schema=None) as batch_op:
        batch_op.add_column(sa.Column('queue', sa.SmallInteger(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('reps', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('lapses', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('tags', sa.JSON(), nullable=False, server_default='[]'))
        batch_op.add_column(sa.Column('buried_until', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('reset_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.drop_index('ix_cards_user_due')
        batch_op.create_index('ix_cards_user_queue_due', ['user_id', 'queue', 'due'], unique=False)
    # Cards made before queues: new until first reviewed, then by their fsrs state (2: Review).
    op.execute("UPDATE cards SET queue = CASE WHEN last_review IS NULL THEN 0 WHEN state = 2 THEN 2 ELSE 1 END")

    op.create_table('card_sources',
    sa.Column('card_id', sa.Uuid(), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('source_id', sa.String(length=100), nullable=False),
    sa.Column('context', sa.Text(), nullable=False),
    sa.Column('added_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['card_id'], ['cards.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('card_id', 'kind', 'source_id')
    )
    op.execute("INSERT INTO card_sources (card_id, kind, source_id, context, added_at) "
               "SELECT id, source_kind, source_id, '', created_at FROM cards")

    op.create_table('review_logs',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('user_id', sa.Uuid(), nullable=False),
    sa.Column('client_review_id', sa.Uuid(), nullable=False),
    sa.Column('card_id', sa.Uuid(), nullable=False),
    sa.Column('session_id', sa.Uuid(), nullable=True),
    sa.Column('rating', sa.SmallInteger(), nullable=False),
    sa.Column('reviewed_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('duration_ms', sa.Integer(), nullable=True),
    sa.Column('elapsed_days', sa.Float(), nullable=True),
    sa.Column('retrievability', sa.Float(), nullable=False),
    sa.Column('state_before', sa.SmallInteger(), nullable=False),
    sa.Column('stability_before', sa.Float(), nullable=True),
    sa.Column('difficulty_before', sa.Float(), nullable=True),
    sa.Column('state_after', sa.SmallInteger(), nullable=False),
    sa.Column('stability_after', sa.Float(), nullable=True),
    sa.Column('difficulty_after', sa.Float(), nullable=True),
    sa.Column('due_after', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('user_id', 'client_review_id', name='uq_review_logs_client_review')
    )
    with op.batch_alter_table('review_logs', schema=None) as batch_op:
        batch_op.create_index('ix_review_logs_card', ['card_id', 'reviewed_at'], unique=False)
        batch_op.create_index('ix_review_logs_user_time', ['user_id', 'reviewed_at'], unique=False)

    op.create_table('review_settings',
    sa.Column('user_id', sa.Uuid(), nullable=False),
    sa.Column('desired_retention', sa.Float(), nullable=False),
    sa.Column('new_cards_per_day', sa.Integer(), nullable=False),
    sa.Column('reviews_per_day', sa.Integer(), nullable=False),
    sa.Column('time_zone', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('parameters', sa.JSON(), nullable=True),
    sa.Column('fit', sa.JSON(), nullable=True),
    sa.PrimaryKeyConstraint('user_id')
    )
    op.create_table('review_deadlines',
    sa.Column('user_id', sa.Uuid(), nullable=False),
    sa.Column('language', sa.String(length=5), nullable=False),
    sa.Column('on', sa.String(length=10), nullable=False),
    sa.Column('ends_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('target', sa.Float(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('user_id', 'language')
    )
    op.create_table('review_sessions',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('user_id', sa.Uuid(), nullable=False),
    sa.Column('language', sa.String(length=5), nullable=True),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('reviewed', sa.Integer(), nullable=False),
    sa.Column('card_ids', sa.JSON(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )


def downgrade() -> None:
    op.drop_table('review_sessions')
    op.drop_table('review_deadlines')
    op.drop_table('review_settings')
    with op.batch_alter_table('review_logs', schema=None) as batch_op:
        batch_op.drop_index('ix_review_logs_user_time')
        batch_op.drop_index('ix_review_logs_card')
    op.drop_table('review_logs')
    op.drop_table('card_sources')
    with op.batch_alter_table('cards', schema=None) as batch_op:
        batch_op.drop_index('ix_cards_user_queue_due')
        batch_op.create_index('ix_cards_user_due', ['user_id', 'due'], unique=False)
        batch_op.drop_column('reset_at')
        batch_op.drop_column('buried_until')
        batch_op.drop_column('tags')
        batch_op.drop_column('lapses')
        batch_op.drop_column('reps')
        batch_op.drop_column('queue')
