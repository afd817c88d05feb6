"""Learner-authored scenarios: ownership, validation, publishing and their events."""

from __future__ import annotations

import json
import uuid

import orjson
import pytest
from sqlalchemy import select

from parla.chassis.auth import Principal
from parla.chassis.errors import InvalidArgument, NotFound, PermissionDenied
from parla.chassis.messaging import outbox_table
from parla.scenario.authoring import AuthoringService, as_draft
from parla.scenario.catalogue import load_system_scenarios
from parla.scenario.catalogue_service import CatalogueService
from parla.scenario.domain.scenario import CATEGORIES
from parla.scenario.run_service import RunService
from parla.scenario.tutor import OfflineTutor


def learner() -> Principal:
    return Principal(subject=str(uuid.uuid4()), roles=frozenset({"learner"}))


ADMIN = Principal(subject=str(uuid.uuid4()), roles=frozenset({"learner", "admin"}))


def draft(**changes) -> dict:
    spec = next(s for s in load_system_scenarios() if s.id == "hotel-check-in")
    document = as_draft(spec)
    document["localizations"] = {"es": document["localizations"]["es"]}
    document["localizations"]["es"]["title"] = "Mi hotel en Sevilla"
    return json.loads(json.dumps(document)) | changes


@pytest.fixture
async def services(db) -> tuple[AuthoringService, CatalogueService, RunService]:
    catalogue = CatalogueService(db=db)
    await catalogue.seed_system_scenarios()
    return AuthoringService(db=db), catalogue, RunService(db=db, tutor=OfflineTutor())


async def events(db, event_type: str) -> list[dict]:
    async with db.reading() as session:
        rows = (await session.execute(select(outbox_table.c.payload).where(outbox_table.c.event_type == event_type))).scalars()
        return [orjson.loads(row) for row in rows]


async def test_a_new_scenario_is_private_to_its_author_and_plays_like_a_system_one(services):
    authoring, catalogue, runs = services
    author, other = learner(), learner()
    created = await authoring.create(author, draft())
    assert created.row.visibility == "private" and created.row.owner_id == author.user_id
    assert created.spec.id.startswith("mi-hotel-en-sevilla-")
    mine, total = await catalogue.list_scenarios(author, author="me")
    assert [item.id for item in mine] == [created.spec.id] and total == 1
    found, _ = await catalogue.list_scenarios(author, text="Mi hotel")
    assert [item.id for item in found] == [created.spec.id]
    theirs, _ = await catalogue.list_scenarios(other, text="Mi hotel")
    assert theirs == []
    row, _, _ = await catalogue.get_scenario(author, created.spec.id, "es")
    assert (row.owner_id, row.visibility) == (author.user_id, "private")
    with pytest.raises(NotFound):
        await runs.start_run(other, created.spec.id, "es")
    run = await runs.start_run(author, created.spec.id, "es")
    phrase = created.spec.localizations["es"].phases[created.spec.phases[0].id].phrases[0].text
    outcome = await runs.submit_turn(author, str(run.run.id), phrase)
    assert outcome.view.progress[0].phrases_used


async def test_its_author_opens_the_whole_document_to_edit_and_no_one_else_can(services):
    authoring, _, _ = services
    author, other = learner(), learner()
    created = await authoring.create(author, draft())
    opened = await authoring.draft(author, created.spec.id)
    assert as_draft(opened.spec) == as_draft(created.spec)
    with pytest.raises(NotFound):
        await authoring.draft(other, created.spec.id)  # private: not theirs to see
    await authoring.set_visibility(author, created.spec.id, "public")
    with pytest.raises(PermissionDenied, match="duplicate it"):
        await authoring.draft(other, created.spec.id)


async def test_publishing_shares_it_and_tells_other_services(services, db):
    authoring, catalogue, _ = services
    author, other = learner(), learner()
    created = await authoring.create(author, draft())
    await authoring.set_visibility(author, created.spec.id, "public")
    listed, _ = await catalogue.list_scenarios(other, author=str(author.user_id))
    assert [item.id for item in listed] == [created.spec.id]
    [published] = [e for e in await events(db, "scenario.published") if e["scenario_id"] == created.spec.id]
    assert published["scenario_id"] == created.spec.id and published["owner_id"] == author.subject
    assert published["titles"] == {"es": "Mi hotel en Sevilla"} and "pasaporte" in published["text"]
    await authoring.set_visibility(author, created.spec.id, "private")
    assert (await catalogue.list_scenarios(other, author=str(author.user_id)))[0] == []
    updated = [e for e in await events(db, "scenario.updated") if e["scenario_id"] == created.spec.id]
    # Announced private when created (for its owner's collections), then private again.
    assert [e["visibility"] for e in updated] == ["private", "private"]
    assert published["estimated_minutes"] == created.spec.estimated_minutes


async def test_only_the_author_or_an_admin_changes_a_scenario(services):
    authoring, _, _ = services
    author, other = learner(), learner()
    created = await authoring.create(author, draft())
    with pytest.raises(NotFound):  # private: others cannot tell it exists
        await authoring.update(other, created.spec.id, draft())
    await authoring.set_visibility(author, created.spec.id, "public")
    with pytest.raises(PermissionDenied):
        await authoring.update(other, created.spec.id, draft())
    with pytest.raises(PermissionDenied):
        await authoring.delete(other, created.spec.id)
    changed = draft(estimated_minutes=25)
    assert (await authoring.update(ADMIN, created.spec.id, changed)).spec.estimated_minutes == 25


