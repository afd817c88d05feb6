"""SQLite's checkpoints, moved off the path of the writes.

Under WAL a commit appends its pages to the log, and SQLite copies the log into the database
file now and then: a checkpoint, which also syncs both files. By default the commit that takes
the log past 1,000 pages (about 4 MB) runs it itself, so one write in some hundreds waits
10–20 ms instead of half a millisecond; with documents of a few hundred kilobytes, one import
in three paid it at some step. Connections made by ``make_engine`` leave checkpoints to this
worker instead, which runs them in a thread of its own, soon after the log changes. Their own
threshold stays as a backstop (``BACKSTOP_PAGES``): should this worker stop, a commit still
checkpoints once the log is ten times larger.

PostgreSQL needs none of this: its checkpoints are the server's own work.
"""

from __future__ import annotations

import asyncio
import os
import sqlite3

from sqlalchemy.engine import make_url

from parla.chassis.logging import get_logger

log = get_logger(__name__)

# A commit checkpoints itself past this many pages of log (about 40 MB), as SQLite's default
# of 1,000 would: only when this worker is not running.
BACKSTOP_PAGES = 10_000


class WalCheckpoints:
    """Checkpoints one SQLite database file ``every`` seconds at most, when its log has changed
    since the last one. ``PASSIVE``: copies what no reader still needs, and never waits for a
    reader or a writer."""

    def __init__(self, path: str, *, every: float = 0.5) -> None:
        self._path = path
        self._log = f"{path}-wal"
        self._every = every
        self._stop = asyncio.Event()
        self._seen: tuple[int, int] | None = None  # the log's (size, mtime) at the last checkpoint
        self._connection: sqlite3.Connection | None = None

    async def run(self) -> None:
        try:
            while not self._stop.is_set():
                try:
                    await asyncio.wait_for(self._stop.wait(), timeout=self._every)
                except TimeoutError:
                    pass
                await self._checkpoint_if_changed()
        finally:
            if self._connection is not None:
                await asyncio.to_thread(self._connection.close)

    def stop(self) -> None:
        self._stop.set()

    async def _checkpoint_if_changed(self) -> None:
        state = _state(self._log)
        if state is None or state == self._seen:
            return
        try:
            await asyncio.to_thread(self.checkpoint)
        except sqlite3.Error as error:  # the file is busy or away: the next round tries again
            log.warning("SQLite checkpoint failed; will retry", error=str(error))
            return
        self._seen = _state(self._log)

    def checkpoint(self) -> tuple[int, int, int]:
        """One ``PASSIVE`` checkpoint, now: (busy, pages in the log, pages copied)."""
        if self._connection is None:
            self._connection = sqlite3.connect(self._path, isolation_level=None, check_same_thread=False, timeout=0.25)
        busy, pages, copied = self._connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        return busy, pages, copied


def checkpoints_for(url: str) -> WalCheckpoints | None:
    """The worker for a database URL: one for an SQLite file, none for anything else."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return WalCheckpoints(parsed.database)


def _state(path: str) -> tuple[int, int] | None:
    try:
        stat = os.stat(path)
    except OSError:  # no log yet (nothing written), or the database is gone
        return None
    return stat.st_size, stat.st_mtime_ns
