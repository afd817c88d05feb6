"""gRPC clients to every service: one channel each, deadlines on every call, trace context and
the caller's token in metadata."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

import grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc
from opentelemetry.instrumentation.grpc import aio_client_interceptors

from parla.contracts.rpc.analytics.v1 import progress_pb2_grpc
from parla.contracts.rpc.content.v1 import review_pb2_grpc
from parla.contracts.rpc.persona.v1 import budget_pb2_grpc, persona_pb2_grpc
from parla.contracts.rpc.scenario.v1 import authoring_pb2_grpc, scenario_pb2_grpc


@dataclass
class ServiceClients:
    channels: dict[str, grpc.aio.Channel]
    deadline: float

    @classmethod
    def connect(cls, addresses: dict[str, str], *, deadline: float) -> ServiceClients:
        channels = {
            name: grpc.aio.insecure_channel(address, interceptors=aio_client_interceptors())
            for name, address in addresses.items()
        }
        return cls(channels, deadline)

    @property
    def scenario(self) -> scenario_pb2_grpc.ScenarioServiceStub:
        return scenario_pb2_grpc.ScenarioServiceStub(self.channels["scenario"])

    @property
    def authoring(self) -> authoring_pb2_grpc.ScenarioAuthoringServiceStub:
        return authoring_pb2_grpc.ScenarioAuthoringServiceStub(self.channels["scenario"])

    @property
    def personas(self) -> persona_pb2_grpc.PersonaServiceStub:
        return persona_pb2_grpc.PersonaServiceStub(self.channels["persona"])

    @property
    def budgets(self) -> budget_pb2_grpc.BudgetServiceStub:
        return budget_pb2_grpc.BudgetServiceStub(self.channels["persona"])

    @property
    def review(self) -> review_pb2_grpc.ReviewServiceStub:
        return review_pb2_grpc.ReviewServiceStub(self.channels["content"])

    @property
    def progress(self) -> progress_pb2_grpc.ProgressServiceStub:
        return progress_pb2_grpc.ProgressServiceStub(self.channels["analytics"])

    async def health(self) -> dict[str, str]:
        """Each service's gRPC health, by name (SERVING, NOT_SERVING or UNREACHABLE)."""

        async def check(name: str, channel: grpc.aio.Channel) -> tuple[str, str]:
            stub = health_pb2_grpc.HealthStub(channel)
            try:
                answer = await stub.Check(health_pb2.HealthCheckRequest(service=""), timeout=min(self.deadline, 2.0))
            except grpc.aio.AioRpcError:
                return name, "UNREACHABLE"
            return name, health_pb2.HealthCheckResponse.ServingStatus.Name(answer.status)

        return dict(await asyncio.gather(*(check(n, c) for n, c in self.channels.items())))

    async def close(self) -> None:
        await asyncio.gather(*(channel.close() for channel in self.channels.values()))
