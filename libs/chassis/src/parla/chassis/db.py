"""Async SQLAlchemy engine and transactions for SQLite (embedded default) and PostgreSQL."""

from __future__ import annotations

import asyncio
import functools
import os
import uuid
from collections.abc import AsyncIterator, Callable, Iterator, Sequence
from contextlib import asynccontextmanager, contextmanager
from contextvars import ContextVar
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

from sqlalchemy import DateTime, Dialect, Engine, Insert, Table, case, event, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.orm import sessionmaker
from sqlalchemy.pool import Pool
from sqlalchemy.types import TypeDecorator

from parla.chassis.json_columns import JSON_CODEC
from parla.chassis.logging import get_logger
from parla.chassis.sqlite import READ_ONLY, SyncReads, SyncWrites, read_engine, sqlite_begin, sqlite_pragmas, write_engine

# Set on a session's ``info`` by the outbox when the transaction wrote an event.
EVENTS_ADDED = "parla.events_added"

log = get_logger(__name__)
T = TypeVar("T")

# --- the rule: no database transaction is open while code waits on another process ------------
# A transaction held across a gRPC call, an AI provider or a Kafka send holds SQLite's write lock
# (every writer waits) or a PostgreSQL connection and row locks (the pool drains) for as long as
# the other process takes. ``Database`` marks the blocks it opens here; every client that calls
# out asks ``assert_no_transaction`` first.
_open_block: ContextVar[str | None] = ContextVar("parla_open_database_block", default=None)
GUARD_ENV = "PARLA_TRANSACTION_GUARD"


class CallInsideTransaction(RuntimeError):
    """A call to another process was started while a database transaction was open."""


def open_transaction() -> str | None:
    """What kind of database block ("transaction" or "read") is open in this task, if any."""
    return _open_block.get()


def assert_no_transaction(what: str) -> None:
    """Call before waiting on another process. Inside an open database block this raises in
    strict mode (``PARLA_TRANSACTION_GUARD=strict``, as the test suite runs) and otherwise logs
    a warning: in production a slow request is better than a failed one, but it is a bug."""
    block = _open_block.get()
    if block is None:
        return
    message = f"{what} called inside an open database {block}; read, commit, then call, then write"
    if os.environ.get(GUARD_ENV, "warn") == "strict":
        raise CallInsideTransaction(message)
    log.warning("call inside a database transaction", call=what, block=block)


@contextmanager
def _marked(block: str) -> Iterator[None]:
    token = _open_block.set(block)
    try:
        yield
    finally:
        _open_block.reset(token)


# How long a writer waits for its turn before giving up (as SQLite's busy_timeout would).
WRITER_WAIT_SECONDS = 30.0
# The database is away (restarting, unreachable, a dropped connection, SQLite's writer turn not
# coming): nothing is wrong with the request or the event, and the same work may succeed later.
# Consumers retry their batch; a gRPC call answers UNAVAILABLE, which the gateway turns into 503
# with Retry-After.
DATABASE_UNAVAILABLE: tuple[type[BaseException], ...] = (OperationalError, InterfaceError, ConnectionError, TimeoutError)
# SQLSTATE classes that mean the same on PostgreSQL whatever error class the driver raised:
# connection exceptions (08), the server shutting down or starting (57: "the database system is
# shutting down"), and insufficient resources (53: too many connections).
_UNAVAILABLE_SQLSTATES = ("08", "53", "57")


def database_unavailable(error: BaseException) -> bool:
    """Whether ``error`` says the database is away rather than that the work is wrong."""
    if isinstance(error, DATABASE_UNAVAILABLE):
        return True
    if isinstance(error, DBAPIError):
        if error.connection_invalidated:
            return True
        state = getattr(error.orig, "sqlstate", None)
        return isinstance(state, str) and state.startswith(_UNAVAILABLE_SQLSTATES)
    return False


# Rows per bulk statement: well under SQLite's and asyncpg's limits on bound parameters.
BULK_ROWS = 500


def chunked(items: Sequence[T], size: int = BULK_ROWS) -> list[Sequence[T]]:
    """``items`` in slices of at most ``size``, for bulk statements."""
    return [items[start : start + size] for start in range(0, len(items), size)]


def insert_for(session: AsyncSession, table: Table) -> Insert:
    """An INSERT of ``table`` in the session's own dialect, so that its ``on_conflict_do_*``
    (an upsert, an insert-if-absent) is PostgreSQL's or SQLite's as the database is."""
    return dialect_insert(dialect_of(session), table)


def dialect_of(session: AsyncSession) -> str:
    return session.bind.dialect.name


