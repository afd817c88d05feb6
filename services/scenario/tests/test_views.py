"""Opening a scenario is a read; its ``scenario.viewed`` reaches the outbox after it, in batches."""

from __future__ import annotations

import asyncio
import uuid
from contextlib import asynccontextmanager

import orjson
import pytest
from sqlalchemy import select

from parla.chassis.auth import Principal
from parla.chassis.errors import NotFound
from parla.chassis.messaging import outbox_table
from parla.contracts.events import ScenarioViewed
from parla.devstack.testing import eventually
from parla.scenario.catalogue_service import CatalogueService
from parla.scenario.views import ViewRecorder

SCENARIO = "hotel-check-in"


def learner() -> Principal:
    return Principal(subject=str(uuid.uuid4()), roles=frozenset({"learner"}))


def viewed(number: int = 0) -> ScenarioViewed:
    return ScenarioViewed(
        user_id=uuid.uuid4(), scenario_id=f"scene-{number}", language="es", category="travel", difficulty="beginner"
    )


async def staged_views(db) -> list[dict]:
    async with db.reading() as session:
        rows = await session.execute(select(outbox_table.c.payload).where(outbox_table.c.event_type == "scenario.viewed"))
        return [orjson.loads(payload) for payload in rows.scalars()]


@pytest.fixture
async def catalogue(db) -> tuple[CatalogueService, ViewRecorder]:
    views = ViewRecorder(db=db)
    catalogue = CatalogueService(db=db, views=views)
    await catalogue.seed_system_scenarios()
    return catalogue, views


async def test_a_learner_opening_a_scenario_is_staged_as_scenario_viewed_by_the_next_flush(catalogue, db):
    service, views = catalogue
    caller = learner()
    _, spec, language = await service.get_scenario(caller, SCENARIO, "fr")
    assert await staged_views(db) == [] and views.pending == 1
    assert await views.flush() == 1
    [event] = await staged_views(db)
    assert (event["user_id"], event["scenario_id"], event["language"]) == (caller.subject, SCENARIO, "fr")
    assert (event["category"], event["difficulty"]) == (spec.category, spec.difficulty) and language == "fr"


async def test_opening_a_scenario_takes_no_write_transaction(catalogue, db, monkeypatch):
    service, views = catalogue

    @asynccontextmanager
    async def no_writes():
        raise AssertionError("opening a scenario took a write transaction")
        yield

    monkeypatch.setattr(db, "transaction", no_writes)
    row, spec, _ = await service.get_scenario(learner(), SCENARIO, "")
    assert spec.id == row.id == SCENARIO and views.pending == 1


async def test_a_service_reading_a_scenario_records_no_view(catalogue, db):
    service, views = catalogue
    await service.get_scenario(Principal(subject="service:analytics", roles=frozenset()), SCENARIO, "es")
    assert views.pending == 0 and await views.flush() == 0
    assert await staged_views(db) == []


async def test_a_scenario_that_cannot_be_opened_records_no_view(catalogue):
    service, views = catalogue
    with pytest.raises(NotFound):
        await service.get_scenario(learner(), "no-such-scenario", "es")
    assert views.pending == 0


async def test_the_buffer_is_bounded_and_drops_views_beyond_it(db):
    views = ViewRecorder(db=db, max_pending=2)
    for number in range(3):
        views.record(viewed(number))
    assert views.pending == 2
    assert await views.flush() == 2
    assert [event["scenario_id"] for event in await staged_views(db)] == ["scene-0", "scene-1"]


async def test_views_whose_write_failed_are_kept_for_the_next_flush(db, monkeypatch):
    views = ViewRecorder(db=db)
    views.record(viewed(1))
    real = db.transaction

    @asynccontextmanager
    async def unavailable():
        raise ConnectionError("database unreachable")
        yield

    monkeypatch.setattr(db, "transaction", unavailable)
    with pytest.raises(ConnectionError):
        await views.flush()
    assert views.pending == 1
    monkeypatch.setattr(db, "transaction", real)
    assert await views.flush() == 1
    assert [event["scenario_id"] for event in await staged_views(db)] == ["scene-1"]


@pytest.mark.concurrent_transactions
async def test_the_worker_writes_views_in_the_background_and_writes_the_rest_when_stopped(db):
    views = ViewRecorder(db=db, flush_seconds=0.05)
    worker = asyncio.create_task(views.run())
    try:
        views.record(viewed(1))
        assert await eventually(lambda: staged_views(db), timeout=10)
        # Stopped before its next tick: what is still buffered is written on the way out.
        views.stop()
        views.record(viewed(2))
        await asyncio.wait_for(worker, timeout=10)
    finally:
        views.stop()
        await asyncio.gather(worker, return_exceptions=True)
    assert sorted(event["scenario_id"] for event in await staged_views(db)) == ["scene-1", "scene-2"]
