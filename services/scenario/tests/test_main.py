"""The composition root wires the use cases once and hands its own workers to the process."""

from __future__ import annotations

import uuid

from parla.chassis.auth import Principal, current_principal
from parla.contracts.rpc.scenario.v1 import scenario_pb2 as pb
from parla.scenario import grpc_api, main
from parla.scenario.config import ScenarioSettings
from parla.scenario.views import ViewRecorder


async def test_views_of_the_served_catalogue_go_to_the_recorder_that_runs_with_the_process(db):
    components = await main.build(db, ScenarioSettings())
    [recorder] = components.workers
    assert isinstance(recorder, ViewRecorder)
    servicer = next(r.servicer for r in components.registrations if r.full_name == grpc_api.SERVICE_NAME)
    token = current_principal.set(Principal(subject=str(uuid.uuid4()), roles=frozenset({"learner"})))
    try:
        await servicer.GetScenario(pb.GetScenarioRequest(scenario_id="hotel-check-in"), None)
    finally:
        current_principal.reset(token)
    assert recorder.pending == 1