@functools.cache
def dialect_insert(dialect: str, table: Table) -> Insert:
    """``insert_for``, by the dialect's name: for statements built once per dialect and cached.

    Why cache statements that a consumer runs at every batch: SQLAlchemy caches what it compiles,
    but building the statement again (its ON CONFLICT clause, each ``excluded`` column a proxy of
    the table's) and computing the key it is cached under cost more than running it: a fifth to
    a quarter of a small batch's time in the analytics consumer. Statements are immutable (each
    ``on_conflict_do_*`` returns a new one), so one object serves every session."""
    return (postgresql if dialect == "postgresql" else sqlite).insert(table)


async def upsert(
    session: AsyncSession, table: Table, rows: Sequence[dict], keys: Sequence[str], *, newest_by: str | None = None
) -> None:
    """Insert ``rows``, each replacing the stored row of its ``keys`` — only by a row not older
    than it, by ``newest_by``, when given (events of one thing arrive late or again: the newest
    wins). Every row has the same columns; the statement is compiled once and the rows sent as
    its parameters, whatever their number."""
    if not rows:
        return
    replace = _replacing(dialect_of(session), table, tuple(rows[0]), tuple(keys), newest_by)
    for chunk in chunked(rows):
        await session.execute(replace, list(chunk))


@functools.cache
def _replacing(dialect: str, table: Table, columns: tuple[str, ...], keys: tuple[str, ...], newest_by: str | None) -> Insert:
    statement = dialect_insert(dialect, table)
    replaced = {name: statement.excluded[name] for name in columns if name not in keys}
    newer = table.c[newest_by] <= statement.excluded[newest_by] if newest_by else None
    return statement.on_conflict_do_update(index_elements=list(keys), set_=replaced, where=newer)


def adding_up(
    session: AsyncSession, table: Table, keys: tuple[str, ...], sums: tuple[str, ...], latest: tuple[str, ...] = ()
) -> Insert:
    """An INSERT whose rows, on a row with the same ``keys``, add each of ``sums`` to the stored
    amounts (counters are added in the database, never read and written back) and move each of
    ``latest`` forward only (events arrive out of order: an old one must not rewind a clock). One
    statement may not touch a row twice: the caller adds up a batch's amounts per key first."""
    return _adding_up(dialect_of(session), table, keys, sums, latest)


@functools.cache
def _adding_up(dialect: str, table: Table, keys: tuple[str, ...], sums: tuple[str, ...], latest: tuple[str, ...]) -> Insert:
    statement = dialect_insert(dialect, table)
    added = {name: table.c[name] + statement.excluded[name] for name in sums}
    moved = {
        name: case(
            (table.c[name].is_(None), statement.excluded[name]),
            (statement.excluded[name] > table.c[name], statement.excluded[name]),
            else_=table.c[name],
        )
        for name in latest
    }
    return statement.on_conflict_do_update(index_elements=list(keys), set_=added | moved)


def inserting_if_absent(session: AsyncSession, table: Table, keys: tuple[str, ...], returning: tuple[str, ...] = ()) -> Insert:
    """An INSERT that leaves a row with the same ``keys`` as it is, returning the ``returning``
    columns of the rows it did insert."""
    return _inserting_if_absent(dialect_of(session), table, keys, returning)


@functools.cache
def _inserting_if_absent(dialect: str, table: Table, keys: tuple[str, ...], returning: tuple[str, ...]) -> Insert:
    statement = dialect_insert(dialect, table).on_conflict_do_nothing(index_elements=list(keys))
    return statement.returning(*(table.c[name] for name in returning)) if returning else statement


async def lock_until_commit(session: AsyncSession, namespace: int, key: uuid.UUID) -> None:
    """Make this transaction the only one holding (``namespace``, ``key``) until it ends: for
    read-check-write use cases whose checks read rows that may not exist yet, which FOR UPDATE
    cannot lock. PostgreSQL takes a transaction-scoped advisory lock (the namespace keeps one
    feature's locks from meeting another's); on SQLite every writing transaction already holds
    the database's write lock (BEGIN IMMEDIATE)."""
    if session.bind.dialect.name == "postgresql":
        await session.execute(select(func.pg_advisory_xact_lock(namespace, int.from_bytes(key.bytes[:4], "big", signed=True))))


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def make_engine(url: str, *, echo: bool = False) -> AsyncEngine:
    if is_sqlite(url):
        database = make_url(url).database
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_async_engine(url, echo=echo, hide_parameters=True, **JSON_CODEC)
        event.listen(engine.sync_engine, "connect", sqlite_pragmas)
        event.listen(engine.sync_engine, "begin", sqlite_begin)
        return engine
    # hide_parameters: a database error's message names no value (turn text, e-mail) in logs.
    return create_async_engine(
        url, echo=echo, pool_size=10, max_overflow=10, pool_pre_ping=True, hide_parameters=True, **JSON_CODEC
    )


