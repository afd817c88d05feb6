"""initial tables

Revision ID: 0001
Revises:
Create Date: 2026-11-25 16:54:16.836031
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from parla.chassis.migrations import create_messaging_tables_v1, drop_messaging_tables_v1

revision: str = '0001'
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('learner_progress',
    sa.Column('user_id', sa.Uuid(), nullable=False),
    sa.Column('scenarios_started', sa.Integer(), nullable=False),
    sa.Column('scenarios_completed', sa.Integer(), nullable=False),
    sa.Column('total_study_seconds', sa.Integer(), nullable=False),
    sa.Column('score_sum', sa.Float(), nullable=False),
    sa.PrimaryKeyConstraint('user_id')
    )
    op.create_table('learning_sessions',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('user_id', sa.Uuid(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('subject_id', sa.String(length=100), nullable=False),
    sa.Column('run_id', sa.Uuid(), nullable=True),
    sa.Column('language', sa.String(length=5), nullable=False),
    sa.Column('duration_seconds', sa.Integer(), nullable=False),
    sa.Column('items', sa.Integer(), nullable=False),
    sa.Column('accuracy', sa.Float(), nullable=False),
    sa.Column('score', sa.Float(), nullable=False),
    sa.Column('ended_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('learning_sessions', schema=None) as batch_op:
        batch_op.create_index('ix_learning_sessions_user_ended', ['user_id', 'ended_at'], unique=False)

    op.create_table('scenario_engagement',
    sa.Column('scenario_id', sa.String(length=100), nullable=False),
    sa.Column('starts', sa.Integer(), nullable=False),
    sa.Column('completions', sa.Integer(), nullable=False),
    sa.Column('score_sum', sa.Float(), nullable=False),
    sa.Column('last_activity_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('scenario_id')
    )
    create_messaging_tables_v1()


def downgrade() -> None:
    drop_messaging_tables_v1()
    op.drop_table('scenario_engagement')
    with op.batch_alter_table('learning_sessions', schema=None) as batch_op:
        batch_op.drop_index('ix_learning_sessions_user_ended')

    op.drop_table('learning_sessions')
    op.drop_table('learner_progress')
