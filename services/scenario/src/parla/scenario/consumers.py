"""Events the scenario service consumes: none yet (it only publishes)."""

from __future__ import annotations

from parla.chassis.inbox import Subscription


def subscriptions() -> list[Subscription]:
    return []
