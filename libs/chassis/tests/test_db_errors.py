"""A database error names no value it was given: its message reaches logs, and values may be a
learner's words or e-mail."""

from __future__ import annotations

import pytest
from sqlalchemy import Column, Integer, MetaData, String, Table, insert
from sqlalchemy.exc import IntegrityError

from parla.chassis.db import Database, make_engine

metadata = MetaData()
said = Table("said", metadata, Column("id", Integer, primary_key=True), Column("text", String))


async def test_a_failed_insert_does_not_repeat_the_values_in_its_message(tmp_path):
    db = Database(make_engine(f"sqlite+aiosqlite:///{tmp_path / 'errors.db'}"))
    try:
        async with db.engine.begin() as connection:
            await connection.run_sync(metadata.create_all)
        async with db.transaction() as session:
            await session.execute(insert(said).values(id=1, text="quiero una mesa"))
        with pytest.raises(IntegrityError) as raised:
            async with db.transaction() as session:
                await session.execute(insert(said).values(id=1, text="my private words"))
        assert "UNIQUE constraint failed" in str(raised.value)
        assert "my private words" not in str(raised.value)
    finally:
        await db.dispose()
