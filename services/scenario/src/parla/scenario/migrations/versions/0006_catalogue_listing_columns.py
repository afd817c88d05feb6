"""catalogue listing columns

Each localization row gets what a catalogue page shows and filters on (category, difficulty,
minutes, phase count, languages, owner, visibility, deletion), filled in from the stored
scenarios, and the indexes the listing queries walk.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30 22:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0006'
down_revision: str | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COPIED = ('category', 'difficulty', 'estimated_minutes', 'phase_count', 'languages', 'owner_id', 'visibility', 'deleted_at')
REQUIRED = {
    'category': sa.String(length=20),
    'difficulty': sa.String(length=20),
    'estimated_minutes': sa.Integer(),
    'phase_count': sa.Integer(),
    'languages': sa.String(length=40),
    'visibility': sa.String(length=10),
}


def _backfill() -> None:
    scenarios = sa.table(
        'scenarios',
        sa.column('id', sa.String()),
        sa.column('owner_id', sa.Uuid()),
        sa.column('visibility', sa.String()),
        sa.column('category', sa.String()),
        sa.column('difficulty', sa.String()),
        sa.column('estimated_minutes', sa.Integer()),
        sa.column('deleted_at', sa.DateTime(timezone=True)),
        sa.column('spec', sa.JSON()),
    )
    localizations = sa.table(
        'scenario_localizations',
        sa.column('scenario_id', sa.String()),
        *(sa.column(name, type_) for name, type_ in REQUIRED.items()),
        sa.column('owner_id', sa.Uuid()),
        sa.column('deleted_at', sa.DateTime(timezone=True)),
    )
    bind = op.get_bind()
    for row in bind.execute(sa.select(scenarios)).mappings():
        spec = row['spec']
        bind.execute(
            localizations.update()
            .where(localizations.c.scenario_id == row['id'])
            .values(
                category=row['category'],
                difficulty=row['difficulty'],
                estimated_minutes=row['estimated_minutes'],
                phase_count=len(spec['phases']),
                languages=','.join(sorted(spec['localizations'])),
                owner_id=row['owner_id'],
                visibility=row['visibility'],
                deleted_at=row['deleted_at'],
            )
        )


def upgrade() -> None:
    with op.batch_alter_table('scenario_localizations', schema=None) as batch_op:
        for name, type_ in REQUIRED.items():
            batch_op.add_column(sa.Column(name, type_, nullable=True))
        batch_op.add_column(sa.Column('owner_id', sa.Uuid(), nullable=True))
        batch_op.add_column(sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True))

    _backfill()

    with op.batch_alter_table('scenario_localizations', schema=None) as batch_op:
        for name, type_ in REQUIRED.items():
            batch_op.alter_column(name, existing_type=type_, nullable=False)
        batch_op.drop_index('ix_scenario_localizations_language_title')
        batch_op.create_index(
            'ix_scenario_localizations_catalogue',
            ['language', 'title', 'scenario_id', 'category', 'difficulty', 'visibility', 'deleted_at', 'owner_id'],
            unique=False,
        )
        batch_op.create_index('ix_scenario_localizations_titles', ['title', 'scenario_id', 'language'], unique=False)
        batch_op.create_index(
            'ix_scenario_localizations_owner',
            ['owner_id', 'language', 'title', 'scenario_id', 'visibility', 'deleted_at'],
            unique=False,
        )


def downgrade() -> None:
    with op.batch_alter_table('scenario_localizations', schema=None) as batch_op:
        batch_op.drop_index('ix_scenario_localizations_owner')
        batch_op.drop_index('ix_scenario_localizations_titles')
        batch_op.drop_index('ix_scenario_localizations_catalogue')
        batch_op.create_index('ix_scenario_localizations_language_title', ['language', 'title'], unique=False)
        for name in reversed(COPIED):
            batch_op.drop_column(name)
