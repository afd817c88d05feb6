"""Events the scenario service consumes: none yet (it only publishes)."""

from __future__ import annotations

from parla.chassis.db import Database
from parla.chassis.messaging import Subscription


def subscriptions(db: Database) -> list[Subscription]:  # same shape in every service
    return []
