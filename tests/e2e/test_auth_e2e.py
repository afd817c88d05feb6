"""Authentication and ownership across the gateway and the services."""

from __future__ import annotations

import subprocess
import sys
import uuid
from datetime import timedelta

import grpc
import pytest

from parla.contracts.rpc.scenario.v1 import scenario_pb2 as pb
from parla.contracts.rpc.scenario.v1 import scenario_pb2_grpc
from parla.devstack.testing import tamper

from .conftest import new_learner


@pytest.mark.parametrize("kind", ["no token", "expired", "tampered"])
async def test_runs_refuse_callers_without_a_valid_token(api, signing_keys, kind):
    learner = await new_learner(api)
    run = (await api.post("/api/v1/runs", json={"scenario_id": "hotel-check-in"}, headers=learner.headers)).json()
    headers = {
        "no token": {},
        "expired": {"Authorization": f"Bearer {signing_keys.token(learner.user_id, expires_in=timedelta(seconds=-1))}"},
        "tampered": {"Authorization": f"Bearer {tamper(learner.access_token)}"},
    }[kind]
    answer = await api.get(f"/api/v1/runs/{run['id']}", headers=headers)
    assert answer.status_code == 401, answer.text
    assert answer.json()["error"]["code"] == "unauthenticated"


async def test_another_learners_run_is_404_for_every_run_route(api):
    owner, other = await new_learner(api), await new_learner(api)
    run = (await api.post("/api/v1/runs", json={"scenario_id": "hotel-check-in"}, headers=owner.headers)).json()
    answers = [
        await api.get(f"/api/v1/runs/{run['id']}", headers=other.headers),
        await api.post(f"/api/v1/runs/{run['id']}/turns", json={"text": "hola"}, headers=other.headers),
        await api.post(f"/api/v1/runs/{run['id']}/complete", headers=other.headers),
    ]
    assert [a.status_code for a in answers] == [404, 404, 404]
    mine = (await api.get(f"/api/v1/runs/{run['id']}", headers=owner.headers)).json()
    assert mine["status"] == "active" and len(mine["turns"]) == 1


def scenario_stub(stack) -> tuple[grpc.aio.Channel, scenario_pb2_grpc.ScenarioServiceStub]:
    channel = grpc.aio.insecure_channel(f"127.0.0.1:{stack.config.grpc_ports['scenario']}")
    return channel, scenario_pb2_grpc.ScenarioServiceStub(channel)


async def test_a_service_called_directly_without_a_valid_token_refuses(stack, signing_keys):
    channel, stub = scenario_stub(stack)
    async with channel:
        for metadata in ((), (("authorization", f"Bearer {tamper(signing_keys.token(str(uuid.uuid4())))}"),)):
            with pytest.raises(grpc.aio.AioRpcError) as refused:
                await stub.ListScenarios(pb.ListScenariosRequest(), metadata=metadata, timeout=5)
            assert refused.value.code() == grpc.StatusCode.UNAUTHENTICATED


async def test_a_service_token_from_the_cli_reads_the_catalogue_but_acts_for_no_learner(stack):
    token = subprocess.run(
        [
            sys.executable,
            "-m",
            "parla.gateway.cli",
            "issue-service-token",
            "--name",
            "reporting",
            "--private-key",
            str(stack.config.private_key),
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    channel, stub = scenario_stub(stack)
    metadata = (("authorization", f"Bearer {token}"),)
    async with channel:
        listed = await stub.ListScenarios(pb.ListScenariosRequest(language="es"), metadata=metadata, timeout=5)
        assert {s.id for s in listed.scenarios} >= {"restaurant-dinner-reservation", "hotel-check-in"}
        with pytest.raises(grpc.aio.AioRpcError) as refused:
            await stub.StartRun(pb.StartRunRequest(scenario_id="hotel-check-in"), metadata=metadata, timeout=5)
        assert refused.value.code() == grpc.StatusCode.UNAUTHENTICATED