class Database:
    """One engine, one session factory, and hooks that run after a successful commit.

    The outbox relay registers a hook so that it is woken as soon as a transaction that wrote
    events commits, rather than only on its polling interval.
    """

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine
        self.sessions = async_sessionmaker(engine, expire_on_commit=False)
        self._read_sessions = async_sessionmaker(engine.execution_options(**{READ_ONLY: True}), expire_on_commit=False)
        # An SQLite file is read and written on the event loop's thread (``parla.chassis.sqlite``).
        self._sync_read_engine: Engine | None = None
        self._sync_write_engine: Engine | None = None
        if engine.dialect.name == "sqlite" and engine.url.database not in (None, "", ":memory:"):
            url = engine.url.render_as_string(hide_password=False)
            self._sync_read_engine, self._sync_write_engine = read_engine(url), write_engine(url)
            self._sync_read_sessions = sessionmaker(self._sync_read_engine, expire_on_commit=False)
            self._sync_write_sessions = sessionmaker(self._sync_write_engine, expire_on_commit=False)
        # SQLite has one writer at a time. Writers of this process take turns here, in order,
        # instead of in SQLite's busy handler, which polls with sleeps of up to 100 ms: under
        # load that, not the writes, was most of a write's latency (an outbox row waited about
        # 0.4 s for its relay at 40 writes a second).
        self._writer_turn = asyncio.Lock() if engine.dialect.name == "sqlite" else None
        self._after_commit: list[Callable[[], None]] = []

    @property
    def read_engine(self) -> Engine:
        """The synchronous engine under ``reading()``, for engine events (``before_cursor_execute``)."""
        return self._sync_read_engine or self.engine.sync_engine

    def on_commit(self, hook: Callable[[], None]) -> None:
        self._after_commit.append(hook)

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[AsyncSession]:
        """A session whose work commits together on exit, or not at all."""
        with _marked("transaction"):
            async with self._turn_to_write():
                if self._sync_write_engine is not None:
                    with self._sync_write_sessions() as sync_session, sync_session.begin():
                        session = SyncWrites(sync_session)
                        yield session  # type: ignore[misc]  # the methods of AsyncSession use cases write with
                else:
                    async with self.sessions() as session, session.begin():
                        yield session
        if session.info.get(EVENTS_ADDED):
            for hook in self._after_commit:
                hook()

    @asynccontextmanager
    async def _turn_to_write(self) -> AsyncIterator[None]:
        if self._writer_turn is None:
            yield
            return
        async with asyncio.timeout(WRITER_WAIT_SECONDS):
            await self._writer_turn.acquire()
        try:
            yield
        finally:
            self._writer_turn.release()

    @asynccontextmanager
    async def reading(self) -> AsyncIterator[AsyncSession]:
        """A session for queries only; it must not write. It holds a connection (and, once it
        has read, a snapshot) until it ends, so it too must not wait on another process."""
        with _marked("read"):
            if self._sync_read_engine is not None:
                with self._sync_read_sessions() as session:
                    yield SyncReads(session)  # type: ignore[misc]  # the read methods of AsyncSession
                return
            async with self._read_sessions() as session:
                yield session

    def pool_use(self) -> dict[str, tuple[int, int]]:
        """Connections in use and the pool's steady size, per pool ("write"; on SQLite also
        "read"): what an operator watches to tell a saturated pool from a slow database."""
        pools = {"write": (self._sync_write_engine or self.engine.sync_engine).pool}
        if self._sync_read_engine is not None:
            pools["read"] = self._sync_read_engine.pool
        return {name: _pool_use(pool) for name, pool in pools.items()}

    def writers_waiting(self) -> int:
        """Writers of this process waiting for their turn (SQLite; always 0 elsewhere)."""
        if self._writer_turn is None:
            return 0
        return len(getattr(self._writer_turn, "_waiters", None) or ())

    async def dispose(self) -> None:
        for engine in (self._sync_read_engine, self._sync_write_engine):
            if engine is not None:
                engine.dispose()
        await self.engine.dispose()


def _pool_use(pool: Pool) -> tuple[int, int]:
    # QueuePool and its async adapter count; pools that keep no count (NullPool, StaticPool) show 0.
    checked_out = getattr(pool, "checkedout", None)
    size = getattr(pool, "size", None)
    return (checked_out() if callable(checked_out) else 0, size() if callable(size) else 0)


class UTCDateTime(TypeDecorator):
    """A timestamp that is always timezone-aware UTC in Python, whatever the database keeps
    (SQLite keeps no zone at all). Naive datetimes are refused: they are bugs waiting to happen."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r}: use datetime.now(UTC) or attach a zone")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None or value.tzinfo is not None:
            return value
        return value.replace(tzinfo=UTC)
