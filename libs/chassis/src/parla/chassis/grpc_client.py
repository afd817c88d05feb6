"""What every gRPC client channel carries: trace context, a default deadline, and the rule that
no database transaction is open while the call waits (``parla.chassis.db.assert_no_transaction``)."""

from __future__ import annotations

from collections.abc import Sequence

import grpc
from opentelemetry.instrumentation.grpc import aio_client_interceptors

from parla.chassis.db import assert_no_transaction


class NoTransactionInterceptor(grpc.aio.UnaryUnaryClientInterceptor):
    """Refuses (in strict mode) a call started inside an open database transaction."""

    async def intercept_unary_unary(self, continuation, client_call_details, request):
        method = client_call_details.method
        assert_no_transaction(f"gRPC {method.decode() if isinstance(method, bytes) else method}")
        return await continuation(client_call_details, request)


class DefaultDeadlineInterceptor(grpc.aio.UnaryUnaryClientInterceptor):
    """Gives a call without a deadline this one: no call may wait for ever."""

    def __init__(self, seconds: float) -> None:
        self._seconds = seconds

    async def intercept_unary_unary(self, continuation, client_call_details, request):
        if client_call_details.timeout is None:
            client_call_details = client_call_details._replace(timeout=self._seconds)
        return await continuation(client_call_details, request)


def client_interceptors(
    *, default_deadline: float | None = None, extra: Sequence[grpc.aio.ClientInterceptor] = ()
) -> list[grpc.aio.ClientInterceptor]:
    """Interceptors for ``grpc.aio.insecure_channel``: the guard, trace context, then ``extra``."""
    interceptors: list[grpc.aio.ClientInterceptor] = [NoTransactionInterceptor()]
    if default_deadline is not None:
        interceptors.append(DefaultDeadlineInterceptor(default_deadline))
    interceptors.extend(extra)
    return [*interceptors, *aio_client_interceptors()]
