"""Many learners at once: a turn holds no lock while its tutor answers.

The tutor here waits until a given number of calls are in flight together. Were a turn to keep its
write transaction open across the tutor call (SQLite's write lock, PostgreSQL's row lock), the
second learner would wait for the first and the calls could never overlap.
"""

from __future__ import annotations

import asyncio
import uuid

import pytest
from sqlalchemy import select

from parla.chassis.auth import Principal
from parla.chassis.errors import Conflict
from parla.scenario.catalogue_service import CatalogueService
from parla.scenario.db import RunRow, TurnRow
from parla.scenario.run_service import RunService
from parla.scenario.tutor import OfflineTutor, TutorReply, TutorRequest

# Each learner's turn is its own transaction on its own connection, as in production.
pytestmark = pytest.mark.concurrent_transactions

SCENARIO = "restaurant-dinner-reservation"
TURN = "Buenas tardes, quería reservar una mesa para cenar."


def learner() -> Principal:
    return Principal(subject=str(uuid.uuid4()), roles=frozenset({"learner"}))


class GatheringTutor:
    """Answers (as the offline tutor would) only once ``expected`` calls are in flight together."""

    def __init__(self, expected: int) -> None:
        self.expected = expected
        self.in_flight = 0
        self.most_in_flight = 0
        self._all_here = asyncio.Event()
        self._offline = OfflineTutor()

    async def reply(self, request: TutorRequest) -> TutorReply:
        self.in_flight += 1
        self.most_in_flight = max(self.most_in_flight, self.in_flight)
        if self.in_flight >= self.expected:
            self._all_here.set()
        try:
            # Bounded, so that a regression fails the test instead of hanging it.
            await asyncio.wait_for(self._all_here.wait(), timeout=20)
            return await self._offline.reply(request)
        finally:
            self.in_flight -= 1


async def runs_service(db, tutor) -> RunService:
    await CatalogueService(db=db).seed_system_scenarios()
    return RunService(db=db, tutor=tutor)


async def test_sixteen_learners_turns_on_their_own_runs_wait_on_their_tutor_together(db):
    tutor = GatheringTutor(expected=16)
    service = await runs_service(db, tutor)
    learners = [learner() for _ in range(16)]
    runs = [await service.start_run(caller, SCENARIO, "es") for caller in learners]

    outcomes = await asyncio.gather(
        *(service.submit_turn(caller, str(view.run.id), TURN) for caller, view in zip(learners, runs, strict=True))
    )

    assert tutor.most_in_flight == 16
    assert all([t.role for t in outcome.view.turns] == ["tutor", "learner", "tutor"] for outcome in outcomes)


async def test_two_turns_racing_on_one_run_one_wins_and_the_other_gets_a_conflict(db):
    tutor = GatheringTutor(expected=2)
    service = await runs_service(db, tutor)
    caller = learner()
    run_id = str((await service.start_run(caller, SCENARIO, "es")).run.id)

    results = await asyncio.gather(
        service.submit_turn(caller, run_id, TURN),
        service.submit_turn(caller, run_id, "Somos cuatro personas."),
        return_exceptions=True,
    )

    assert tutor.most_in_flight == 2
    conflicts = [r for r in results if isinstance(r, Conflict)]
    wins = [r for r in results if not isinstance(r, BaseException)]
    assert len(conflicts) == 1 and len(wins) == 1, results
    assert "send your turn again" in conflicts[0].message
    # The run holds the winner's turn and nothing of the loser's: one learner turn, judged once.
    async with db.reading() as session:
        run = await session.scalar(select(RunRow).where(RunRow.id == uuid.UUID(run_id)))
        turns = list(await session.scalars(select(TurnRow).where(TurnRow.run_id == run.id).order_by(TurnRow.seq)))
    assert [t.role for t in turns] == ["tutor", "learner", "tutor"]
    assert turns[1].text == wins[0].view.turns[1].text
    assert sum(p["learner_turns"] for p in run.progress) == 1
    assert run.version == 1


async def test_a_turn_on_a_run_completed_while_its_tutor_answered_is_a_conflict_and_changes_nothing(db):
    started, release = asyncio.Event(), asyncio.Event()

    class HeldTutor:
        async def reply(self, request: TutorRequest) -> TutorReply:
            started.set()
            await asyncio.wait_for(release.wait(), timeout=20)
            return await OfflineTutor().reply(request)

    service = await runs_service(db, HeldTutor())
    caller = learner()
    run_id = str((await service.start_run(caller, SCENARIO, "es")).run.id)
    turn = asyncio.create_task(service.submit_turn(caller, run_id, TURN))
    await started.wait()
    completed = await service.complete_run(caller, run_id)
    release.set()
    with pytest.raises(Conflict):
        await turn
    after = await service.get_run(caller, run_id)
    assert after.run.status == "completed" and after.run.score == completed.run.score
    assert [t.role for t in after.turns] == ["tutor"]
