"""The keyword worker: makes the generated tags of the scenarios the consumer queued.

Lemmatising a scenario's texts is CPU work, and the first text of a language loads its data
(up to a second). Inside the consumer's transaction it would hold SQLite's write lock, and every
learner's write in this service, for seconds; here it runs on a thread with no transaction open.
The tags are then written in one short transaction, only for scenarios whose queued change is
still the one that was read: a newer change queued meanwhile is made on the next round.
"""

from __future__ import annotations

import asyncio
import threading

from parla.chassis.db import Database
from parla.chassis.logging import get_logger
from parla.organization.tags.keywords import keywords_of_many
from parla.organization.tags.repository import TagRepository

log = get_logger(__name__)


class KeywordWorker:
    def __init__(self, *, db: Database, batch: int = 20, poll_seconds: float = 1.0) -> None:
        self._db = db
        self._batch = batch
        self._poll = poll_seconds
        self._stop = asyncio.Event()
        self._stopping = threading.Event()  # seen by the thread that makes keywords

    def stop(self) -> None:
        self._stop.set()
        self._stopping.set()

    async def run(self) -> None:
        while not self._stop.is_set():
            try:
                made = await self.work_once()
            except Exception as error:  # the worker must outlive a database outage
                log.warning("keyword round failed; will retry", error=str(error))
                made = 0
            if not made:
                try:
                    await asyncio.wait_for(self._stop.wait(), timeout=self._poll)
                except TimeoutError:
                    pass

    async def work_once(self) -> int:
        """Make the keywords of up to one batch of queued scenarios; how many were written."""
        async with self._db.reading() as session:
            staged = [
                (row.scenario_id, row.changed_at, row.texts) for row in await TagRepository(session).staged_keywords(self._batch)
            ]
        if not staged:
            return 0
        texts = [
            (scenario_id, language, text) for scenario_id, _, by_language in staged for language, text in by_language.items()
        ]
        found = await asyncio.to_thread(keywords_of_many, texts, self._stopping.is_set)
        if self._stopping.is_set():  # some languages were left out: the next start makes them all
            return 0
        async with self._db.transaction() as session:
            repository = TagRepository(session)
            current = await repository.still_staged([(scenario_id, at) for scenario_id, at, _ in staged])
            rows = [
                {"scenario_id": scenario_id, "language": language, "tag": keyword.tag, "weight": keyword.weight}
                for (scenario_id, language), keywords in sorted(found.items())
                if scenario_id in current
                for keyword in keywords
            ]
            await repository.replace_generated(sorted(current), rows)
            await repository.unstage_keywords(sorted(current))
        return len(current)
