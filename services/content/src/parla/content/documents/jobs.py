"""The document job: queued → extracting → analysing → generating → done (or failed).

One worker per service process takes the oldest unfinished document no one else holds (a lease
in the row, renewed while it works) and runs each remaining stage in its worker process. A stage's
output goes straight to the next stage, and is stored together with the next stage's name in one
short transaction *while* that next stage runs: the worker process never waits on the database,
and the database never waits on the worker. No transaction is open while a stage runs. A job
whose worker died (the service stopped, the machine restarted) is taken up again when its lease
has run out, from the last output stored.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass, field
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
    # The analysis, the text (for its sentences, when the analysis comes from storage without
    # them; "" otherwise), the glosses' language ("" for none) and where dictionaries are.
    generate: Callable[[dict[str, Any], str, str, str], dict[str, Any]]


@dataclass
class _Job:
    """One document's way through its stages: what a stage hands the next, kept in memory."""

    id: uuid.UUID
    owner: uuid.UUID
    gloss_language: str
    known: dict[str, dict[str, str]] = field(default_factory=dict)  # the learner's word statuses
    filename: str = ""
    source: bytes | None = None  # the file, read as the job is claimed at its first stage
    text: str | None = None
    analysis: dict[str, Any] | None = None


class _Storing:
    """At most one stage output being stored while the next stage runs."""

    def __init__(self) -> None:
        self._task: asyncio.Future[None] | None = None

    async def start(self, write: Coroutine[Any, Any, None]) -> None:
        try:
            await self.finish()  # outputs are stored in stage order
        except BaseException:
            write.close()  # never started: the earlier output's failure is the job's
            raise
        self._task = asyncio.ensure_future(write)

    async def finish(self) -> None:
        """Wait for the output being stored; its failure is the job's."""
        task, self._task = self._task, None
        if task is not None:
            await task

    async def settle(self) -> None:
        """Wait for it without failing: a later stage's failure is the one to handle, and what
        was stored before it stays (a retry starts from there)."""
        task, self._task = self._task, None
        if task is not None:
            await asyncio.wait([task])
            if not task.cancelled() and task.exception() is not None:
                log.warning("a document stage's output was not stored", error=str(task.exception()))


class DocumentFailed(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _now() -> datetime:
    return datetime.now(UTC)


def _mark(document: DocumentRow, stage: str) -> None:
    document.stage, document.percent, document.updated_at = stage, PERCENT[stage], _now()


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
            job = _Job(document.id, document.user_id, document.gloss_language or "", filename=document.filename or "")
            document_id, stage, attempts = document.id, document.stage, document.attempts
            if ORDER.index(stage) <= ORDER.index("extracting"):
                # The first stage starts now: marked, and its input read, in the claim's transaction.
                _mark(document, "extracting")
                job.source = await DocumentRepository(session).source(document_id) or b""
        heartbeat = asyncio.create_task(self._keep_lease(document_id))
        try:
            await self._run_from(job, stage)
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

    async def _run_from(self, job: _Job, stage: str) -> None:
        reached = ORDER.index(stage)
        storing = _Storing()
        known: asyncio.Task[dict[str, dict[str, str]]] | None = None
        try:
            if reached <= ORDER.index("analysing"):
                # The learner's statuses as the job starts, read while the text is extracted.
                known = asyncio.ensure_future(self._known_words(job.owner))
            if reached <= ORDER.index("extracting"):
                extracted = await self._extract(job)
                await storing.start(self._store_text(job.id, extracted))
            if known is not None:
                job.known = await known
            if reached <= ORDER.index("analysing"):
                analysis = await self._analyse(job)
                await storing.start(self._store_analysis(job.id, analysis))
            material = await self._generate(job)
            await storing.finish()
            await self._store_material(job.id, material)
        except BaseException:
            if known is not None:
                _drop(known)
            await storing.settle()
            raise

    async def _extract(self, job: _Job) -> dict[str, Any]:
        source, job.source = job.source or b"", None  # not kept beside the text for the job's life
        extracted = await self._stage(self._stages.extract, source, job.filename)
        job.text = extracted["text"]
        return extracted

    async def _store_text(self, document_id: uuid.UUID, extracted: dict[str, Any]) -> None:
        async with self._db.transaction() as session:
            document = await self._moved(session, document_id, "analysing")  # first: it may be gone
            await DocumentRepository(session).put_text(document_id, extracted["text"])
            document.kind = extracted["kind"]
            document.title = document.title or _title_of(extracted, document.filename)
            search.index(document)

    async def _analyse(self, job: _Job) -> dict[str, Any]:
        # The stored text is read only when the job was taken up again at this stage.
        text = job.text if job.text is not None else await self._stored_text(job.id)
        job.analysis = await self._stage(self._stages.analyse, text, job.known)
        return job.analysis

    async def _store_analysis(self, document_id: uuid.UUID, analysis: dict[str, Any]) -> None:
        # Stored without the sentences (the text keeps them) and the body's index (a table of its own).
        kept = {name: value for name, value in analysis.items() if name not in ("sentences", "terms")}
        async with self._db.transaction() as session:
            document = await self._moved(session, document_id, "generating")
            await DocumentRepository(session).put_analysis(document_id, kept)
            await DocumentRepository(session).put_terms(document_id, analysis.get("terms", ""))
            document.language, document.level = analysis["language"], analysis["level"]
            document.word_count, document.topics = analysis["word_count"], list(analysis["topics"])
            search.index(document)

    async def _generate(self, job: _Job) -> dict[str, Any]:
        if job.analysis is not None:  # straight from the analysis, sentences and all
            analysis, text = {name: value for name, value in job.analysis.items() if name != "terms"}, ""
        else:  # taken up again at this stage: the stored analysis, and the text for its sentences
            async with self._db.reading() as session:
                analysis = await DocumentRepository(session).analysis(job.id) or {}
            text = await self._stored_text(job.id)
        return await self._stage(self._stages.generate, analysis, text, job.gloss_language, self._dictionary_dir)

    async def _store_material(self, document_id: uuid.UUID, material: dict[str, Any]) -> None:
        async with self._db.transaction() as session:
            document = await self._moved(session, document_id, "done")
            await DocumentRepository(session).put_material(document_id, material)
            document.lease_until = None
            await add_event(session, _imported(document))
            # The flashcards join the learner's deck in the same transaction: once, with the document.
            now = _now()
            cards = cards_from_flashcards(document.user_id, document.language or "", document.id, material["flashcards"], now)
            await add_new_cards(session, [(card, None) for card in cards], now)
        log.info("document processed", document_id=str(document_id))

    async def _stored_text(self, document_id: uuid.UUID) -> str:
        async with self._db.reading() as session:
            return await DocumentRepository(session).text(document_id) or ""

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
        _mark(document, stage)
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


def _drop(task: asyncio.Future[Any]) -> None:
    """A task whose result is no longer wanted: cancelled, or its failure taken (the job's own
    failure is the one to report)."""
    if not task.done():
        task.cancel()
    elif not task.cancelled():
        task.exception()


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
