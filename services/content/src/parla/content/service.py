"""How cards reach the deck: from completed runs and documents, one card per word."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from parla.chassis.messaging import add_events
from parla.content.domain import NewCard, cards_from_completion
from parla.content.repository import CardRepository
from parla.contracts.events import CardCreated, Event, ScenarioCompleted


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
    more_sources: list[tuple[object, NewCard]] = []  # a card the learner has, named by another source
    for card, cause in candidates:
        identity = (card.user_id, card.language, card.key)
        if identity in have:
            more_sources.append((have[identity], card))
        else:
            new.setdefault(identity, (card, cause))
    await cards.add_all([card for card, _ in new.values()], now)
    await cards.add_sources(more_sources, now)
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
