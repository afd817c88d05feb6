"""The floor under a consumer on SQLite: the SQL it sends for a backlog, run by the bare driver.

A consumer's batch costs Kafka's fetch, decoding, its own Python, SQLAlchemy's and, last, the
SQL statements themselves. This applies the same events in this process through the service's
own subscription, in batches of the live consumer's size, records every statement and commit
its transactions send to the driver (parameters included), then runs exactly those, in the same
order, with nothing but ``sqlite3`` on a copy of the service's empty database with the service's
connection settings. No consumer that keeps the same rows can apply the events faster than that.
"""

from __future__ import annotations

import asyncio
import importlib
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, event

from parla.chassis.consumer import MAX_RECORDS
from parla.chassis.db import Database, make_engine
from parla.chassis.inbox import BatchApplier
from parla.chassis.logging import configure_logging
from parla.chassis.migrations import migrate
from parla.chassis.sqlite import sqlite_pragmas
from parla.contracts.events import Event

Statement = tuple[str, Sequence, bool]  # (SQL, parameters, whether they are many rows' parameters)


@dataclass(frozen=True)
class Floor:
    in_process: float  # events/s the service's consumer code applies them at, in this process, without Kafka
    statements_alone: float  # events/s the bare driver runs the same statements at
    rows_per_event: float
    batch: int


def statements_floor(service: str, events: Sequence[Event], batch: int = MAX_RECORDS) -> Floor:
    """``service``'s consumer code applying ``events`` in batches of ``batch`` (the live size by
    default), and the statements it sent, run alone."""
    with tempfile.TemporaryDirectory(prefix="parla-floor-") as folder:
        live, empty = Path(folder) / "live.db", Path(folder) / "empty.db"
        statements, in_process = asyncio.run(_apply(service, events, live, empty, batch))
        return Floor(in_process, len(events) / _replay(empty, statements), _rows(statements) / len(events), batch)


async def _apply(service: str, events: Sequence[Event], live: Path, empty: Path, batch: int) -> tuple[list[Statement], float]:
    """The statements ``service``'s consumer sends to apply ``events``; and the events a second it applied them at."""
    configure_logging(f"bench-{service}", "WARNING", as_json=False)  # as quiet as the stack's services
    url = f"sqlite+aiosqlite:///{live}"
    await migrate(url, importlib.import_module(f"parla.{service}.main").MIGRATIONS)
    shutil.copy(live, empty)
    subscription = next(
        s for s in importlib.import_module(f"parla.{service}.consumers").subscriptions() if s.event is type(events[0])
    )
    db = Database(make_engine(url))
    applier = BatchApplier(name=service, db=db, subscription=subscription, pause=asyncio.sleep)
    statements: list[Statement] = []

    def sent(_connection, _cursor, sql, parameters, _context, many) -> None:
        statements.append((sql, parameters, many))

    def committed(_connection) -> None:
        statements.append(("COMMIT", (), False))

    event.listen(Engine, "before_cursor_execute", sent)
    event.listen(Engine, "commit", committed)
    try:
        began = time.perf_counter()
        for start in range(0, len(events), batch):
            await applier.apply(events[start : start + batch])
        took = time.perf_counter() - began
    finally:
        event.remove(Engine, "before_cursor_execute", sent)
        event.remove(Engine, "commit", committed)
        await db.dispose()
    return statements, len(events) / took


def _replay(database: Path, statements: list[Statement]) -> float:
    """Seconds the bare driver takes to run ``statements`` on ``database``."""
    connection = sqlite3.connect(database)
    sqlite_pragmas(connection, None)
    try:
        began = time.perf_counter()
        for sql, parameters, many in statements:
            if _many_rows(parameters, many):
                connection.executemany(sql, parameters)
            else:
                connection.execute(sql, parameters).fetchall()
        return time.perf_counter() - began
    finally:
        connection.close()


def _many_rows(parameters: Sequence, many: bool) -> bool:
    # SQLAlchemy marks its multi-row INSERT ... VALUES (...), (...) as "many" too, with the rows'
    # parameters in one flat sequence: that is one statement.
    return many and bool(parameters) and isinstance(parameters[0], tuple | list | dict)


def _rows(statements: list[Statement]) -> int:
    """Rows written (inserted, upserted, updated or deleted), as many as the statements name."""
    written = 0
    for sql, parameters, many in statements:
        if not sql.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE")):
            continue
        if _many_rows(parameters, many):
            written += len(parameters)
        else:
            written += sql.count("), (") + 1
    return written