async def test_system_scenarios_are_read_only_to_learners_and_editable_by_admins(services, db):
    authoring, _, _ = services
    with pytest.raises(PermissionDenied, match="duplicate"):
        await authoring.update(learner(), "hotel-check-in", draft())
    with pytest.raises(PermissionDenied):
        await authoring.delete(learner(), "hotel-check-in")
    system = next(s for s in load_system_scenarios() if s.id == "hotel-check-in")
    edited = as_draft(system) | {"estimated_minutes": 13}
    assert (await authoring.update(ADMIN, "hotel-check-in", edited)).spec.estimated_minutes == 13
    assert "hotel-check-in" in [e["scenario_id"] for e in await events(db, "scenario.updated")]
    # The admin's edit survives the next start-up's seeding.
    await CatalogueService(db=db).seed_system_scenarios()
    row, spec, _ = await CatalogueService(db=db).get_scenario(ADMIN, "hotel-check-in", "es")
    assert spec.estimated_minutes == 13 and row.edited_by_admin_at is not None


async def test_duplicating_makes_a_private_copy_for_the_caller(services):
    authoring, _, _ = services
    caller = learner()
    copy = await authoring.duplicate(caller, "restaurant-dinner-reservation")
    assert copy.row.owner_id == caller.user_id and copy.row.visibility == "private"
    assert copy.spec.id != "restaurant-dinner-reservation"
    assert (
        copy.spec.localizations.keys()
        == next(s for s in load_system_scenarios() if s.id == "restaurant-dinner-reservation").localizations.keys()
    )


async def test_deleting_hides_it_everywhere_but_keeps_its_runs(services, db):
    authoring, catalogue, runs = services
    author = learner()
    created = await authoring.create(author, draft())
    run = await runs.start_run(author, created.spec.id, "es")
    await authoring.delete(author, created.spec.id)
    assert (await catalogue.list_scenarios(author, author="me"))[1] == 0
    with pytest.raises(NotFound):
        await authoring.update(author, created.spec.id, draft())
    assert (await runs.get_run(author, str(run.run.id))).run.id == run.run.id
    [deleted] = await events(db, "scenario.deleted")
    assert deleted["scenario_id"] == created.spec.id and deleted["titles"] == {"es": "Mi hotel en Sevilla"}


async def test_an_authors_edit_never_breaks_a_run_in_progress(services):
    authoring, _, runs = services
    author, player = learner(), learner()
    created = await authoring.create(author, draft())
    await authoring.set_visibility(author, created.spec.id, "public")
    run = await runs.start_run(player, created.spec.id, "es")
    shorter = draft()
    shorter["phases"] = shorter["phases"][:1]
    first = shorter["phases"][0]["id"]
    shorter["localizations"]["es"]["phases"] = {first: shorter["localizations"]["es"]["phases"][first]}
    await authoring.update(author, created.spec.id, shorter)
    outcome = await runs.submit_turn(player, str(run.run.id), "Hola, tengo una reserva.")
    assert len(outcome.view.progress) == len(created.spec.phases)
    assert (await runs.complete_run(player, str(run.run.id))).run.status == "completed"


async def test_an_unpublished_system_scenario_is_not_offered_as_a_template(services):
    authoring, _, _ = services
    await authoring.set_visibility(ADMIN, "enrolling-in-a-class", "private")
    assert "education" not in {t.category for t in await authoring.templates("es")}


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"phases": []}, "phases"),
        ({"category": "space"}, "category"),
        ({"estimated_minutes": 90}, "estimated_minutes"),
        ({"localizations": {}}, "localizations"),
        ({"setting": "<script>alert(1)</script>"}, "setting"),
    ],
)
async def test_an_invalid_draft_names_the_field_and_stores_nothing(services, change, field):
    authoring, catalogue, _ = services
    author = learner()
    with pytest.raises(InvalidArgument) as refused:
        await authoring.create(author, draft(**change))
    assert any(name.startswith(field) for name in refused.value.details), refused.value.details
    assert (await catalogue.list_scenarios(author, author="me"))[1] == 0


async def test_a_huge_title_an_unknown_language_and_a_dangling_phrase_id_are_refused(services):
    authoring, _, _ = services
    huge = draft()
    huge["localizations"]["es"]["title"] = "x" * 10_000_000
    foreign = draft()
    foreign["localizations"] = {"xx": foreign["localizations"]["es"]}
    dangling = draft()
    dangling["phases"][0]["success_criteria"] = [{"kind": "uses_phrase", "phrase_id": "no-such-phrase"}]
    for bad, field in (
        (huge, "localizations.es.title"),
        (foreign, "localizations.xx"),
        (dangling, "phases.0.success_criteria.0.phrase_id"),
    ):
        with pytest.raises(InvalidArgument) as refused:
            await authoring.create(learner(), bad)
        assert field in refused.value.details or any(k.startswith(field) for k in refused.value.details), refused.value.details


async def test_there_is_one_template_per_category_and_a_scenario_can_start_from_it(services):
    authoring, _, _ = services
    templates = await authoring.templates("fr")
    assert {t.category for t in templates} == set(CATEGORIES)
    assert all(len(t.draft["localizations"]) == 1 for t in templates)
    created = await authoring.create_from_template(learner(), templates[0].category, "fr", "Mon propre scénario")
    assert created.row.visibility == "private"
    assert next(iter(created.spec.localizations.values())).title == "Mon propre scénario"
    with pytest.raises(InvalidArgument):
        await authoring.create_from_template(learner(), "space", "", "")
