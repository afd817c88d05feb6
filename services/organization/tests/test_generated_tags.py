"""Keyword tags generated from scenarios' events, on SQLite and PostgreSQL: per language, replaced
by an update, removed by a delete, and never undone by a late or repeated event."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest

from parla.chassis.errors import NotFound
from parla.contracts.events import ScenarioDeleted, ScenarioUpdated
from parla.organization.consumers import on_scenarios_changed
from parla.organization.tags import worker as worker_module
from parla.organization.tags.service import TagService
from parla.organization.tags.worker import KeywordWorker

from .catalogue_fixtures import T0, learner
from .tag_fixtures import HOTEL, MESA, TISCH, consume, generated, scenario_changed


@pytest.fixture
def service(db) -> TagService:
    return TagService(db=db)


async def test_a_published_scenario_is_tagged_with_keywords_of_each_language(db, service):
    await consume(db, scenario_changed("dinner", texts={"es": MESA, "de": TISCH}))
    tags = await generated(db, "dinner")
    assert "mesa" in tags["es"] and "reservar" in tags["es"] and "tisch" in tags["de"]
    assert not {"el", "de", "para", "una"} & set(tags["es"])
    shown = await service.item_tags(learner(), kind="scenario", item_id="dinner")
    assert ("mesa", "es") in shown.generated and ("tisch", "de") in shown.generated and shown.mine == []


async def test_an_event_without_texts_per_language_is_tagged_from_its_whole_text(db):
    await consume(db, scenario_changed("dinner", texts={}, text=MESA, languages=["es"]))
    assert "mesa" in (await generated(db, "dinner"))["es"]


async def test_an_update_replaces_the_tags_and_a_delete_removes_them(db):
    await consume(db, scenario_changed("dinner", texts={"es": MESA, "de": TISCH}))
    await consume(db, scenario_changed("dinner", kind=ScenarioUpdated, texts={"es": HOTEL}, at=T0 + timedelta(minutes=1)))
    tags = await generated(db, "dinner")
    assert set(tags) == {"es"} and "habitación" in tags["es"] and "mesa" not in tags["es"]
    await consume(db, scenario_changed("dinner", kind=ScenarioDeleted, at=T0 + timedelta(minutes=2)))
    assert await generated(db, "dinner") == {}


async def test_a_late_event_changes_nothing(db):
    await consume(db, scenario_changed("dinner", kind=ScenarioUpdated, texts={"es": HOTEL}, at=T0 + timedelta(microseconds=10)))
    await consume(db, scenario_changed("dinner", texts={"es": MESA}, at=T0))
    await consume(db, scenario_changed("dinner", kind=ScenarioDeleted, at=T0 + timedelta(microseconds=9)))
    assert "habitación" in (await generated(db, "dinner"))["es"]


async def test_in_a_batch_the_newest_event_of_each_scenario_counts_and_a_replay_changes_nothing(db):
    newer = scenario_changed("dinner", kind=ScenarioUpdated, texts={"es": HOTEL}, at=T0 + timedelta(minutes=1))
    batch = [newer, scenario_changed("dinner", texts={"es": MESA}), scenario_changed("other", texts={"de": TISCH})]
    await consume(db, *batch)
    first = (await generated(db, "dinner"), await generated(db, "other"))
    await consume(db, *batch)
    assert (await generated(db, "dinner"), await generated(db, "other")) == first
    assert "habitación" in first[0]["es"] and "tisch" in first[1]["de"]


async def test_a_private_scenarios_generated_tags_are_kept_but_shown_only_to_who_sees_it(db, service):
    owner = learner()
    await consume(db, scenario_changed("draft", texts={"es": MESA}, visibility="private", owner_id=owner.user_id))
    assert "mesa" in (await generated(db, "draft"))["es"]
    assert ("mesa", "es") in (await service.item_tags(owner, kind="scenario", item_id="draft")).generated
    with pytest.raises(NotFound):
        await service.item_tags(learner(), kind="scenario", item_id="draft")
    assert "mesa" not in dict(await service.popular(learner()))


async def test_the_consumer_only_queues_the_work_and_the_worker_makes_the_tags_outside_it(db):
    async with db.transaction() as session:
        await on_scenarios_changed(session, [scenario_changed("queued", texts={"es": MESA})])
    assert await generated(db, "queued") == {}
    assert await KeywordWorker(db=db).work_once() == 1
    assert "mesa" in (await generated(db, "queued"))["es"]
    assert await KeywordWorker(db=db).work_once() == 0


async def test_a_change_queued_while_the_worker_works_is_made_on_its_next_round(db, monkeypatch):
    await consume(db, scenario_changed("busy", texts={"es": MESA}, at=T0))
    async with db.transaction() as session:
        await on_scenarios_changed(
            session, [scenario_changed("busy", kind=ScenarioUpdated, texts={"es": MESA}, at=T0 + timedelta(1))]
        )
    real = worker_module.keywords_of_many

    def meanwhile_the_hotel_version_arrives(texts, stopped):
        found = real(texts, stopped)
        asyncio.run_coroutine_threadsafe(stage_newer(), loop).result()
        return found

    async def stage_newer():
        async with db.transaction() as session:
            newer = scenario_changed("busy", kind=ScenarioUpdated, texts={"es": HOTEL}, at=T0 + timedelta(2))
            await on_scenarios_changed(session, [newer])

    loop = asyncio.get_running_loop()
    monkeypatch.setattr(worker_module, "keywords_of_many", meanwhile_the_hotel_version_arrives)
    assert await KeywordWorker(db=db).work_once() == 0, "the change it read is no longer the newest"
    monkeypatch.setattr(worker_module, "keywords_of_many", real)
    assert await KeywordWorker(db=db).work_once() == 1
    assert "mesa" not in (await generated(db, "busy"))["es"]


async def test_a_worker_stopped_while_it_makes_keywords_ends_at_the_next_text_and_writes_nothing(db, monkeypatch):
    async with db.transaction() as session:
        await on_scenarios_changed(session, [scenario_changed("pending", texts={"es": HOTEL, "de": TISCH}, at=T0)])
    worker, loop = KeywordWorker(db=db), asyncio.get_running_loop()
    real, asked, made = worker_module.keywords_of_many, [], []

    async def stop_the_service() -> None:
        worker.stop()

    def stopped_after_the_first_text(texts, stopped):
        def stopped_now() -> bool:
            asked.append(True)
            if len(asked) == 3:  # before the first language, before its text, then before the second language
                asyncio.run_coroutine_threadsafe(stop_the_service(), loop).result()
            return stopped()

        made.append(real(texts, stopped_now))
        return made[-1]

    monkeypatch.setattr(worker_module, "keywords_of_many", stopped_after_the_first_text)
    assert await worker.work_once() == 0
    assert len(made[0]) == 1, "it stopped before the second language"
    assert await generated(db, "pending") == {}, "a part of a scenario's languages is not written"
    monkeypatch.setattr(worker_module, "keywords_of_many", real)
    assert await KeywordWorker(db=db).work_once() == 1, "the next start makes them all"
    assert set(await generated(db, "pending")) == {"es", "de"}


async def test_a_scenario_deleted_before_the_worker_came_gets_no_tags(db):
    async with db.transaction() as session:
        await on_scenarios_changed(session, [scenario_changed("gone", texts={"es": MESA}, at=T0)])
        await on_scenarios_changed(session, [scenario_changed("gone", kind=ScenarioDeleted, at=T0 + timedelta(1))])
    assert await KeywordWorker(db=db).work_once() == 0
    assert await generated(db, "gone") == {}
