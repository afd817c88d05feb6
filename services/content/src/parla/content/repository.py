"""SQL for the review deck."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import func, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from parla.chassis.db import chunked
from parla.content.db import CardRow
from parla.content.domain import NewCard


class CardRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def existing(self, users: set[uuid.UUID], keys: set[str]) -> set[tuple[uuid.UUID, str, str]]:
        """(learner, language, key) of the cards these learners have under any of these keys."""
        found: set[tuple[uuid.UUID, str, str]] = set()
        if not users or not keys:
            return found
        for user_chunk in chunked(sorted(users)):
            for key_chunk in chunked(sorted(keys)):
                rows = await self.session.execute(
                    select(CardRow.user_id, CardRow.language, CardRow.key).where(
                        CardRow.user_id.in_(user_chunk), CardRow.key.in_(key_chunk)
                    )
                )
                found.update((user_id, language, key) for user_id, language, key in rows)
        return found

    async def add_all(self, cards: list[NewCard], now: datetime) -> None:
        """The cards in one bulk insert."""
        if not cards:
            return
        await self.session.execute(insert(CardRow), [_row(card, now) for card in cards])

    async def due(self, user_id: uuid.UUID, now: datetime, *, language: str | None, limit: int) -> tuple[list[CardRow], int]:
        where = [CardRow.user_id == user_id, CardRow.due <= now]
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
    }
