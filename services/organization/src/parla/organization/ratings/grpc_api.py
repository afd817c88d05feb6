"""gRPC servicer: translates messages and delegates to ``RatingService``."""

from __future__ import annotations

from parla.chassis.auth import principal
from parla.chassis.grpc_server import timestamp
from parla.contracts.rpc.organization.v1 import ratings_pb2 as pb
from parla.contracts.rpc.organization.v1 import ratings_pb2_grpc
from parla.organization.ratings.domain import DIMENSIONS, Rating, Summary
from parla.organization.ratings.service import RatingService

SERVICE_NAME = pb.DESCRIPTOR.services_by_name["RatingService"].full_name
add_to_server = ratings_pb2_grpc.add_RatingServiceServicer_to_server


def rating_message(rating: Rating) -> pb.Rating:
    return pb.Rating(
        id=str(rating.id),
        scenario_id=rating.scenario_id,
        user_id=str(rating.user_id),
        overall=rating.overall,
        dimensions=pb.Dimensions(**rating.dimensions),
        review=rating.review,
        helpful_count=rating.helpful_count,
        voted_helpful=rating.voted_helpful,
        mine=rating.mine,
        created_at=timestamp(rating.created_at),
        updated_at=timestamp(rating.updated_at),
    )


def summary_message(summary: Summary) -> pb.RatingSummary:
    return pb.RatingSummary(
        scenario_id=summary.scenario_id,
        count=summary.count,
        mean=summary.mean,
        distribution=list(summary.distribution),
        dimensions=pb.DimensionMeans(**summary.dimension_means),
        review_count=summary.review_count,
    )


class RatingServicer(ratings_pb2_grpc.RatingServiceServicer):
    def __init__(self, service: RatingService) -> None:
        self._service = service

    async def RateScenario(self, request: pb.RateScenarioRequest, context) -> pb.Rating:
        dimensions = {name: getattr(request.dimensions, name) for name in DIMENSIONS}
        rating = await self._service.rate(
            principal(), request.scenario_id, overall=request.overall, dimensions=dimensions, review=request.review
        )
        return rating_message(rating)

    async def GetMyRating(self, request: pb.ScenarioRef, context) -> pb.Rating:
        return rating_message(await self._service.mine(principal(), request.scenario_id))

    async def DeleteRating(self, request: pb.ScenarioRef, context) -> pb.DeleteRatingResponse:
        await self._service.delete(principal(), request.scenario_id)
        return pb.DeleteRatingResponse()

    async def GetRatingSummary(self, request: pb.ScenarioRef, context) -> pb.RatingSummary:
        return summary_message(await self._service.summary(principal(), request.scenario_id))

    async def ListReviews(self, request: pb.ListReviewsRequest, context) -> pb.ReviewPage:
        page = await self._service.reviews(
            principal(), request.scenario_id, sort=request.sort, limit=request.limit, offset=request.offset
        )
        return pb.ReviewPage(reviews=[rating_message(review) for review in page.reviews], has_more=page.has_more)

    async def VoteHelpful(self, request: pb.VoteHelpfulRequest, context) -> pb.Rating:
        rating = await self._service.vote(
            principal(), request.rating_id, helpful=request.helpful, scenario_id=request.scenario_id
        )
        return rating_message(rating)
