from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from parla.chassis.db import Database
from parla.organization.db import metadatas  # noqa: F401
from parla.organization.tables import FEATURES  # noqa: F401  (every feature's tables)

MIGRATIONS: Path = Path(__file__).parents[1] / "src" / "parla" / "organization" / "migrations"


@pytest.fixture
async def db(database_factory) -> AsyncIterator[Database]:
    async with database_factory("organization", MIGRATIONS) as database:
        yield database
