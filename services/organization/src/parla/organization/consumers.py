"""Events the organization service consumes: none yet."""

from __future__ import annotations

from parla.chassis.events_catalogue import ServiceEvents
from parla.chassis.inbox import Subscription


def subscriptions() -> list[Subscription]:
    return []


def events() -> ServiceEvents:
    """What the organization service publishes (through its outbox) and consumes: the AsyncAPI catalogue's source."""
    return ServiceEvents("organization", publishes=(), subscriptions=subscriptions())
