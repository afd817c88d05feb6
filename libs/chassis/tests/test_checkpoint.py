"""SQLite's checkpoints are a worker's (``parla.chassis.checkpoint``), not a commit's: a write
never pays for copying the log into the database file, and the worker copies it soon after."""

from __future__ import annotations

import asyncio
import os
import sqlite3

import pytest
from sqlalchemy import Column, Integer, LargeBinary, MetaData, Table, func, insert, select

from parla.chassis.checkpoint import WalCheckpoints, checkpoints_for
from parla.chassis.db import Database

metadata = MetaData()
files = Table("files", metadata, Column("id", Integer, primary_key=True), Column("body", LargeBinary))
MB = 1024 * 1024


@pytest.fixture
async def db(database_with) -> Database:
    return await database_with(metadata)


def path_of(db: Database) -> str:
    return str(db.engine.url.database)


async def write(db: Database, megabytes: int) -> None:
    for _ in range(megabytes):
        async with db.transaction() as session:
            await session.execute(insert(files).values(body=os.urandom(MB)))


def pages_in_log(path: str) -> int:
    """Pages the log holds that are not in the database file yet (a passive checkpoint's report,
    taken by a connection of its own, which changes nothing but where those pages are)."""
    with sqlite3.connect(path) as connection:
        _, pages, _ = connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
    return pages


async def test_commits_do_not_checkpoint_at_sqlites_default_of_1000_pages(db):
    await write(db, 6)  # about 1,500 pages of 4 KB
    assert os.path.getsize(path_of(db)) < MB, "a commit copied the log into the database file"
    assert pages_in_log(path_of(db)) > 1000


async def test_the_worker_copies_the_log_into_the_database_file_soon_after_a_write(db):
    checkpoints = WalCheckpoints(path_of(db), every=0.05)
    running = asyncio.create_task(checkpoints.run())
    try:
        await write(db, 2)
        for _ in range(100):
            if os.path.getsize(path_of(db)) >= 2 * MB:
                break
            await asyncio.sleep(0.05)
        assert os.path.getsize(path_of(db)) >= 2 * MB
        async with db.reading() as session:  # and nothing written is lost or hidden by it
            assert await session.scalar(select(func.count()).select_from(files)) == 2
    finally:
        checkpoints.stop()
        await running
    assert running.done() and running.exception() is None


async def test_the_worker_leaves_an_unchanged_log_alone(db, monkeypatch):
    checkpoints = WalCheckpoints(path_of(db), every=0.01)
    await write(db, 1)
    made = []
    original = checkpoints.checkpoint
    monkeypatch.setattr(checkpoints, "checkpoint", lambda: made.append(1) or original())
    running = asyncio.create_task(checkpoints.run())
    await asyncio.sleep(0.3)  # some thirty rounds
    checkpoints.stop()
    await running
    assert len(made) == 1


def test_only_an_sqlite_file_gets_a_worker(tmp_path):
    assert isinstance(checkpoints_for(f"sqlite+aiosqlite:///{tmp_path / 'a.db'}"), WalCheckpoints)
    assert checkpoints_for("sqlite+aiosqlite:///:memory:") is None
    assert checkpoints_for("sqlite+aiosqlite://") is None
    assert checkpoints_for("postgresql+asyncpg://parla:secret@localhost/parla") is None
