"""Events the content service consumes."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from parla.chassis.events_catalogue import ServiceEvents
from parla.chassis.inbox import Subscription
from parla.chassis.logging import get_logger
from parla.content.service import add_cards_for_completions
from parla.content.words.service import advance_words_used
from parla.contracts.events import CardCreated, ContentDeleted, ContentImported, ContentStudied, ReviewRecorded, ScenarioCompleted

log = get_logger(__name__)


async def on_scenarios_completed(session: AsyncSession, events: Sequence[ScenarioCompleted]) -> None:
    """Review cards for the words each completed run missed and the mistakes it made; the words
    it used correctly move on to "learning"."""
    added = await add_cards_for_completions(session, events)
    await advance_words_used(session, events)
    log.info("cards added from completed runs", runs=len(events), added=added)


def subscriptions() -> list[Subscription]:
    return [Subscription(ScenarioCompleted, on_scenarios_completed)]


def events() -> ServiceEvents:
    """What the content service publishes (through its outbox) and consumes: the AsyncAPI catalogue's source."""
    return ServiceEvents(
        "content",
        publishes=(CardCreated, ContentImported, ContentStudied, ContentDeleted, ReviewRecorded),
        subscriptions=subscriptions(),
    )
