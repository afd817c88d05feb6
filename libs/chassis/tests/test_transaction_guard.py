"""The rule that no database transaction is open while code waits on another process."""

from __future__ import annotations

import grpc
import pytest
from grpc_health.v1 import health, health_pb2, health_pb2_grpc
from structlog.testing import capture_logs

from parla.chassis.db import GUARD_ENV, CallInsideTransaction, Database, assert_no_transaction, make_engine, open_transaction
from parla.chassis.grpc_client import client_interceptors
from parla.devstack.testing import free_port


@pytest.fixture
async def db(tmp_path):
    database = Database(make_engine(f"sqlite+aiosqlite:///{tmp_path / 'guard.db'}"))
    yield database
    await database.dispose()


@pytest.fixture
async def health_server():
    server = grpc.aio.server()
    health_pb2_grpc.add_HealthServicer_to_server(health.aio.HealthServicer(), server)
    port = free_port()
    server.add_insecure_port(f"127.0.0.1:{port}")
    await server.start()
    yield f"127.0.0.1:{port}"
    await server.stop(None)


async def test_no_block_is_open_outside_transactions_and_reads(db):
    assert open_transaction() is None
    async with db.transaction():
        assert open_transaction() == "transaction"
    async with db.reading():
        assert open_transaction() == "read"
    assert open_transaction() is None


async def test_the_guard_refuses_a_call_inside_a_transaction_in_strict_mode(db, monkeypatch):
    monkeypatch.setenv(GUARD_ENV, "strict")
    assert_no_transaction("an AI provider")  # outside: fine
    with pytest.raises(CallInsideTransaction, match="an AI provider called inside an open database transaction"):
        async with db.transaction():
            assert_no_transaction("an AI provider")


async def test_the_guard_only_warns_outside_strict_mode(db, monkeypatch):
    monkeypatch.setenv(GUARD_ENV, "warn")
    with capture_logs() as logs:
        async with db.reading():
            assert_no_transaction("Kafka")  # must not raise
    assert [(entry["event"], entry["call"], entry["block"]) for entry in logs] == [
        ("call inside a database transaction", "Kafka", "read")
    ]


async def test_a_grpc_call_inside_a_transaction_is_refused_and_the_same_call_outside_succeeds(db, health_server, monkeypatch):
    monkeypatch.setenv(GUARD_ENV, "strict")
    async with grpc.aio.insecure_channel(health_server, interceptors=client_interceptors(default_deadline=2.0)) as channel:
        stub = health_pb2_grpc.HealthStub(channel)
        with pytest.raises(CallInsideTransaction, match=r"grpc\.health\.v1\.Health/Check"):
            async with db.transaction():
                await stub.Check(health_pb2.HealthCheckRequest())
        answer = await stub.Check(health_pb2.HealthCheckRequest())
        assert answer.status == health_pb2.HealthCheckResponse.SERVING


async def test_a_task_started_after_the_transaction_ended_is_free_to_call(db, monkeypatch):
    monkeypatch.setenv(GUARD_ENV, "strict")
    async with db.transaction():
        pass
    assert_no_transaction("gRPC")
