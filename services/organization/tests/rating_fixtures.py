"""What the ratings tests share: a service on a ticking clock, a rated scenario, the outbox."""

from __future__ import annotations

import itertools
from datetime import timedelta

from parla.chassis.auth import Principal
from parla.chassis.db import Database
from parla.organization.ratings.domain import DIMENSIONS
from parla.organization.ratings.service import RatingService

from .catalogue_fixtures import T0, complete, learner, publish_scenario


class Ticking:
    """A clock that moves one second at each reading: what happens later is later."""

    def __init__(self) -> None:
        self._ticks = itertools.count()

    def __call__(self):
        return T0 + timedelta(seconds=next(self._ticks))


def rating_service(db: Database) -> RatingService:
    return RatingService(db=db, clock=Ticking())


def dims(value: int = 4, **changes: int) -> dict[str, int]:
    return {**dict.fromkeys(DIMENSIONS, value), **changes}


async def rate(ratings: RatingService, user: Principal, scenario: str, overall: int = 4, review: str = "", **dimensions: int):
    return await ratings.rate(user, scenario, overall=overall, dimensions=dims(**dimensions), review=review)


async def player(db: Database, scenario: str) -> Principal:
    """A new learner who completed a run of the scenario."""
    user = learner()
    await complete(db, user, scenario)
    return user


async def played_scenario(db: Database, scenario: str = "at-the-pharmacy", **fields) -> str:
    return await publish_scenario(db, scenario, **fields)


def author_of(rating) -> Principal:
    """The learner who wrote ``rating``, as a caller."""
    return Principal(subject=str(rating.user_id), roles=frozenset({"learner"}))
