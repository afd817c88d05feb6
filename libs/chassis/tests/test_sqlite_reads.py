"""Reads on SQLite run on the event loop's thread (``parla.chassis.db.SyncReads``): they see what
writers committed, cannot write, never wait for a connection, and leave no lock behind."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import Column, Integer, MetaData, String, Table, func, insert, select
from sqlalchemy.exc import OperationalError

from parla.chassis.db import Database

metadata = MetaData()
notes = Table("notes", metadata, Column("id", Integer, primary_key=True), Column("text", String))


@pytest.fixture
async def db(database_with) -> Database:
    return await database_with(metadata)


async def add_note(db: Database, text: str) -> None:
    async with db.transaction() as session:
        await session.execute(insert(notes).values(text=text))


async def test_a_read_sees_every_committed_write_with_the_session_methods_repositories_use(db):
    await add_note(db, "first")
    await add_note(db, "second")
    async with db.reading() as session:
        assert await session.scalar(select(func.count()).select_from(notes)) == 2
        assert list(await session.scalars(select(notes.c.text).order_by(notes.c.id))) == ["first", "second"]
        assert (await session.execute(select(notes.c.id, notes.c.text).where(notes.c.text == "second"))).one() == (2, "second")
        assert session.bind.dialect.name == "sqlite"


async def test_a_read_cannot_write(db):
    async with db.reading() as session:
        with pytest.raises(OperationalError, match="readonly"):
            await session.execute(insert(notes).values(text="sneaked in"))
    async with db.reading() as session:
        assert await session.scalar(select(func.count()).select_from(notes)) == 0


async def test_many_reads_open_at_once_never_wait_for_a_connection(db):
    """More reads open together than the pool keeps: none may wait, since a wait on the loop's
    thread could never end."""
    await add_note(db, "shared")
    opened = asyncio.Event()
    open_now = 0

    async def read() -> int:
        nonlocal open_now
        async with db.reading() as session:
            open_now += 1
            if open_now == 40:
                opened.set()
            await asyncio.wait_for(opened.wait(), timeout=10)
            return await session.scalar(select(func.count()).select_from(notes))

    assert await asyncio.gather(*(read() for _ in range(40))) == [1] * 40


async def test_a_writer_is_not_held_up_by_an_open_read(db):
    await add_note(db, "before")
    async with db.reading() as session:
        assert await session.scalar(select(func.count()).select_from(notes)) == 1
        await asyncio.wait_for(add_note(db, "during"), timeout=10)
    async with db.reading() as session:
        assert await session.scalar(select(func.count()).select_from(notes)) == 2
