"""pytest fixtures for a migrated database per test, on SQLite and on PostgreSQL (loaded as a
plugin by ``parla.devstack.testing``).

Migrating costs far more than a test does. Each service's migrations run once per session: on
SQLite into a template file that every test gets a copy of; on PostgreSQL into one database per
service, where each test runs inside an outer transaction that is rolled back after it.
"""

from __future__ import annotations

import asyncio
import shutil
import sqlite3
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import asynccontextmanager, closing, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession, async_sessionmaker

from parla.chassis.db import Database, make_engine
from parla.chassis.migrations import migrate

if TYPE_CHECKING:
    from parla.devstack.testing import PostgresServer

CONCURRENT_TRANSACTIONS = "concurrent_transactions"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        f"{CONCURRENT_TRANSACTIONS}: the test runs database transactions at the same time (locks, races); on "
        "PostgreSQL it gets a connection per transaction and the tables are emptied after it, instead of one "
        "connection in a transaction that is rolled back",
    )


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    return request.param


def sqlite_url(path: Path) -> str:
    return f"sqlite+aiosqlite:///{path}"


def _self_contained(path: Path) -> None:
    # Fold the write-ahead log into the file, so that copying the file alone copies everything.
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("PRAGMA journal_mode=DELETE")


# Brings a migrated database to the state a group of tests starts from (e.g. seeded data).
Prepare = Callable[[Database], Awaitable[object]]


async def _prepared(url: str, prepare: Prepare | None) -> None:
    if prepare is None:
        return
    db = Database(make_engine(url))
    try:
        await prepare(db)
    finally:
        await db.dispose()


@dataclass
class MigratedTemplates:
    """One migrated (and prepared) database per set of migrations and ``prepare``: SQLite
    template files and PostgreSQL databases."""

    root: Path
    sqlite: dict[tuple[str, Prepare | None], Path] = field(default_factory=dict)
    postgresql: dict[tuple[str, Prepare | None], str] = field(default_factory=dict)

    async def sqlite_copy(self, name: str, migrations: Path, target: Path, prepare: Prepare | None = None) -> str:
        key = (str(migrations), prepare)
        if key not in self.sqlite:
            template = self.root / f"{name}-{len(self.sqlite)}.db"
            await migrate(sqlite_url(template), migrations)
            await _prepared(sqlite_url(template), prepare)
            await asyncio.to_thread(_self_contained, template)
            self.sqlite[key] = template
        shutil.copyfile(self.sqlite[key], target)
        return sqlite_url(target)

    async def postgresql_database(
        self, server: PostgresServer, name: str, migrations: Path, prepare: Prepare | None = None
    ) -> str:
        key = (str(migrations), prepare)
        if key not in self.postgresql:
            url = await asyncio.to_thread(server.create_database, f"test_{name}_{len(self.postgresql)}")
            await migrate(url, migrations)
            await _prepared(url, prepare)
            self.postgresql[key] = url
        return self.postgresql[key]


@pytest.fixture(scope="session")
def migrated_templates(tmp_path_factory: pytest.TempPathFactory) -> MigratedTemplates:
    return MigratedTemplates(tmp_path_factory.mktemp("migrated"))


class ConcurrentTransactions(RuntimeError):
    """Two tasks opened database blocks at once on a database that has one connection."""


class OneConnectionDatabase(Database):
    """A ``Database`` whose every session works in a SAVEPOINT on one connection, inside an outer
    transaction the fixture rolls back: commits inside the test are real to the test and leave
    nothing behind. Blocks opened by two tasks at once would interleave on that one connection,
    so they are refused, with what to do instead."""

    def __init__(self, engine: AsyncEngine, connection: AsyncConnection) -> None:
        super().__init__(engine)
        joined = async_sessionmaker(bind=connection, expire_on_commit=False, join_transaction_mode="create_savepoint")
        self.sessions = joined
        # Read blocks differ from write blocks only on SQLite (how they BEGIN); here both join.
        # ``reading()`` takes its sessions from this private attribute: should it be renamed,
        # reads would bypass the test's transaction, so fail here instead.
        if not hasattr(self, "_read_sessions"):
            raise RuntimeError("parla.chassis.db.Database no longer has _read_sessions; update OneConnectionDatabase")
        self._read_sessions = joined
        self._holder: asyncio.Task | None = None
        self._depth = 0

    @contextmanager
    def _one_task(self) -> Iterator[None]:
        task = asyncio.current_task()
        if self._holder is not None and self._holder is not task:
            raise ConcurrentTransactions(
                "this test runs database transactions at the same time; mark it with "
                f"@pytest.mark.{CONCURRENT_TRANSACTIONS} so that each gets a connection of its own"
            )
        self._holder, self._depth = task, self._depth + 1
        try:
            yield
        finally:
            self._depth -= 1
            if self._depth == 0:
                self._holder = None

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[AsyncSession]:
        with self._one_task():
            async with super().transaction() as session:
                yield session

    @asynccontextmanager
    async def reading(self) -> AsyncIterator[AsyncSession]:
        with self._one_task():
            async with super().reading() as session:
                yield session


@pytest.fixture
def database_factory(backend: str, request: pytest.FixtureRequest, tmp_path: Path, migrated_templates: MigratedTemplates):
    """``async with database_factory(name, migrations_dir) as db`` gives a migrated, empty
    ``parla.chassis.db.Database``; with ``prepare=`` (a coroutine function of the database, the
    same object for every test that shares the state) it starts as ``prepare`` left it, which
    runs once per session rather than once per test.

    SQLite: a copy of the template file. PostgreSQL: the service's database, seen through one
    connection in a transaction that is rolled back after the test; a test marked
    ``concurrent_transactions`` gets a pool of connections instead, and after it the tables are
    emptied and prepared again."""

    @asynccontextmanager
    async def factory(name: str, migrations: Path, *, prepare: Prepare | None = None) -> AsyncIterator[Database]:
        if backend == "sqlite":
            url = await migrated_templates.sqlite_copy(name, migrations, tmp_path / f"{name}.db", prepare)
            db = Database(make_engine(url))
            try:
                yield db
            finally:
                await db.dispose()
            return
        server: PostgresServer = request.getfixturevalue("postgres")
        url = await migrated_templates.postgresql_database(server, name, migrations, prepare)
        if request.node.get_closest_marker(CONCURRENT_TRANSACTIONS):
            async with _emptied_after(url, prepare) as db:
                yield db
        else:
            async with _rolled_back(url) as db:
                yield db

    return factory


@asynccontextmanager
async def _rolled_back(url: str) -> AsyncIterator[Database]:
    engine = make_engine(url)
    try:
        async with engine.connect() as connection:
            outer = await connection.begin()
            try:
                yield OneConnectionDatabase(engine, connection)
            finally:
                await outer.rollback()
    finally:
        await engine.dispose()


@asynccontextmanager
async def _emptied_after(url: str, prepare: Prepare | None) -> AsyncIterator[Database]:
    db = Database(make_engine(url))
    try:
        yield db
    finally:
        await _empty_tables(db)
        await db.dispose()
        # Back to the state every other test sharing this database starts from.
        await _prepared(url, prepare)


async def _empty_tables(db: Database) -> None:
    async with db.engine.begin() as connection:
        names = (
            await connection.execute(
                text("SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'alembic_version'")
            )
        ).scalars()
        quoted = ", ".join(f'"{name}"' for name in names)
        if quoted:
            await connection.execute(text(f"TRUNCATE {quoted} CASCADE"))
