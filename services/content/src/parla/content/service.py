"""Use cases of the content service: the review deck."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from parla.chassis.auth import Principal
from parla.chassis.db import Database
from parla.chassis.errors import InvalidArgument
from parla.chassis.messaging import add_events
from parla.content.db import CardRow
from parla.content.domain import NewCard, cards_from_completion
from parla.content.repository import CardRepository
from parla.contracts.events import CardCreated, Event, ScenarioCompleted

MAX_DUE_PAGE = 200


def _now() -> datetime:
    return datetime.now(UTC)


async def add_cards_for_completions(session: AsyncSession, completions: Sequence[ScenarioCompleted]) -> int:
    """Add each run's cards the learner does not have yet; one ``card.created`` each. Returns the count."""
    now = _now()
    return await add_new_cards(
        session, [(card, completed) for completed in completions for card in cards_from_completion(completed, now)], now
    )


async def add_new_cards(session: AsyncSession, candidates: Sequence[tuple[NewCard, Event | None]], now: datetime) -> int:
    """Add the cards the learner does not have yet (one card per learner, language and key,
    however many candidates name it), with one ``card.created`` each, caused by the event that
    brought it (if any). Returns how many were added."""
    cards = CardRepository(session)
    have = await cards.existing({card.user_id for card, _ in candidates}, {card.key for card, _ in candidates})
    new: dict[tuple, tuple[NewCard, Event | None]] = {}
    for card, cause in candidates:
        identity = (card.user_id, card.language, card.key)
        if identity not in have:
            new.setdefault(identity, (card, cause))
    await cards.add_all([card for card, _ in new.values()], now)
    await add_events(session, [(card_created(card, now), cause) for card, cause in new.values()])
    return len(new)


def card_created(card: NewCard, now: datetime) -> CardCreated:
    return CardCreated(
        card_id=card.id,
        user_id=card.user_id,
        language=card.language,
        lemma=card.key,
        source_kind=card.source_kind,
        source_id=card.source_id,
        occurred_at=now,
    )


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
