"""Ratings and reviews of scenarios (organization service), under /scenarios/{id}/ratings."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Path, Query, Response

from parla.contracts.rpc.organization.v1 import ratings_pb2 as pb
from parla.gateway.deps import Clients, SignedIn
from parla.gateway.rating_schemas import RatingIn, RatingOut, RatingSummaryOut, ReviewPageOut, ReviewSort
from parla.gateway.schemas import ERROR_RESPONSES, from_message

router = APIRouter(
    prefix="/scenarios/{scenario_id}/ratings", tags=["ratings"], dependencies=[SignedIn], responses=ERROR_RESPONSES
)

# Typed so that an id that cannot be a scenario's or a rating's is a 422 before any call.
ScenarioId = Annotated[str, Path(max_length=100, pattern=r"^[a-z0-9-]+$", description="The scenario's id")]
RatingId = Annotated[uuid.UUID, Path(description="The rating's id")]


@router.put("")
async def rate_scenario(scenario_id: ScenarioId, body: RatingIn, clients: Clients) -> RatingOut:
    """Rate the scenario, or change your rating of it (one per learner and scenario). Only a
    scenario you completed a run of: before that the answer is 409."""
    request = pb.RateScenarioRequest(
        scenario_id=scenario_id,
        overall=body.overall,
        dimensions=pb.Dimensions(**body.dimensions.model_dump()),
        review=body.review,
    )
    return from_message(RatingOut, await clients.ratings.RateScenario(request))


@router.get("/mine")
async def my_rating(scenario_id: ScenarioId, clients: Clients) -> RatingOut:
    """Your rating of the scenario; 404 if you have not rated it."""
    return from_message(RatingOut, await clients.ratings.GetMyRating(pb.ScenarioRef(scenario_id=scenario_id)))


@router.delete("/mine", status_code=204, response_class=Response)
async def delete_my_rating(scenario_id: ScenarioId, clients: Clients) -> None:
    """Take back your rating and its review (the review's helpful votes go with it)."""
    await clients.ratings.DeleteRating(pb.ScenarioRef(scenario_id=scenario_id))


@router.get("/summary")
async def rating_summary(scenario_id: ScenarioId, clients: Clients) -> RatingSummaryOut:
    """How many rated the scenario, the mean, the stars distribution and each dimension's mean."""
    return from_message(RatingSummaryOut, await clients.ratings.GetRatingSummary(pb.ScenarioRef(scenario_id=scenario_id)))


@router.get("")
async def list_reviews(
    scenario_id: ScenarioId,
    clients: Clients,
    sort: Annotated[ReviewSort, Query(description="helpful: most helpful first; recent: newest first")] = "helpful",
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[int, Query(ge=0, le=10_000)] = 0,
) -> ReviewPageOut:
    """The scenario's reviews (ratings with a review), a page at a time."""
    request = pb.ListReviewsRequest(scenario_id=scenario_id, sort=sort, limit=limit, offset=offset)
    return from_message(ReviewPageOut, await clients.ratings.ListReviews(request))


@router.put("/{rating_id}/helpful")
async def vote_helpful(scenario_id: ScenarioId, rating_id: RatingId, clients: Clients) -> RatingOut:
    """Vote the review helpful: once (voting again changes nothing), never your own (403)."""
    return await _vote(scenario_id, rating_id, True, clients)


@router.delete("/{rating_id}/helpful")
async def take_back_helpful(scenario_id: ScenarioId, rating_id: RatingId, clients: Clients) -> RatingOut:
    """Take back your helpful vote; taking back a vote you did not give changes nothing."""
    return await _vote(scenario_id, rating_id, False, clients)


async def _vote(scenario_id: str, rating_id: uuid.UUID, helpful: bool, clients: Clients) -> RatingOut:
    # The service checks that the rating is of this scenario (404 otherwise), as the path says.
    request = pb.VoteHelpfulRequest(scenario_id=scenario_id, rating_id=str(rating_id), helpful=helpful)
    return from_message(RatingOut, await clients.ratings.VoteHelpful(request))
