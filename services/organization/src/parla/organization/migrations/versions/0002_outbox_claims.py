"""outbox claims

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30 21:00:00.000000
"""

from collections.abc import Sequence

from parla.chassis.migrations import add_outbox_claims_v2, drop_outbox_claims_v2

revision: str = '0002'
down_revision: str | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    add_outbox_claims_v2()


def downgrade() -> None:
    drop_outbox_claims_v2()
