"""SQL for the review deck."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import func, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from parla.chassis.db import chunked, inserting_if_absent
from parla.content.db import CardRow, CardSourceRow
from parla.content.domain import NewCard


class CardRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def existing(self, users: set[uuid.UUID], keys: set[str]) -> dict[tuple[uuid.UUID, str, str], uuid.UUID]:
        """(learner, language, key) -> card id, of the cards these learners have under these keys."""
        found: dict[tuple[uuid.UUID, str, str], uuid.UUID] = {}
        if not users or not keys:
            return found
        for user_chunk in chunked(sorted(users)):
            for key_chunk in chunked(sorted(keys)):
                rows = await self.session.execute(
                    select(CardRow.user_id, CardRow.language, CardRow.key, CardRow.id).where(
                        CardRow.user_id.in_(user_chunk), CardRow.key.in_(key_chunk)
                    )
                )
                found.update(((user_id, language, key), card_id) for user_id, language, key, card_id in rows)
        return found

    async def add_all(self, cards: list[NewCard], now: datetime) -> None:
        """The cards, each with its first source, in bulk inserts."""
        if not cards:
            return
        await self.session.execute(insert(CardRow), [_row(card, now) for card in cards])
        await self.session.execute(insert(CardSourceRow), [_source(card.id, card, now) for card in cards])

    async def add_sources(self, named: list[tuple[uuid.UUID, NewCard]], now: datetime) -> None:
        """Another source for cards the learners have (once per source: one already there is
        kept as it is). Not read first: a card named by every run of its learner has as many
        sources, and reading them all back to add one grew with each run."""
        wanted = {(card_id, card.source_kind, card.source_id): card for card_id, card in named}
        if not wanted:
            return
        if_absent = inserting_if_absent(self.session, CardSourceRow.__table__, ("card_id", "kind", "source_id"))
        for chunk in chunked([_source(key[0], card, now) for key, card in wanted.items()]):
            await self.session.execute(if_absent, list(chunk))

    async def due(self, user_id: uuid.UUID, now: datetime, *, language: str | None, limit: int) -> tuple[list[CardRow], int]:
        where = [CardRow.user_id == user_id, CardRow.due <= now, CardRow.queue >= 0]  # not suspended
        if language:
            where.append(CardRow.language == language)
        total = await self.session.scalar(select(func.count()).select_from(CardRow).where(*where))
        rows = await self.session.scalars(select(CardRow).where(*where).order_by(CardRow.due, CardRow.id).limit(limit))
        return list(rows), int(total or 0)


def _row(card: NewCard, now: datetime) -> dict:
    schedule = card.schedule
    return {
        "id": card.id,
        "user_id": card.user_id,
        "language": card.language,
        "front": card.front,
        "back": card.back,
        "key": card.key,
        "source_kind": card.source_kind,
        "source_id": card.source_id,
        "fsrs_card_id": schedule.card_id,
        "state": int(schedule.state),
        "step": schedule.step,
        "stability": schedule.stability,
        "difficulty": schedule.difficulty,
        "due": schedule.due,
        "last_review": schedule.last_review,
        "created_at": now,
        "queue": 0,
        "reps": 0,
        "lapses": 0,
        "tags": list(card.tags),
    }


def _source(card_id: uuid.UUID, card: NewCard, now: datetime) -> dict:
    return {"card_id": card_id, "kind": card.source_kind, "source_id": card.source_id, "context": card.context, "added_at": now}
