"""Run use cases against a real database: what is stored and which events are staged."""

from __future__ import annotations

import asyncio
import uuid

import orjson
import pytest
from sqlalchemy import select

from parla.chassis.auth import Principal
from parla.chassis.errors import Conflict, InvalidArgument, NotFound
from parla.chassis.messaging import outbox_table
from parla.scenario.catalogue import load_system_scenarios
from parla.scenario.catalogue_service import CatalogueService
from parla.scenario.domain.mistakes import Mistake
from parla.scenario.domain.scenario import LANGUAGES
from parla.scenario.run_service import RunService
from parla.scenario.tutor import OfflineTutor, TutorReply

SCENARIO = "restaurant-dinner-reservation"


def learner() -> Principal:
    return Principal(subject=str(uuid.uuid4()), roles=frozenset({"learner"}))


async def seeded(db, **options) -> RunService:
    await CatalogueService(db=db).seed_system_scenarios()
    return RunService(db=db, **options)


@pytest.fixture
async def service(db) -> RunService:
    return await seeded(db, tutor=OfflineTutor())


async def staged_events(db, event_type: str) -> list[dict]:
    async with db.reading() as session:
        rows = (await session.execute(select(outbox_table).where(outbox_table.c.event_type == event_type))).mappings()
        return [orjson.loads(row["payload"]) for row in rows]


def phrases_of(phase_index: int) -> list[str]:
    spec = next(s for s in load_system_scenarios() if s.id == SCENARIO)
    phase = spec.phases[phase_index]
    return [p.text for p in spec.localizations["es"].phases[phase.id].phrases]


async def test_starting_a_run_opens_with_the_tutor_and_stages_scenario_started(service, db):
    caller = learner()
    view = await service.start_run(caller, SCENARIO, "es")
    assert view.run.status == "active" and [t.role for t in view.turns] == ["tutor"]
    [event] = await staged_events(db, "scenario.started")
    assert event["run_id"] == str(view.run.id) and event["user_id"] == caller.subject


async def test_a_turn_with_the_phase_phrases_completes_the_phase(service):
    caller = learner()
    run = (await service.start_run(caller, SCENARIO, "es")).run
    outcome = None
    for text in phrases_of(0):
        outcome = await service.submit_turn(caller, str(run.id), text)
        if outcome.phase_completed:
            break
    assert outcome is not None and outcome.phase_completed
    assert outcome.view.run.current_phase == 1
    assert outcome.view.progress[0].completed


async def test_completion_stages_one_event_with_vocabulary_and_completing_again_changes_nothing(service, db):
    caller = learner()
    run = (await service.start_run(caller, SCENARIO, "es")).run
    for text in phrases_of(0):
        await service.submit_turn(caller, str(run.id), text)
    first = await service.complete_run(caller, str(run.id))
    again = await service.complete_run(caller, str(run.id))
    [event] = await staged_events(db, "scenario.completed")
    assert first.run.status == again.run.status == "completed"
    assert event["score"] == first.run.score > 0
    assert event["phases_completed"] == 1 and event["phases_total"] == 4
    assert event["vocabulary_used"] and event["vocabulary_missed"]
    used = {v["lemma"] for v in event["vocabulary_used"]}
    assert used.isdisjoint({v["lemma"] for v in event["vocabulary_missed"]})


@pytest.mark.concurrent_transactions
async def test_concurrent_completions_of_one_run_stage_one_event(service, db):
    caller = learner()
    run = (await service.start_run(caller, SCENARIO, "es")).run
    views = await asyncio.gather(*(service.complete_run(caller, str(run.id)) for _ in range(4)))
    assert {view.run.status for view in views} == {"completed"}
    assert len(await staged_events(db, "scenario.completed")) == 1


async def test_a_run_takes_a_bounded_number_of_turns(db):
    service = await seeded(db, tutor=OfflineTutor(), max_learner_turns=2)
    caller = learner()
    run = (await service.start_run(caller, SCENARIO, "es")).run
    for text in ("hola", "buenas tardes"):
        await service.submit_turn(caller, str(run.id), text)
    with pytest.raises(Conflict, match="2 turns"):
        await service.submit_turn(caller, str(run.id), "otra vez")
    assert len((await service.get_run(caller, str(run.id))).turns) == 5


async def test_another_learners_run_is_not_found(service):
    run = (await service.start_run(learner(), SCENARIO, "es")).run
    with pytest.raises(NotFound):
        await service.get_run(learner(), str(run.id))
    with pytest.raises(NotFound):
        await service.submit_turn(learner(), str(run.id), "hola")
    with pytest.raises(NotFound):
        await service.complete_run(learner(), str(run.id))


@pytest.mark.parametrize("text", ["", "   ", "x" * 2001])
async def test_an_empty_or_oversized_turn_is_refused_and_nothing_is_stored(service, text):
    caller = learner()
    run = (await service.start_run(caller, SCENARIO, "es")).run
    with pytest.raises(InvalidArgument) as refused:
        await service.submit_turn(caller, str(run.id), text)
    assert "text" in refused.value.details
    assert len((await service.get_run(caller, str(run.id))).turns) == 1


async def test_a_turn_on_a_completed_run_is_a_conflict(service):
    caller = learner()
    run = (await service.start_run(caller, SCENARIO, "es")).run
    await service.complete_run(caller, str(run.id))
    with pytest.raises(Conflict):
        await service.submit_turn(caller, str(run.id), "hola")


def _scenario_missing_a_language() -> tuple[str, str]:
    for spec in load_system_scenarios():
        missing = [language for language in LANGUAGES if language not in spec.localizations]
        if missing:
            return spec.id, missing[0]
    raise AssertionError("every scenario is in every language; pick another unavailable case")


@pytest.mark.parametrize(
    ("scenario_id", "language", "error"),
    [("no-such-scenario", "es", NotFound), (SCENARIO, "xx", InvalidArgument), (*_scenario_missing_a_language(), InvalidArgument)],
)
async def test_starting_an_unknown_scenario_or_language_is_refused(service, db, scenario_id, language, error):
    with pytest.raises(error):
        await service.start_run(learner(), scenario_id, language)
    assert await staged_events(db, "scenario.started") == []


async def test_a_malformed_run_id_is_invalid(service):
    with pytest.raises(InvalidArgument):
        await service.get_run(learner(), "not-a-uuid")


class _TutorThatFindsMore:
    """A tutor like an AI provider: it reports a mistake the offline checks cannot see."""

    async def reply(self, request):

        return TutorReply("¿Algo más?", [], [*request.mistakes, Mistake("yo tener", "yo tengo", "conjugate tener")])


async def test_mistakes_the_tutor_finds_are_kept_with_the_offline_ones_and_reach_the_completion(db):
    service = await seeded(db, tutor=_TutorThatFindsMore())
    caller = learner()
    run = (await service.start_run(caller, SCENARIO, "es")).run
    outcome = await service.submit_turn(caller, str(run.id), "Yo tener el mesa.")
    assert [m.said for m in outcome.mistakes] == ["el mesa", "yo tener"]
    await service.complete_run(caller, str(run.id))
    [event] = await staged_events(db, "scenario.completed")
    assert [m["said"] for m in event["mistakes"]] == ["el mesa", "yo tener"]
