"""document study

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01 04:50:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0004'
down_revision: str | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.add_column(sa.Column('views', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('study_seconds', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('progress_percent', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('last_studied_at', sa.DateTime(timezone=True), nullable=True))
    with op.batch_alter_table('cards', schema=None) as batch_op:
        batch_op.create_index('ix_cards_source', ['source_id', 'source_kind'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('cards', schema=None) as batch_op:
        batch_op.drop_index('ix_cards_source')
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.drop_column('last_studied_at')
        batch_op.drop_column('progress_percent')
        batch_op.drop_column('study_seconds')
        batch_op.drop_column('views')
