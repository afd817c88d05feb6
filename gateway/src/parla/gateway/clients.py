"""gRPC clients to every service: one channel each. Interceptors give every call a deadline, the
caller's token, trace context and the rule that no database transaction is open while it waits,
so a route only builds its request."""

from __future__ import annotations

import asyncio
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cached_property

import grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc

from parla.chassis.grpc_client import client_interceptors
from parla.contracts.rpc.analytics.v1 import dashboard_pb2_grpc, discovery_pb2_grpc, gamification_pb2_grpc, progress_pb2_grpc
from parla.contracts.rpc.content.v1 import documents_pb2_grpc, review_pb2_grpc, words_pb2_grpc
from parla.contracts.rpc.organization.v1 import bookmarks_pb2_grpc, collections_pb2_grpc, ratings_pb2_grpc, tags_pb2_grpc
from parla.contracts.rpc.persona.v1 import budget_pb2_grpc, persona_pb2_grpc
from parla.contracts.rpc.scenario.v1 import authoring_pb2_grpc, scenario_pb2_grpc

# The signed-in caller's access token for the request being handled. Each request runs in its
# own task with its own copy of the context, so a token set while handling one request is never
# seen by another.
_caller_token: ContextVar[str | None] = ContextVar("parla_gateway_caller_token", default=None)


def act_for(token: str) -> None:
    """From here on in this request, calls to services carry this caller's token."""
    _caller_token.set(token)


def _caller_credentials() -> tuple[tuple[str, str], ...]:
    """The request's caller token as call metadata, so that each service verifies the caller itself."""
    token = _caller_token.get()
    return (("authorization", f"Bearer {token}"),) if token is not None else ()


@dataclass
class ServiceClients:
    channels: dict[str, grpc.aio.Channel]
    deadline: float
    # A turn waits on the tutor (the scenario service asks the persona service, which may ask an
    # AI provider), so it gets longer than other calls; the hops behind it have shorter deadlines.
    turn_deadline: float
    # Work the learner waits for (a fit of their FSRS parameters): longer than any other call.
    work_deadline: float = 130.0

    @classmethod
    def connect(
        cls, addresses: dict[str, str], *, deadline: float, turn_deadline: float, work_deadline: float = 130.0
    ) -> ServiceClients:
        interceptors = client_interceptors(default_deadline=deadline, metadata=_caller_credentials)
        channels = {name: grpc.aio.insecure_channel(address, interceptors=interceptors) for name, address in addresses.items()}
        return cls(channels, deadline, turn_deadline, work_deadline)

    # Stubs are built once: a stub makes a callable for each of its methods.
    @cached_property
    def scenario(self) -> scenario_pb2_grpc.ScenarioServiceStub:
        return scenario_pb2_grpc.ScenarioServiceStub(self.channels["scenario"])

    @cached_property
    def authoring(self) -> authoring_pb2_grpc.ScenarioAuthoringServiceStub:
        return authoring_pb2_grpc.ScenarioAuthoringServiceStub(self.channels["scenario"])

    @cached_property
    def personas(self) -> persona_pb2_grpc.PersonaServiceStub:
        return persona_pb2_grpc.PersonaServiceStub(self.channels["persona"])

    @cached_property
    def budgets(self) -> budget_pb2_grpc.BudgetServiceStub:
        return budget_pb2_grpc.BudgetServiceStub(self.channels["persona"])

    @cached_property
    def review(self) -> review_pb2_grpc.ReviewServiceStub:
        return review_pb2_grpc.ReviewServiceStub(self.channels["content"])

    @cached_property
    def documents(self) -> documents_pb2_grpc.DocumentServiceStub:
        return documents_pb2_grpc.DocumentServiceStub(self.channels["content"])

    @cached_property
    def words(self) -> words_pb2_grpc.WordServiceStub:
        return words_pb2_grpc.WordServiceStub(self.channels["content"])

    @cached_property
    def collections(self) -> collections_pb2_grpc.CollectionServiceStub:
        return collections_pb2_grpc.CollectionServiceStub(self.channels["organization"])

    @cached_property
    def tags(self) -> tags_pb2_grpc.TagServiceStub:
        return tags_pb2_grpc.TagServiceStub(self.channels["organization"])

    @cached_property
    def bookmarks(self) -> bookmarks_pb2_grpc.BookmarkServiceStub:
        return bookmarks_pb2_grpc.BookmarkServiceStub(self.channels["organization"])

    @cached_property
    def ratings(self) -> ratings_pb2_grpc.RatingServiceStub:
        return ratings_pb2_grpc.RatingServiceStub(self.channels["organization"])

    @cached_property
    def discovery(self) -> discovery_pb2_grpc.DiscoveryServiceStub:
        return discovery_pb2_grpc.DiscoveryServiceStub(self.channels["analytics"])

    @cached_property
    def dashboard(self) -> dashboard_pb2_grpc.DashboardServiceStub:
        return dashboard_pb2_grpc.DashboardServiceStub(self.channels["analytics"])

    @cached_property
    def gamification(self) -> gamification_pb2_grpc.GamificationServiceStub:
        return gamification_pb2_grpc.GamificationServiceStub(self.channels["analytics"])

    @cached_property
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
