"""Events the analytics service consumes."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from parla.analytics.service import record_completed, record_started
from parla.chassis.db import Database
from parla.chassis.messaging import Subscription
from parla.contracts.events import Event, ScenarioCompleted, ScenarioStarted


async def on_scenario_started(session: AsyncSession, event: Event) -> None:
    assert isinstance(event, ScenarioStarted)
    await record_started(session, event)


async def on_scenario_completed(session: AsyncSession, event: Event) -> None:
    assert isinstance(event, ScenarioCompleted)
    await record_completed(session, event)


def subscriptions(db: Database) -> list[Subscription]:  # same shape in every service
    return [
        Subscription("scenario.started", on_scenario_started),
        Subscription("scenario.completed", on_scenario_completed),
    ]
