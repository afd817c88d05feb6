"""Scenario and run repositories on SQLite and PostgreSQL."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from parla.scenario.catalogue import load_system_scenarios
from parla.scenario.catalogue_repository import CatalogueQuery, CatalogueRepository
from parla.scenario.db import RunRow
from parla.scenario.domain.judging import PhaseProgress
from parla.scenario.domain.scenario import LANGUAGES
from parla.scenario.repository import RunRepository, ScenarioRepository

NOW = datetime(2026, 1, 1, tzinfo=UTC)


async def test_upserting_system_scenarios_is_idempotent(db):
    specs = load_system_scenarios()
    async with db.transaction() as session:
        first = [await ScenarioRepository(session).upsert_system(spec, NOW) for spec in specs]
    async with db.transaction() as session:
        second = [await ScenarioRepository(session).upsert_system(spec, NOW) for spec in specs]
    assert all(first) and not any(second)


async def test_a_changed_scenario_is_refreshed_and_loses_dropped_languages(db):
    spec = next(s for s in load_system_scenarios() if len(s.localizations) < len(LANGUAGES))
    extra = next(language for language in LANGUAGES if language not in spec.localizations)
    added = spec.localizations["es"].model_copy(update={"title": "Una versión más"})
    bilingual = spec.model_copy(update={"localizations": {**spec.localizations, extra: added}})
    async with db.transaction() as session:
        await ScenarioRepository(session).upsert_system(bilingual, NOW)
    async with db.reading() as session:
        assert (await CatalogueRepository(session).search(CatalogueQuery(viewer=None, language=extra, limit=10)))[1] == 1
    async with db.transaction() as session:
        assert await ScenarioRepository(session).upsert_system(spec, NOW + timedelta(seconds=1))
    async with db.reading() as session:
        listed, total = await CatalogueRepository(session).search(CatalogueQuery(viewer=None, language=extra, limit=10))
    assert (listed, total) == ([], 0)


async def test_listing_filters_by_language_and_pages_by_title(db):
    async with db.transaction() as session:
        for spec in load_system_scenarios():
            await ScenarioRepository(session).upsert_system(spec, NOW)
    async with db.reading() as session:
        repository = CatalogueRepository(session)
        first, total = await repository.search(CatalogueQuery(viewer=None, language="es", limit=2, offset=0))
        rest, _ = await repository.search(CatalogueQuery(viewer=None, language="es", limit=2, offset=2))
        none, zero = await repository.search(CatalogueQuery(viewer=None, language="xx", limit=10, offset=0))
    titles = [item.title for item in [*first, *rest]]
    spanish = [spec for spec in load_system_scenarios() if "es" in spec.localizations]
    assert total == len(spanish) >= 3 and len(first) == 2 and len(rest) == min(2, total - 2)
    assert titles == sorted(titles)
    assert (none, zero) == ([], 0)


async def _run_for(db, user_id: uuid.UUID) -> RunRow:
    spec = load_system_scenarios()[0]
    run = RunRow(
        id=uuid.uuid4(),
        user_id=user_id,
        scenario_id=spec.id,
        language="es",
        status="active",
        current_phase=0,
        progress=[PhaseProgress(p.id).to_json() for p in spec.phases],
        started_at=NOW,
    )
    async with db.transaction() as session:
        await ScenarioRepository(session).upsert_system(spec, NOW)
        await RunRepository(session).add(run)
    return run


async def test_a_run_is_found_only_for_its_owner(db):
    owner, stranger = uuid.uuid4(), uuid.uuid4()
    run = await _run_for(db, owner)
    async with db.reading() as session:
        runs = RunRepository(session)
        assert (await runs.get_for_user(run.id, owner)).id == run.id
        assert await runs.get_for_user(run.id, stranger) is None


async def test_turns_are_numbered_in_order_and_progress_round_trips(db):
    run = await _run_for(db, uuid.uuid4())
    async with db.transaction() as session:
        runs = RunRepository(session)
        for index, text in enumerate(["hola", "quisiera una mesa", "gracias"]):
            await runs.append_turn(run.id, "learner", text, NOW + timedelta(seconds=index))
        stored = await runs.get_for_user(run.id, run.user_id)
        progress = RunRepository.progress_of(stored)
        progress[0].vocabulary_used.append("mesa")
        RunRepository.save_progress(stored, progress)
    async with db.reading() as session:
        runs = RunRepository(session)
        turns = await runs.turns(run.id)
        reloaded = await runs.get_for_user(run.id, run.user_id)
    assert [(t.seq, t.text) for t in turns] == [(1, "hola"), (2, "quisiera una mesa"), (3, "gracias")]
    assert RunRepository.progress_of(reloaded)[0].vocabulary_used == ["mesa"]
