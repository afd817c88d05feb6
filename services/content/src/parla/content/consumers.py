"""Events the content service consumes."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from parla.chassis.consumer import Subscription
from parla.chassis.logging import get_logger
from parla.content.service import add_cards_for_completion
from parla.contracts.events import ScenarioCompleted

log = get_logger(__name__)


async def on_scenario_completed(session: AsyncSession, event: ScenarioCompleted) -> None:
    added = await add_cards_for_completion(session, event)
    log.info("cards added from a completed run", run_id=str(event.run_id), added=added)


def subscriptions() -> list[Subscription]:
    return [Subscription(ScenarioCompleted, on_scenario_completed)]
