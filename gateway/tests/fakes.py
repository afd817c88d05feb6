"""Stand-ins for what surrounds the gateway: the services behind it (a gRPC server that answers
every method with NOT_FOUND, or with the message a test gave for it, and records what each call
carried, so tests can read what reached a service) and signed-in callers in front of it."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

import grpc
from google.protobuf.message import Message

from parla.devstack.testing import free_port


@dataclass(frozen=True)
class Call:
    method: str
    request: bytes
    metadata: dict[str, str]
    # Seconds left until the call's deadline when the service saw it; None without a deadline.
    time_remaining: float | None

    @property
    def name(self) -> str:
        return self.method.rsplit("/", 1)[-1]


@dataclass
class FakeServices(grpc.GenericRpcHandler):
    calls: list[Call] = field(default_factory=list)
    # What a method answers instead of NOT_FOUND, by its name (``GetCard``).
    answers: dict[str, bytes] = field(default_factory=dict)
    address: str = ""
    _server: grpc.aio.Server | None = None

    def service(self, handler_call_details: grpc.HandlerCallDetails) -> grpc.RpcMethodHandler:
        method = handler_call_details.method

        async def answer(request: bytes, context: grpc.aio.ServicerContext) -> bytes:
            metadata = {key: value for key, value in context.invocation_metadata() or () if isinstance(value, str)}
            call = Call(method, request, metadata, context.time_remaining())
            self.calls.append(call)
            if call.name in self.answers:
                return self.answers[call.name]
            await context.abort(grpc.StatusCode.NOT_FOUND, "nothing here")

        return grpc.unary_unary_rpc_method_handler(answer)

    def forget(self) -> None:
        """Back to answering NOT_FOUND with nothing recorded (between tests sharing one server)."""
        self.calls.clear()
        self.answers.clear()

    def answer(self, name: str, message: Message) -> None:
        """From now on, the method ``name`` answers with ``message``."""
        self.answers[name] = message.SerializeToString()

    def named(self, name: str) -> list[Call]:
        return [call for call in self.calls if call.name == name]

    async def start(self) -> None:
        self.address = f"127.0.0.1:{free_port()}"
        self._server = grpc.aio.server()
        self._server.add_generic_rpc_handlers((self,))
        self._server.add_insecure_port(self.address)
        await self._server.start()

    async def stop(self) -> None:
        if self._server is not None:
            await self._server.stop(grace=None)


def signed_in(signing_keys, *roles: str) -> tuple[str, dict[str, str]]:
    """A new learner's access token (with extra ``roles``), and the headers that send it."""
    token = signing_keys.token(str(uuid.uuid4()), roles=("learner", *roles))
    return token, {"Authorization": f"Bearer {token}"}
