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


def pytest_configure(config: pytest.Config) -> None:
    # The shared database fixture (parla.devstack.testing) gives such tests a connection per
    # transaction; registered here as well so these tests also run where that fixture predates it.
    config.addinivalue_line("markers", "concurrent_transactions: the test runs database transactions at the same time")
