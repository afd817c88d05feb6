"""Use cases of a learner's documents: import, look, list, delete. The work on a document's
text is its job's (``jobs.py``); importing only stores what was sent and queues it."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from parla.chassis.auth import Principal
from parla.chassis.db import Database
from parla.chassis.errors import Conflict, InvalidArgument, NotFound, one_of
from parla.chassis.messaging import add_event
from parla.content.documents import search
from parla.content.documents.db import STAGES, DocumentMaterialRow, DocumentRow
from parla.content.documents.extract import KINDS, MAX_BYTES, UnreadableDocument, sniff
from parla.content.documents.repository import DocumentRepository
from parla.content.documents.scenario_draft import scenario_draft
from parla.content.documents.study import CardProgress, mastery
from parla.content.words.repository import WordRepository
from parla.contracts.events import ContentDeleted, ContentStudied
from parla.language import LANGUAGES

LEVELS = ("A1", "A2", "B1", "B2", "C1", "C2")
MAX_PAGE = 100
MAX_TITLE = 255
MAX_NOTES = 20_000
MAX_DESCRIPTION = 2_000
MAX_STUDY_SECONDS = 4 * 3600
SORTS = ("date", "title", "relevance")
FILTERS = {"kind": KINDS, "language": LANGUAGES, "level": LEVELS, "stage": STAGES}


@dataclass(frozen=True)
class LibraryStats:
    documents: int
    words: int
    # Per stage, language, level and kind: (value, how many documents).
    tallies: dict[str, list[tuple[str, int]]]


@dataclass(frozen=True)
class StudyMaterial:
    document: DocumentRow
    material: DocumentMaterialRow
    # The learner's current status of the document's vocabulary, where they have one.
    statuses: dict[str, str]


def _now() -> datetime:
    return datetime.now(UTC)


def _document_id(value: str) -> uuid.UUID:
    try:
        return uuid.UUID(value)
    except ValueError:
        raise NotFound(f"document {value!r} not found") from None


class DocumentService:
    def __init__(self, *, db: Database, queued: Callable[[], None] = lambda: None) -> None:
        self._db = db
        self._queued = queued

    async def import_document(
        self,
        caller: Principal,
        *,
        title: str,
        filename: str,
        content: bytes | None = None,
        text: str | None = None,
        description: str = "",
        gloss_language: str = "",
    ) -> DocumentRow:
        data = _source(content, text)
        if gloss_language:
            one_of(gloss_language, LANGUAGES, "gloss_language")
        try:
            kind = "txt" if text is not None else sniff(data, filename or None)
        except UnreadableDocument as error:
            raise InvalidArgument(error.reason, details={"file": error.reason}) from None
        title, description = title.strip(), description.strip()
        if len(title) > MAX_TITLE:
            raise InvalidArgument(f"the title is over {MAX_TITLE} characters; shorten it", details={"title": "too long"})
        if len(description) > MAX_DESCRIPTION:
            raise InvalidArgument(
                f"the description is over {MAX_DESCRIPTION:,} characters; shorten it", details={"description": "too long"}
            )
        now = _now()
        document = DocumentRow(
            id=uuid.uuid4(),
            user_id=caller.user_id,
            title=title,
            description=description,
            filename=filename.strip()[:255],
            kind=kind,
            size_bytes=len(data),
            stage="queued",
            percent=0,
            topics=[],
            gloss_language=gloss_language or None,
            attempts=0,
            created_at=now,
            updated_at=now,
        )
        search.index(document)
        async with self._db.transaction() as session:
            await DocumentRepository(session).add(document, data)
        self._queued()
        return document

    async def document(self, caller: Principal, document_id: str) -> DocumentRow:
        async with self._db.reading() as session:
            return await _owned(DocumentRepository(session), caller, document_id)

    async def material(self, caller: Principal, document_id: str) -> tuple[DocumentRow, DocumentMaterialRow | None]:
        """The document, and its material once its job is done (never a half-made one)."""
        async with self._db.reading() as session:
            documents = DocumentRepository(session)
            document = await _owned(documents, caller, document_id)
            material = await documents.material(document.id) if document.stage == "done" else None
        return document, material

    async def study_material(self, caller: Principal, document_id: str) -> StudyMaterial:
        """What the document became, with the learner's word statuses as they are now."""
        async with self._db.reading() as session:
            documents = DocumentRepository(session)
            document = await _owned(documents, caller, document_id)
            material = await _finished(documents, document)
            lemmas = [item["lemma"] for item in material.analysis.get("vocabulary", [])]
            statuses = await WordRepository(session).statuses_of(caller.user_id, document.language or "", lemmas)
        return StudyMaterial(document, material, statuses)

    async def scenario_draft(self, caller: Principal, document_id: str) -> dict:
        view = await self.study_material(caller, document_id)
        document, material = view.document, view.material
        analysis = {
            **material.analysis,
            "vocabulary": [
                {**item, "status": view.statuses.get(item["lemma"], "new")} for item in material.analysis["vocabulary"]
            ],
        }
        return scenario_draft(
            title=document.title,
            language=document.language or "",
            level=document.level or "",
            analysis=analysis,
            material=material.material or {},
        )

    async def update_notes(self, caller: Principal, document_id: str, notes: str) -> StudyMaterial:
        if len(notes) > MAX_NOTES:
            raise InvalidArgument(f"notes are at most {MAX_NOTES:,} characters; shorten them", details={"notes": "too long"})
        async with self._db.transaction() as session:
            documents = DocumentRepository(session)
            document = await _owned(documents, caller, document_id)
            (await _finished(documents, document)).notes = notes
        return await self.study_material(caller, document_id)

    async def documents(
        self, caller: Principal, *, limit: int, offset: int, q: str = "", sort: str = "", **filters: str
    ) -> tuple[list[DocumentRow], int]:
        """A page of the learner's documents: those with every word of ``q``, matching the
        filters given (kind, language, level, stage; empty is any), in ``sort`` order."""
        if limit < 0 or offset < 0:
            raise InvalidArgument("limit and offset must not be negative")
        sort = one_of(sort or "date", SORTS, "sort")
        for name, value in filters.items():
            if value:
                one_of(value, FILTERS[name], name)
        async with self._db.reading() as session:
            return await DocumentRepository(session).page(
                caller.user_id,
                limit=min(limit or 20, MAX_PAGE),
                offset=offset,
                words=search.query_words(q),
                sort=sort,
                **{name: value for name, value in filters.items() if value},
            )

    async def masteries(self, caller: Principal, documents: list[DocumentRow]) -> dict[uuid.UUID, str]:
        """Each document's mastery, from its study and its cards in the deck (one query; none
        while no document is done, as only a done document has cards)."""
        cards: dict[str, CardProgress] = {}
        done = [d.id for d in documents if d.stage == "done"]
        if done:
            async with self._db.reading() as session:
                cards = await DocumentRepository(session).card_progress(caller.user_id, done)
        return {
            d.id: mastery(views=d.views, progress_percent=d.progress_percent, cards=cards.get(str(d.id), CardProgress()))
            for d in documents
        }

    async def record_study(self, caller: Principal, document_id: str, *, seconds: int, progress_percent: int) -> DocumentRow:
        """A stretch of study of a done document: its time, and how far through it the learner is."""
        if not 1 <= seconds <= MAX_STUDY_SECONDS:
            raise InvalidArgument(
                f"seconds must be between 1 and {MAX_STUDY_SECONDS}; send a long session in parts",
                details={"seconds": "out of range"},
            )
        if not 0 <= progress_percent <= 100:
            raise InvalidArgument("progress_percent must be between 0 and 100", details={"progress_percent": "out of range"})
        async with self._db.transaction() as session:
            documents = DocumentRepository(session)
            document = await _owned(documents, caller, document_id)
            await _finished(documents, document)
            await documents.studied(document, seconds, progress_percent, _now())
            await add_event(
                session,
                ContentStudied(
                    document_id=document.id,
                    user_id=document.user_id,
                    language=document.language or "",
                    seconds=seconds,
                    progress_percent=document.progress_percent,
                ),
            )
        return document

    async def stats(self, caller: Principal) -> LibraryStats:
        async with self._db.reading() as session:
            documents = DocumentRepository(session)
            tallies, words = await documents.tallies(caller.user_id), await documents.word_total(caller.user_id)
        return LibraryStats(documents=sum(count for _, count in tallies["stage"]), words=words, tallies=tallies)

    async def delete(self, caller: Principal, document_id: str) -> None:
        async with self._db.transaction() as session:
            documents = DocumentRepository(session)
            document = await _owned(documents, caller, document_id)
            await documents.remove(document.id)
            await add_event(session, ContentDeleted(document_id=document.id, user_id=caller.user_id))


