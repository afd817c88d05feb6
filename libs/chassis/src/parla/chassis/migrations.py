"""Alembic helpers: the body of every service's ``migrations/env.py`` and a programmatic upgrade."""

from __future__ import annotations

import asyncio
from pathlib import Path

from alembic import command, context
from alembic.config import Config
from sqlalchemy import MetaData
from sqlalchemy.engine import Connection
from sqlalchemy.types import TypeDecorator

from parla.chassis.db import make_engine


def _render_item(kind: str, item: object, _context: object) -> str | bool:
    # Migrations name the stored type (DateTime), not our Python-side wrapper (UTCDateTime),
    # so that they never depend on application code.
    if kind == "type" and isinstance(item, TypeDecorator):
        return f"sa.{item.impl!r}"
    return False


def _run(connection: Connection, target_metadata: MetaData) -> None:
    context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True, render_item=_render_item)
    with context.begin_transaction():
        context.run_migrations()


async def _run_async(url: str, target_metadata: MetaData) -> None:
    engine = make_engine(url)
    try:
        async with engine.connect() as connection:
            await connection.run_sync(_run, target_metadata)
    finally:
        await engine.dispose()


def run_migrations_env(target_metadata: MetaData) -> None:
    """Called from a service's ``migrations/env.py``."""
    url = context.config.get_main_option("sqlalchemy.url")
    if context.is_offline_mode():
        context.configure(url=url, target_metadata=target_metadata, literal_binds=True)
        with context.begin_transaction():
            context.run_migrations()
        return
    asyncio.run(_run_async(url, target_metadata))


def alembic_config(database_url: str, migrations_dir: Path) -> Config:
    config = Config()
    config.set_main_option("script_location", str(migrations_dir))
    # ConfigParser treats % as interpolation; a password may contain it.
    config.set_main_option("sqlalchemy.url", database_url.replace("%", "%%"))
    return config


def upgrade_to_head(database_url: str, migrations_dir: Path) -> None:
    """Apply every pending migration. Blocking: call it with ``asyncio.to_thread`` from async code."""
    command.upgrade(alembic_config(database_url, migrations_dir), "head")


async def migrate(database_url: str, migrations_dir: Path) -> None:
    await asyncio.to_thread(upgrade_to_head, database_url, migrations_dir)


# --- the outbox and inbox tables, as every service's first migration creates them ---------------
# Frozen here as version 1 of these tables (mirroring parla.chassis.messaging); a later change to
# them is a new migration in each service, never an edit of these functions.


def create_messaging_tables_v1() -> None:
    import sqlalchemy as sa
    from alembic import op

    op.create_table(
        "inbox",
        sa.Column("consumer", sa.String(length=100), nullable=False),
        sa.Column("event_id", sa.Uuid(), nullable=False),
        sa.Column("event_type", sa.String(length=100), nullable=False),
        sa.Column("processed_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("consumer", "event_id"),
    )
    op.create_table(
        "outbox",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False),
        sa.Column("event_id", sa.Uuid(), nullable=False),
        sa.Column("event_type", sa.String(length=100), nullable=False),
        sa.Column("topic", sa.String(length=200), nullable=False),
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("payload", sa.LargeBinary(), nullable=False),
        sa.Column("trace_headers", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("event_id"),
    )
    op.create_index(
        "ix_outbox_pending",
        "outbox",
        ["id"],
        unique=False,
        postgresql_where=sa.text("sent_at IS NULL"),
        sqlite_where=sa.text("sent_at IS NULL"),
    )


def drop_messaging_tables_v1() -> None:
    from alembic import op

    op.drop_index("ix_outbox_pending", table_name="outbox")
    op.drop_table("outbox")
    op.drop_table("inbox")


# --- version 2: the outbox relay claims rows for a while instead of holding a transaction ------


def add_outbox_claims_v2() -> None:
    import sqlalchemy as sa
    from alembic import op

    with op.batch_alter_table("outbox") as batch_op:
        batch_op.add_column(sa.Column("claimed_until", sa.DateTime(timezone=True), nullable=True))


def drop_outbox_claims_v2() -> None:
    from alembic import op

    with op.batch_alter_table("outbox") as batch_op:
        batch_op.drop_column("claimed_until")
