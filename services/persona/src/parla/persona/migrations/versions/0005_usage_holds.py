"""usage holds: a reservation is marked as such, not guessed from its token counts

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01 09:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0005'
down_revision: str | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('ai_usage', schema=None) as batch_op:
        batch_op.add_column(sa.Column('settled', sa.Boolean(), server_default=sa.true(), nullable=False))
    # Before this revision a hold was a paid call's row with no tokens yet.
    op.execute(
        "UPDATE ai_usage SET settled = false "
        "WHERE tokens_in = 0 AND tokens_out = 0 AND cost_usd > 0 AND provider <> 'offline'"
    )


def downgrade() -> None:
    with op.batch_alter_table('ai_usage', schema=None) as batch_op:
        batch_op.drop_column('settled')
