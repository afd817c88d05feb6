"""gRPC servicer of discovery: translates messages and delegates to ``DiscoveryService``."""

from __future__ import annotations

from parla.analytics.discovery.recommend import Reason
from parla.analytics.discovery.service import Discovered, DiscoveryService
from parla.chassis.auth import principal
from parla.contracts.rpc.analytics.v1 import discovery_pb2 as pb
from parla.contracts.rpc.analytics.v1 import discovery_pb2_grpc

SERVICE_NAME = pb.DESCRIPTOR.services_by_name["DiscoveryService"].full_name
add_to_server = discovery_pb2_grpc.add_DiscoveryServiceServicer_to_server


def scenario_message(found: Discovered, language: str) -> pb.DiscoveredScenario:
    titles = found.scenario.titles or {}
    stats = found.stats
    return pb.DiscoveredScenario(
        scenario_id=found.scenario.scenario_id,
        title=titles.get(language) or next(iter(titles.values()), ""),
        category=found.scenario.category,
        difficulty=found.scenario.difficulty,
        score=found.score,
        ratings=found.row.ratings,
        mean_rating=found.row.mean_rating,
        completions=stats.completions if stats else 0,
        bookmarks=stats.bookmarks if stats else 0,
    )


def recommended_message(found: Discovered, reason: Reason, language: str) -> pb.Recommended:
    return pb.Recommended(
        scenario=scenario_message(found, language), reason=reason.text, reason_code=reason.code, reason_params=dict(reason.params)
    )


class DiscoveryServicer(discovery_pb2_grpc.DiscoveryServiceServicer):
    def __init__(self, service: DiscoveryService) -> None:
        self._service = service

    async def _page(self, order: str, request: pb.DiscoveryRequest) -> pb.DiscoveryPage:
        page = await self._service.page(
            order, language=request.language, category=request.category, limit=request.limit, offset=request.offset
        )
        return pb.DiscoveryPage(scenarios=[scenario_message(f, request.language) for f in page.scenarios], has_more=page.has_more)

    async def ListTrending(self, request: pb.DiscoveryRequest, context) -> pb.DiscoveryPage:
        return await self._page("trending", request)

    async def ListPopular(self, request: pb.DiscoveryRequest, context) -> pb.DiscoveryPage:
        return await self._page("popular", request)

    async def ListTopRated(self, request: pb.DiscoveryRequest, context) -> pb.DiscoveryPage:
        return await self._page("top_rated", request)

    async def GetHub(self, request: pb.HubRequest, context) -> pb.Hub:
        caller = principal()
        user_id = None if caller.is_service else caller.user_id
        hub = await self._service.hub(language=request.language, limit=request.limit, user_id=user_id, level=request.level)

        def messages(found: list[Discovered]) -> list[pb.DiscoveredScenario]:
            return [scenario_message(f, request.language) for f in found]

        return pb.Hub(
            trending=messages(hub["trending"]),
            popular=messages(hub["popular"]),
            top_rated=messages(hub["top_rated"]),
            categories=[pb.CategoryList(category=c, scenarios=messages(found)) for c, found in hub["categories"].items()],
            recommended=[recommended_message(f, reason, request.language) for f, reason in hub["recommended"]],
        )

    async def Recommend(self, request: pb.RecommendRequest, context) -> pb.Recommendations:
        found = await self._service.recommend(
            principal().user_id, language=request.language, level=request.level, limit=request.limit
        )
        return pb.Recommendations(recommended=[recommended_message(f, reason, request.language) for f, reason in found])
