"""Migrations that move data: what existing databases hold after them (SQLite and PostgreSQL)."""

from __future__ import annotations

import asyncio
import json
import uuid

import pytest
from alembic import command
from sqlalchemy import text

from parla.chassis.db import Database, make_engine
from parla.chassis.migrations import alembic_config
from parla.devstack.testing import sqlite_url
from parla.scenario.catalogue import load_system_scenarios
from parla.scenario.main import MIGRATIONS

SPEC = next(spec for spec in load_system_scenarios() if len(spec.localizations) > 1)
OWNER = uuid.uuid4()


@pytest.fixture
def empty_database(backend, request, tmp_path) -> str:
    if backend == "sqlite":
        return sqlite_url(tmp_path / "scenario.db")
    return request.getfixturevalue("postgres").create_database("test_scenario_migrations")


async def upgrade(url: str, revision: str) -> None:
    await asyncio.to_thread(command.upgrade, alembic_config(url, MIGRATIONS), revision)


@pytest.mark.parametrize("visibility", ["public", "private"])
async def test_0006_and_0007_fill_the_listing_columns_and_counts_of_existing_scenarios(empty_database, visibility):
    await upgrade(empty_database, "0005")
    db = Database(make_engine(empty_database))
    try:
        async with db.transaction() as session:
            await session.execute(
                text(
                    "INSERT INTO scenarios (id, owner_id, visibility, category, difficulty, estimated_minutes, spec,"
                    " created_at, updated_at) VALUES (:id, :owner, :visibility, :category, :difficulty, :minutes, :spec,"
                    " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
                ),
                {
                    "id": SPEC.id,
                    "visibility": visibility,
                    "owner": OWNER if empty_database.startswith("postgresql") else OWNER.hex,
                    "category": SPEC.category,
                    "difficulty": SPEC.difficulty,
                    "minutes": SPEC.estimated_minutes,
                    "spec": json.dumps(SPEC.model_dump(mode="json")),
                },
            )
            for language, local in SPEC.localizations.items():
                await session.execute(
                    text(
                        "INSERT INTO scenario_localizations (scenario_id, language, title, description)"
                        " VALUES (:id, :language, :title, :description)"
                    ),
                    {"id": SPEC.id, "language": language, "title": local.title, "description": local.description},
                )
        await db.dispose()
        await upgrade(empty_database, "head")
        db = Database(make_engine(empty_database))
        async with db.reading() as session:
            rows = (
                await session.execute(
                    text(
                        "SELECT language, category, difficulty, estimated_minutes, phase_count, languages, visibility,"
                        " deleted_at FROM scenario_localizations ORDER BY language"
                    )
                )
            ).all()
            counts = (await session.execute(text("SELECT language, category, difficulty, scenarios FROM catalogue_counts"))).all()
    finally:
        await db.dispose()
    expected = (
        SPEC.category,
        SPEC.difficulty,
        SPEC.estimated_minutes,
        len(SPEC.phases),
        ",".join(SPEC.languages),
        visibility,
        None,
    )
    assert [row[0] for row in rows] == SPEC.languages
    assert {tuple(row[1:]) for row in rows} == {expected}
    # 0007 counts public listing rows, one per language, and the scenario once under "*".
    expected_counts = [(language, SPEC.category, SPEC.difficulty, 1) for language in [*SPEC.languages, "*"]]
    assert sorted(map(tuple, counts)) == (sorted(expected_counts) if visibility == "public" else [])
