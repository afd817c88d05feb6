"""outbox and inbox

Revision ID: 0001
Revises:
Create Date: 2026-11-25 16:54:26.694820
"""

from collections.abc import Sequence

from alembic import op

from parla.chassis.migrations import create_messaging_tables_v1, drop_messaging_tables_v1

revision: str = '0001'
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    create_messaging_tables_v1()


def downgrade() -> None:
    drop_messaging_tables_v1()
