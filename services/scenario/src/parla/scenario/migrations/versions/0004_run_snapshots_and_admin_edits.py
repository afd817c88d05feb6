"""run snapshots and admin edits

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25 18:04:52.360168
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0004'
down_revision: str | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('runs', schema=None) as batch_op:
        batch_op.add_column(sa.Column('scenario_snapshot', sa.JSON(), nullable=True))

    with op.batch_alter_table('scenarios', schema=None) as batch_op:
        batch_op.add_column(sa.Column('edited_by_admin_at', sa.DateTime(timezone=True), nullable=True))



def downgrade() -> None:
    with op.batch_alter_table('scenarios', schema=None) as batch_op:
        batch_op.drop_column('edited_by_admin_at')

    with op.batch_alter_table('runs', schema=None) as batch_op:
        batch_op.drop_column('scenario_snapshot')

