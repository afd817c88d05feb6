from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from parla.chassis.db import Database
from parla.persona import main

MIGRATIONS: Path = main.MIGRATIONS


@pytest.fixture
async def db(database_factory) -> AsyncIterator[Database]:
    async with database_factory("persona", MIGRATIONS) as database:
        yield database
