"""Events the content service consumes."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from parla.chassis.db import Database
from parla.chassis.logging import get_logger
from parla.chassis.messaging import Subscription
from parla.content.service import add_cards_for_completion
from parla.contracts.events import Event, ScenarioCompleted

log = get_logger(__name__)


async def on_scenario_completed(session: AsyncSession, event: Event) -> None:
    assert isinstance(event, ScenarioCompleted)
    added = await add_cards_for_completion(session, event)
    log.info("cards added from a completed run", run_id=str(event.run_id), added=added)


def subscriptions(db: Database) -> list[Subscription]:  # same shape in every service
    return [Subscription("scenario.completed", on_scenario_completed)]
