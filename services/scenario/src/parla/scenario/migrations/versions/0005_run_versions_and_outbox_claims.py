"""run versions and outbox claims

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30 21:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from parla.chassis.migrations import add_outbox_claims_v2, drop_outbox_claims_v2

revision: str = '0005'
down_revision: str | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    add_outbox_claims_v2()
    with op.batch_alter_table('runs', schema=None) as batch_op:
        batch_op.add_column(sa.Column('version', sa.Integer(), server_default='0', nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('runs', schema=None) as batch_op:
        batch_op.drop_column('version')

    drop_outbox_claims_v2()
