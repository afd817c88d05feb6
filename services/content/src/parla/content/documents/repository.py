"""SQL for documents and their jobs."""

from __future__ import annotations

import functools
import operator
import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, FunctionElement, Integer, and_, case, delete, exists, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler

from parla.content.db import CardRow, CardSourceRow
from parla.content.documents.db import (
    FINISHED,
    DocumentFileRow,
    DocumentIndexRow,
    DocumentMaterialRow,
    DocumentRow,
    DocumentTextRow,
)
from parla.content.documents.search import body_needle
from parla.content.documents.study import MASTERED_DAYS, REVIEW_STATE, CardProgress
from parla.content.domain import SOURCE_DELETED_DOCUMENT, SOURCE_DOCUMENT

_OUTPUTS = (DocumentFileRow, DocumentTextRow, DocumentIndexRow, DocumentMaterialRow)


class DocumentRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, document: DocumentRow, data: bytes) -> None:
        self.session.add(document)
        await self.session.flush()
        self.session.add(DocumentFileRow(document_id=document.id, data=data))

    async def owned(self, user_id: uuid.UUID, document_id: uuid.UUID) -> DocumentRow | None:
        document = await self.session.get(DocumentRow, document_id)
        return document if document is not None and document.user_id == user_id else None

    async def page(
        self, user_id: uuid.UUID, *, limit: int, offset: int, words: Sequence[str] = (), sort: str = "date", **filters: str
    ) -> tuple[list[DocumentRow], int]:
        """A page of the learner's documents having every one of ``words`` (folded) in their
        title, description, topics or body, and matching ``filters`` (column: value), in ``sort``
        order."""
        where = [DocumentRow.user_id == user_id]
        where += [or_(DocumentRow.search_text.contains(word, autoescape=True), _in_body(word)) for word in words]
        where += [getattr(DocumentRow, column) == value for column, value in filters.items()]
        newest = (DocumentRow.created_at.desc(), DocumentRow.id)
        order = {
            "date": newest,
            "title": (DocumentRow.search_title, DocumentRow.id),
            # With words: documents whose title has them all first, then those using them most.
            "relevance": (
                case((and_(*[DocumentRow.search_title.contains(w, autoescape=True) for w in words]), 0), else_=1),
                _rank(words),
                *newest,
            )
            if words
            else newest,
        }[sort]
        rows = await self.session.scalars(select(DocumentRow).where(*where).order_by(*order).limit(limit).offset(offset))
        total = await self.session.scalar(select(func.count()).select_from(DocumentRow).where(*where))
        return list(rows), int(total or 0)

    async def studied(self, document: DocumentRow, seconds: int, progress_percent: int, now: datetime) -> None:
        document.views += 1
        document.study_seconds += seconds
        document.progress_percent = max(document.progress_percent, progress_percent)
        document.last_studied_at = now

    async def card_progress(self, user_id: uuid.UUID, document_ids: Sequence[uuid.UUID]) -> dict[str, CardProgress]:
        """Each document's cards in the learner's deck, counted (one query for a page)."""
        if not document_ids:
            return {}
        reviewed = func.count(CardRow.last_review)
        in_review = func.sum(case((CardRow.state == REVIEW_STATE, 1), else_=0))
        remembered = func.sum(case((CardRow.stability >= MASTERED_DAYS, 1), else_=0))
        rows = await self.session.execute(
            select(CardRow.source_id, func.count(), reviewed, in_review, remembered)
            .where(
                CardRow.user_id == user_id,
                CardRow.source_kind == SOURCE_DOCUMENT,
                CardRow.source_id.in_([str(document_id) for document_id in document_ids]),
            )
            .group_by(CardRow.source_id)
        )
        return {
            source: CardProgress(int(cards), int(seen), int(review or 0), int(kept or 0))
            for source, cards, seen, review, kept in rows
        }

    async def tallies(self, user_id: uuid.UUID) -> dict[str, list[tuple[str, int]]]:
        """How many of the learner's documents there are per stage, language, level and kind."""
        found = {}
        for name in ("stage", "language", "level", "kind"):
            value = func.coalesce(getattr(DocumentRow, name), "")
            rows = await self.session.execute(
                select(value, func.count()).where(DocumentRow.user_id == user_id).group_by(value).order_by(value)
            )
            found[name] = [(value, int(count)) for value, count in rows]
        return found

    async def word_total(self, user_id: uuid.UUID) -> int:
        total = await self.session.scalar(select(func.sum(DocumentRow.word_count)).where(DocumentRow.user_id == user_id))
        return int(total or 0)

    async def remove(self, document_id: uuid.UUID) -> None:
        """The document and what was made of it. Its cards stay in the deck, their source
        marked as a deleted document."""
        await self.session.execute(
            update(CardRow)
            .where(CardRow.source_kind == SOURCE_DOCUMENT, CardRow.source_id == str(document_id))
            .values(source_kind=SOURCE_DELETED_DOCUMENT)
        )
        await self.session.execute(
            update(CardSourceRow)
            .where(CardSourceRow.kind == SOURCE_DOCUMENT, CardSourceRow.source_id == str(document_id))
            .values(kind=SOURCE_DELETED_DOCUMENT)
        )
        # Children first: SQLite enforces foreign keys only when asked to, so nothing cascades.
        for table in _OUTPUTS:
            await self.session.execute(delete(table).where(table.document_id == document_id))
        await self.session.execute(delete(DocumentRow).where(DocumentRow.id == document_id))

    # The job's side.

    async def claim_next(self, now: datetime, lease_until: datetime, *, skip_locked: bool) -> DocumentRow | None:
        """The oldest unfinished document no live worker holds, now held until ``lease_until``."""
        query = (
            select(DocumentRow)
            .where(
                DocumentRow.stage.not_in(FINISHED),
                or_(DocumentRow.lease_until.is_(None), DocumentRow.lease_until < now),
            )
            .order_by(DocumentRow.created_at, DocumentRow.id)
            .limit(1)
        )
        if skip_locked:
            query = query.with_for_update(skip_locked=True)
        document = await self.session.scalar(query)
        if document is not None:
            document.lease_until = lease_until
            document.attempts += 1
        return document

    async def renew(self, document_id: uuid.UUID, lease_until: datetime) -> None:
        await self.session.execute(update(DocumentRow).where(DocumentRow.id == document_id).values(lease_until=lease_until))

    async def release(self, document_id: uuid.UUID) -> None:
        """Give the document back at once, its attempt not counted."""
        await self.session.execute(
            update(DocumentRow)
            .where(DocumentRow.id == document_id)
            .values(lease_until=None, attempts=case((DocumentRow.attempts > 0, DocumentRow.attempts - 1), else_=0))
        )

    async def source(self, document_id: uuid.UUID) -> bytes | None:
        return await self.session.scalar(select(DocumentFileRow.data).where(DocumentFileRow.document_id == document_id))

    async def text(self, document_id: uuid.UUID) -> str | None:
        return await self.session.scalar(select(DocumentTextRow.text).where(DocumentTextRow.document_id == document_id))

    async def analysis(self, document_id: uuid.UUID) -> dict[str, Any] | None:
        return await self.session.scalar(
            select(DocumentMaterialRow.analysis).where(DocumentMaterialRow.document_id == document_id)
        )

    async def material(self, document_id: uuid.UUID) -> DocumentMaterialRow | None:
        return await self.session.get(DocumentMaterialRow, document_id)

    async def put_text(self, document_id: uuid.UUID, text: str) -> None:
        await self.session.execute(delete(DocumentTextRow).where(DocumentTextRow.document_id == document_id))
        self.session.add(DocumentTextRow(document_id=document_id, text=text))

    async def put_analysis(self, document_id: uuid.UUID, analysis: dict[str, Any]) -> None:
        await self.session.execute(delete(DocumentMaterialRow).where(DocumentMaterialRow.document_id == document_id))
        self.session.add(DocumentMaterialRow(document_id=document_id, analysis=analysis, material=None, notes=""))

    async def put_terms(self, document_id: uuid.UUID, terms: str) -> None:
        await self.session.execute(delete(DocumentIndexRow).where(DocumentIndexRow.document_id == document_id))
        self.session.add(DocumentIndexRow(document_id=document_id, terms=terms))

    async def put_material(self, document_id: uuid.UUID, material: dict[str, Any]) -> None:
        await self.session.execute(
            update(DocumentMaterialRow).where(DocumentMaterialRow.document_id == document_id).values(material=material)
        )


