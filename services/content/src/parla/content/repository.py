"""SQL for the review deck."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from parla.content.db import CardRow
from parla.content.domain import NewCard


class CardRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def existing_keys(self, user_id: uuid.UUID, language: str, keys: list[str]) -> set[str]:
        if not keys:
            return set()
        rows = await self.session.scalars(
            select(CardRow.key).where(CardRow.user_id == user_id, CardRow.language == language, CardRow.key.in_(keys))
        )
        return set(rows)

    async def add(self, card: NewCard, now: datetime) -> None:
        schedule = card.schedule
        self.session.add(
            CardRow(
                id=card.id,
                user_id=card.user_id,
                language=card.language,
                front=card.front,
                back=card.back,
                key=card.key,
                source_kind=card.source_kind,
                source_id=card.source_id,
                fsrs_card_id=schedule.card_id,
                state=int(schedule.state),
                step=schedule.step,
                stability=schedule.stability,
                difficulty=schedule.difficulty,
                due=schedule.due,
                last_review=schedule.last_review,
                created_at=now,
            )
        )
        await self.session.flush()

    async def due(self, user_id: uuid.UUID, now: datetime, *, language: str | None, limit: int) -> tuple[list[CardRow], int]:
        where = [CardRow.user_id == user_id, CardRow.due <= now]
        if language:
            where.append(CardRow.language == language)
        total = await self.session.scalar(select(func.count()).select_from(CardRow).where(*where))
        rows = await self.session.scalars(select(CardRow).where(*where).order_by(CardRow.due, CardRow.id).limit(limit))
        return list(rows), int(total or 0)
