"""SQLite, the embedded default: its connections' settings, and sessions run on the event loop's
own thread.

Why on the loop's thread: an indexed statement takes SQLite about 0.1 ms, while handing it to
aiosqlite's thread and back through SQLAlchemy's greenlet bridge costs about half a millisecond
of CPU (a transaction of five ORM statements: 3.6 ms through ``AsyncSession``, 0.9–1.4 ms
through a ``Session``). A statement that does not wait on a lock is cheaper done where it is
asked.

Reads never wait under WAL. Writes wait only for SQLite's write lock, which in a running service
no other process takes (a service owns its file) and which the writers of one process take in
turn on an asyncio lock before they begin (``Database.transaction``). Commits do not sync the
disk under ``synchronous=NORMAL``, and checkpoints, which do, are a worker's in a thread of its
own (``parla.chassis.checkpoint``). Should another process hold the lock after all (a migration
run by hand), a write waits for it at most ``WRITE_LOCK_WAIT_MS`` on the loop, then fails as
"database is locked": unavailable, retried by consumers, a 503 for a request.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from parla.chassis.checkpoint import BACKSTOP_PAGES
from parla.chassis.json_columns import JSON_CODEC

READ_ONLY = "parla_read_only"
# How long a statement on the loop's thread waits for a lock another process holds.
WRITE_LOCK_WAIT_MS = 1000
READ_LOCK_WAIT_MS = 250


def sqlite_pragmas(dbapi_connection, _record) -> None:
    # The sqlite3 driver would otherwise open transactions itself, lazily, at the first write:
    # reads before it would see no lock and FOR UPDATE would mean nothing. We begin them instead.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    # WAL lets readers read while a writer writes; busy_timeout rides out short locks.
    cursor.execute("PRAGMA journal_mode=WAL")
    # Under WAL, NORMAL syncs at checkpoints rather than at every commit: a crash of the process
    # or of the machine never corrupts the file; a power cut may lose the last commits. The
    # embedded default trades that for writes several times faster (PostgreSQL is for production).
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    # Checkpoints are a worker's (``parla.chassis.checkpoint``), not a commit's, short of this.
    cursor.execute(f"PRAGMA wal_autocheckpoint={BACKSTOP_PAGES}")
    cursor.close()


def sqlite_begin(connection) -> None:
    # A writing transaction takes SQLite's write lock up front (BEGIN IMMEDIATE), so a
    # read-check-write use case is atomic, as FOR UPDATE makes it on PostgreSQL. Reads stay
    # deferred, and under WAL they never wait for a writer.
    read_only = connection.get_execution_options().get(READ_ONLY, False)
    connection.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")


def _loop_thread_pragmas(wait_ms: int, *, read_only: bool):
    def pragmas(dbapi_connection, record) -> None:
        sqlite_pragmas(dbapi_connection, record)
        # A lock met on the event loop's thread stops every task while it waits: keep it short.
        dbapi_connection.execute(f"PRAGMA busy_timeout={wait_ms}")
        if read_only:
            dbapi_connection.execute("PRAGMA query_only=ON")

    return pragmas


def read_engine(url: str) -> Engine:
    """A synchronous engine on the file, for ``Database.reading``. Its pool never makes a caller
    wait (no upper bound): a wait for a connection on the event loop's thread could never end,
    as the tasks holding them could not run to give them back."""
    engine = _engine(url, pool_size=5, max_overflow=-1)
    event.listen(engine, "connect", _loop_thread_pragmas(READ_LOCK_WAIT_MS, read_only=True))
    return engine.execution_options(**{READ_ONLY: True})


def write_engine(url: str) -> Engine:
    """A synchronous engine on the file, for ``Database.transaction``: one connection, as one
    writer at a time holds it (the process's writers take turns before they ask for it)."""
    engine = _engine(url, pool_size=1, max_overflow=0)
    event.listen(engine, "connect", _loop_thread_pragmas(WRITE_LOCK_WAIT_MS, read_only=False))
    return engine


def _engine(url: str, **pool) -> Engine:
    engine = create_engine(
        make_url(url).set(drivername="sqlite+pysqlite"),
        connect_args={"check_same_thread": False},
        hide_parameters=True,
        **JSON_CODEC,
        **pool,
    )
    event.listen(engine, "begin", sqlite_begin)
    return engine


class SyncReads:
    """The read methods of ``AsyncSession`` over a synchronous ``Session``, run on the event
    loop's thread (see the module's note)."""

    def __init__(self, session: Session) -> None:
        self._session = session

    @property
    def bind(self):
        return self._session.get_bind()

    def get_bind(self, *args, **kwargs):
        return self._session.get_bind(*args, **kwargs)

    @property
    def info(self) -> dict:
        return self._session.info

    async def execute(self, statement, params=None, **kwargs):
        return self._session.execute(statement, params, **kwargs)

    async def scalar(self, statement, params=None, **kwargs):
        return self._session.scalar(statement, params, **kwargs)

    async def scalars(self, statement, params=None, **kwargs):
        return self._session.scalars(statement, params, **kwargs)

    async def get(self, entity, ident, **kwargs):
        return self._session.get(entity, ident, **kwargs)

    async def connection(self, **kwargs) -> SyncConnection:
        return SyncConnection(self._session.connection(**kwargs))


class SyncConnection:
    """The statement methods of ``AsyncConnection`` over the session's synchronous ``Connection``."""

    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    async def execute(self, statement, parameters=None, **kwargs):
        return self._connection.execute(statement, parameters, **kwargs)

    async def exec_driver_sql(self, statement: str, parameters=None, **kwargs):
        return self._connection.exec_driver_sql(statement, parameters, **kwargs)


class SyncWrites(SyncReads):
    """The methods of ``AsyncSession`` that use cases write with, over a synchronous ``Session``
    run on the event loop's thread (see the module's note)."""

    def add(self, instance) -> None:
        self._session.add(instance)

    def add_all(self, instances) -> None:
        self._session.add_all(instances)

    async def flush(self, objects=None) -> None:
        self._session.flush(objects)

    async def delete(self, instance) -> None:
        self._session.delete(instance)

    async def refresh(self, instance, attribute_names=None, with_for_update=None) -> None:
        self._session.refresh(instance, attribute_names, with_for_update)

    @asynccontextmanager
    async def begin_nested(self) -> AsyncIterator[None]:
        """A SAVEPOINT, released on a normal exit and rolled back on an exception."""
        with self._session.begin_nested():
            yield
