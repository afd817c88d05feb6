"""The scenario service over real gRPC: it verifies every caller's token itself."""

from __future__ import annotations

import uuid
from datetime import timedelta

import grpc
import pytest
from grpc_health.v1 import health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha import reflection_pb2, reflection_pb2_grpc

from parla.chassis.auth import TokenVerifier
from parla.chassis.grpc_server import GrpcServer, ServiceRegistration
from parla.contracts.rpc.scenario.v1 import scenario_pb2 as pb
from parla.contracts.rpc.scenario.v1 import scenario_pb2_grpc
from parla.devstack.testing import free_port, new_signing_keys, tamper
from parla.scenario import grpc_api
from parla.scenario.catalogue_service import CatalogueService
from parla.scenario.run_service import RunService
from parla.scenario.tutor import OfflineTutor


@pytest.fixture
async def channel(db, signing_keys):
    catalogue = CatalogueService(db=db)
    await catalogue.seed_system_scenarios()
    servicer = grpc_api.ScenarioServicer(catalogue=catalogue, runs=RunService(db=db, tutor=OfflineTutor()))
    port = free_port()
    server = GrpcServer(
        host="127.0.0.1",
        port=port,
        registrations=[ServiceRegistration(grpc_api.add_to_server, servicer, grpc_api.SERVICE_NAME)],
        verifier=TokenVerifier(signing_keys.public_pem),
    )
    await server.start()
    async with grpc.aio.insecure_channel(f"127.0.0.1:{port}") as channel:
        yield channel
    await server.stop(grace=0)


def bearer(token: str) -> tuple[tuple[str, str]]:
    return (("authorization", f"Bearer {token}"),)


async def test_a_valid_token_lists_the_seed_scenarios(channel, signing_keys):
    stub = scenario_pb2_grpc.ScenarioServiceStub(channel)
    answer = await stub.ListScenarios(
        pb.ListScenariosRequest(language="es", limit=100), metadata=bearer(signing_keys.token(str(uuid.uuid4())))
    )
    assert {"restaurant-dinner-reservation", "hotel-check-in", "clothes-shopping"} <= {s.id for s in answer.scenarios}


@pytest.mark.parametrize(
    "metadata",
    [
        pytest.param(lambda keys: (), id="no token"),
        pytest.param(lambda keys: bearer(keys.token(str(uuid.uuid4()), expires_in=timedelta(seconds=-5))), id="expired"),
        pytest.param(lambda keys: bearer(tamper(keys.token(str(uuid.uuid4())))), id="tampered"),
        pytest.param(lambda keys: bearer(keys.token(str(uuid.uuid4()), token_type="refresh")), id="not an access token"),
        pytest.param(lambda keys: bearer(keys.token(str(uuid.uuid4()), issuer="someone-else")), id="foreign issuer"),
        pytest.param(lambda keys: (("authorization", "Basic dXNlcjpwYXNz"),), id="wrong scheme"),
    ],
)
async def test_a_call_without_a_valid_token_is_refused(channel, signing_keys, metadata):
    stub = scenario_pb2_grpc.ScenarioServiceStub(channel)
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await stub.ListScenarios(pb.ListScenariosRequest(), metadata=metadata(signing_keys))
    assert refused.value.code() == grpc.StatusCode.UNAUTHENTICATED
    assert refused.value.details()


async def test_a_token_signed_by_another_key_is_refused(channel):
    stub = scenario_pb2_grpc.ScenarioServiceStub(channel)
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await stub.ListScenarios(pb.ListScenariosRequest(), metadata=bearer(new_signing_keys().token(str(uuid.uuid4()))))
    assert refused.value.code() == grpc.StatusCode.UNAUTHENTICATED


async def test_another_learners_run_is_not_found_over_grpc(channel, signing_keys):
    stub = scenario_pb2_grpc.ScenarioServiceStub(channel)
    owner = bearer(signing_keys.token(str(uuid.uuid4())))
    run = await stub.StartRun(pb.StartRunRequest(scenario_id="hotel-check-in", language="es"), metadata=owner)
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await stub.GetRun(pb.GetRunRequest(run_id=run.id), metadata=bearer(signing_keys.token(str(uuid.uuid4()))))
    assert refused.value.code() == grpc.StatusCode.NOT_FOUND


async def test_invalid_input_maps_to_invalid_argument_with_field_details(channel, signing_keys):
    stub = scenario_pb2_grpc.ScenarioServiceStub(channel)
    caller = bearer(signing_keys.token(str(uuid.uuid4())))
    run = await stub.StartRun(pb.StartRunRequest(scenario_id="hotel-check-in"), metadata=caller)
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await stub.SubmitTurn(pb.SubmitTurnRequest(run_id=run.id, text=" "), metadata=caller)
    assert refused.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert '"text"' in dict(refused.value.trailing_metadata())["parla-error-details"]


async def test_health_and_reflection_answer_without_a_token(channel):
    health = await health_pb2_grpc.HealthStub(channel).Check(health_pb2.HealthCheckRequest(service=grpc_api.SERVICE_NAME))
    assert health.status == health_pb2.HealthCheckResponse.SERVING
    stub = reflection_pb2_grpc.ServerReflectionStub(channel)
    responses = stub.ServerReflectionInfo(iter([reflection_pb2.ServerReflectionRequest(list_services="")]))
    async for response in responses:
        names = {s.name for s in response.list_services_response.service}
        assert grpc_api.SERVICE_NAME in names and "grpc.health.v1.Health" in names
        break


async def test_text_with_a_nul_character_is_refused_before_anything_is_stored(channel, signing_keys):
    stub = scenario_pb2_grpc.ScenarioServiceStub(channel)
    me = bearer(signing_keys.token(str(uuid.uuid4())))
    run = await stub.StartRun(pb.StartRunRequest(scenario_id="restaurant-dinner-reservation", language="es"), metadata=me)
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await stub.SubmitTurn(pb.SubmitTurnRequest(run_id=run.id, text="Buenas\x00 tardes"), metadata=me)
    assert refused.value.code() == grpc.StatusCode.INVALID_ARGUMENT and "text" in refused.value.details()
    after = await stub.GetRun(pb.GetRunRequest(run_id=run.id), metadata=me)
    assert [turn.role for turn in after.turns] == ["tutor"]
