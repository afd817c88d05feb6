"""A database error names no value it was given: its message reaches logs, and values may be a
learner's words or e-mail."""

from __future__ import annotations

import pytest
from sqlalchemy import Column, Integer, MetaData, String, Table, insert
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError

from parla.chassis.db import Database, database_unavailable, make_engine

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


class _DriverError(Exception):
    def __init__(self, sqlstate: str) -> None:
        super().__init__(f"sqlstate {sqlstate}")
        self.sqlstate = sqlstate


@pytest.mark.parametrize(
    ("error", "away"),
    [
        (OperationalError("SELECT 1", {}, ConnectionRefusedError()), True),
        (DBAPIError("SELECT 1", {}, _DriverError("57P01")), True),  # "the database system is shutting down"
        (DBAPIError("SELECT 1", {}, _DriverError("08006")), True),  # the connection failed
        (DBAPIError("SELECT 1", {}, _DriverError("53300")), True),  # too many connections
        (ConnectionResetError(), True),
        (IntegrityError("INSERT", {}, _DriverError("23505")), False),  # the work is wrong, not the database
        (DBAPIError("SELECT 1", {}, _DriverError("42P01")), False),  # no such table: a bug
        (ValueError("bad"), False),
    ],
)
def test_a_database_that_is_away_is_told_from_work_that_is_wrong(error, away):
    assert database_unavailable(error) is away
