"""catalogue counts

How many public listing rows each (language, category, difficulty) has, and under the language
'*' how many public scenarios, counted once from the listing rows; from here on every write
moves them. The owner index gains the filter columns so an author's own scenarios are counted
from it alone.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30 23:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0007'
down_revision: str | None = '0006'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OWNER_INDEX = 'ix_scenario_localizations_owner'


def upgrade() -> None:
    op.create_table(
        'catalogue_counts',
        sa.Column('language', sa.String(length=5), nullable=False),
        sa.Column('category', sa.String(length=20), nullable=False),
        sa.Column('difficulty', sa.String(length=20), nullable=False),
        sa.Column('scenarios', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('language', 'category', 'difficulty'),
    )
    public = "FROM scenario_localizations WHERE visibility = 'public' AND deleted_at IS NULL GROUP BY"
    op.execute(
        'INSERT INTO catalogue_counts (language, category, difficulty, scenarios)'
        f' SELECT language, category, difficulty, COUNT(*) {public} language, category, difficulty'
    )
    op.execute(
        'INSERT INTO catalogue_counts (language, category, difficulty, scenarios)'
        f" SELECT '*', category, difficulty, COUNT(DISTINCT scenario_id) {public} category, difficulty"
    )
    with op.batch_alter_table('scenario_localizations', schema=None) as batch_op:
        batch_op.drop_index(OWNER_INDEX)
        batch_op.create_index(
            OWNER_INDEX,
            ['owner_id', 'language', 'title', 'scenario_id', 'category', 'difficulty', 'visibility', 'deleted_at'],
            unique=False,
        )


def downgrade() -> None:
    with op.batch_alter_table('scenario_localizations', schema=None) as batch_op:
        batch_op.drop_index(OWNER_INDEX)
        batch_op.create_index(
            OWNER_INDEX, ['owner_id', 'language', 'title', 'scenario_id', 'visibility', 'deleted_at'], unique=False
        )
    op.drop_table('catalogue_counts')
