"""Events the scenario service consumes: none yet (it only publishes)."""

from __future__ import annotations

from parla.chassis.events_catalogue import ServiceEvents
from parla.chassis.inbox import Subscription
from parla.contracts.events import (
    ScenarioCompleted,
    ScenarioDeleted,
    ScenarioPublished,
    ScenarioStarted,
    ScenarioUpdated,
    ScenarioViewed,
)


def subscriptions() -> list[Subscription]:
    return []


def events() -> ServiceEvents:
    """What the scenario service publishes (through its outbox) and consumes: the AsyncAPI catalogue's source."""
    return ServiceEvents(
        "scenario",
        publishes=(ScenarioPublished, ScenarioUpdated, ScenarioDeleted, ScenarioStarted, ScenarioViewed, ScenarioCompleted),
        subscriptions=subscriptions(),
    )