def _source(content: bytes | None, text: str | None) -> bytes:
    if (content is None) == (text is None):
        raise InvalidArgument("send either a file or text", details={"file": "a file or text, not both or neither"})
    data = content if content is not None else text.encode()
    if not data.strip():
        raise InvalidArgument("the document is empty; send one with some text in it", details={"file": "empty"})
    if len(data) > MAX_BYTES:
        raise InvalidArgument(
            f"the document is {len(data) / 2**20:.1f} MiB; the limit is {MAX_BYTES // 2**20} MiB. Split it and import the parts",
            details={"file": "too large"},
        )
    return data


async def _finished(documents: DocumentRepository, document: DocumentRow) -> DocumentMaterialRow:
    """The material of a done document; otherwise a Conflict that says where its job is."""
    if document.stage == "failed":
        raise Conflict(f"this document could not be processed: {document.failure_reason}")
    material = await documents.material(document.id) if document.stage == "done" else None
    if material is None:
        raise Conflict(
            f"the document is still being processed ({document.stage}, {document.percent}%); "
            f"follow its progress at /api/v1/content/{document.id}/events and ask again when it is done"
        )
    return material


async def _owned(documents: DocumentRepository, caller: Principal, document_id: str) -> DocumentRow:
    """Another learner's document is not found, exactly as a missing one is."""
    document = await documents.owned(caller.user_id, _document_id(document_id))
    if document is None:
        raise NotFound(f"document {document_id} not found")
    return document
