"""Events the analytics service consumes."""

from __future__ import annotations

from parla.analytics.service import record_completed, record_started
from parla.chassis.events_catalogue import ServiceEvents
from parla.chassis.inbox import Subscription
from parla.contracts.events import ScenarioCompleted, ScenarioStarted


def subscriptions() -> list[Subscription]:
    return [
        Subscription(ScenarioStarted, record_started),
        Subscription(ScenarioCompleted, record_completed),
    ]


def events() -> ServiceEvents:
    """What the analytics service publishes (through its outbox) and consumes: the AsyncAPI catalogue's source."""
    return ServiceEvents("analytics", publishes=(), subscriptions=subscriptions())
