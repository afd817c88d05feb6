"""Many learner-authored, published scenarios in the scenario service's database, quickly.

Authoring and publishing through the API costs two requests per scenario (about 15 scenarios a
second on a 2-core machine), too slow for 10,000. These go in through the service's own code
instead: each draft is one of the service's templates with its own title, validated by the
authoring rules, stored by the scenario repository (so every column and localization row the
service keeps is written as for an authored one) and announced with ``scenario.published``
through the outbox, in transactions of a few hundred. The end state is what ``POST
/api/v1/scenarios`` followed by ``POST /api/v1/scenarios/{id}/publish`` leaves.
"""

from __future__ import annotations

import asyncio
import copy
import uuid
from datetime import UTC, datetime

from sqlalchemy import func, select

from parla.chassis.db import Database, make_engine
from parla.chassis.messaging import add_event, outbox_table
from parla.contracts.events import ScenarioPublished
from parla.scenario.authoring import MAX_SCENARIOS_PER_AUTHOR, AuthoringService, validate_draft
from parla.scenario.db import ScenarioRow
from parla.scenario.domain import scenario_changed
from parla.scenario.repository import ScenarioRepository

BATCH = 250


def _draft(template, number: int) -> dict:
    draft = copy.deepcopy(template.draft)
    for local in draft["localizations"].values():
        local["title"] = f"{template.title} {number:05d}"
    return draft


async def publish_scenarios(database_url: str, first: int, count: int, language: str = "es") -> None:
    """Scenarios number ``first`` to ``first + count - 1``, public, in ``language``, by as many
    authors as the per-author limit needs."""
    db = Database(make_engine(database_url))
    try:
        templates = await AuthoringService(db=db).templates(language)
        for start in range(first, first + count, BATCH):
            async with db.transaction() as session:
                repository = ScenarioRepository(session)
                for number in range(start, min(start + BATCH, first + count)):
                    author = uuid.UUID(int=number // MAX_SCENARIOS_PER_AUTHOR + 1)
                    spec = validate_draft(_draft(templates[number % len(templates)], number), f"bench-{number:05d}")
                    now = datetime.now(UTC)
                    row = ScenarioRow(id=spec.id, owner_id=author, visibility="public", created_at=now)
                    await repository.save(row, spec, now)
                    await add_event(session, ScenarioPublished(**scenario_changed(row, spec)))
    finally:
        await db.dispose()


async def wait_until_published(database_url: str, timeout: float = 180.0) -> int:
    """Waits until the service's outbox relay sent every event (so that it no longer competes for
    the CPU); returns how many were still unsent when the wait ended."""
    db = Database(make_engine(database_url))
    deadline = asyncio.get_running_loop().time() + timeout
    try:
        while True:
            async with db.reading() as session:
                unsent = await session.scalar(
                    select(func.count()).select_from(outbox_table).where(outbox_table.c.sent_at.is_(None))
                )
            if not unsent or asyncio.get_running_loop().time() > deadline:
                return int(unsent or 0)
            await asyncio.sleep(0.5)
    finally:
        await db.dispose()
