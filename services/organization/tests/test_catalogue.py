"""The read model kept from the scenario and content services' events, on SQLite and PostgreSQL:
the newest state of each item wins, a replayed or late event changes nothing."""

from __future__ import annotations

import uuid
from datetime import timedelta

from parla.contracts.events import ContentStudied, ScenarioDeleted, ScenarioUpdated
from parla.organization.catalogue import service as catalogue
from parla.organization.catalogue.domain import ItemRef, visible_to
from parla.organization.catalogue.repository import CatalogueRepository

from .catalogue_fixtures import T0, complete, delete_document, import_document, learner, publish_scenario, scenario_event


async def item(db, ref: ItemRef):
    async with db.reading() as session:
        return await CatalogueRepository(session).item(ref)


async def apply(db, handler, events) -> None:
    async with db.transaction() as session:
        await handler(session, events)


async def test_a_published_scenario_is_known_with_what_organising_it_needs(db):
    author = learner()
    await publish_scenario(
        db, "mi-cena", owner=author, titles={"es": "Mi cena", "fr": "Mon dîner"}, minutes=25, category="restaurant"
    )
    row = await item(db, ItemRef("scenario", "mi-cena"))
    assert (row.owner_id, row.visibility, row.titles, row.languages) == (
        author.user_id,
        "public",
        {"es": "Mi cena", "fr": "Mon dîner"},
        ["es", "fr"],
    )
    assert (row.category, row.estimated_minutes, row.deleted) == ("restaurant", 25, False)


async def test_a_replayed_event_changes_nothing_and_a_late_one_does_not_rewind(db):
    newer = scenario_event("s", kind=ScenarioUpdated, titles={"es": "Nuevo"}, at=T0 + timedelta(hours=2))
    older = scenario_event("s", titles={"es": "Viejo"}, at=T0)
    await apply(db, catalogue.record_scenarios, [newer])
    await apply(db, catalogue.record_scenarios, [older])
    await apply(db, catalogue.record_scenarios, [newer])
    assert (await item(db, ItemRef("scenario", "s"))).titles == {"es": "Nuevo"}


async def test_a_batch_with_several_changes_of_one_scenario_keeps_the_newest(db):
    events = [
        scenario_event("s", titles={"es": "Uno"}, at=T0),
        scenario_event("s", kind=ScenarioDeleted, at=T0 + timedelta(minutes=2)),
        scenario_event("s", kind=ScenarioUpdated, titles={"es": "Dos"}, at=T0 + timedelta(minutes=1)),
    ]
    await apply(db, catalogue.record_scenarios, events)
    assert (await item(db, ItemRef("scenario", "s"))).deleted


async def test_a_scenario_made_private_is_visible_to_its_owner_only(db):
    author, other = learner(), learner()
    await publish_scenario(db, "s", owner=author)
    await apply(
        db,
        catalogue.record_scenarios,
        [scenario_event("s", kind=ScenarioUpdated, owner=author, visibility="private", at=T0 + timedelta(1))],
    )
    row = await item(db, ItemRef("scenario", "s"))
    assert visible_to(row, author.user_id) and not visible_to(row, other.user_id)


async def test_a_document_is_private_to_its_learner_and_gone_once_deleted(db):
    owner, other = learner(), learner()
    document_id = await import_document(db, owner, title="El Quijote", words=3000)
    ref = ItemRef("document", document_id)
    row = await item(db, ref)
    assert (row.titles, row.estimated_minutes, row.visibility) == ({"es": "El Quijote"}, 20, "private")
    assert visible_to(row, owner.user_id) and not visible_to(row, other.user_id)
    await delete_document(db, owner, document_id)
    assert not visible_to(await item(db, ref), owner.user_id)


async def test_what_a_learner_finished_is_kept_once(db):
    runner, reader = learner(), learner()
    await complete(db, runner, "s")
    await complete(db, runner, "s")
    document = uuid.uuid4()
    studied = [
        ContentStudied(document_id=document, user_id=reader.user_id, language="es", seconds=60, progress_percent=40),
        ContentStudied(document_id=document, user_id=reader.user_id, language="es", seconds=60, progress_percent=100),
    ]
    await apply(db, catalogue.record_study, studied[:1])
    async with db.reading() as session:
        repository = CatalogueRepository(session)
        assert await repository.has_finished(runner.user_id, ItemRef("scenario", "s"))
        assert not await repository.has_finished(reader.user_id, ItemRef("document", str(document)))
    await apply(db, catalogue.record_study, studied)
    async with db.reading() as session:
        assert await CatalogueRepository(session).finished(reader.user_id, [ItemRef("document", str(document))]) == {
            ItemRef("document", str(document))
        }
