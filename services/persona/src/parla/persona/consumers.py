"""Events the persona service consumes: none yet (it only publishes)."""

from __future__ import annotations

from parla.chassis.events_catalogue import ServiceEvents
from parla.chassis.inbox import Subscription
from parla.contracts.events import AiUsageRecorded, BudgetThresholdCrossed


def subscriptions() -> list[Subscription]:
    return []


def events() -> ServiceEvents:
    """What the persona service publishes (through its outbox) and consumes: the AsyncAPI catalogue's source."""
    return ServiceEvents("persona", publishes=(AiUsageRecorded, BudgetThresholdCrossed), subscriptions=subscriptions())
