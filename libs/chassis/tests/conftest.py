"""Fixtures the chassis' tests share."""

from __future__ import annotations

import itertools
from collections.abc import AsyncIterator, Awaitable, Callable

import pytest
from sqlalchemy import MetaData

from parla.chassis.db import Database, make_engine

_databases = itertools.count()


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_database_url(request, tmp_path) -> str:
    """The URL of a new, empty database: an SQLite file, then a PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite+aiosqlite:///{tmp_path / 'chassis.db'}"
    return request.getfixturevalue("postgres").create_database(f"test_chassis_{next(_databases)}")


OpenDatabase = Callable[..., Awaitable[Database]]


@pytest.fixture
async def database_with(tmp_path) -> AsyncIterator[OpenDatabase]:
    """Opens a ``Database`` on ``url`` (a new SQLite file unless given) with the tables of
    ``metadatas`` created; every one opened is disposed of after the test."""
    opened: list[Database] = []

    async def open_database(*metadatas: MetaData, url: str | None = None) -> Database:
        database = Database(make_engine(url or f"sqlite+aiosqlite:///{tmp_path / 'chassis.db'}"))
        opened.append(database)
        async with database.engine.begin() as connection:
            for metadata in metadatas:
                await connection.run_sync(metadata.create_all)
        return database

    yield open_database
    for database in opened:
        await database.dispose()
