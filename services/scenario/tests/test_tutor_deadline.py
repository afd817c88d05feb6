"""A tutor slower than its deadline: the learner gets the offline reply with a notice, not an error."""

from __future__ import annotations

import asyncio
import uuid

import grpc
import pytest

from parla.chassis.auth import Principal, current_token
from parla.chassis.deadlines import answering_within
from parla.chassis.grpc_client import client_interceptors
from parla.contracts.rpc.persona.v1 import tutor_pb2_grpc
from parla.devstack.testing import free_port
from parla.scenario.catalogue_service import CatalogueService
from parla.scenario.run_service import RunService
from parla.scenario.tutor import UNREACHABLE_NOTICE, OfflineTutor, PersonaTutor

SCENARIO = "restaurant-dinner-reservation"


class StuckTutorService(tutor_pb2_grpc.TutorServiceServicer):
    """A persona service whose provider never answers."""

    def __init__(self) -> None:
        self.deadlines: list[float] = []

    async def Reply(self, request, context):
        self.deadlines.append(context.time_remaining())
        await asyncio.sleep(60)
        raise AssertionError("unreachable: the caller's deadline ends this call")


@pytest.fixture
async def stuck_persona():
    servicer = StuckTutorService()
    server = grpc.aio.server()
    tutor_pb2_grpc.add_TutorServiceServicer_to_server(servicer, server)
    port = free_port()
    server.add_insecure_port(f"127.0.0.1:{port}")
    await server.start()
    yield servicer, f"127.0.0.1:{port}"
    await server.stop(None)


@pytest.fixture
def as_learner():
    token = current_token.set("a-token-the-stuck-service-never-checks")
    yield Principal(subject=str(uuid.uuid4()), roles=frozenset({"learner"}))
    current_token.reset(token)


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
async def test_a_tutor_slower_than_the_turns_deadline_yields_the_offline_reply_with_a_notice(db, stuck_persona, as_learner):
    servicer, address = stuck_persona
    async with grpc.aio.insecure_channel(address, interceptors=client_interceptors(default_deadline=6.0)) as channel:
        await CatalogueService(db=db).seed_system_scenarios()
        service = RunService(db=db, tutor=PersonaTutor(channel=channel, deadline=6.0, fallback=OfflineTutor()))
        run = await service.start_run(as_learner, SCENARIO, "es")
        # The turn itself must be answered within 1.5 s (as if the gateway had asked for that):
        # the tutor call gets what is left, less a margin, and the offline tutor answers in time.
        with answering_within(1.5):
            outcome = await service.submit_turn(as_learner, str(run.run.id), "Buenas tardes, quería reservar una mesa.")
    # The tutor was asked with what the turn had left, not with its own 6 s.
    [given] = servicer.deadlines
    assert given < 1.5
    assert UNREACHABLE_NOTICE in outcome.feedback
    assert outcome.tutor_reply and [t.role for t in outcome.view.turns] == ["tutor", "learner", "tutor"]
