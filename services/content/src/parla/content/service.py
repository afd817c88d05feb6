"""Use cases of the content service: the review deck."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from parla.chassis.auth import Principal
from parla.chassis.db import Database
from parla.chassis.errors import InvalidArgument
from parla.chassis.messaging import add_event
from parla.content.db import CardRow
from parla.content.domain import cards_from_completion
from parla.content.repository import CardRepository
from parla.contracts.events import CardCreated, ScenarioCompleted

MAX_DUE_PAGE = 200


def _now() -> datetime:
    return datetime.now(UTC)


async def add_cards_for_completion(session: AsyncSession, event: ScenarioCompleted) -> int:
    """Add the run's cards the learner does not have yet; one ``card.created`` each. Returns the count."""
    now = _now()
    candidates = cards_from_completion(event, now)
    cards = CardRepository(session)
    have = await cards.existing_keys(event.user_id, event.language, [c.key for c in candidates])
    added = 0
    for card in candidates:
        if card.key in have:
            continue
        await cards.add(card, now)
        await add_event(
            session,
            CardCreated(
                card_id=card.id,
                user_id=card.user_id,
                language=card.language,
                lemma=card.key,
                source_kind=card.source_kind,
                source_id=card.source_id,
                occurred_at=now,
            ),
        )
        added += 1
    return added


class ReviewService:
    def __init__(self, *, db: Database) -> None:
        self._db = db

    async def due_cards(self, caller: Principal, *, language: str, limit: int) -> tuple[list[CardRow], int]:
        if limit < 0:
            raise InvalidArgument("limit must not be negative", details={"limit": "must be 0 or more"})
        async with self._db.reading() as session:
            return await CardRepository(session).due(
                caller.user_id, _now(), language=language or None, limit=min(limit or 50, MAX_DUE_PAGE)
            )
