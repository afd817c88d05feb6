"""What the gateway publishes (through its outbox): the AsyncAPI catalogue's source."""

from __future__ import annotations

from parla.chassis.events_catalogue import ServiceEvents
from parla.contracts.events import UserRegistered, UserUpdated


def events() -> ServiceEvents:
    return ServiceEvents("gateway", publishes=(UserRegistered, UserUpdated))
