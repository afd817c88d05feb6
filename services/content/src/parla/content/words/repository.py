"""SQL for word statuses."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from datetime import datetime

from sqlalchemy import func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from parla.chassis.db import chunked, insert_for
from parla.content.words.db import WordStatusRow
from parla.content.words.domain import MOVED_BY_USE

_TABLE = WordStatusRow.__table__
_KEY = ["user_id", "language", "lemma"]


class WordRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def set(self, user_id: uuid.UUID, words: Sequence[tuple[str, str, str]], now: datetime) -> None:
        """The learner's word: (language, lemma, status) each, whatever they were."""
        statement = insert_for(self.session, _TABLE)
        upsert = statement.on_conflict_do_update(
            index_elements=_KEY, set_={"status": statement.excluded.status, "updated_at": statement.excluded.updated_at}
        )
        rows = [
            {"user_id": user_id, "language": lang, "lemma": lemma, "status": status, "updated_at": now}
            for lang, lemma, status in words
        ]
        for chunk in chunked(rows):
            await self.session.execute(upsert, chunk)

    async def advance(
        self,
        words: Iterable[tuple[uuid.UUID, str, str]],
        status: str,
        now: datetime,
        *,
        moved_from: tuple[str, ...] = (MOVED_BY_USE,),
    ) -> None:
        """(learner, language, lemma) each: at ``status`` if it had none or one of ``moved_from``
        (never from a status the learner set beyond it, such as "ignored")."""
        statement = insert_for(self.session, _TABLE)
        upsert = statement.on_conflict_do_update(
            index_elements=_KEY,
            set_={"status": statement.excluded.status, "updated_at": statement.excluded.updated_at},
            # One comparison each: an IN list would expand, which a statement run for many rows cannot.
            where=or_(*(_TABLE.c.status == old for old in moved_from)),
        )
        rows = [
            {"user_id": user, "language": lang, "lemma": lemma, "status": status, "updated_at": now}
            for user, lang, lemma in set(words)
        ]
        for chunk in chunked(rows):
            await self.session.execute(upsert, chunk)

    async def page(
        self, user_id: uuid.UUID, *, language: str | None, status: str | None, limit: int, offset: int
    ) -> tuple[list[WordStatusRow], int]:
        where = [WordStatusRow.user_id == user_id]
        if language:
            where.append(WordStatusRow.language == language)
        if status:
            where.append(WordStatusRow.status == status)
        rows = await self.session.scalars(
            select(WordStatusRow)
            .where(*where)
            .order_by(WordStatusRow.updated_at.desc(), WordStatusRow.language, WordStatusRow.lemma)
            .limit(limit)
            .offset(offset)
        )
        total = await self.session.scalar(select(func.count()).select_from(WordStatusRow).where(*where))
        return list(rows), int(total or 0)

    async def counts(self, user_id: uuid.UUID) -> list[tuple[str, str, int]]:
        rows = await self.session.execute(
            select(WordStatusRow.language, WordStatusRow.status, func.count())
            .where(WordStatusRow.user_id == user_id)
            .group_by(WordStatusRow.language, WordStatusRow.status)
            .order_by(WordStatusRow.language, WordStatusRow.status)
        )
        return [(language, status, int(count)) for language, status, count in rows]

    async def statuses_of(self, user_id: uuid.UUID, language: str, lemmas: Sequence[str]) -> dict[str, str]:
        """{lemma: status} of those of ``lemmas`` the learner has a status for."""
        found: dict[str, str] = {}
        for chunk in chunked(list(set(lemmas))):
            rows = await self.session.execute(
                select(WordStatusRow.lemma, WordStatusRow.status).where(
                    WordStatusRow.user_id == user_id, WordStatusRow.language == language, WordStatusRow.lemma.in_(chunk)
                )
            )
            found.update({lemma: status for lemma, status in rows})
        return found

    async def statuses(self, user_id: uuid.UUID, *, limit: int) -> dict[str, dict[str, str]]:
        """{language: {lemma: status}} of the learner's words, the most recent first, at most ``limit``."""
        rows = await self.session.execute(
            select(WordStatusRow.language, WordStatusRow.lemma, WordStatusRow.status)
            .where(WordStatusRow.user_id == user_id)
            .order_by(WordStatusRow.updated_at.desc())
            .limit(limit)
        )
        found: dict[str, dict[str, str]] = {}
        for language, lemma, status in rows:
            found.setdefault(language, {})[lemma] = status
        return found


def _row(user_id: uuid.UUID, language: str, lemma: str, status: str, now: datetime) -> dict:
    return {"user_id": user_id, "language": language, "lemma": lemma, "status": status, "updated_at": now}