def _in_body(word: str) -> ColumnElement[bool]:
    return exists().where(
        DocumentIndexRow.document_id == DocumentRow.id,
        DocumentIndexRow.terms.contains(body_needle(word), autoescape=True),
    )


# Where a word not in a body stands, for relevance: past the end of any index.
_ABSENT = 100_000_000


def _rank(words: Sequence[str]) -> ColumnElement[int]:
    """How high the words stand in the document's body index (most used first): lower is more."""
    places = [func.coalesce(func.nullif(position(DocumentIndexRow.terms, body_needle(word)), 0), _ABSENT) for word in words]
    rank = (
        select(functools.reduce(operator.add, places))  # the words' places added up
        .where(DocumentIndexRow.document_id == DocumentRow.id)
        .scalar_subquery()
    )
    return func.coalesce(rank, _ABSENT * len(words))


class position(FunctionElement[int]):
    """Where ``needle`` is in ``text`` (1-based; 0 when absent): one name per database."""

    type = Integer()
    inherit_cache = True


@compiles(position)
def _position_sqlite(element: position, compiler: SQLCompiler, **kw: Any) -> str:
    return f"instr({compiler.process(element.clauses, **kw)})"


@compiles(position, "postgresql")
def _position_postgresql(element: position, compiler: SQLCompiler, **kw: Any) -> str:
    return f"strpos({compiler.process(element.clauses, **kw)})"
