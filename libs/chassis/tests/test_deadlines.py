"""Deadlines shrink along a call chain: a slow dependency ends in the caller's fallback."""

from __future__ import annotations

import asyncio

import grpc
import pytest

from parla.chassis.deadlines import answering_within, budget_for_call, time_left
from parla.chassis.grpc_client import client_interceptors
from parla.devstack.testing import free_port


def test_outside_a_request_a_call_gets_the_deadline_it_asked_for():
    assert time_left() is None
    assert budget_for_call(6.0) == 6.0 and budget_for_call(None) is None


def test_inside_a_request_a_call_gets_what_is_left_less_the_margin():
    with answering_within(2.0):
        assert budget_for_call(6.0, margin=0.5) <= 1.5
        assert budget_for_call(1.0, margin=0.5) == 1.0
        assert budget_for_call(None, margin=0.5) <= 1.5
    with answering_within(0.1):
        assert 0 < budget_for_call(6.0, margin=0.5) <= 0.01  # no time left: fail fast, do not wait


def _identity(request: bytes) -> bytes:
    return request


def _server(handler) -> tuple[grpc.aio.Server, str]:
    server = grpc.aio.server()
    method = grpc.unary_unary_rpc_method_handler(handler, request_deserializer=_identity, response_serializer=_identity)
    server.add_generic_rpc_handlers((grpc.method_handlers_generic_handler("test.Chain", {"Call": method}),))
    port = free_port()
    server.add_insecure_port(f"127.0.0.1:{port}")
    return server, f"127.0.0.1:{port}"


@pytest.fixture
async def chain():
    """front -> back: back never answers; front asks it with a long deadline and falls back."""

    async def back(request, context):
        await asyncio.sleep(30)
        return b"too late"

    back_server, back_address = _server(back)
    back_channel = grpc.aio.insecure_channel(back_address, interceptors=client_interceptors(default_deadline=10.0))
    call_back = back_channel.unary_unary("/test.Chain/Call", request_serializer=_identity, response_deserializer=_identity)

    async def front(request, context):
        with answering_within(context.time_remaining()):
            try:
                return await call_back(request, timeout=10.0)
            except grpc.aio.AioRpcError as error:
                return f"fallback after {error.code().name}".encode()

    front_server, front_address = _server(front)
    await back_server.start()
    await front_server.start()
    front_channel = grpc.aio.insecure_channel(front_address)
    yield front_channel.unary_unary("/test.Chain/Call", request_serializer=_identity, response_deserializer=_identity)
    await front_channel.close()
    await back_channel.close()
    await front_server.stop(None)
    await back_server.stop(None)


async def test_a_hung_dependency_ends_in_the_callers_fallback_not_in_its_callers_timeout(chain):
    # The front's caller allows 2 s; the back never answers and the front asked it for 10 s.
    # Without the shrinking deadline the front's caller would get DEADLINE_EXCEEDED.
    answer = await chain(b"hello", timeout=2.0)
    assert answer == b"fallback after DEADLINE_EXCEEDED"
