"""Writes on SQLite run on the event loop's thread (``parla.chassis.sqlite.SyncWrites``): with the
methods use cases write with, savepoints that undo only their own part, and a lock held by
another process met as "unavailable" after a short wait, never as a stalled loop."""

from __future__ import annotations

import sqlite3
import threading

import pytest
from sqlalchemy import Integer, String, Table, event, func, insert, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from parla.chassis.db import Database, database_unavailable, make_engine


class Base(DeclarativeBase):
    pass


class Note(Base):
    __tablename__ = "notes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    text: Mapped[str] = mapped_column(String)


notes: Table = Note.__table__  # type: ignore[assignment]


@pytest.fixture
async def db(database_with) -> Database:
    return await database_with(Base.metadata)


async def texts(db: Database) -> list[str]:
    async with db.reading() as session:
        return list(await session.scalars(select(Note.text).order_by(Note.id)))


async def test_a_write_runs_its_statements_on_the_event_loops_thread(db):
    threads = set()
    event.listen(db._sync_write_engine, "before_cursor_execute", lambda *args: threads.add(threading.get_ident()))
    async with db.transaction() as session:
        session.add(Note(text="written"))
        await session.flush()
        await session.execute(insert(notes).values(text="inserted"))
    assert threads == {threading.get_ident()}
    assert await texts(db) == ["written", "inserted"]


async def test_the_orm_methods_use_cases_write_with_work_and_commit_together(db):
    async with db.transaction() as session:
        kept, dropped = Note(text="kept"), Note(text="dropped")
        session.add_all([kept, dropped])
        await session.flush()
        await session.delete(dropped)
        found = await session.get(Note, kept.id)
        found.text = "kept, changed"
        await session.flush()
        await session.refresh(found)
        assert found.text == "kept, changed"
        assert await session.scalar(select(func.count()).select_from(notes)) == 1
        assert session.bind.dialect.name == "sqlite"
    assert await texts(db) == ["kept, changed"]


async def test_an_exception_rolls_the_whole_transaction_back(db):
    with pytest.raises(RuntimeError):
        async with db.transaction() as session:
            session.add(Note(text="never"))
            await session.flush()
            raise RuntimeError("the use case failed")
    assert await texts(db) == []


async def test_a_savepoint_that_fails_undoes_only_its_own_writes(db):
    async with db.transaction() as session:
        session.add(Note(text="before"))
        with pytest.raises(ValueError):
            async with session.begin_nested():
                await session.execute(insert(notes).values(text="inside"))
                raise ValueError("this event's handler failed")
        async with session.begin_nested():
            await session.execute(insert(notes).values(text="next savepoint"))
    assert await texts(db) == ["before", "next savepoint"]


async def test_a_lock_held_by_another_process_fails_the_write_as_unavailable_after_a_short_wait(db):
    async with db.transaction() as session:  # the file exists, with its log
        session.add(Note(text="first"))
    other = sqlite3.connect(str(db.engine.url.database), isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(OperationalError, match="locked") as failed:
            async with db.transaction() as session:
                session.add(Note(text="blocked"))
        assert database_unavailable(failed.value)
    finally:
        other.execute("ROLLBACK")
        other.close()
    async with db.transaction() as session:  # and the next write, the lock gone, goes through
        session.add(Note(text="after"))
    assert await texts(db) == ["first", "after"]


async def test_a_database_in_memory_keeps_writing_through_the_async_engine():
    database = Database(make_engine("sqlite+aiosqlite:///:memory:"))
    try:
        async with database.transaction() as session:
            await session.execute(select(1))
        assert database._sync_write_engine is None
    finally:
        await database.dispose()
