"""The document job: queued → extracting → analysing → generating → done (or failed).

One worker per service process takes the oldest unfinished document no one else holds (a lease
in the row, renewed while it works), runs each remaining stage in its worker process, and stores
the stage's output together with the next stage in one short transaction. No transaction is open
while a stage runs. A job whose worker died (the service stopped, the machine restarted) is taken
up again when its lease has run out, from the stage it had reached.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from parla.chassis.db import Database, is_sqlite
from parla.chassis.logging import get_logger
from parla.chassis.messaging import add_event
from parla.content.documents import search
from parla.content.documents.db import DocumentRow
from parla.content.documents.repository import DocumentRepository
from parla.content.documents.runner import StageCrashed
from parla.content.domain import cards_from_flashcards
from parla.content.service import add_new_cards
from parla.contracts.events import ContentImported

log = get_logger(__name__)

PERCENT = {"queued": 0, "extracting": 10, "analysing": 40, "generating": 75, "done": 100}
ORDER = ("queued", "extracting", "analysing", "generating", "done")
GAVE_UP = (
    "this document could not be processed: the reader stopped on it {attempts} times ({error}). "
    "It may be damaged or unusually complex; try exporting it again (or as plain text) and import that"
)

Runner = Callable[..., Awaitable[dict[str, Any]]]


@dataclass(frozen=True)
class Stages:
    """The stage functions, run by the runner in the worker process: plain data in and out, and
    ``{"failed": reason}`` when the document itself is the problem (no retry helps)."""

    extract: Callable[[bytes, str], dict[str, Any]]
    # The text, and the learner's word statuses by language ({language: {lemma: status}}).
    analyse: Callable[[str, dict[str, dict[str, str]]], dict[str, Any]]
    # The analysis, the glosses' language ("" for none) and where dictionaries are.
    generate: Callable[[dict[str, Any], str, str], dict[str, Any]]


class DocumentFailed(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _now() -> datetime:
    return datetime.now(UTC)


class DocumentJobs:
    def __init__(
        self,
        *,
        db: Database,
        stages: Stages,
        runner: Runner,
        lease_seconds: float = 60.0,
        poll_seconds: float = 2.0,
        max_attempts: int = 3,
        known_words: Callable[[uuid.UUID], Awaitable[dict[str, dict[str, str]]]] | None = None,
        on_stop: Callable[[], None] = lambda: None,
        dictionary_dir: str = "",
    ) -> None:
        self._dictionary_dir = dictionary_dir
        self._db = db
        self._stages = stages
        self._runner = runner
        self._lease = timedelta(seconds=lease_seconds)
        self._poll = poll_seconds
        self._max_attempts = max_attempts
        self._on_stop = on_stop
        self._known_words = known_words or _no_words
        self._skip_locked = not is_sqlite(str(db.engine.url))
        self._wake = asyncio.Event()
        self._stop = asyncio.Event()

    def wake(self) -> None:
        self._wake.set()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        # A stage may run for minutes: its process is stopped now, and the document is left for
        # the next start (the interrupted attempt does not count).
        self._on_stop()

    async def run(self) -> None:
        log.info("document jobs started")
        try:
            await self._serve()
        finally:
            self._on_stop()

    async def _serve(self) -> None:
        while not self._stop.is_set():
            self._wake.clear()
            try:
                worked = await self.work_once()
            except Exception as error:  # the worker must outlive database outages
                log.warning("document job round failed; will retry", error=str(error))
                worked = False
            if not worked:
                try:
                    await asyncio.wait_for(self._wake.wait(), timeout=self._poll)
                except TimeoutError:
                    pass

    async def work_once(self) -> bool:
        """Take one document and run it to its end (or failure); False when there was none."""
        async with self._db.transaction() as session:
            document = await DocumentRepository(session).claim_next(_now(), _now() + self._lease, skip_locked=self._skip_locked)
            if document is None:
                return False
            document_id, owner, stage, attempts = document.id, document.user_id, document.stage, document.attempts
        heartbeat = asyncio.create_task(self._keep_lease(document_id))
        try:
            await self._run_from(document_id, owner, stage)
        except DocumentFailed as failure:
            await self._fail(document_id, failure.reason)
        except StageCrashed as crash:
            await self._crashed(document_id, attempts, str(crash))
        finally:
            heartbeat.cancel()
        return True

    async def _keep_lease(self, document_id: uuid.UUID) -> None:
        while True:
            await asyncio.sleep(self._lease.total_seconds() / 3)
            try:
                async with self._db.transaction() as session:
                    await DocumentRepository(session).renew(document_id, _now() + self._lease)
            except Exception as error:  # the stage goes on; a lease that runs out means a retry, no more
                log.warning("document lease not renewed", document_id=str(document_id), error=str(error))

    async def _run_from(self, document_id: uuid.UUID, owner: uuid.UUID, stage: str) -> None:
        reached = ORDER.index(stage)
        if reached <= ORDER.index("extracting"):
            await self._extract(document_id)
        if reached <= ORDER.index("analysing"):
            await self._analyse(document_id, owner)
        if reached <= ORDER.index("generating"):
            await self._generate(document_id)

    async def _extract(self, document_id: uuid.UUID) -> None:
        async with self._db.transaction() as session:
            document = await self._moved(session, document_id, "extracting")
            data, filename = await DocumentRepository(session).source(document_id), document.filename
        extracted = await self._stage(self._stages.extract, data or b"", filename)
        async with self._db.transaction() as session:
            await DocumentRepository(session).put_text(document_id, extracted["text"])
            document = await self._moved(session, document_id, "analysing")
            document.kind = extracted["kind"]
            document.title = document.title or _title_of(extracted, filename)
            search.index(document)

    async def _analyse(self, document_id: uuid.UUID, owner: uuid.UUID) -> None:
        async with self._db.reading() as session:
            text = await DocumentRepository(session).text(document_id)
        known = await self._known_words(owner)
        analysis = await self._stage(self._stages.analyse, text or "", known)
        terms = analysis.pop("terms", "")
        async with self._db.transaction() as session:
            await DocumentRepository(session).put_analysis(document_id, analysis)
            await DocumentRepository(session).put_terms(document_id, terms)
            document = await self._moved(session, document_id, "generating")
            document.language, document.level = analysis["language"], analysis["level"]
            document.word_count, document.topics = analysis["word_count"], list(analysis["topics"])
            search.index(document)

    async def _generate(self, document_id: uuid.UUID) -> None:
        async with self._db.reading() as session:
            analysis = await DocumentRepository(session).analysis(document_id)
            document = await session.get(DocumentRow, document_id)
            gloss_language = (document.gloss_language if document is not None else None) or ""
        material = await self._stage(self._stages.generate, analysis or {}, gloss_language, self._dictionary_dir)
        # The document's sentences served the material; the text keeps them, the analysis need not.
        kept = {name: value for name, value in (analysis or {}).items() if name != "sentences"}
        async with self._db.transaction() as session:
            await DocumentRepository(session).put_material(document_id, kept, material)
            document = await self._moved(session, document_id, "done")
            document.lease_until = None
            await add_event(session, _imported(document))
            # The flashcards join the learner's deck in the same transaction: once, with the document.
            now = _now()
            cards = cards_from_flashcards(document.user_id, document.language or "", document.id, material["flashcards"], now)
            await add_new_cards(session, [(card, None) for card in cards], now)
        log.info("document processed", document_id=str(document_id))

    async def _stage(self, stage: Callable[..., dict[str, Any]], *args: Any) -> dict[str, Any]:
        """The stage's output; a document the stage refuses fails, and a stage that breaks (a
        crash, a timeout, a bug) counts as an attempt, like a crash."""
        try:
            result = await self._runner(stage, *args)
        except StageCrashed:
            raise
        except Exception as error:
            log.exception("document stage raised", stage=getattr(stage, "__name__", "stage"))
            raise StageCrashed(f"{type(error).__name__} in the {getattr(stage, '__name__', 'stage')}") from error
        if "failed" in result:
            raise DocumentFailed(result["failed"])
        return result

    async def _moved(self, session, document_id: uuid.UUID, stage: str) -> DocumentRow:
        document = await session.get(DocumentRow, document_id)
        if document is None:  # deleted while its job ran: nothing left to do
            raise DocumentGone(document_id)
        document.stage, document.percent, document.updated_at = stage, PERCENT[stage], _now()
        return document

    async def _fail(self, document_id: uuid.UUID, reason: str) -> None:
        async with self._db.transaction() as session:
            document = await session.get(DocumentRow, document_id)
            if document is None:
                return
            document.stage, document.failure_reason, document.lease_until = "failed", reason[:2000], None
            document.updated_at = _now()
        log.info("document failed", document_id=str(document_id))

    async def _crashed(self, document_id: uuid.UUID, attempts: int, error: str) -> None:
        if self._stop.is_set():  # stopped by the service's shutdown, not by the document
            async with self._db.transaction() as session:
                await DocumentRepository(session).release(document_id)
            return
        if attempts >= self._max_attempts:
            await self._fail(document_id, GAVE_UP.format(attempts=attempts, error=error))
            return
        log.warning("document stage crashed; it will be tried again", document_id=str(document_id), error=error)
        async with self._db.transaction() as session:
            await DocumentRepository(session).renew(document_id, _now())


class DocumentGone(DocumentFailed):
    def __init__(self, document_id: uuid.UUID) -> None:
        super().__init__(f"document {document_id} was deleted")


async def _no_words(user_id: uuid.UUID) -> dict[str, dict[str, str]]:
    return {}


def _title_of(extracted: dict[str, Any], filename: str) -> str:
    """The document's own title, else its file name, else its first words."""
    if extracted.get("title"):
        return str(extracted["title"]).strip()[:255]
    if filename:
        return filename.rsplit("/", 1)[-1][:255]
    words = extracted["text"].split()
    return (" ".join(words[:8]) + ("…" if len(words) > 8 else ""))[:255] or "Untitled"


def _imported(document: DocumentRow) -> ContentImported:
    return ContentImported(
        document_id=document.id,
        user_id=document.user_id,
        title=document.title,
        kind=document.kind,
        language=document.language or "",
        level=document.level or "",
        word_count=document.word_count or 0,
        topics=list(document.topics or [])[:20],
    )
