from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from parla.chassis.db import Database
from parla.content import main
from parla.content.review.deck import DeckService
from parla.content.review.sessions import ReviewSessions

from .review_fixtures import Clock, Reviewing

MIGRATIONS: Path = main.MIGRATIONS


@pytest.fixture
async def db(database_factory) -> AsyncIterator[Database]:
    async with database_factory("content", MIGRATIONS) as database:
        yield database


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def reviewing(db, clock) -> Reviewing:
    return Reviewing(DeckService(db=db, clock=clock), ReviewSessions(db=db, clock=clock, fuzz=False, leech_lapses=8), clock)
