"""What a service's /metrics page tells an operator: each gRPC method's calls by status code and
their duration, and how much of the database pool is in use."""

from __future__ import annotations

import asyncio
import uuid

import grpc
import pytest
from grpc_health.v1 import health_pb2, health_pb2_grpc
from prometheus_client import CollectorRegistry
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from parla.chassis.auth import TokenVerifier
from parla.chassis.db import Database, make_engine
from parla.chassis.errors import NotFound
from parla.chassis.grpc_server import GrpcServer, ServiceRegistration
from parla.chassis.metrics import DatabaseMetrics, GrpcServerMetrics
from parla.contracts.rpc.scenario.v1 import scenario_pb2 as pb
from parla.contracts.rpc.scenario.v1 import scenario_pb2_grpc
from parla.devstack.testing import eventually, free_port

SERVICE = "parla.scenario.v1.ScenarioService"


class FewScenarios(scenario_pb2_grpc.ScenarioServiceServicer):
    async def ListScenarios(self, request, context):
        return pb.ListScenariosResponse()

    async def GetRun(self, request, context):
        raise NotFound(f"run {request.run_id} not found")

    async def StartRun(self, request, context):
        raise RuntimeError("a bug")

    async def CompleteRun(self, request, context):
        raise OperationalError("UPDATE runs ...", {}, ConnectionRefusedError("the database is restarting"))


@pytest.fixture
async def served(signing_keys):
    registry = CollectorRegistry()
    port = free_port()
    server = GrpcServer(
        host="127.0.0.1",
        port=port,
        registrations=[ServiceRegistration(scenario_pb2_grpc.add_ScenarioServiceServicer_to_server, FewScenarios(), SERVICE)],
        verifier=TokenVerifier(signing_keys.public_pem),
        metrics=GrpcServerMetrics(registry),
    )
    await server.start()
    async with grpc.aio.insecure_channel(f"127.0.0.1:{port}") as channel:
        yield scenario_pb2_grpc.ScenarioServiceStub(channel), channel, registry
    await server.stop(grace=0)


def handled(registry: CollectorRegistry, method: str, code: str) -> float:
    labels = {"grpc_service": SERVICE, "grpc_method": method, "grpc_code": code}
    return registry.get_sample_value("parla_grpc_server_handled_total", labels) or 0.0


async def test_each_call_is_counted_under_its_method_and_status_code(served, signing_keys):
    stub, _, registry = served
    signed = (("authorization", f"Bearer {signing_keys.token(str(uuid.uuid4()))}"),)
    await stub.ListScenarios(pb.ListScenariosRequest(), metadata=signed)
    await stub.ListScenarios(pb.ListScenariosRequest(), metadata=signed)
    for call, request in ((stub.GetRun, pb.GetRunRequest(run_id="r")), (stub.StartRun, pb.StartRunRequest())):
        with pytest.raises(grpc.aio.AioRpcError):
            await call(request, metadata=signed)
    with pytest.raises(grpc.aio.AioRpcError):
        await stub.ListScenarios(pb.ListScenariosRequest())  # no token

    expected = {("ListScenarios", "OK"): 2, ("GetRun", "NOT_FOUND"): 1, ("StartRun", "UNKNOWN"): 1}
    expected[("ListScenarios", "UNAUTHENTICATED")] = 1

    async def counted() -> dict:
        # grpc.aio sends an aborted call's status before the abort reaches the interceptor's
        # ``finally``: the caller may see the answer a moment before it is counted.
        found = {key: handled(registry, *key) for key in expected}
        return found if found == expected else {}

    assert await eventually(counted, timeout=5, interval=0.01) == expected
    durations = {"grpc_service": SERVICE, "grpc_method": "ListScenarios"}
    assert registry.get_sample_value("parla_grpc_server_handling_seconds_count", durations) == 3


async def test_a_database_outage_answers_unavailable_so_that_the_caller_may_try_again(served, signing_keys):
    stub, _, registry = served
    signed = (("authorization", f"Bearer {signing_keys.token(str(uuid.uuid4()))}"),)
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await stub.CompleteRun(pb.CompleteRunRequest(run_id="r"), metadata=signed)
    assert refused.value.code() == grpc.StatusCode.UNAVAILABLE
    assert "try again" in refused.value.details() and "UPDATE" not in refused.value.details()

    async def counted() -> bool:  # an aborted call is counted a moment after its answer (see above)
        return handled(registry, "CompleteRun", "UNAVAILABLE") == 1

    assert await eventually(counted, timeout=5, interval=0.01)


async def test_health_checks_are_not_counted_as_api_calls(served):
    _, channel, registry = served
    answer = await health_pb2_grpc.HealthStub(channel).Check(health_pb2.HealthCheckRequest())
    assert answer.status == health_pb2.HealthCheckResponse.SERVING
    counted = [s for family in registry.collect() for s in family.samples if s.name == "parla_grpc_server_handled_total"]
    assert counted == []


def pool(registry: CollectorRegistry, name: str, which: str = "write") -> float | None:
    return registry.get_sample_value(name, {"pool": which})


async def test_the_pool_shows_a_connection_in_use_while_a_transaction_is_open_on_sqlite(tmp_path):
    db = Database(make_engine(f"sqlite+aiosqlite:///{tmp_path / 'pool.db'}"))
    registry = CollectorRegistry()
    DatabaseMetrics(db, registry)
    try:
        async with db.transaction() as session:
            await session.execute(text("SELECT 1"))  # a session takes its connection at its first statement
            assert pool(registry, "parla_db_pool_connections_in_use") == 1
            second = asyncio.create_task(_one_transaction(db))
            await asyncio.sleep(0.05)
            assert registry.get_sample_value("parla_db_writers_waiting") == 1  # waiting for its turn
        await second
        assert pool(registry, "parla_db_pool_connections_in_use") == 0
        assert registry.get_sample_value("parla_db_writers_waiting") == 0
        async with db.reading() as session:
            await session.execute(text("SELECT 1"))
            assert pool(registry, "parla_db_pool_connections_in_use", "read") == 1
    finally:
        await db.dispose()


async def test_the_pool_shows_its_size_and_use_on_postgresql(postgres):
    db = Database(make_engine(postgres.create_database(f"pool_{uuid.uuid4().hex[:8]}")))
    registry = CollectorRegistry()
    DatabaseMetrics(db, registry)
    try:
        async with db.transaction() as session:
            await session.execute(text("SELECT 1"))
            assert pool(registry, "parla_db_pool_connections_in_use") == 1
        assert pool(registry, "parla_db_pool_connections_in_use") == 0
        assert pool(registry, "parla_db_pool_size") == 10
        assert pool(registry, "parla_db_pool_size", "read") is None  # one pool serves both
    finally:
        await db.dispose()


async def _one_transaction(db: Database) -> None:
    async with db.transaction():
        pass
