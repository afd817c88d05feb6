"""Events the scenario service consumes: none yet (it only publishes)."""

from __future__ import annotations

from parla.chassis.consumer import Subscription


def subscriptions() -> list[Subscription]:
    return []
