"""What a route's call to a service carries: the caller's token and a deadline, set once by the
client interceptors rather than by each route."""

from __future__ import annotations

import asyncio
import uuid

from parla.contracts.rpc.scenario.v1 import scenario_pb2 as pb

from .conftest import DEFAULT_DEADLINE
from .fakes import signed_in


async def test_a_call_carries_the_callers_token_and_the_default_deadline(gateway, services, signing_keys):
    token, headers = signed_in(signing_keys)
    answer = await gateway.get(f"/api/v1/runs/{uuid.uuid4()}", headers=headers)
    assert answer.status_code == 404  # the fake service's answer, mapped as any NOT_FOUND is
    [call] = services.named("GetRun")
    assert call.metadata["authorization"] == f"Bearer {token}"
    assert call.time_remaining is not None and 0 < call.time_remaining <= DEFAULT_DEADLINE + 0.05


async def test_a_turn_has_its_own_longer_deadline(gateway, services, signing_keys):
    _, headers = signed_in(signing_keys)
    answer = await gateway.post(f"/api/v1/runs/{uuid.uuid4()}/turns", json={"text": "hola"}, headers=headers)
    assert answer.status_code == 404
    [call] = services.named("SubmitTurn")
    # Longer than the default deadline (4 s in these tests), within the turn deadline (8 s; the
    # wire's timeout is rounded up to the unit gRPC sends it in, a few milliseconds at most).
    assert call.time_remaining is not None and DEFAULT_DEADLINE < call.time_remaining <= 8.05


async def test_concurrent_requests_each_carry_their_own_callers_token(gateway, services, signing_keys):
    learners = [signed_in(signing_keys) for _ in range(8)]
    runs = {str(uuid.uuid4()): token for token, _ in learners}
    headers_of = dict(learners)
    await asyncio.gather(*(gateway.get(f"/api/v1/runs/{run}", headers=headers_of[token]) for run, token in runs.items()))
    sent = {pb.GetRunRequest.FromString(call.request).run_id: call.metadata["authorization"] for call in services.named("GetRun")}
    assert sent == {run: f"Bearer {token}" for run, token in runs.items()}


async def test_a_request_without_a_token_reaches_no_service(gateway, services):
    answer = await gateway.get(f"/api/v1/runs/{uuid.uuid4()}")
    assert answer.status_code == 401
    assert services.calls == []
