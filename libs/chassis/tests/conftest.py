"""Fixtures the chassis' tests share."""

from __future__ import annotations

import itertools

import pytest

_databases = itertools.count()


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_database_url(request, tmp_path) -> str:
    """The URL of a new, empty database: an SQLite file, then a PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite+aiosqlite:///{tmp_path / 'chassis.db'}"
    return request.getfixturevalue("postgres").create_database(f"test_chassis_{next(_databases)}")
