"""What every gRPC client channel carries: trace context, a default deadline, and the rule that
no database transaction is open while the call waits (``parla.chassis.db.assert_no_transaction``)."""

from __future__ import annotations

from collections.abc import Sequence

import grpc
from opentelemetry.instrumentation.grpc import aio_client_interceptors

from parla.chassis.db import assert_no_transaction
from parla.chassis.deadlines import budget_for_call


class NoTransactionInterceptor(grpc.aio.UnaryUnaryClientInterceptor):
    """Refuses (in strict mode) a call started inside an open database transaction."""

    async def intercept_unary_unary(self, continuation, client_call_details, request):
        method = client_call_details.method
        assert_no_transaction(f"gRPC {method.decode() if isinstance(method, bytes) else method}")
        return await continuation(client_call_details, request)


class DeadlineInterceptor(grpc.aio.UnaryUnaryClientInterceptor):
    """A call without a deadline gets ``default``; inside a request being served, any call gets
    at most what that request has left, less a margin (``parla.chassis.deadlines``)."""

    def __init__(self, default: float | None) -> None:
        self._default = default

    async def intercept_unary_unary(self, continuation, client_call_details, request):
        wanted = client_call_details.timeout if client_call_details.timeout is not None else self._default
        timeout = budget_for_call(wanted)
        if timeout != client_call_details.timeout:
            client_call_details = client_call_details._replace(timeout=timeout)
        return await continuation(client_call_details, request)


def client_interceptors(
    *, default_deadline: float | None = None, extra: Sequence[grpc.aio.ClientInterceptor] = ()
) -> list[grpc.aio.ClientInterceptor]:
    """Interceptors for ``grpc.aio.insecure_channel``: the guard, the deadline, ``extra``, then
    trace context."""
    interceptors: list[grpc.aio.ClientInterceptor] = [NoTransactionInterceptor(), DeadlineInterceptor(default_deadline)]
    interceptors.extend(extra)
    return [*interceptors, *aio_client_interceptors()]
